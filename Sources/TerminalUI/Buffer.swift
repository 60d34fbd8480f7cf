/// One terminal cell: a grapheme and its style. A wide grapheme occupies its cell and marks the
/// next as a continuation (empty text), so columns always line up.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public var width: UInt8

    public init(_ text: String = " ", style: Style = .plain, width: UInt8 = 1) {
        self.text = text
        self.style = style
        self.width = width
    }

    public static let blank = Cell()
    static let continuation = Cell("", width: 0)

    public var isContinuation: Bool { width == 0 }
}

public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// A frame drawn in memory. Screens render into a fresh buffer each frame; the backend sends the
/// terminal only the cells that differ from the previous frame. All text is sanitised and
/// measured here, so user text can neither drive the terminal nor push a border out of line.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public mutating func fill(_ rect: Rect, style: Style, text: String = " ") {
        for y in stride(from: max(0, rect.y), to: min(height, rect.maxY), by: 1) {
            for x in stride(from: max(0, rect.x), to: min(width, rect.maxX), by: 1) { self[x, y] = Cell(text, style: style) }
        }
    }

    /// Writes `text` at (x, y), clipped to `maxWidth` cells (and the buffer), sanitised.
    /// Returns the number of cells written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for ch in Sanitizer.clean(text) {
            if ch.unicodeScalars.count == 1 {
                let w = DisplayWidth.of(ch)
                if w == 0 { continue }
                if col + w > limit { break }
                if col >= 0 { place(String(ch), width: w, x: col, y: y, style: style) }
                col += w
                continue
            }
            // A cluster goes in whole or not at all, as the cells terminals draw it in.
            let parts = DisplayWidth.cells(of: ch)
            let w = parts.reduce(0) { $0 + $1.width }
            if w == 0 { continue }
            if col + w > limit { break }
            for part in parts {
                if col >= 0 { place(part.text, width: part.width, x: col, y: y, style: style) }
                col += part.width
            }
        }
        return col - x
    }

    /// Writes text cut with … to exactly `width` cells, padding with the style.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width w: Int, style: Style) {
        guard w > 0 else { return }
        let cut = DisplayWidth.truncate(Sanitizer.clean(text), to: w)
        let used = put(cut, x: x, y: y, style: style, maxWidth: w)
        if used < w { fill(Rect(x: x + used, y: y, width: w - used, height: 1), style: style) }
    }

    /// Restyles cells in a rectangle, keeping their text (for highlights).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        for y in stride(from: max(0, rect.y), to: min(height, rect.maxY), by: 1) {
            for x in stride(from: max(0, rect.x), to: min(width, rect.maxX), by: 1) { self[x, y].style = transform(self[x, y].style) }
        }
    }

    /// One cell (and its continuation when wide); overwriting half of a wide character blanks the
    /// other half.
    private mutating func place(_ text: String, width w: Int, x: Int, y: Int, style: Style) {
        clearWide(at: x, y)
        self[x, y] = Cell(text, style: style, width: UInt8(w))
        if w == 2, x + 1 < width {
            clearWide(at: x + 1, y)
            self[x + 1, y] = Cell("", style: style, width: 0)
        }
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearWide(at x: Int, _ y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if cell.width == 2, x + 1 < width { self[x + 1, y] = Cell(" ", style: cell.style) }
    }

    /// The text of each row, continuation cells left out (for tests and snapshots).
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width where !self[x, y].isContinuation { s += self[x, y].text }
            return s
        }
    }

    /// Draws a box with single-line borders.
    public mutating func box(_ r: Rect, style: Style) {
        guard r.width >= 2, r.height >= 2 else { return }
        put("┌" + String(repeating: "─", count: r.width - 2) + "┐", x: r.x, y: r.y, style: style)
        for y in r.y + 1..<r.maxY - 1 {
            put("│", x: r.x, y: y, style: style)
            put("│", x: r.maxX - 1, y: y, style: style)
        }
        put("└" + String(repeating: "─", count: r.width - 2) + "┘", x: r.x, y: r.maxY - 1, style: style)
    }
}
