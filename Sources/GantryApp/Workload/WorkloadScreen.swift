import Foundation
import Planning
import TerminalUI

/// Draws the workload heat map: a row per person, a column per week (or day), each cell the
/// hours asked against the hours there, over-allocation and idle time in their own styles and
/// marks (`!`, `-`), and under it what the selected cell is made of.
struct WorkloadScreen {
    let state: AppState
    let theme: Theme
    let width: Int
    let height: Int

    func style(_ role: String) -> Style { theme.style(role) }

    func draw(into buffer: inout Buffer) {
        let area = Rect(x: 0, y: 1, width: width, height: max(0, height - 2))
        buffer.fill(area, style: style("ui"))
        guard let load = state.workload.data, !load.members.isEmpty else {
            buffer.putPadded(" No members yet. Add them with: gantry member add HANDLE", x: 0, y: area.y, width: width, style: style("ui.muted"))
            return
        }
        let nameWidth = min(14, (load.members.map(DisplayWidth.of).max() ?? 4) + 2)
        let cellWidth = load.period == .week ? 10 : 7
        let visible = max(1, (width - nameWidth) / cellWidth)
        let first = min(max(0, state.workload.column - visible + 1), max(0, load.periods.count - visible))
        buffer.putPadded(" \(load.period == .week ? "Week of" : "Day")", x: 0, y: area.y, width: nameWidth, style: style("ui.muted"))
        for (i, p) in load.periods.enumerated().dropFirst(first).prefix(visible) {
            let label = load.period == .week ? String(p.description.dropFirst(5)) : "\(WorkCalendar.weekdayNames[p.weekday - 1].prefix(2)) \(p.components.day)"
            buffer.putPadded(" " + label, x: nameWidth + (i - first) * cellWidth, y: area.y, width: cellWidth,
                             style: style(i == state.workload.column ? "chart.cursor" : "ui.muted"))
        }
        let mapHeight = min(load.members.count, max(1, area.height / 2))
        for (m, handle) in load.members.enumerated().prefix(mapHeight) {
            let y = area.y + 1 + m
            buffer.putPadded(" " + handle, x: 0, y: y, width: nameWidth, style: style(m == state.workload.row ? "ui.title" : "ui"))
            for (i, cell) in load.cells[m].enumerated().dropFirst(first).prefix(visible) {
                let text = " \(Self.hours(cell.allocated))/\(Self.hours(cell.available))\(cell.over ? "!" : cell.idle ? "-" : "")"
                var s = style(cell.over ? "workload.over" : cell.idle ? "workload.idle" : cell.allocated > 0.8 * cell.available ? "workload.full" : "workload.ok")
                if m == state.workload.row && i == state.workload.column { s.attributes.insert(.reverse) }
                buffer.putPadded(text, x: nameWidth + (i - first) * cellWidth, y: y, width: cellWidth, style: s)
            }
        }
        drawDetail(load, top: area.y + 2 + mapHeight, into: &buffer)
    }

    private func drawDetail(_ load: Workload, top: Int, into buffer: inout Buffer) {
        guard load.cells.indices.contains(state.workload.row), load.cells[state.workload.row].indices.contains(state.workload.column) else { return }
        let cell = load.cells[state.workload.row][state.workload.column]
        let day = load.periods[state.workload.column]
        let heading = " \(load.members[state.workload.row]), \(load.period == .week ? "week of " : "")\(day): \(Self.hours(cell.allocated)) of \(Self.hours(cell.available)) hours"
            + (cell.over ? " — over by \(Self.hours(cell.allocated - cell.available))" : cell.idle ? " — nothing planned" : "")
        buffer.putPadded(heading, x: 0, y: top, width: width, style: style(cell.over ? "chart.alert" : "ui.title"))
        for (i, item) in cell.items.sorted(by: { $0.hours > $1.hours }).enumerated() where top + 1 + i < height - 1 {
            buffer.putPadded("   \(item.key)  \(Self.hours(item.hours))h  \(item.title)", x: 0, y: top + 1 + i, width: width, style: style("ui"))
        }
    }

    static func hours(_ h: Double) -> String { h.rounded() == h ? String(Int(h)) : String(format: "%.1f", h) }
}
