/// A bordered, filled box with a title on its top edge: the frame of every overlay (help,
/// forms) and of boxed parts of a screen (the heat map). Screens draw into its inside.
public struct Panel {
    public struct Styles {
        public var fill: Style, border: Style, title: Style

        public init(fill: Style, border: Style, title: Style) {
            self.fill = fill
            self.border = border
            self.title = title
        }
    }

    public var title: String

    public init(title: String = "") {
        self.title = title
    }

    /// A box of at most `width`×`height` centred in `area` (or from row `top`), never larger
    /// than the area less a cell each side.
    public static func centred(width: Int, height: Int, in area: Rect, top: Int? = nil) -> Rect {
        let w = min(area.width - 2, width), h = min(area.height - 2, height)
        return Rect(x: area.x + (area.width - w) / 2, y: top ?? max(area.y + 1, area.y + (area.height - h) / 2), width: w, height: h)
    }

    /// Draws the panel in `r` and returns its inside (within the border).
    @discardableResult
    public func draw(in r: Rect, into buffer: inout Buffer, styles: Styles) -> Rect {
        buffer.fill(r, style: styles.fill)
        buffer.box(r, style: styles.border)
        if !title.isEmpty, r.width > 4 { buffer.put(" \(title) ", x: r.x + 2, y: r.y, style: styles.title, maxWidth: r.width - 4) }
        return Rect(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2)
    }
}
