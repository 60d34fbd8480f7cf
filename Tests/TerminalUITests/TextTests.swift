import Testing
@testable import TerminalUI

@Suite struct TextTests {
    @Test func measuresWideNarrowAndZeroWidthText() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
        #expect(DisplayWidth.of("🎉") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1, "e + combining acute is one cell")
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("❤️") == 2, "VS16 makes emoji presentation")
    }

    @Test func truncatesByCellsWithoutSplittingCharacters() {
        #expect(DisplayWidth.truncate("Hello world", to: 8) == "Hello w…")
        #expect(DisplayWidth.truncate("漢字漢字", to: 6) == "漢字…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("漢字漢字", to: 6)) == 5)
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.pad("漢", to: 4) == "漢  ")
    }

    @Test func sanitiserDefusesEscapeSequences() {
        let osc52 = "pwn\u{1B}]52;c;ZXZpbA==\u{07}ed"
        #expect(Sanitizer.clean(osc52) == "pwn␛]52;c;ZXZpbA==␇ed")
        #expect(Sanitizer.clean("\u{1B}[2J\u{1B}[H") == "␛[2J␛[H")
        #expect(Sanitizer.clean("a\tb\nc\rd") == "a b c d")
        #expect(Sanitizer.clean("c1\u{9B}31m") == "c1�31m")
        #expect(Sanitizer.clean("bidi\u{202E}txet") == "bidi�txet")
        #expect(Sanitizer.clean("plain ✓ 漢") == "plain ✓ 漢")
    }

    @Test func textFieldEdits() {
        var f = TextField("hello world")
        let handled = f.handle(.ctrl("w"))
        #expect(handled)
        #expect(f.value == "hello ")
        _ = f.handle(.home)
        _ = f.handle(.char(">"))
        #expect(f.value == ">hello ")
        _ = f.handle(.end)
        _ = f.handle(.backspace)
        _ = f.handle(.left)
        _ = f.handle(.delete)
        #expect(f.value == ">hell")
        _ = f.handle(.ctrl("u"))
        #expect(f.value == "")
        let enterHandled = f.handle(.enter)
        #expect(!enterHandled, "enter is for the prompt, not the field")
    }

    @Test func textFieldScrollsToKeepTheCursorVisible() {
        let f = TextField("abcdefghijklmnopqrstuvwxyz")
        var b = Buffer(width: 10, height: 1)
        let cursor = f.draw(into: &b, x: 0, y: 0, width: 10, style: .plain)
        #expect(cursor == 9)
        #expect(b.lines[0].hasPrefix("rstuvwxyz"))
    }
}
