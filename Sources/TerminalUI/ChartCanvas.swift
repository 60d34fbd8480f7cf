/// A plotting surface over a rectangle of cells: in Unicode each cell holds a 2×4 braille dot
/// grid, so lines and scatter points are drawn at sub-cell resolution; in ASCII each cell is one
/// point and marks are the series' own characters. The last series to touch a cell gives it its
/// style, and each series has its own mark, so no series relies on colour alone.
public struct ChartCanvas {
    public let area: Rect
    public let ascii: Bool
    private var dots: [UInt8]
    private var marks: [Character?]
    private var styles: [Style?]

    public init(area: Rect, ascii: Bool) {
        self.area = area
        self.ascii = ascii
        let n = max(0, area.width * area.height)
        dots = Array(repeating: 0, count: n)
        marks = Array(repeating: nil, count: n)
        styles = Array(repeating: nil, count: n)
    }

    /// Points across and down: two by four per cell in braille, one in ASCII.
    public var pixelWidth: Int { area.width * (ascii ? 1 : 2) }
    public var pixelHeight: Int { area.height * (ascii ? 1 : 4) }

    /// Sets a point; y counts from the bottom. `mark` is the ASCII character for it.
    public mutating func plot(x: Int, y: Int, style: Style, mark: Character) {
        guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return }
        let top = pixelHeight - 1 - y
        let cx = ascii ? x : x / 2, cy = ascii ? top : top / 4
        let i = cy * area.width + cx
        if ascii {
            marks[i] = mark
        } else {
            let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
            dots[i] |= bits[x % 2][top % 4]
        }
        styles[i] = style
    }

    /// A straight line between two points (Bresenham); `every` > 1 leaves gaps, for a dotted line.
    public mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), style: Style, mark: Character, every: Int = 1) {
        var x = a.x, y = a.y
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var err = dx + dy, step = 0
        while true {
            if step % max(1, every) == 0 { plot(x: x, y: y, style: style, mark: mark) }
            step += 1
            if x == b.x && y == b.y { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// Fills a whole cell (bars and bands), with its own glyph.
    public mutating func cell(column: Int, row: Int, glyph: Character, style: Style) {
        guard column >= 0, row >= 0, column < area.width, row < area.height else { return }
        let i = (area.height - 1 - row) * area.width + column
        marks[i] = glyph
        dots[i] = 0
        styles[i] = style
    }

    /// Copies the marks into the buffer; untouched cells keep what the buffer had.
    public func draw(into buffer: inout Buffer) {
        for cy in 0..<area.height {
            for cx in 0..<area.width {
                let i = cy * area.width + cx
                guard let style = styles[i] else { continue }
                let text: String
                if let mark = marks[i], dots[i] == 0 { text = String(mark) } else if dots[i] != 0 {
                    text = String(Character(Unicode.Scalar(0x2800 + UInt32(dots[i]))!))
                } else { continue }
                buffer[area.x + cx, area.y + cy] = Cell(text, style: style)
            }
        }
    }
}
