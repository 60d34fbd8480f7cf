import Foundation
import Planning
import TerminalUI

/// Draws the Reports screen: the list of charts, the chart (braille and blocks, or ASCII), and
/// beside it the exact numbers: the totals and the point under the cursor.
struct ReportsScreen {
    let state: AppState
    let theme: Theme
    let width: Int
    let height: Int

    var ascii: Bool { state.asciiGlyphs }
    func style(_ role: String) -> Style { theme.style(role) }

    func draw(into buffer: inout Buffer) {
        let area = Rect(x: 0, y: 1, width: width, height: max(0, height - 2))
        buffer.fill(area, style: style("ui"))
        let narrow = width < 100
        let parts = area.columns([narrow ? 15 : 19, nil, narrow ? 26 : 32], gap: 1)
        drawList(in: parts[0], into: &buffer)
        let title = "\(state.reports.chart.title) · \(state.board?.name ?? "")"
        buffer.putPadded(" " + title, x: parts[1].x, y: area.y, width: parts[1].width, style: style("ui.title"))
        let chartArea = Rect(x: parts[1].x, y: area.y + 2, width: parts[1].width, height: max(0, area.height - 3))
        var numbers: [(String, String)] = []
        switch state.reports.data {
        case nil: numbers = [("", "…")]
        case .unavailable(let why)?:
            buffer.put(why, x: chartArea.x + 1, y: chartArea.y, style: style("ui.muted"), maxWidth: chartArea.width - 1)
        case .burn(let burn)?: numbers = drawBurn(burn, in: chartArea, into: &buffer)
        case .velocity(let v)?: numbers = drawVelocity(v, in: chartArea, into: &buffer)
        case .cfd(let c)?: numbers = drawCFD(c, in: chartArea, into: &buffer)
        case .cycle(let c)?: numbers = drawCycle(c, in: chartArea, into: &buffer)
        case .throughput(let t)?: numbers = drawThroughput(t, in: chartArea, into: &buffer)
        case .aging(let a)?: numbers = drawAging(a, in: chartArea, into: &buffer)
        case .forecast(let when, let howMany, let open, let problem)?: numbers = drawForecast(when, howMany, open: open, problem: problem, in: chartArea, into: &buffer)
        case .bugs(let b)?: numbers = drawBugs(b, in: chartArea, into: &buffer)
        case .budget(let burn, let earned)?: numbers = drawBudget(burn, earned, in: chartArea, into: &buffer)
        }
        drawNumbers(numbers, in: parts[2], into: &buffer)
    }

    private func drawList(in r: Rect, into buffer: inout Buffer) {
        let inner = Panel(title: "Charts").draw(in: r, into: &buffer, styles: .init(fill: style("ui"), border: style("ui.border"), title: style("ui.title")))
        for (i, chart) in ReportChart.allCases.enumerated() where i < inner.height {
            let selected = chart == state.reports.chart
            buffer.putPadded(" " + chart.title, x: inner.x, y: inner.y + i, width: inner.width, style: style(selected ? "ui.selection" : "ui"))
        }
    }

    private func drawNumbers(_ lines: [(String, String)], in r: Rect, into buffer: inout Buffer) {
        let inner = Panel(title: "Numbers").draw(in: r, into: &buffer, styles: .init(fill: style("ui"), border: style("ui.border"), title: style("ui.title")))
        for (i, line) in lines.enumerated() where i < inner.height {
            if line.1.isEmpty {
                buffer.putPadded(" " + line.0, x: inner.x, y: inner.y + i, width: inner.width, style: style("ui.muted"))
                continue
            }
            let value = DisplayWidth.truncate(Sanitizer.clean(line.1), to: max(0, inner.width - 2))
            let w = DisplayWidth.of(value)
            buffer.putPadded(" " + line.0, x: inner.x, y: inner.y + i, width: max(0, inner.width - w - 2), style: style("ui"))
            buffer.put(value, x: inner.maxX - w - 1, y: inner.y + i, style: style(value.hasSuffix("!") ? "chart.alert" : "ui"), maxWidth: inner.width)
        }
    }

    static func points(_ n: Double) -> String { ChartAxes.label(n) }
    static func short(_ d: Day) -> String { String(d.description.dropFirst(5)) }

    private var axis: Style { style("chart.axis") }
    private var cursorStyle: Style { style("chart.cursor") }

    private func drawBurn(_ burn: SprintBurn, in r: Rect, into buffer: inout Buffer) -> [(String, String)] {
        let up = state.reports.chart == .burnup
        let values = burn.days.indices.map { i in i < burn.points.count ? burn.points[i] : nil }
        let top = ChartAxes.niceMax(max(burn.committed, burn.points.map(\.scope).max() ?? 0))
        let axes = ChartAxes(yMax: top, xLabels: burn.days.map(Self.short), cursor: state.reports.cursor)
        let ideal = burn.days.indices.map { i in Optional(burn.committed * Double(burn.days.count - 1 - i) / Double(max(1, burn.days.count - 1))) }
        let series: [ChartSeries] = up
            ? [ChartSeries(name: "scope", values: values.map { $0?.scope }, style: style("chart.scope"), mark: "-", dotted: true),
               ChartSeries(name: "completed", values: values.map { $0?.completed }, style: style("chart.series.1"), mark: "*")]
            : [ChartSeries(name: "ideal", values: ideal, style: style("chart.ideal"), mark: ".", dotted: true),
               ChartSeries(name: "remaining", values: values.map { $0?.remaining }, style: style("chart.series.1"), mark: "*")]
        SeriesChart(.lines, series: series, axes: axes).draw(in: legend(series, in: r, into: &buffer), into: &buffer, axis: axis, cursor: cursorStyle, ascii: ascii)
        var lines: [(String, String)] = [(burn.sprint.name, burn.sprint.state.rawValue), ("committed", Self.points(burn.committed) + " pts"),
                                         ("working days", "\(burn.points.count) of \(burn.days.count)")]
        if let c = state.reports.cursor, c < burn.days.count {
            lines.append(("", ""))
            lines.append((burn.days[c].description, ""))
            if let p = values[c] {
                lines += [("scope", Self.points(p.scope)), ("completed", Self.points(p.completed)), ("remaining", Self.points(p.remaining)),
                          ("ideal", Self.points(p.ideal)), ("behind ideal", p.remaining > p.ideal + 0.05 ? Self.points(p.remaining - p.ideal) + " !" : "no")]
            } else {
                lines.append(("ahead", "not yet"))
            }
        }
        if let record = burn.sprint.record {
            lines.append(("", ""))
            lines.append(("record (cards, points)", ""))
            lines += record.lines.map { ($0.name, "\($0.tally.cards), \(Self.points($0.tally.points))") }
        }
        lines.append(("", ""))
        lines.append(("[ ] other sprints", ""))
        return lines
    }

    private func drawBudget(_ burn: BudgetBurn, _ earned: EarnedValue, in r: Rect, into buffer: inout Buffer) -> [(String, String)] {
        func upTo(_ values: [Double]) -> [Double?] { burn.days.indices.map { $0 < values.count ? values[$0] : nil } }
        let series = [ChartSeries(name: "planned", values: burn.planned, style: style("chart.ideal"), mark: ".", dotted: true),
                      ChartSeries(name: "earned", values: upTo(burn.earned), style: style("chart.series.1"), mark: "*"),
                      ChartSeries(name: "actual", values: upTo(burn.actual), style: style("chart.series.2"), mark: "+")]
        let top = ChartAxes.niceMax(max(burn.bac, burn.budget ?? 0, burn.actual.max() ?? 0))
        let axes = ChartAxes(yMax: top, xLabels: burn.days.map(Self.short), cursor: state.reports.cursor)
        SeriesChart(.lines, series: series, axes: axes).draw(in: legend(series, in: r, into: &buffer), into: &buffer, axis: axis, cursor: cursorStyle, ascii: ascii)
        let currency = state.project.info.currency
        func money(_ v: Double) -> String { "\(Int(v.rounded())) \(currency)" }
        func index(_ v: Double?) -> String {
            guard let v else { return "-" }
            let rag = EarnedValue.rag(v)
            return String(format: "%.2f", v) + (rag == .green ? "" : rag == .amber ? " amber" : " red !")
        }
        let f = earned.project
        var lines: [(String, String)] = [("at completion", money(burn.bac))]
        if let budget = burn.budget { lines.append(("budget", money(budget) + (burn.bac > budget ? " !" : ""))) }
        lines += [("", ""), ("as of \(earned.statusDate)", ""), ("SPI", index(f.spi)), ("CPI", index(f.cpi)),
                  ("EAC", f.eac.map(money) ?? "-"), ("VAC", f.vac.map { money($0) + ($0 < 0 ? " !" : "") } ?? "-")]
        if let c = state.reports.cursor, c < burn.days.count {
            lines += [("", ""), (burn.days[c] == burn.statusDate ? "to \(burn.days[c]) (today)" : "week to \(burn.days[c])", ""), ("planned", money(burn.planned[c]))]
            if c < burn.earned.count { lines += [("earned", money(burn.earned[c])), ("actual", money(burn.actual[c]))] }
        }
        return lines
    }

    /// The series' names with their marks, on the first row; the chart goes below.
    private func legend(_ series: [ChartSeries], in r: Rect, into buffer: inout Buffer, glyphs: Bool = false) -> Rect {
        var x = r.x + 1
        for s in series {
            let mark = ascii ? String(s.mark) : glyphs ? String(s.glyph) : s.dotted ? "┄" : "━"
            x += buffer.put(mark, x: x, y: r.y, style: s.style, maxWidth: max(0, r.maxX - x))
            x += buffer.put(" \(s.name)  ", x: x, y: r.y, style: style("ui.muted"), maxWidth: max(0, r.maxX - x))
        }
        return Rect(x: r.x, y: r.y + 1, width: r.width, height: max(0, r.height - 1))
    }

    private func drawVelocity(_ v: Velocity, in r: Rect, into buffer: inout Buffer) -> [(String, String)] {
        guard !v.sprints.isEmpty else {
            buffer.put("No closed sprint yet: velocity comes from closed sprints.", x: r.x + 1, y: r.y, style: style("ui.muted"), maxWidth: r.width - 1)
            return []
        }
        let top = ChartAxes.niceMax(v.sprints.map { max($0.committed, $0.completed) }.max() ?? 1)
        let series = [ChartSeries(name: "committed", values: v.sprints.map(\.committed), style: style("chart.series.2"), mark: ":", glyph: "░"),
                      ChartSeries(name: "completed", values: v.sprints.map(\.completed), style: style("chart.series.1"), mark: "#", glyph: "█")]
        let axes = ChartAxes(yMax: top, xLabels: v.sprints.map(\.sprint), cursor: state.reports.cursor)
        SeriesChart(.bars, series: series, axes: axes).draw(in: legend(series, in: r, into: &buffer, glyphs: true), into: &buffer, axis: axis, cursor: cursorStyle, ascii: ascii)
        var lines: [(String, String)] = [("average of last 3", v.average.map(Self.points) ?? "-"), ("", "")]
        if let c = state.reports.cursor, c < v.sprints.count {
            let s = v.sprints[c]
            lines += [(s.sprint, ""), ("committed", Self.points(s.committed)), ("completed", Self.points(s.completed))]
        }
        return lines
    }

    private func drawCFD(_ cfd: CumulativeFlow, in r: Rect, into buffer: inout Buffer) -> [(String, String)] {
        let glyphs: [Character] = ["█", "▓", "▒", "░", "▚", "▞"], marks: [Character] = ["#", "%", "+", "=", ":", "."]
        // Done at the bottom, as cumulative flow is read.
        let order = Array(cfd.columns.indices.reversed())
        let bands = order.enumerated().map { k, c in
            ChartSeries(name: cfd.columns[c], values: cfd.counts.map { Double($0[c]) }, style: style("chart.series.\(k % 5 + 1)"),
                        mark: marks[k % marks.count], glyph: glyphs[k % glyphs.count])
        }
        let top = ChartAxes.niceMax(Double(cfd.counts.map { $0.reduce(0, +) }.max() ?? 1))
        let axes = ChartAxes(yMax: top, xLabels: cfd.days.map(Self.short), cursor: state.reports.cursor)
        SeriesChart(.stacked, series: bands, axes: axes).draw(in: legend(bands, in: r, into: &buffer, glyphs: true), into: &buffer, axis: axis, cursor: cursorStyle, ascii: ascii)
        guard let c = state.reports.cursor, c < cfd.days.count else { return [] }
        return [(cfd.days[c].description, "")] + cfd.columns.indices.map { (cfd.columns[$0], String(cfd.counts[c][$0])) }
            + [("total", String(cfd.counts[c].reduce(0, +)))]
    }

    private func drawCycle(_ t: CycleTimes, in r: Rect, into buffer: inout Buffer) -> [(String, String)] {
        guard let first = t.items.first?.done, let last = t.items.last?.done else {
            buffer.put("No card finished in the last \(state.reports.weeks) weeks.", x: r.x + 1, y: r.y, style: style("ui.muted"), maxWidth: r.width - 1)
            return []
        }
        let top = ChartAxes.niceMax(Double(t.items.map(\.cycle).max() ?? 1))
        let cursor = state.reports.cursor
        let points = t.items.enumerated().map { i, item in
            (x: Double(item.done - first), y: Double(item.cycle), style: style(i == cursor ? "chart.cursor" : item.type == .bug ? "chart.series.2" : "chart.series.1"))
        }
        let lines = t.overall.cycle.filter { [50, 85, 95].contains($0.0) }.map { (y: $0.1, label: "\(Int($0.0))% \(Self.points($0.1))d", style: style("chart.ideal")) }
        let axes = ChartAxes(yMax: top, xLabels: [Self.short(first), Self.short(last)], cursor: nil)
        let chart = ScatterChart(points: points, xMax: Double(max(1, last - first)), lines: lines, axes: axes)
        let keyed = [ChartSeries(name: "bug", values: [], style: style("chart.series.2"), mark: "o", glyph: "•"),
                     ChartSeries(name: "other", values: [], style: style("chart.series.1"), mark: "o", glyph: "•")]
        chart.draw(in: legend(keyed, in: r, into: &buffer, glyphs: true), into: &buffer, axis: axis, cursor: cursorStyle, ascii: ascii)
        var out: [(String, String)] = [("cycle, working days", ""), ("finished", String(t.overall.count))]
        out += t.overall.cycle.map { ("\(Int($0.0))th percentile", Self.points($0.1) + "d") }
        out += t.byType.map { ("\($0.type.rawValue) 85% (\($0.percentiles.count))", Self.points($0.percentiles.cycle[2].1) + "d") }
        out.append(("lead 85%", Self.points(t.overall.lead[2].1) + "d"))
        if let c = cursor, c < t.items.count {
            let item = t.items[c]
            out += [("", ""), ("\(item.key) \(item.type.rawValue)", ""), ("done", item.done.description), ("cycle", "\(item.cycle)d"), ("lead", "\(item.lead)d")]
        }
        return out
    }

    private func drawThroughput(_ t: Throughput, in r: Rect, into buffer: inout Buffer) -> [(String, String)] {
        let top = ChartAxes.niceMax(Double(t.weeks.map(\.count).max() ?? 1))
        let series = [ChartSeries(name: "cards finished", values: t.weeks.map { Double($0.count) }, style: style("chart.series.1"), mark: "#", glyph: "█")]
        let axes = ChartAxes(yMax: top, xLabels: t.weeks.map { Self.short($0.monday) }, cursor: state.reports.cursor)
        SeriesChart(.bars, series: series, axes: axes).draw(in: legend(series, in: r, into: &buffer, glyphs: true), into: &buffer, axis: axis, cursor: cursorStyle, ascii: ascii)
        let total = t.weeks.reduce(0) { $0 + $1.count }
        var out: [(String, String)] = [("finished", String(total)), ("per week", Self.points(Double(total) / Double(max(1, t.weeks.count))))]
        if let c = state.reports.cursor, c < t.weeks.count { out += [("", ""), ("week of \(t.weeks[c].monday)", String(t.weeks[c].count))] }
        return out
    }

    private func drawAging(_ a: AgingWIP, in r: Rect, into buffer: inout Buffer) -> [(String, String)] {
        var y = r.y
        var index = 0
        let maxAge = max(1, a.columns.flatMap(\.cards).map(\.age).max() ?? 1, Int(a.columns.compactMap { $0.percentiles.last }.max() ?? 1))
        let barWidth = max(4, r.width - 20)
        var selected: (AgingWIP.Column, AgingWIP.Card)?
        for column in a.columns where y < r.maxY {
            let norm = column.percentiles.count == 4 ? "50% \(Self.points(column.percentiles[0]))d · 85% \(Self.points(column.percentiles[2]))d" : "no history yet"
            buffer.putPadded(" \(column.name) — \(norm)", x: r.x, y: y, width: r.width, style: style("board.column.header"))
            y += 1
            for card in column.cards {
                defer { index += 1 }
                guard y < r.maxY else { continue }
                if index == state.reports.cursor { selected = (column, card) }
                let rowStyle = style(index == state.reports.cursor ? "ui.selection" : card.pastNorm ? "chart.alert" : "ui")
                buffer.putPadded(" \(card.key)", x: r.x, y: y, width: 9, style: rowStyle)
                let length = max(1, card.age * barWidth / maxAge)
                buffer.put(String(repeating: ascii ? "#" : "█", count: length), x: r.x + 10, y: y, style: style(card.pastNorm ? "chart.alert" : "chart.series.1"))
                if column.percentiles.count == 4 {
                    let p85 = min(barWidth - 1, Int(column.percentiles[2]) * barWidth / maxAge)
                    buffer.put(ascii ? "|" : "┃", x: r.x + 10 + p85, y: y, style: style("chart.ideal"))
                }
                buffer.put(" \(card.age)d" + (card.pastNorm ? " !" : ""), x: r.x + 11 + barWidth, y: y, style: rowStyle)
                y += 1
            }
        }
        var out: [(String, String)] = [("age in working days", ""), ("\(ascii ? "|" : "┃") the column's 85th percentile", "")]
        out += a.columns.map { ($0.name, "\($0.cards.count) open, \($0.cards.filter(\.pastNorm).count) late") }
        if let (column, card) = selected {
            out += [("", ""), (card.key, "\(card.age)d in \(column.name)"), ("", Sanitizer.clean(card.title))]
        }
        return out
    }

    private func drawForecast(_ when: Forecast?, _ howMany: Forecast?, open: Int, problem: String?, in r: Rect, into buffer: inout Buffer) -> [(String, String)] {
        if let problem {
            buffer.put(problem, x: r.x + 1, y: r.y, style: style("ui.muted"), maxWidth: r.width - 1)
            return []
        }
        guard let sample = when ?? howMany else { return [] }
        var y = r.y
        if let when, let cards = when.cards {
            buffer.put(" These \(cards) open cards: " + zip(Forecast.chances, when.dates).map { "\(Int($0))% by \($1)" }.joined(separator: ", "), x: r.x, y: y, style: style("ui"), maxWidth: r.width)
            y += 1
        }
        if let howMany, let by = howMany.by {
            buffer.put(" By \(by): " + zip(Forecast.chances, howMany.counts).map { "\(Int($0))% at least \($1)" }.joined(separator: ", "), x: r.x, y: y, style: style("ui"), maxWidth: r.width)
            y += 1
        }
        buffer.put(" Daily throughput sampled (\(sample.sampleFrom) to \(sample.sampleThrough)):", x: r.x, y: y + 1, style: style("ui.muted"), maxWidth: r.width)
        let top = ChartAxes.niceMax(Double(sample.samples.max() ?? 1))
        let series = [ChartSeries(name: "cards a day", values: sample.samples.map(Double.init), style: style("chart.series.1"), mark: "#", glyph: "█")]
        SeriesChart(.bars, series: series, axes: ChartAxes(yMax: top, xLabels: sample.samples.indices.map { _ in "" }, cursor: nil))
            .draw(in: Rect(x: r.x, y: y + 2, width: r.width, height: max(0, r.maxY - y - 2)), into: &buffer, axis: axis, cursor: cursorStyle, ascii: ascii)
        var out: [(String, String)] = [("\(Forecast.trials) trials, seed \(sample.seed)", ""), ("open cards", String(open))]
        if let when { out += zip(Forecast.chances, when.dates).map { ("\(Int($0))% done by", $1.description) } }
        if let howMany, let by = howMany.by {
            out.append(("by \(by)", ""))
            out += zip(Forecast.chances, howMany.counts).map { ("\(Int($0))% chance, at least", "\($1) card\($1 == 1 ? "" : "s")") }
        }
        return out
    }

    private func drawBugs(_ view: BugView, in r: Rect, into buffer: inout Buffer) -> [(String, String)] {
        var y = r.y, index = 0
        for group in view.groups where !group.bugs.isEmpty && y < r.maxY {
            let name = group.severity.map { "\($0.rawValue) · limit \(group.limit ?? 0)d" } ?? "No severity"
            buffer.putPadded(" \(name) — \(group.bugs.count) open", x: r.x, y: y, width: r.width, style: style("board.column.header"))
            y += 1
            for bug in group.bugs {
                defer { index += 1 }
                guard y < r.maxY else { continue }
                let rowStyle = style(index == state.reports.cursor ? "ui.selection" : bug.breached ? "chart.alert" : "ui")
                buffer.putPadded(" \(bug.key)  \(bug.age)d\(bug.breached ? " !" : "")  \(bug.column)  \(bug.title)", x: r.x, y: y, width: r.width, style: rowStyle)
                y += 1
            }
        }
        if view.open == 0 { buffer.put(" No open bugs.", x: r.x, y: y, style: style("ui.muted")) }
        return [("open bugs, limit in days", "")] + view.groups.map { g in
            (g.severity.map { "\($0.rawValue) ≤\(g.limit ?? 0)d" } ?? "none", "\(g.bugs.count) open" + (g.breached > 0 ? ", \(g.breached) late !" : ""))
        }
    }
}
