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

    @Test func keymapOverridesMoveKeysBetweenActionsAndSayWhich() {
        enum A: Hashable, Sendable { case left, right, act, new }
        var map = KeyMap<A>([.init([.char("h")], .left, name: "left", help: "", group: ""),
                             .init([.char("l")], .right, name: "right", help: "", group: ""),
                             .init([.char("n")], .new, name: "new", help: "", group: "", context: "board"),
                             .init([.char("a")], .act, name: "act", help: "", group: "", context: "standup")])
        let problems = map.override([.init(context: nil, name: "right", keys: ["h", "S-right"], line: 3),
                                     .init(context: nil, name: "nope", keys: ["x"], line: 4),
                                     .init(context: nil, name: "left", keys: ["bogus-key"], line: 5),
                                     .init(context: "board", name: "new", keys: ["a"], line: 7)])
        #expect(map.action(for: .char("h")) == .right)
        #expect(map.action(for: .shiftRight) == .right)
        #expect(map.action(for: .char("l")) == nil)
        #expect(problems == ["line 3: keys.right: h was left's key (global) and is now right's, which has no key left",
                             "line 4: keys.nope: unknown action nope",
                             "line 5: keys.left: unknown key in bogus-key"])
        #expect(map.action(for: .char("a"), in: "board") == .new, "a board key")
        #expect(map.action(for: .char("a"), in: "standup") == .act, "the stand-up keeps its own a")
        #expect(map.action(for: .char("h"), in: "board") == .right, "global keys work on every screen")
        #expect(map.elsewhere(.char("a"), notIn: "timeline")?.context == "board")
        #expect(map.conflicts.isEmpty)
        #expect(Key(name: "C-r") == .ctrl("r"))
        #expect(Key(name: "F5") == .function(5))
        #expect(Key.shiftRight.description == "S-right")
    }
}
