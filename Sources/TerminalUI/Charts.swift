/// One series of a chart: its values (nil: no value there), its style, and how it is told apart
/// without colour: a dotted line, or its own mark in ASCII and glyph for bars and bands.
public struct ChartSeries {
    public var name: String
    public var values: [Double?]
    public var style: Style
    public var mark: Character
    public var glyph: Character
    public var dotted: Bool

    public init(name: String, values: [Double?], style: Style, mark: Character = "*", glyph: Character = "█", dotted: Bool = false) {
        self.name = name
        self.values = values
        self.style = style
        self.mark = mark
        self.glyph = glyph
        self.dotted = dotted
    }
}

/// The axes around a plot: y labels on the left (0 and the top value), x labels along the
/// bottom (first, last, and the cursor's), and the plot area inside them.
public struct ChartAxes {
    public var yMax: Double
    public var xLabels: [String]
    public var cursor: Int?
    /// Points sit in the middle of equal slots (bars), not spread edge to edge (lines).
    public var slotted: Bool

    public init(yMax: Double, xLabels: [String], cursor: Int?, slotted: Bool = false) {
        self.yMax = yMax
        self.xLabels = xLabels
        self.cursor = cursor
        self.slotted = slotted
    }

    /// The column of point `i` inside a plot `width` wide.
    public func x(of i: Int, width: Int) -> Int {
        let n = xLabels.count
        guard slotted else { return Self.position(i, of: n, width: width) }
        let slot = max(1, width / max(1, n))
        return min(width - 1, i * slot + slot / 2)
    }

    /// "12", "2.5", "1.2k".
    public static func label(_ v: Double) -> String {
        if v >= 10_000 { return "\(Int((v / 1000).rounded()))k" }
        return v.rounded() == v ? String(Int(v)) : String(Int((v * 10).rounded()) / 10) + "." + String(abs(Int((v * 10).rounded()) % 10))
    }

    /// A top value at or above `v` that reads well on an axis.
    public static func niceMax(_ v: Double) -> Double {
        guard v > 0 else { return 1 }
        let steps: [Double] = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]
        var magnitude = 1.0
        while magnitude * 10 <= v { magnitude *= 10 }
        while magnitude > v { magnitude /= 10 }
        return (steps.first { $0 * magnitude >= v } ?? 10) * magnitude
    }

    /// Draws the axes and returns the plot area.
    public func draw(in r: Rect, into buffer: inout Buffer, axis: Style, cursorStyle: Style, ascii: Bool) -> Rect {
        let top = Self.label(yMax), zero = "0"
        let margin = max(DisplayWidth.of(top), 1) + 1
        let plot = Rect(x: r.x + margin + 1, y: r.y, width: max(0, r.width - margin - 1), height: max(0, r.height - 2))
        guard plot.width > 0, plot.height > 0 else { return plot }
        buffer.put(top, x: r.x + margin - 1 - DisplayWidth.of(top), y: plot.y, style: axis)
        buffer.put(zero, x: r.x + margin - 2, y: plot.maxY - 1, style: axis)
        for y in plot.y..<plot.maxY { buffer.put(ascii ? "|" : "│", x: plot.x - 1, y: y, style: axis) }
        buffer.put(ascii ? "+" : "└", x: plot.x - 1, y: plot.maxY, style: axis)
        buffer.put(String(repeating: ascii ? "-" : "─", count: plot.width), x: plot.x, y: plot.maxY, style: axis)
        guard let first = xLabels.first else { return plot }
        let labelRow = plot.maxY + 1
        buffer.put(first, x: plot.x, y: labelRow, style: axis, maxWidth: plot.width)
        if let last = xLabels.last, xLabels.count > 1 {
            let w = DisplayWidth.of(last)
            if w + DisplayWidth.of(first) + 1 < plot.width { buffer.put(last, x: plot.maxX - w, y: labelRow, style: axis) }
        }
        if let cursor, xLabels.indices.contains(cursor) {
            let x = plot.x + self.x(of: cursor, width: plot.width)
            buffer.put(ascii ? "^" : "▲", x: x, y: plot.maxY, style: cursorStyle)
            let label = xLabels[cursor], w = DisplayWidth.of(label)
            let lx = min(max(plot.x, x - w / 2), plot.maxX - w)
            buffer.put(label, x: lx, y: labelRow, style: cursorStyle, maxWidth: plot.width)
        }
        return plot
    }

    /// The column of point `i` of `n` across `width` cells.
    public static func position(_ i: Int, of n: Int, width: Int) -> Int {
        n <= 1 ? 0 : Int((Double(i) * Double(width - 1) / Double(n - 1)).rounded())
    }
}

/// Series over shared x points, drawn one of three ways: lines (burndown, burnup) in braille or
/// ASCII; bars grouped per point (velocity's committed and completed side by side), with
/// eighth-block tops in Unicode and whole cells of each series' glyph in ASCII; or bands stacked
/// per point (cumulative flow), each cell taking the band its middle falls in, each band with its
/// own glyph so they are told apart in monochrome (the first band is at the bottom).
public struct SeriesChart {
    public enum Kind: Sendable { case lines, bars, stacked }

    public var kind: Kind
    public var series: [ChartSeries]
    public var axes: ChartAxes

    public init(_ kind: Kind, series: [ChartSeries], axes: ChartAxes) {
        self.kind = kind
        self.series = series
        self.axes = axes
    }

    public func draw(in r: Rect, into buffer: inout Buffer, axis: Style, cursor: Style, ascii: Bool) {
        var axes = axes
        axes.slotted = kind == .bars
        let plot = axes.draw(in: r, into: &buffer, axis: axis, cursorStyle: cursor, ascii: ascii)
        guard plot.width > 1, plot.height > 0, !axes.xLabels.isEmpty else { return }
        var canvas = ChartCanvas(area: plot, ascii: ascii || kind != .lines)
        switch kind {
        case .lines: drawLines(on: &canvas, axes)
        case .bars: drawBars(on: &canvas, axes, ascii: ascii)
        case .stacked: drawBands(on: &canvas, axes, ascii: ascii)
        }
        canvas.draw(into: &buffer)
    }

    private func drawLines(on canvas: inout ChartCanvas, _ axes: ChartAxes) {
        let n = axes.xLabels.count
        for s in series {
            var previous: (x: Int, y: Int)?
            for (i, value) in s.values.enumerated() {
                guard let value else { previous = nil; continue }
                let px = n <= 1 ? 0 : Int((Double(i) * Double(canvas.pixelWidth - 1) / Double(n - 1)).rounded())
                let py = Int((min(max(value, 0), axes.yMax) / axes.yMax * Double(canvas.pixelHeight - 1)).rounded())
                if let previous { canvas.line(from: previous, to: (px, py), style: s.style, mark: s.mark, every: s.dotted ? 3 : 1) } else {
                    canvas.plot(x: px, y: py, style: s.style, mark: s.mark)
                }
                previous = (px, py)
            }
        }
    }

    private func drawBars(on canvas: inout ChartCanvas, _ axes: ChartAxes, ascii: Bool) {
        let n = axes.xLabels.count, width = canvas.area.width, height = canvas.area.height
        let slot = max(1, width / n)
        let barWidth = max(1, min(3, (slot - 1) / max(1, series.count)))
        let group = barWidth * series.count
        let eighths: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇"]
        for i in 0..<n {
            let left = max(0, axes.x(of: i, width: width) - group / 2)
            for (k, s) in series.enumerated() {
                guard i < s.values.count, let v = s.values[i], v > 0 else { continue }
                let h = min(max(v, 0), axes.yMax) / axes.yMax * Double(height)
                let full = Int(h), rest = Int(((h - Double(full)) * 8).rounded(.down))
                for b in 0..<barWidth {
                    let column = left + k * barWidth + b
                    for row in 0..<full { canvas.cell(column: column, row: row, glyph: ascii ? s.mark : s.glyph, style: s.style) }
                    if !ascii, rest > 0, s.glyph == "█" { canvas.cell(column: column, row: full, glyph: eighths[rest - 1], style: s.style) }
                    if full == 0 && (ascii || s.glyph != "█") { canvas.cell(column: column, row: 0, glyph: ascii ? s.mark : s.glyph, style: s.style) }
                }
            }
        }
    }

    private func drawBands(on canvas: inout ChartCanvas, _ axes: ChartAxes, ascii: Bool) {
        let n = axes.xLabels.count, width = canvas.area.width, height = canvas.area.height
        for column in 0..<width {
            let i = n <= 1 ? 0 : Int((Double(column) * Double(n - 1) / Double(max(1, width - 1))).rounded())
            var tops: [Double] = []
            var total = 0.0
            for band in series { total += i < band.values.count ? band.values[i] ?? 0 : 0; tops.append(total) }
            for row in 0..<height {
                let middle = (Double(row) + 0.5) / Double(height) * axes.yMax
                guard let b = tops.firstIndex(where: { middle < $0 }) else { break }
                canvas.cell(column: column, row: row, glyph: ascii ? series[b].mark : series[b].glyph, style: series[b].style)
            }
        }
    }
}

/// Points (x, y) with horizontal reference lines (percentiles), in braille or ASCII.
public struct ScatterChart {
    public var points: [(x: Double, y: Double, style: Style)]
    public var xMax: Double
    public var lines: [(y: Double, label: String, style: Style)]
    public var axes: ChartAxes

    public init(points: [(x: Double, y: Double, style: Style)], xMax: Double, lines: [(y: Double, label: String, style: Style)], axes: ChartAxes) {
        self.points = points
        self.xMax = xMax
        self.lines = lines
        self.axes = axes
    }

    public func draw(in r: Rect, into buffer: inout Buffer, axis: Style, cursor: Style, ascii: Bool) {
        let plot = axes.draw(in: r, into: &buffer, axis: axis, cursorStyle: cursor, ascii: ascii)
        guard plot.width > 1, plot.height > 0 else { return }
        var canvas = ChartCanvas(area: plot, ascii: ascii)
        func py(_ y: Double) -> Int { Int((min(max(y, 0), axes.yMax) / axes.yMax * Double(canvas.pixelHeight - 1)).rounded()) }
        for line in lines {
            canvas.line(from: (0, py(line.y)), to: (canvas.pixelWidth - 1, py(line.y)), style: line.style, mark: "-", every: 2)
        }
        for p in points {
            let px = Int((min(max(p.x, 0), xMax) / max(xMax, 1) * Double(canvas.pixelWidth - 1)).rounded())
            // Four dots in braille, so a point shows as a point and not a speck.
            for (dx, dy) in ascii ? [(0, 0)] : [(0, 0), (1, 0), (0, 1), (1, 1)] {
                canvas.plot(x: min(px + dx, canvas.pixelWidth - 1), y: min(py(p.y) + dy, canvas.pixelHeight - 1), style: p.style, mark: "o")
            }
        }
        canvas.draw(into: &buffer)
        for line in lines {
            let row = plot.maxY - 1 - Int((min(max(line.y, 0), axes.yMax) / axes.yMax * Double(plot.height - 1)).rounded())
            let w = DisplayWidth.of(line.label)
            if w < plot.width { buffer.put(line.label, x: plot.maxX - w, y: row, style: line.style) }
        }
    }
}
