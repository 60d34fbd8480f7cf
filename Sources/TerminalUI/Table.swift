/// A table in a rectangle: a header row, fixed-width columns and a last one that takes the rest,
/// a selection bar down the left edge, scrolling that keeps the selected row in view, and a
/// "↓ N more" marker when rows lie below. Screens give rows and how to show them; the widths,
/// cutting and scrolling are the same everywhere.
public struct Table<Row> {
    public struct Column {
        public var title: String
        /// Cells; nil for the last column, which takes what is left.
        public var width: Int?
        public var text: (Row) -> String
        /// A row's own style for this cell (a severity colour), or nil for the row's style.
        public var style: (Row) -> Style?

        public init(_ title: String, width: Int?, text: @escaping (Row) -> String, style: @escaping (Row) -> Style? = { _ in nil }) {
            self.title = title
            self.width = width
            self.text = text
            self.style = style
        }
    }

    public struct Styles {
        public var header: Style, row: Style, selected: Style, more: Style

        public init(header: Style, row: Style, selected: Style, more: Style) {
            self.header = header
            self.row = row
            self.selected = selected
            self.more = more
        }
    }

    public var columns: [Column]
    public var rows: [Row]
    /// The selected row's index, kept in view and drawn with the bar unless focus is elsewhere.
    public var selected: Int?
    public var focused: Bool

    public init(columns: [Column], rows: [Row], selected: Int?, focused: Bool = true) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.focused = focused
    }

    /// The first row shown when `visible` rows fit: the selected one stays on screen.
    public func firstShown(visible: Int) -> Int {
        ScrollList(count: rows.count, selected: selected).firstShown(visible: visible)
    }

    public func draw(in r: Rect, into buffer: inout Buffer, styles: Styles) {
        guard r.height > 1 else { return }
        var x = r.x + 1
        for column in columns {
            let w = column.width ?? max(0, r.maxX - x)
            buffer.putPadded(column.title, x: x, y: r.y, width: w, style: styles.header)
            x += w + 1
        }
        let visible = r.height - 1
        let first = firstShown(visible: visible)
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = r.y + 1 + offset
            let isSelected = focused && first + offset == selected
            let base = isSelected ? styles.selected : styles.row
            buffer.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: base)
            if isSelected { buffer.put("▌", x: r.x, y: y, style: base) }
            var cx = r.x + 1
            for column in columns {
                let w = column.width ?? max(0, r.maxX - cx)
                buffer.putPadded(column.text(row), x: cx, y: y, width: w, style: isSelected ? base : column.style(row) ?? base)
                cx += w + 1
            }
        }
        if first + visible < rows.count {
            buffer.put("↓ \(rows.count - first - visible) more", x: r.maxX - 10, y: r.maxY - 1, style: styles.more)
        }
    }
}
