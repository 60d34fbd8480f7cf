import Foundation
import Planning
import TerminalUI

/// Key handling on the timeline: select, fold, zoom and scroll, and edits that reschedule at once.
extension AppState {
    /// Moves on the timeline: up and down select tasks, left and right scroll the dates.
    mutating func moveOnTimeline(_ motion: Motion, height: Int) {
        message = nil
        let rows = timelineRows
        let index = rows.firstIndex { $0 == self.timeline.selectedID } ?? 0
        func select(_ i: Int) { if !rows.isEmpty { self.timeline.selectedID = rows[min(max(0, i), rows.count - 1)] } }
        let step = max(1, Int((self.timeline.zoom.daysPerCell * 8).rounded()))
        switch motion {
        case .up: select(index - 1)
        case .down: select(index + 1)
        case .top: select(0)
        case .bottom: select(rows.count - 1)
        case .pageUp: select(index - max(1, height - 6))
        case .pageDown: select(index + max(1, height - 6))
        case .left: self.timeline.origin = (self.timeline.origin ?? today).adding(days: -step)
        case .right: self.timeline.origin = (self.timeline.origin ?? today).adding(days: step)
        }
    }

    /// Levels the plan and asks whether to keep it: what moves and the new finish first.
    mutating func levelTimeline() -> [Effect] {
        let levelled: Levelling
        do { levelled = try Levelling.level(project, today: today) } catch {
            message = .failure(error)
            return []
        }
        guard !levelled.moves.isEmpty else {
            message = .info("Levelled: no task has to move" + (levelled.unresolved.isEmpty ? "." : "; \(levelled.unresolved.count) conflict(s) no delay can solve (gantry schedule --level lists them)."))
            return []
        }
        let first = levelled.moves.prefix(3).map { "\($0.key) +\($0.days)d" }.joined(separator: ", ") + (levelled.moves.count > 3 ? ", …" : "")
        let finish = self.timeline.schedule?.finish.description ?? "?"
        mode = .confirm(.yes("Levelling moves \(levelled.moves.count) task\(levelled.moves.count == 1 ? "" : "s") (\(first)); finish \(finish) → \(levelled.schedule.finish).",
                             "keeps it", [.apply(project.saveLevelling(levelled))], declined: "Not levelled; the plan is as it was."))
        return []
    }

    /// The timeline's own keys.
    mutating func performTimeline(_ action: TimelineAction) -> [Effect] {
        message = nil
        switch action {
        case .today: self.timeline.origin = nil
        case .level: return levelTimeline()
        case .zoom:
            self.timeline.zoom = self.timeline.zoom.next
            message = .info("Zoom: \(self.timeline.zoom.rawValue).")
        case .fold:
            guard let task = selectedTask, project.isPhase(task) else { message = .info("Only phases fold."); return [] }
            if self.timeline.folded.remove(task.id) == nil { self.timeline.folded.insert(task.id) }
            refreshTimelineRows()
        case .startEarlier, .startLater:
            return shiftSelectedTask(by: action == .startEarlier ? -1 : 1)
        case .longer, .shorter:
            guard let task = selectedTask, !project.isPhase(task) else { message = .info("Select a task (phases take their length from their tasks)."); return [] }
            let d = task.duration + (action == .longer ? 1 : -1)
            guard d >= 0 else { return [] }
            return edit(task) { try $0.editTask(task, name: nil, duration: d, startNoEarlier: nil, deadline: nil, progress: nil,
                                                assignees: nil, actualStart: nil, actualFinish: nil) }
        case .progress:
            guard let task = selectedTask, !project.isPhase(task) else { return [] }
            let p = task.progress >= 100 ? 0 : min(100, task.progress + 10)
            return edit(task) { try $0.editTask(task, name: nil, duration: nil, startNoEarlier: nil, deadline: nil, progress: p,
                                                assignees: nil, actualStart: nil, actualFinish: nil) }
        case .logTime:
            guard let task = selectedTask, !project.isPhase(task), !task.isMilestone else {
                message = .info("Time is logged on a task, not on a phase or milestone.")
                return []
            }
            mode = .timePrompt(taskID: task.id, TextField())
        case .deleteTask:
            guard let task = selectedTask else { return [] }
            let effects = edit(task) { try $0.removeTask(task) }
            guard !effects.isEmpty else { return [] }
            mode = .confirm(.yes("Delete \(task.key) \"\(Quote.cut(task.name, limit: 24))\"?", "deletes it (\(keyName(.global(.undo))) undoes)", effects, declined: "Nothing deleted."))
        }
        return []
    }

    private mutating func edit(_ task: PlanTask, _ make: (ProjectSnapshot) throws -> Change) -> [Effect] {
        do { return [.apply(try make(project))] } catch {
            message = .failure(error)
            return []
        }
    }

    /// Moves a task's start by working days, as a start-no-earlier constraint; its successors follow.
    mutating func shiftSelectedTask(by days: Int) -> [Effect] {
        guard let task = selectedTask, !project.isPhase(task), let scheduled = self.timeline.schedule?.tasks[task.id] else {
            message = .info("Select a task to shift.")
            return []
        }
        let calendar = project.calendar(today: today)
        var day = scheduled.isMilestone ? scheduled.start.adding(days: 1) : scheduled.start
        var remaining = abs(days)
        while remaining > 0 {
            day = day.adding(days: days > 0 ? 1 : -1)
            if calendar.isWorking(day) { remaining -= 1 }
        }
        if day < calendar.start { day = calendar.start }
        return edit(task) {
            var change = try $0.editTask(task, name: nil, duration: nil, startNoEarlier: .some(day), deadline: nil, progress: nil,
                                         assignees: nil, actualStart: nil, actualFinish: nil)
            change.summary = "shifted \(task.key) to start no earlier than \(day)"
            return change
        }
    }

    /// `:dep T-3 [FS|SS|FF|SF] [lag]` and `:undep T-3` for the selected task.
    mutating func dependencyCommand(_ name: String, _ arg: String) throws -> [Effect] {
        guard let task = selectedTask else { message = .error("Select a task on the timeline first (3)."); return [] }
        let parts = arg.split(separator: " ").map(String.init)
        guard let key = parts.first else { message = .error("Say which task: :\(name) T-3"); return [] }
        let other = try project.task(key: key)
        if name == "undep" { return [.apply(try project.unlinkTasks(other, task))] }
        let type = parts.count > 1 ? DependencyType(rawValue: parts[1].uppercased()) : .fs
        guard let type else { message = .error("Use FS, SS, FF or SF."); return [] }
        let lag = parts.count > 2 ? Int(parts[2]) : 0
        guard let lag else { message = .error("The lag is a whole number of working days."); return [] }
        return [.apply(try project.linkTasks(other, task, type: type, lag: lag, today: today))]
    }
}
