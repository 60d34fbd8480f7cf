import Planning
import Testing
@testable import TerminalUI

/// A terminal as xterm and tmux behave: writing a cell replaces what was there, and writing over
/// either half of a wide character blanks its other half.
private struct ModelTerminal {
    var cells: [[Cell]]

    init(width: Int, height: Int) {
        cells = Array(repeating: Array(repeating: Cell.blank, count: width), count: height)
    }

    mutating func apply(_ runs: [BufferRun]) {
        for run in runs {
            for (i, cell) in run.cells.enumerated() where !cell.isContinuation { write(cell, x: run.x + i, y: run.y) }
        }
    }

    private mutating func write(_ cell: Cell, x: Int, y: Int) {
        let width = cells[y].count
        for col in x..<min(width, x + Int(cell.width)) {
            if cells[y][col].isContinuation, col > 0 { cells[y][col - 1] = .blank }
            if cells[y][col].width == 2, col + 1 < width { cells[y][col + 1] = .blank }
        }
        cells[y][x] = cell
        if cell.width == 2, x + 1 < width { cells[y][x + 1] = Cell("", style: cell.style, width: 0) }
    }

    var lines: [String] {
        cells.map { row in row.filter { !$0.isContinuation }.map(\.text).joined() }
    }
}

@Suite struct BufferDiffTests {
    private static let samples = ["a", "漢", "👩‍👩‍👧‍👦", "🇺🇦", "👍🏽", "e\u{301}", "❤️", " ", "字x", "ab"]

    private func randomFrame(width: Int, height: Int, using rng: inout SplitMix) -> Buffer {
        var b = Buffer(width: width, height: height)
        for _ in 0..<(width * height / 2 + 1) {
            let text = Self.samples.randomElement(using: &rng)!
            let style: Style = Int.random(in: 0..<3, using: &rng) == 0 ? Style(attributes: .bold) : .plain
            b.put(text, x: Int.random(in: -1..<width, using: &rng), y: Int.random(in: 0..<height, using: &rng), style: style)
        }
        return b
    }

    @Test func applyingTheDiffEqualsAFullRepaintOnWideAndJoinedText() {
        var rng = SplitMix(seed: 7)
        for (width, height) in [(1, 1), (2, 3), (5, 2), (9, 4), (16, 3)] {
            for _ in 0..<300 {
                let before = randomFrame(width: width, height: height, using: &rng)
                let after = randomFrame(width: width, height: height, using: &rng)
                var terminal = ModelTerminal(width: width, height: height)
                terminal.apply(before.diff(from: nil))
                #expect(terminal.lines == before.lines)
                terminal.apply(after.diff(from: before))
                #expect(terminal.lines == after.lines, "\(width)×\(height): \(before.lines) → \(after.lines)")
                if terminal.lines != after.lines { return }
            }
        }
    }

    @Test func onlyChangedCellsAreSentAndWideCharactersWhole() {
        var before = Buffer(width: 6, height: 2)
        before.put("ab漢d", x: 0, y: 0, style: .plain)
        var after = before
        after.put("x", x: 3, y: 0, style: .plain)
        let runs = after.diff(from: before)
        #expect(runs == [BufferRun(x: 2, y: 0, cells: [Cell(" "), Cell("x")])],
                "writing over the continuation redraws the blanked first half too")
        #expect(before.diff(from: before).isEmpty)
        var wide = before
        wide.put("字", x: 0, y: 1, style: .plain)
        #expect(wide.diff(from: before).map(\.cells.count) == [2], "a new wide character is sent with its continuation")
    }
}
