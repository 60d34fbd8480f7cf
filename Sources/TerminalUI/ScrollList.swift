/// Rows in a rectangle that scroll to keep the selected one in view, with a "↓ N more" marker
/// when rows lie below. The screen draws each row; where the list starts and what is cut off is
/// the same for every list (the stand-up walk, the activity feed, the help, tables, forms).
public struct ScrollList {
    public var count: Int
    public var selected: Int?

    public init(count: Int, selected: Int?) {
        self.count = count
        self.selected = selected
    }

    /// The first row shown when `visible` rows fit: the selected one stays on screen, and the
    /// list never scrolls past its end.
    public func firstShown(visible: Int) -> Int {
        guard visible > 0 else { return 0 }
        return min(max(0, (selected ?? 0) - visible + 1), max(0, count - visible))
    }

    /// Draws the rows that fit in `r`, one per line, by calling `row(index, rect)`; returns the
    /// range drawn. With a `more` style, a marker on the last line says how many lie below.
    @discardableResult
    public func draw(in r: Rect, into buffer: inout Buffer, first: Int? = nil, more: Style? = nil,
                     row: (Int, Rect, inout Buffer) -> Void) -> Range<Int> {
        let start = min(max(0, first ?? firstShown(visible: r.height)), max(0, count))
        let end = min(count, start + r.height)
        for i in start..<end { row(i, Rect(x: r.x, y: r.y + i - start, width: r.width, height: 1), &buffer) }
        if let more, end < count, r.height > 0 {
            let text = "↓ \(count - end) more"
            buffer.put(text, x: max(r.x, r.maxX - DisplayWidth.of(text) - 1), y: r.maxY - 1, style: more)
        }
        return start..<end
    }
}
