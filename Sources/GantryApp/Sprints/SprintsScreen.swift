import Foundation
import Planning
import TerminalUI

/// Draws sprint planning: what the sprint holds against capacity and velocity (over-commitment
/// stands out, in colour and in words), the backlog on the left and the sprint on the right.
struct SprintsScreen {
    let state: AppState
    let theme: Theme
    let width: Int
    let height: Int

    func style(_ role: String) -> Style { theme.style(role) }

    func draw(into buffer: inout Buffer) {
        let area = Rect(x: 0, y: 1, width: width, height: max(0, height - 2))
        buffer.fill(area, style: style("ui"))
        guard let sprint = state.plannedSprint, let load = state.sprints.load else {
            buffer.putPadded(" No open sprint on \(state.board?.name ?? "this board"). Plan one with: gantry sprint add \"Sprint 1\"", x: 0, y: area.y, width: width, style: style("ui.muted"))
            return
        }
        let p = ChartAxes.label
        let dates = "\(sprint.start?.description ?? "no start") → \(sprint.end?.description ?? "no end")"
        buffer.putPadded(" \(sprint.name) · \(sprint.state.rawValue) · \(dates)" + (sprint.goal.isEmpty ? "" : " · \(sprint.goal)"),
                         x: 0, y: area.y, width: width, style: style("ui.title"))
        var x = buffer.put(" \(p(load.points)) pts in \(load.cards) cards", x: 0, y: area.y + 1, style: style("ui"))
        let capacity = " · capacity \(p((load.capacity * 10).rounded() / 10)) person-days over \(load.workingDays) days"
        x += buffer.put(capacity, x: x, y: area.y + 1, style: style(load.overCapacity ? "chart.alert" : "ui.muted"), maxWidth: max(0, width - x))
        let velocity = load.velocity.map { " · velocity \(p(($0 * 10).rounded() / 10))" } ?? " · no velocity yet"
        x += buffer.put(velocity, x: x, y: area.y + 1, style: style(load.overVelocity ? "chart.alert" : "ui.muted"), maxWidth: max(0, width - x))
        if load.overCapacity || load.overVelocity {
            let what = [load.overCapacity ? "capacity" : nil, load.overVelocity ? "velocity" : nil].compactMap { $0 }.joined(separator: " and ")
            buffer.put(" · OVER \(what)", x: x, y: area.y + 1, style: style("chart.alert"), maxWidth: max(0, width - x))
        }
        let sides = Rect(x: 0, y: area.y + 2, width: width, height: max(0, area.height - 2)).columns([nil, nil], gap: 1)
        drawSide(title: "Backlog", ids: state.sprints.backlog, selected: state.sprints.selected[0], focused: state.sprints.pane == .backlog, in: sides[0], into: &buffer)
        drawSide(title: sprint.name, ids: state.sprints.planned, selected: state.sprints.selected[1], focused: state.sprints.pane == .sprint, in: sides[1], into: &buffer)
    }

    private func drawSide(title: String, ids: [String], selected: Int, focused: Bool, in r: Rect, into buffer: inout Buffer) {
        let cards = ids.compactMap { state.project.cards[$0] }
        let points = cards.reduce(0) { $0 + ($1.estimate ?? 0) }
        let heading = "\(title) · \(cards.count) cards, \(ChartAxes.label(points)) pts"
        let inner = Panel(title: heading).draw(in: r, into: &buffer, styles: .init(fill: style("ui"), border: style(focused ? "ui.title" : "ui.border"), title: style("ui.title")))
        guard !cards.isEmpty else {
            buffer.put(focused ? " Nothing here." : " Nothing here yet.", x: inner.x, y: inner.y, style: style("ui.muted"), maxWidth: inner.width)
            return
        }
        ScrollList(count: cards.count, selected: selected).draw(in: inner, into: &buffer, more: style("board.more")) { i, row, buffer in
            let card = cards[i]
            let rowStyle = style(i == selected ? (focused ? "ui.selection" : "board.card.selected") : "ui")
            let column = state.project.columns[card.columnID]?.name ?? ""
            let estimate = card.estimate.map { ChartAxes.label($0) } ?? "-"
            let blocked = card.isBlocked ? (state.asciiGlyphs ? "! " : "⊘ ") : ""
            buffer.putPadded(" \(card.key) \(blocked)\(card.title)", x: row.x, y: row.y, width: max(0, row.width - 18), style: rowStyle)
            buffer.putPadded(" \(column)", x: row.maxX - 18, y: row.y, width: 13, style: style(i == selected ? "ui.selection" : "ui.muted"))
            buffer.putPadded(String(repeating: " ", count: max(0, 4 - estimate.count)) + estimate + " ", x: row.maxX - 5, y: row.y, width: 5, style: rowStyle)
        }
    }
}
