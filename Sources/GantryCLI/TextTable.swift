import TerminalUI

/// An aligned table for people: columns sized by display width (CJK and emoji line up), user text
/// sanitised so it cannot drive the terminal, and the last column allowed to run long.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) { self.headers = headers }
    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ cells: [String]) { rows.append(cells.map(Sanitizer.clean)) }

    func rendered(maxLastColumn: Int = 80) -> String {
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], min(DisplayWidth.of(cell), i == widths.count - 1 ? maxLastColumn : 40))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let limit = i == cells.count - 1 ? maxLastColumn : 40
                let cut = DisplayWidth.truncate(cell, to: limit)
                return i == cells.count - 1 ? cut : DisplayWidth.pad(cut, to: widths[i])
            }.joined(separator: "  ").trailingSpacesRemoved
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    /// Empty cells at the end of a row leave no spaces behind.
    fileprivate var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
