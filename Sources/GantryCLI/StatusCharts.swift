import Foundation
import Planning

/// The status page's charts as inline SVG: sized by a viewBox so they scale to a phone, coloured
/// by the page's CSS classes so they follow light and dark, and labelled in text.
enum StatusCharts {
    /// Remaining points per working day against the ideal line.
    static func burndown(_ sp: StatusReport.SprintStatus) -> String {
        let w = 480.0, hgt = 240.0, left = 44.0, right = 12.0, top = 14.0, bottom = 34.0
        let days = max(sp.workingDays, 1)
        let most = max(1, sp.burn.map { max($0.remaining, $0.ideal) }.max() ?? 1, sp.record.committed.points)
        func x(_ i: Int) -> Double { left + (w - left - right) * Double(i) / Double(max(days - 1, 1)) }
        func y(_ v: Double) -> Double { top + (hgt - top - bottom) * (1 - v / most) }
        var s = "<figure><svg viewBox=\"0 0 \(n(w)) \(n(hgt))\" role=\"img\" aria-label=\"Burndown of \(StatusHTML.h(sp.name))\">"
        for k in 0...4 {
            let v = most * Double(k) / 4
            s += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y(v)))\" x2=\"\(n(w - right))\" y2=\"\(n(y(v)))\"/>"
            s += "<text x=\"\(n(left - 6))\" y=\"\(n(y(v) + 4))\" text-anchor=\"end\">\(StatusReport.points(v).split(separator: " ")[0])</text>"
        }
        s += "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(hgt - bottom))\" x2=\"\(n(w - right))\" y2=\"\(n(hgt - bottom))\"/>"
        if let first = sp.burn.first {
            s += "<text x=\"\(n(left))\" y=\"\(n(hgt - 10))\">\(first.day)</text>"
        }
        s += "<text x=\"\(n(w - right))\" y=\"\(n(hgt - 10))\" text-anchor=\"end\">\(sp.end)</text>"
        let ideal = (0..<days).map { i in "\(n(x(i))),\(n(y(sp.record.committed.points * Double(days - 1 - i) / Double(max(days - 1, 1)))))" }
        s += "<polyline class=\"ideal\" points=\"\(ideal.joined(separator: " "))\"/>"
        let remaining = sp.burn.enumerated().map { "\(n(x($0.offset))),\(n(y($0.element.remaining)))" }
        if remaining.count == 1 {
            s += "<circle cx=\"\(n(x(0)))\" cy=\"\(n(y(sp.burn[0].remaining)))\" r=\"3\" class=\"remaining\"/>"
        } else if !remaining.isEmpty {
            s += "<polyline class=\"remaining\" points=\"\(remaining.joined(separator: " "))\"/>"
        }
        s += "</svg><figcaption>Burndown: remaining points (solid) against the ideal line (dashed).</figcaption></figure>"
        return s
    }

    /// Each milestone's slip against the baseline as a bar left (early) or right (late) of zero.
    static func slip(_ milestones: [StatusReport.Milestone]) -> String {
        let rows = milestones.filter { $0.slip != nil }
        let w = 480.0, label = 180.0, rowH = 26.0, top = 8.0
        let hgt = top + rowH * Double(rows.count) + 24
        let most = Double(max(1, rows.map { abs($0.slip ?? 0) }.max() ?? 1))
        let zero = label + (w - label - 40) / 2
        let scale = (w - label - 40) / 2 / most
        var s = "<figure><svg viewBox=\"0 0 \(n(w)) \(n(hgt))\" role=\"img\" aria-label=\"Milestone slip against the baseline\">"
        s += "<line class=\"axis\" x1=\"\(n(zero))\" y1=\"\(n(top - 4))\" x2=\"\(n(zero))\" y2=\"\(n(hgt - 20))\"/>"
        for (i, m) in rows.enumerated() {
            let days = m.slip ?? 0
            let y = top + rowH * Double(i)
            let name = m.name.count > 22 ? String(m.name.prefix(21)) + "…" : m.name
            s += "<text x=\"0\" y=\"\(n(y + 16))\">\(StatusHTML.h(m.key)) \(StatusHTML.h(name))</text>"
            let width = max(Double(abs(days)) * scale, days == 0 ? 0 : 2)
            let x = days >= 0 ? zero : zero - width
            s += "<rect class=\"\(days > 0 ? "bar-late" : "bar-early")\" x=\"\(n(x))\" y=\"\(n(y + 5))\" width=\"\(n(width))\" height=\"14\"/>"
            let text = days == 0 ? "on plan" : days > 0 ? "+\(days) d" : "\(days) d"
            s += "<text x=\"\(n(days >= 0 ? x + width + 4 : x - 4))\" y=\"\(n(y + 16))\" text-anchor=\"\(days >= 0 ? "start" : "end")\">\(text)</text>"
        }
        s += "<text x=\"\(n(zero))\" y=\"\(n(hgt - 4))\" text-anchor=\"middle\">0 = baseline</text>"
        s += "</svg><figcaption>Milestone slip in calendar days against the baseline: right is late, left is early.</figcaption></figure>"
        return s
    }

    /// Open risks on the 5 × 5 grid of probability by impact, cells tinted by band, the cells
    /// above the appetite outlined.
    static func heat(_ heat: [[Int]], bands: RiskBands, appetite: Int) -> String {
        let cell = 48.0, left = 70.0, top = 10.0
        let w = left + cell * 5 + 10, hgt = top + cell * 5 + 46
        var s = "<figure><svg viewBox=\"0 0 \(n(w)) \(n(hgt))\" role=\"img\" aria-label=\"Risk heat map\" style=\"max-width:22rem\">"
        for row in 0..<5 {
            let probability = 5 - row
            for col in 0..<5 {
                let impact = col + 1
                let score = probability * impact
                let x = left + cell * Double(col), y = top + cell * Double(row)
                s += "<rect class=\"cell-\(bands.band(score).rawValue)\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(cell - 2))\" height=\"\(n(cell - 2))\"/>"
                if score > appetite { s += "<rect class=\"over-line\" x=\"\(n(x + 2))\" y=\"\(n(y + 2))\" width=\"\(n(cell - 6))\" height=\"\(n(cell - 6))\"/>" }
                let count = heat[row][col]
                if count > 0 { s += "<text x=\"\(n(x + cell / 2 - 1))\" y=\"\(n(y + cell / 2 + 4))\" text-anchor=\"middle\" font-weight=\"bold\">\(count)</text>" }
            }
            s += "<text x=\"\(n(left - 8))\" y=\"\(n(top + cell * Double(row) + cell / 2 + 4))\" text-anchor=\"end\">\(probability)</text>"
        }
        for col in 0..<5 { s += "<text x=\"\(n(left + cell * Double(col) + cell / 2 - 1))\" y=\"\(n(top + cell * 5 + 14))\" text-anchor=\"middle\">\(col + 1)</text>" }
        s += "<text x=\"\(n(left + cell * 2.5))\" y=\"\(n(top + cell * 5 + 34))\" text-anchor=\"middle\">Impact</text>"
        s += "<text x=\"14\" y=\"\(n(top + cell * 2.5))\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(n(top + cell * 2.5)))\">Probability</text>"
        s += "</svg><figcaption>Open risks by probability and impact; outlined cells are above the appetite of \(appetite).</figcaption></figure>"
        return s
    }

    private static func n(_ v: Double) -> String { v.rounded() == v ? String(Int(v)) : String(format: "%.1f", v) }
}
