import Testing
@testable import TerminalUI

@Suite struct ChartTests {
    let red = Style(foreground: .indexed(1)), blue = Style(foreground: .indexed(4))

    func text(_ b: Buffer) -> [String] {
        (0..<b.height).map { y in String((0..<b.width).map { x in Character(b[x, y].text) }) }
    }

    @Test func brailleCellsHoldTwoByFourDotsCountedFromTheBottom() {
        var canvas = ChartCanvas(area: Rect(x: 0, y: 0, width: 1, height: 1), ascii: false)
        canvas.plot(x: 0, y: 3, style: red, mark: "*")   // top left: dot 1
        canvas.plot(x: 1, y: 0, style: red, mark: "*")   // bottom right: dot 8
        var b = Buffer(width: 1, height: 1)
        canvas.draw(into: &b)
        #expect(b[0, 0].text == "\u{2881}")
        var ascii = ChartCanvas(area: Rect(x: 0, y: 0, width: 2, height: 2), ascii: true)
        ascii.line(from: (0, 0), to: (1, 1), style: red, mark: "*")
        var a = Buffer(width: 2, height: 2)
        ascii.draw(into: &a)
        #expect(text(a) == [" *", "* "])
    }

    @Test func barsRiseInEighthsAndStandOnTheirSlot() {
        let axes = ChartAxes(yMax: 2, xLabels: ["a", "b"], cursor: nil)
        let chart = SeriesChart(.bars, series: [ChartSeries(name: "n", values: [1.25, 2], style: red, mark: "#")], axes: axes)
        var b = Buffer(width: 12, height: 6)
        chart.draw(in: b.bounds, into: &b, axis: blue, cursor: blue, ascii: false)
        let rows = text(b)
        // A plot nine cells wide and four high: two slots of four, bars three wide.
        // 1.25 of 2 is two and a half cells (two full, a half block); 2 of 2 is all four.
        #expect(rows[0].filter { $0 == "█" }.count == 3, "only the full bar reaches the top\n\(rows.joined(separator: "\n"))")
        #expect(rows[1].filter { $0 == "▄" }.count == 3)
        #expect(rows[3].filter { $0 == "█" }.count == 6)
        var ascii = Buffer(width: 12, height: 6)
        chart.draw(in: ascii.bounds, into: &ascii, axis: blue, cursor: blue, ascii: true)
        #expect(!text(ascii).joined().contains("█"))
        #expect(text(ascii).joined().filter { $0 == "#" }.count == 18, "2 + 4 rows of three-wide bars; no half cells in ASCII")
    }

    @Test func stackedBandsFillToTheirTotalsWithTheirOwnGlyphs() {
        let axes = ChartAxes(yMax: 4, xLabels: ["d1", "d2"], cursor: nil)
        let bands = [ChartSeries(name: "done", values: [1, 3], style: red, mark: "#", glyph: "█"),
                     ChartSeries(name: "doing", values: [2, 1], style: blue, mark: "+", glyph: "▒")]
        var b = Buffer(width: 8, height: 6)
        SeriesChart(.stacked, series: bands, axes: axes).draw(in: b.bounds, into: &b, axis: blue, cursor: blue, ascii: true)
        let rows = text(b)
        let first = rows[0..<4].map { Array($0)[3] }, last = rows[0..<4].map { Array($0)[7] }
        #expect(String(first) == " ++#", "day 1: one done, two doing, top row empty")
        #expect(String(last) == "+###", "day 2: three done, one doing")
    }
}
