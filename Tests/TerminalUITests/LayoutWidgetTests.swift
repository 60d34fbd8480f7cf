import Testing
@testable import TerminalUI

/// Panels, scrolling lists and rectangle splits: the pieces every screen and overlay is laid out with.
@Suite struct LayoutWidgetTests {
    @Test func columnsGiveFixedWidthsAndShareTheRest() {
        let r = Rect(x: 2, y: 1, width: 31, height: 5)
        let parts = r.columns([10, nil, 5, nil], gap: 1)
        #expect(parts.map(\.width) == [10, 6, 5, 7], "31 less 15 fixed and 3 gaps leaves 13: 6 and, for the last, 7")
        #expect(parts.map(\.x) == [2, 13, 20, 26])
        #expect(parts.allSatisfy { $0.y == 1 && $0.height == 5 })
        #expect(parts.last?.maxX == r.maxX, "the parts end where the rectangle does")
        let tight = Rect(x: 0, y: 0, width: 8, height: 1).columns([6, nil, 6])
        #expect(tight.map(\.width) == [6, 0, 2], "too little room: later parts get what is left, never a negative width")
        let rows = Rect(x: 0, y: 3, width: 4, height: 10).rows([nil, 2])
        #expect(rows.map(\.y) == [3, 11] && rows.map(\.height) == [8, 2])
    }

    @Test func aPanelIsCentredFramedAndTitledAndGivesItsInside() {
        var b = Buffer(width: 20, height: 7)
        let box = Panel.centred(width: 12, height: 5, in: b.bounds)
        #expect(box == Rect(x: 4, y: 1, width: 12, height: 5))
        #expect(Panel.centred(width: 99, height: 99, in: b.bounds) == Rect(x: 1, y: 1, width: 18, height: 5), "never larger than the area less a cell each side")
        let inside = Panel(title: "Keys and more").draw(in: box, into: &b, styles: .init(fill: .plain, border: .plain, title: Style(attributes: .bold)))
        #expect(inside == Rect(x: 5, y: 2, width: 10, height: 3))
        #expect(b.lines[1] == "    ┌─ Keys an─┐    ", "the title is cut to fit inside the corners: \(b.lines[1])")
        #expect(b.lines[5] == "    └──────────┘    ")
    }

    @Test func aScrollListKeepsTheSelectionInViewAndCountsWhatIsBelow() {
        let list = ScrollList(count: 10, selected: 7)
        #expect(list.firstShown(visible: 4) == 4)
        #expect(ScrollList(count: 10, selected: 1).firstShown(visible: 4) == 0)
        #expect(ScrollList(count: 3, selected: 2).firstShown(visible: 5) == 0, "a short list never scrolls")
        var b = Buffer(width: 12, height: 4)
        var drawn: [Int] = []
        let range = ScrollList(count: 10, selected: 1).draw(in: b.bounds, into: &b, more: .plain) { i, r, buffer in
            drawn.append(i)
            buffer.put("漢字 \(i)", x: r.x, y: r.y, style: .plain)
        }
        #expect(range == 0..<4 && drawn == [0, 1, 2, 3])
        #expect(b.lines[0] == "漢字 0      ")
        #expect(b.lines[3] == "漢 ↓ 6 more ", "the marker sits on the last line, says how many lie below, and never leaves half a wide character: \(b.lines[3])")
        var end = Buffer(width: 12, height: 4)
        let last = ScrollList(count: 10, selected: 9).draw(in: end.bounds, into: &end, more: .plain) { i, r, buffer in
            buffer.put("row \(i)", x: r.x, y: r.y, style: .plain)
        }
        #expect(last == 6..<10 && end.lines[3] == "row 9       ", "nothing below: no marker")
    }
}
