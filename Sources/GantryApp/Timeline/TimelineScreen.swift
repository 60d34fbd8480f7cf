import Planning
import TerminalUI

/// The Gantt chart: the task tree on the left (phases fold), bars on a time axis on the right,
/// with progress inside each bar, the baseline as a ghost, a today line, shaded non-working days
/// at day zoom, milestones as ◆ (`*` in plain ASCII), and the selected task's predecessors (←)
/// and successors (→) marked. Critical tasks and broken deadlines have their own styles and a
/// text mark (`!` after a late bar), so nothing depends on colour.
struct TimelineScreen {
    let state: AppState
    let theme: Theme
    let width: Int
    let height: Int
    let calendar: WorkCalendar
    let treeWidth: Int
    /// The first day shown: chosen by scrolling, else the project start when today is still in
    /// view from there, else a fifth of the width before today.
    let origin: Day

    init(state: AppState, theme: Theme, width: Int, height: Int) {
        self.state = state
        self.theme = theme
        self.width = width
        self.height = height
        calendar = state.project.calendar(today: state.today)
        treeWidth = min(34, max(22, width / 3))
        let span = Int(Double(max(1, width - treeWidth - 1)) * state.timeline.zoom.daysPerCell)
        let start = calendar.start.adding(days: -2)
        origin = state.timeline.origin ?? (state.today - start < span * 4 / 5 ? start : state.today.adding(days: -span / 5))
    }

    var chartX: Int { treeWidth + 1 }
    var cells: Int { max(1, width - chartX) }
    var top: Int { 3 }
    var rows: Int { max(0, height - 1 - top) }
    var dpc: Double { state.timeline.zoom.daysPerCell }

    func cell(of day: Day) -> Int { Int((Double(day - origin) / dpc).rounded(.down)) }
    func day(at cell: Int) -> Day { origin.adding(days: Int((Double(cell) * dpc).rounded(.down))) }

    func draw(into buffer: inout Buffer) {
        buffer.fill(Rect(x: 0, y: 1, width: width, height: height - 2), style: theme.style("ui"))
        buffer.putPadded(" Task", x: 0, y: 1, width: treeWidth, style: theme.style("board.column.header"))
        drawAxis(into: &buffer)
        if let error = state.timeline.error {
            buffer.putPadded(error, x: 1, y: top, width: width - 2, style: theme.style("ui.form.error"))
            return
        }
        guard let schedule = state.timeline.schedule, !state.timelineRows.isEmpty else {
            buffer.put("No tasks yet. Add one with: gantry task add NAME --duration 5", x: 1, y: top, style: theme.style("ui.muted"))
            return
        }
        let rowsShown = state.timelineRows
        let selected = rowsShown.firstIndex { $0 == state.timeline.selectedID } ?? 0
        let related = relatedTasks()
        let baseline = state.project.baselines.values.max { $0.savedAt < $1.savedAt }
        ScrollList(count: rowsShown.count, selected: selected).draw(in: Rect(x: 0, y: top, width: width, height: rows), into: &buffer) { i, r, buffer in
            let id = rowsShown[i]
            guard let t = schedule.tasks[id] else { return }
            drawBackground(y: r.y, into: &buffer)
            drawTree(t, y: r.y, selected: id == state.timeline.selectedID, related: related[id], into: &buffer)
            if let b = baseline?.dates[id] { drawGhost(from: b.start, to: b.finish, y: r.y, into: &buffer) }
            drawBar(t, y: r.y, into: &buffer)
        }
    }

    /// Predecessors (←) and successors (→) of the selected task.
    private func relatedTasks() -> [String: String] {
        guard let id = state.timeline.selectedID else { return [:] }
        var out: [String: String] = [:]
        for link in state.project.taskLinks.values {
            if link.succID == id { out[link.predID] = "←" }
            if link.predID == id { out[link.succID] = "→" }
        }
        return out
    }

    private func drawAxis(into buffer: inout Buffer) {
        let muted = theme.style("ui.muted")
        var lastLabel = -10
        for c in 0..<cells {
            let d = day(at: c)
            let previous = c == 0 ? nil : day(at: c - 1)
            let x = chartX + c
            switch state.timeline.zoom {
            case .day, .week:
                if d.weekday == 1, previous != d, c - lastLabel > 7 {
                    let (_, m, dd) = d.components
                    buffer.put("\(dd) \(Self.months[m - 1])", x: x, y: 1, style: theme.style("board.column.header"), maxWidth: cells - c)
                    lastLabel = c
                }
                if state.timeline.zoom == .day, previous != d {
                    buffer.put(String("MTWTFSS"[String.Index(utf16Offset: d.weekday - 1, in: "MTWTFSS")]), x: x, y: 2, style: muted)
                } else if d.weekday == 1, previous != d {
                    buffer.put("|", x: x, y: 2, style: muted)
                }
            case .month, .quarter:
                if let p = previous, p.components.month != d.components.month || c == 0, c - lastLabel > 4 {
                    let (y, m, _) = d.components
                    let label = state.timeline.zoom == .month ? "\(Self.months[m - 1]) \(y % 100)" : (m - 1) % 3 == 0 ? "Q\((m - 1) / 3 + 1) \(y % 100)" : ""
                    if !label.isEmpty {
                        buffer.put(label, x: x, y: 1, style: theme.style("board.column.header"), maxWidth: cells - c)
                        buffer.put("|", x: x, y: 2, style: muted)
                        lastLabel = c
                    }
                }
            }
        }
        let t = cell(of: state.today)
        if (0..<cells).contains(t) { buffer.put("▼", x: chartX + t, y: 2, style: theme.style("timeline.today")) }
    }

    private func drawBackground(y: Int, into buffer: inout Buffer) {
        if state.timeline.zoom == .day {
            for c in 0..<cells where !calendar.isWorking(day(at: c)) {
                buffer.put(" ", x: chartX + c, y: y, style: theme.style("timeline.nonworking"))
            }
        }
        let t = cell(of: state.today)
        if (0..<cells).contains(t) { buffer.put(state.asciiGlyphs ? "|" : "│", x: chartX + t, y: y, style: theme.style("timeline.today")) }
    }

    private func drawTree(_ t: ScheduledTask, y: Int, selected: Bool, related: String?, into buffer: inout Buffer) {
        let folded = state.timeline.folded.contains(t.id)
        let marker = t.isPhase ? (folded ? "▸ " : "▾ ") : t.isMilestone ? (state.asciiGlyphs ? "* " : "◆ ") : "  "
        var text = (related ?? " ") + String(repeating: " ", count: t.depth * 2) + marker + t.key + " " + t.name
        if let task = state.project.tasks[t.id] {
            let (cards, done) = state.project.cardProgress(of: task)
            if !cards.isEmpty {
                // Cards done against the progress reported on the task.
                let count = " \(done)/\(cards.count) "
                text = DisplayWidth.pad(text, to: treeWidth - DisplayWidth.of(count)) + count
            }
        }
        let role = selected ? "ui.selection" : related != nil ? "timeline.related" : t.isPhase ? "ui.title" : t.critical ? "timeline.task.critical" : "ui"
        buffer.putPadded(text, x: 0, y: y, width: treeWidth, style: theme.style(role))
    }

    private func drawGhost(from start: Day, to finish: Day, y: Int, into buffer: inout Buffer) {
        let a = max(0, cell(of: start)), b = min(cells - 1, cell(of: finish.adding(days: 1)) - 1)
        guard a <= b else { return }
        for c in a...b { buffer.put(state.asciiGlyphs ? "-" : "┄", x: chartX + c, y: y, style: theme.style("timeline.baseline")) }
    }

    private func drawBar(_ t: ScheduledTask, y: Int, into buffer: inout Buffer) {
        if t.isMilestone {
            let c = cell(of: t.start)
            guard (0..<cells).contains(c) else { return }
            buffer.put(state.asciiGlyphs ? "*" : "◆", x: chartX + c, y: y,
                       style: theme.style(t.deadlineBroken ? "timeline.bar.late" : t.critical ? "timeline.bar.critical" : "timeline.milestone"))
            if t.deadlineBroken, c + 1 < cells { buffer.put("!", x: chartX + c + 1, y: y, style: theme.style("timeline.bar.late")) }
            return
        }
        let a = cell(of: t.start), b = max(a, cell(of: t.finish.adding(days: 1)) - 1)
        let done = a + Int((Double(b - a + 1) * Double(t.progress) / 100).rounded(.down))
        let role = t.isPhase ? "timeline.bar.phase" : t.deadlineBroken ? "timeline.bar.late" : t.critical ? "timeline.bar.critical" : "timeline.bar"
        let first = max(0, a), last = min(cells - 1, b)
        for c in stride(from: first, through: last, by: 1) {
            let glyph: String
            if t.isPhase { glyph = state.asciiGlyphs ? "=" : "▀" } else if c < done { glyph = state.asciiGlyphs ? "#" : "█" } else { glyph = state.asciiGlyphs ? "=" : "▒" }
            buffer.put(glyph, x: chartX + c, y: y, style: theme.style(role))
        }
        var after = b + 1
        if t.deadlineBroken, b + 1 < cells, b + 1 >= 0 {
            buffer.put("!", x: chartX + b + 1, y: y, style: theme.style("timeline.bar.late"))
            after += 1
        }
        // Who does it, after the bar, as Gantt charts name resources.
        if !t.assignees.isEmpty, after + 1 < cells, after >= 0 {
            buffer.put(t.assignees.joined(separator: ", "), x: chartX + after + 1, y: y, style: theme.style("ui.muted"), maxWidth: cells - after - 1)
        }
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

extension AppState {
    /// The status line on the timeline: zoom and the scheduled finish.
    var timelineStatus: String {
        let finish = self.timeline.schedule.map { " · finish \($0.finish)" } ?? ""
        return " \(project.info.name) › Timeline  zoom: \(self.timeline.zoom.rawValue)\(finish)  @\(actor)"
    }
}
