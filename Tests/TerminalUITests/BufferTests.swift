import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func wideCharactersTakeTwoCellsAndNeverOverflow() {
        var b = Buffer(width: 7, height: 1)
        let used = b.put("a漢字b", x: 0, y: 0, style: .plain)
        #expect(used == 6)
        #expect(b[1, 0].text == "漢" && b[1, 0].width == 2 && b[2, 0].isContinuation)
        #expect(b.lines == ["a漢字b "])
        var narrow = Buffer(width: 4, height: 1)
        narrow.put("ab漢", x: 1, y: 0, style: .plain)
        #expect(narrow.lines == [" ab "], "a wide character that does not fit is left out")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = Buffer(width: 4, height: 1)
        b.put("漢字", x: 0, y: 0, style: .plain)
        b.put("x", x: 1, y: 0, style: .plain)
        #expect(b.lines == [" x字"])
    }

    @Test func putPaddedCutsWithAnEllipsis() {
        var b = Buffer(width: 10, height: 1)
        b.putPadded("日本語のタイトル", x: 0, y: 0, width: 7, style: .plain)
        #expect(b.lines == ["日本語…   "])
        #expect(DisplayWidth.of(b.lines[0]) == 10)
    }

    @Test func controlCharactersNeverReachCells() {
        var b = Buffer(width: 20, height: 1)
        b.put("\u{1B}]52;c;x\u{07}", x: 0, y: 0, style: .plain)
        #expect(!b.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
        #expect(b.lines[0].hasPrefix("␛]52;c;x␇"))
    }

    @Test func keymapOverridesMoveKeysBetweenActions() {
        enum A: Hashable, Sendable { case left, right }
        var map = KeyMap<A>([.init([.char("h")], .left, name: "left", help: "", group: ""),
                             .init([.char("l")], .right, name: "right", help: "", group: "")])
        let problems = map.override(["right": ["h", "S-right"], "nope": ["x"], "left": ["bogus-key"]])
        #expect(map.action(for: .char("h")) == .right)
        #expect(map.action(for: .shiftRight) == .right)
        #expect(map.action(for: .char("l")) == nil)
        #expect(problems == ["left: unknown key in bogus-key", "unknown action nope"])
        #expect(Key(name: "C-r") == .ctrl("r"))
        #expect(Key(name: "F5") == .function(5))
        #expect(Key.shiftRight.description == "S-right")
    }
}
