import Testing
@testable import TerminalUI

@Suite struct TableTests {
    let styles = Table<Int>.Styles(header: Style(attributes: .bold), row: .plain, selected: Style(attributes: .reverse), more: .plain)

    func table(selected: Int?, focused: Bool = true) -> Table<Int> {
        Table(columns: [.init("N", width: 3, text: { "\($0)" }), .init("WORDS", width: nil, text: { String(repeating: "漢", count: $0) })],
              rows: Array(1...10), selected: selected, focused: focused)
    }

    @Test func theLastColumnTakesTheRestAndWideTextIsCutWhole() {
        var b = Buffer(width: 12, height: 4)
        table(selected: 0).draw(in: b.bounds, into: &b, styles: styles)
        #expect(b.lines[0] == " N   WORDS  ")
        #expect(b.lines[1] == "▌1   漢     ")
        #expect(b.lines[2] == " 2   漢漢   ")
        #expect(b.lines[3].hasSuffix("↓ 7 more  "))
        var narrow = Buffer(width: 10, height: 11)
        table(selected: nil).draw(in: narrow.bounds, into: &narrow, styles: styles)
        #expect(narrow.lines[6] == " 6   漢漢…", "cut with … and never half a wide character: \(narrow.lines[6])")
        #expect(b[0, 1].style == Style(attributes: .reverse), "the selected row has the selection style")
    }

    @Test func theSelectedRowStaysInViewAndTheRestIsCounted() {
        var b = Buffer(width: 20, height: 4)
        table(selected: 7).draw(in: b.bounds, into: &b, styles: styles)
        #expect(b.lines[1].hasPrefix(" 6") && b.lines[3].hasPrefix("▌8"), "\(b.lines)")
        #expect(b.lines[3].contains("↓ 2 more"))
        var unfocused = Buffer(width: 20, height: 4)
        table(selected: 7, focused: false).draw(in: unfocused.bounds, into: &unfocused, styles: styles)
        #expect(unfocused.lines[3].hasPrefix(" 8"), "no bar while focus is elsewhere, same scroll")
    }
}
