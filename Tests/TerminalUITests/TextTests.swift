import Foundation
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
        #expect(DisplayWidth.of("❤️") == 1, "VS16 after a text-style symbol is left out: ncurses counts one cell")
    }

    @Test func clustersTerminalsDisagreeOnAreDrawnInAFormTheyAgreeOn() {
        let family = DisplayWidth.cells(of: "👩‍👩‍👧‍👦")
        #expect(family.map(\.text) == ["👩", "👩", "👧", "👦"], "a ZWJ sequence is its emoji side by side")
        #expect(DisplayWidth.of("👩‍👩‍👧‍👦") == 8)
        #expect(DisplayWidth.cells(of: "🇺🇦").map(\.width) == [1, 1], "a flag is two regional indicators")
        #expect(DisplayWidth.cells(of: "👍🏽").map(\.text) == ["👍"], "a skin tone is left out")
        #expect(DisplayWidth.cells(of: "e\u{301}").map(\.text) == ["e\u{301}"], "combining marks stay on their letter")
        #expect(DisplayWidth.of("🎉\u{FE0F}") == 2)
    }

    /// ncurses places characters by the C library's wcwidth, and tmux and xterm draw by it: a
    /// scalar measured differently here would shift every cell after it on the row.
    @Test func everyScalarMeasuresAsTheCLibraryDoes() throws {
        typealias WidthFunction = @convention(c) (Int32) -> Int32
        let symbol = try #require(dlsym(dlopen(nil, RTLD_NOW), "wcwidth"))
        let wcwidth = unsafeBitCast(symbol, to: WidthFunction.self)
        let saved = String(cString: setlocale(LC_CTYPE, nil))
        defer { setlocale(LC_CTYPE, saved) }
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        var differences: [String] = []
        for v in UInt32(0x20)...0x3FFFF {
            guard let s = Unicode.Scalar(v), s.properties.generalCategory != .unassigned else { continue }
            let expected = Int(wcwidth(Int32(bitPattern: v)))
            if expected >= 0 && DisplayWidth.of(s) != expected { differences.append("U+\(String(v, radix: 16, uppercase: true))") }
        }
        #expect(differences.isEmpty, "measured differently from wcwidth: \(differences.prefix(20))")
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
