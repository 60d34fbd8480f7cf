import Planning
import TerminalUI

/// Draws the RAID log: tabs for the five logs, the 5×5 heat map with the number of open risks
/// in each cell (risk log), the register table, and a detail pane for the selected item.
/// Overdue reviews and risks whose proximity is near (`RaidItem.nearWindow`) carry a `!` and their own style.
struct RaidScreen {
    let state: AppState
    let theme: Theme
    let width: Int
    let height: Int

    var wide: Bool { width >= 100 }
    var detailRows: Int { height >= 20 ? 4 : 0 }

    func draw(into buffer: inout Buffer) {
        buffer.fill(Rect(x: 0, y: 1, width: width, height: height - 2), style: theme.style("ui"))
        drawLogTabs(into: &buffer)
        let parts = Rect(x: 0, y: 2, width: width, height: height - 3).rows([nil, detailRows])
        var tableRect = parts[0]
        if state.raid.log == .risk {
            if wide {
                let sides = parts[0].columns([29, nil], gap: 1)
                drawHeatmap(in: sides[0].rows([8, nil])[0], into: &buffer)
                tableRect = sides[1]
            } else {
                let bands = parts[0].rows([8, nil])
                let top = bands[0].columns([29, nil], gap: 2)
                drawHeatmap(in: top[0], into: &buffer)
                drawLegend(x: top[1].x, y: top[1].y + 1, into: &buffer)
                tableRect = bands[1]
            }
        }
        drawTable(in: tableRect, into: &buffer)
        if detailRows > 0 { drawDetail(y: parts[1].y, into: &buffer) }
    }

    private func drawLogTabs(into buffer: inout Buffer) {
        var x = 0
        var open: [RaidType: Int] = [:]
        for item in state.project.raidItems.values where !item.isClosed { open[item.type, default: 0] += 1 }
        for type in RaidType.allCases {
            let count = open[type] ?? 0
            let label = " \(type.plural.prefix(1).uppercased() + type.plural.dropFirst()) \(count) "
            x += buffer.put(label, x: x, y: 1, style: theme.style(type == state.raid.log ? "ui.tab.active" : "ui.tab"))
            x += 1
        }
        var info = "sort: \(state.raid.sort)"
        if state.raid.log == .risk { info += state.raid.residual ? " · residual" : " · inherent" }
        if let c = state.raid.cell { info += " · cell P\(c.probability)×I\(c.impact)" }
        let ix = width - DisplayWidth.of(info) - 1
        if ix > x { buffer.put(info, x: ix, y: 1, style: theme.style("ui.muted")) }
    }

    private func drawHeatmap(in r: Rect, into buffer: inout Buffer) {
        Panel(title: state.raid.residual ? "Residual P×I" : "Inherent P×I").draw(in: r, into: &buffer, styles: Panel.Styles(
            fill: theme.style("ui"), border: theme.style(state.raid.heatmapFocused ? "ui.title" : "ui.border"), title: theme.style("ui.title")))
        let counts = state.heatCounts
        let bands = state.project.info.bands
        for p in stride(from: 5, through: 1, by: -1) {
            let y = r.y + 1 + (5 - p)
            buffer.put(p == 5 ? "P5" : " \(p)", x: r.x + 1, y: y, style: theme.style("ui.muted"))
            for i in 1...5 {
                let n = counts[(p - 1) * 5 + i - 1]
                let band = bands.band(p * i)
                var style = theme.style("risk.severity.\(band.rawValue)")
                let selected = state.raid.cell == HeatCell(probability: p, impact: i)
                if selected { style = theme.style("ui.selection") }
                let text = n == 0 ? "  ·  " : " \(n < 10 ? " " : "")\(n)  "
                buffer.putPadded(selected ? "[" + text.dropFirst().dropLast() + "]" : text, x: r.x + 3 + (i - 1) * 5, y: y, width: 5, style: style)
            }
        }
        buffer.put("I 1    2    3    4    5", x: r.x + 1, y: r.y + 6, style: theme.style("ui.muted"))
    }

    private func drawLegend(x: Int, y: Int, into buffer: inout Buffer) {
        let bands = state.project.info.bands
        let open = state.project.raidItems.values.filter { $0.type == .risk && !$0.isClosed }
        var line = y
        for band in RiskBands.Band.allCases.reversed() {
            let n = open.filter { $0.score.map(bands.band) == band }.count
            buffer.put("\(band.rawValue) \(n)", x: x, y: line, style: theme.style("risk.severity.\(band.rawValue)"))
            line += 1
        }
        let overdue = open.filter { $0.reviewDate.map { $0 < state.today } ?? false }.count
        let near = open.filter { $0.isNear(today: state.today) }.count
        buffer.put("review overdue \(overdue)", x: x, y: line + 1, style: theme.style(overdue > 0 ? "risk.review.overdue" : "ui.muted"))
        buffer.put("proximity ≤ \(RaidItem.nearWindow) days \(near)", x: x, y: line + 2, style: theme.style(near > 0 ? "risk.proximity.near" : "ui.muted"))
    }

    struct ColumnSpec {
        let title: String
        let width: Int
        let text: (RaidItem) -> String
        let role: (RaidItem) -> String?
    }

    private func columns() -> [ColumnSpec] {
        let today = state.today
        let bands = state.project.info.bands
        func date(_ d: Day?) -> String { d?.description ?? "-" }
        let key = ColumnSpec(title: "KEY", width: state.raid.log == .decision ? 6 : 5, text: { $0.key }, role: { _ in "board.card.key" })
        let owner = ColumnSpec(title: "OWNER", width: 8, text: { $0.owner ?? "-" }, role: { _ in "board.card.assignee" })
        let status = ColumnSpec(title: "STATUS", width: 11, text: { $0.status }, role: { _ in nil })
        switch state.raid.log {
        case .risk:
            let residual = state.raid.residual
            return [
                key,
                ColumnSpec(title: "SCORE", width: 5, text: { ((residual ? $0.residualScore : $0.score).map(String.init) ?? "-") },
                           role: { item in (residual ? item.residualScore : item.score).map { "risk.severity.\(bands.band($0).rawValue)" } }),
                ColumnSpec(title: "T", width: 1, text: { state.raid.trends[$0.id]?.arrow ?? "→" },
                           role: { state.raid.trends[$0.id] == .rising ? "risk.trend.rising" : "ui.muted" }),
                owner,
                ColumnSpec(title: "RESPONSE", width: 9, text: { $0.strategy?.rawValue ?? "-" }, role: { _ in nil }),
                ColumnSpec(title: "PROXIMITY", width: 11, text: { item in date(item.proximity) + (item.isNear(today: today) ? "!" : "") },
                           role: { item in item.isNear(today: today) ? "risk.proximity.near" : nil }),
                ColumnSpec(title: "REVIEW", width: 11, text: { item in date(item.reviewDate) + ((item.reviewDate.map { $0 < today } ?? false) ? "!" : "") },
                           role: { item in (item.reviewDate.map { $0 < today } ?? false) ? "risk.review.overdue" : nil }),
            ]
        case .issue:
            return [key, ColumnSpec(title: "SEVERITY", width: 8, text: { $0.severity ?? "-" }, role: { $0.severity.map { "risk.severity.\($0)" } }),
                    owner, ColumnSpec(title: "DUE", width: 11, text: { item in date(item.due) + ((item.due.map { $0 < today } ?? false) ? "!" : "") },
                                      role: { item in (item.due.map { $0 < today } ?? false) ? "risk.review.overdue" : nil }), status]
        case .assumption:
            return [key, owner, ColumnSpec(title: "VALIDATE BY", width: 11, text: { item in date(item.due) + ((item.due.map { $0 < today } ?? false) ? "!" : "") },
                                           role: { item in (item.due.map { $0 < today } ?? false) ? "risk.review.overdue" : nil }), status]
        case .dependency:
            return [key, ColumnSpec(title: "ON", width: 18, text: { $0.dependsOn.isEmpty ? "-" : $0.dependsOn }, role: { _ in nil }), owner,
                    ColumnSpec(title: "NEEDED BY", width: 11, text: { item in date(item.due) + ((item.due.map { $0 < today } ?? false) ? "!" : "") },
                               role: { item in (item.due.map { $0 < today } ?? false) ? "risk.review.overdue" : nil }), status]
        case .decision:
            return [key, ColumnSpec(title: "DATE", width: 10, text: { date($0.decidedOn) }, role: { _ in nil }),
                    ColumnSpec(title: "BY", width: 8, text: { $0.decidedBy ?? "-" }, role: { _ in "board.card.assignee" }), status]
        }
    }

    private func drawTable(in r: Rect, into buffer: inout Buffer) {
        guard r.height > 1 else { return }
        let rows = state.raidRows
        var columns = columns().map { spec in
            Table<RaidItem>.Column(spec.title, width: spec.width, text: spec.text, style: { spec.role($0).map(theme.style) })
        }
        columns.append(.init("TITLE", width: nil, text: { ($0.opportunity ? "[opportunity] " : "") + $0.title }))
        let table = Table(columns: columns, rows: rows, selected: rows.firstIndex { $0.id == state.raid.selectedID },
                          focused: !state.raid.heatmapFocused)
        table.draw(in: r, into: &buffer, styles: .init(header: theme.style("board.column.header"), row: theme.style("ui"),
                                                       selected: theme.style("ui.selection"), more: theme.style("board.more")))
        if rows.isEmpty {
            let hint = state.raid.cell != nil ? "No open risks in this cell; \(state.keyName(.global(.clearFilter))) shows all."
                : "No open \(state.raid.log.plural). \(state.keyName(.raid(.newItem))) adds one."
            buffer.put(hint, x: r.x + 1, y: r.y + 1, style: theme.style("ui.muted"))
        }
    }

    private func drawDetail(y: Int, into buffer: inout Buffer) {
        let muted = theme.style("ui.muted"), text = theme.style("ui")
        buffer.put(String(repeating: "─", count: width), x: 0, y: y, style: theme.style("ui.border"))
        guard let item = state.selectedRaidItem else { return }
        let links = state.project.linkedCards(of: item).map(\.key).joined(separator: " ")
        var lines: [String] = []
        switch item.type {
        case .risk:
            lines.append([item.cause, item.event, item.effect].filter { !$0.isEmpty }.joined(separator: " → "))
            lines.append("Actions: \(item.actions.isEmpty ? "-" : item.actions)" + (item.contingency.isEmpty ? "" : " · Contingency: \(item.contingency)"))
        case .issue, .assumption:
            lines.append(item.description.isEmpty ? "-" : item.description)
            lines.append("Resolution: \(item.resolution.isEmpty ? "-" : item.resolution)")
        case .dependency:
            lines.append("On \(item.dependsOn.isEmpty ? "-" : item.dependsOn)" + (item.description.isEmpty ? "" : " · \(item.description)"))
            lines.append("")
        case .decision:
            lines.append("Rationale: \(item.rationale.isEmpty ? "-" : item.rationale)")
            lines.append("Alternatives: \(item.alternatives.isEmpty ? "-" : item.alternatives)")
        }
        let tasks = state.project.linkedTasks(of: item).map(\.key).joined(separator: " ")
        lines.append("Linked cards: \(links.isEmpty ? "none" : links)" + (tasks.isEmpty ? "" : " · tasks: \(tasks)") + (item.origin.flatMap { state.project.raidItems[$0]?.key }.map { " · from \($0)" } ?? ""))
        buffer.putPadded(" \(item.key)  \(item.title)", x: 0, y: y, width: min(width, DisplayWidth.of(" \(item.key)  \(item.title)") + 1), style: theme.style("ui.title"))
        for (i, line) in lines.prefix(3).enumerated() {
            buffer.putPadded(" " + line, x: 0, y: y + 1 + i, width: width, style: i == 2 ? muted : text)
        }
    }
}

extension AppState {
    /// The status line on the RAID log: which log, and its filter.
    var raidStatus: String {
        var left = " \(project.info.name) › RAID › \(self.raid.log.plural)  @\(actor)"
        if !self.raid.filterText.isEmpty { left += "  filter: \(self.raid.filterText)" }
        return left
    }
}
