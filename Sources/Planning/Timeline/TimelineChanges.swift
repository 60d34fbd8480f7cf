import Foundation

/// Intent-named timeline changes: tasks, dependencies, calendar and baselines.
extension ProjectSnapshot {
    public func task(key: String) throws -> PlanTask {
        let wanted = key.uppercased()
        if let t = tasks.values.first(where: { $0.key == wanted }) { return t }
        throw PlanningError.notFound(what: "task", name: key, hint: "", remedy: .listTasks)
    }

    public func isPhase(_ task: PlanTask) -> Bool { tasks.values.contains { $0.parentID == task.id } }

    static func checkDuration(_ d: Int) throws {
        guard (0...10_000).contains(d) else { throw PlanningError.invalid(field: "duration", message: "\(d) is out of range; use 0 (a milestone) to 10000 working days") }
    }

    public func addTask(name: String, duration: Int, phase: PlanTask?, after: [PlanTask], startNoEarlier: Day?, deadline: Day?,
                        assignees: [String], now: Date) throws -> Change {
        try Self.checkDuration(duration)
        var task = PlanTask(name: try Limits.line(name, field: "name", length: Limits.titleLength), duration: duration, parentID: phase?.id,
                            position: (tasks.values.filter { $0.parentID == phase?.id }.map(\.position).max() ?? -1) + 1, createdAt: now)
        task.startNoEarlier = startNoEarlier
        task.deadline = deadline
        task.assignees = try assignees.map { try member(handle: $0).handle }
        var edits = [task.creation()]
        for p in after {
            guard !isPhase(p) else { throw PlanningError.invalid(field: "after", message: "\(p.key) is a phase; depend on its tasks or milestones") }
            edits.append(TaskLink(predID: p.id, succID: task.id).creation())
        }
        return Change(summary: "added \(task.label) \"\(task.name)\"", edits: edits)
    }

    public func editTask(_ task: PlanTask, name: String?, duration: Int?, startNoEarlier: Day??, deadline: Day??, progress: Int?,
                         assignees: [String]?, actualStart: Day??, actualFinish: Day??) throws -> Change {
        var t = task
        if let name { t.name = try Limits.line(name, field: "name", length: Limits.titleLength) }
        if let duration { try Self.checkDuration(duration); t.duration = duration }
        if let startNoEarlier { t.startNoEarlier = startNoEarlier }
        if let deadline { t.deadline = deadline }
        if let progress {
            guard (0...100).contains(progress) else { throw PlanningError.invalid(field: "progress", message: "\(progress) is out of range; use 0 to 100 (%)") }
            t.progress = progress
        }
        if let assignees { t.assignees = try assignees.map { try member(handle: $0).handle } }
        if let actualStart { t.actualStart = actualStart }
        if let actualFinish { t.actualFinish = actualFinish }
        guard let edit = task.update(PlanTask.fieldNames.compactMap { $0 == "id" ? nil : ($0, t.fields[$0] ?? .null) }) else {
            return Change(summary: "no change to \(task.key)", edits: [])
        }
        return Change.edited(task.key, edit)
    }

    public func removeTask(_ task: PlanTask) throws -> Change {
        let kids = tasks.values.filter { $0.parentID == task.id }
        guard kids.isEmpty else { throw PlanningError.refused("\(task.key) is a phase with \(kids.count) task(s); remove or move them first.") }
        let logged = timeEntries.values.filter { $0.taskID == task.id }.reduce(0) { $0 + $1.hours }
        let costs = fixedCosts.values.filter { $0.taskID == task.id }.count
        if logged > 0 || costs > 0 {
            let what = [logged > 0 ? "\(Self.hours(logged))h of logged time" : nil, costs > 0 ? "\(costs) cost\(costs == 1 ? "" : "s")" : nil].compactMap { $0 }
            throw PlanningError.refused("\(task.key) has \(what.joined(separator: " and ")); they are the project's actual cost, so it stays. Mark it done instead.")
        }
        let links = taskLinks.values.filter { $0.predID == task.id || $0.succID == task.id }.sorted { $0.id < $1.id }
        let work = assignments.values.filter { $0.taskID == task.id }.sorted { $0.member < $1.member }
        return Change(summary: "removed \(task.key) \"\(task.name)\"", edits: links.map { $0.deletion() } + work.map { $0.deletion() } + [task.deletion()])
    }

    public func linkTasks(_ pred: PlanTask, _ succ: PlanTask, type: DependencyType, lag: Int, today: Day) throws -> Change {
        guard pred.id != succ.id else { throw PlanningError.invalid(field: "dependency", message: "a task cannot depend on itself") }
        for t in [pred, succ] where isPhase(t) {
            throw PlanningError.invalid(field: "dependency", message: "\(t.key) is a phase; link its tasks or milestones")
        }
        guard (-1000...1000).contains(lag) else { throw PlanningError.invalid(field: "lag", message: "\(lag) is out of range; use -1000 to 1000 working days") }
        let link = TaskLink(predID: pred.id, succID: succ.id, type: type, lag: lag)
        guard taskLinks[link.id] == nil else { throw PlanningError.refused("\(succ.key) already depends on \(pred.key); unlink it first to change the type or lag.") }
        var trial = Array(taskLinks.values)
        trial.append(link)
        _ = try Scheduler.schedule(tasks: Array(tasks.values), links: trial, calendar: calendar(today: today))
        let lagText = lag == 0 ? "" : lag > 0 ? " +\(lag)" : " \(lag)"
        return Change(summary: "linked \(pred.key) → \(succ.key) (\(type.rawValue)\(lagText))", edits: [link.creation()])
    }

    public func unlinkTasks(_ pred: PlanTask, _ succ: PlanTask) throws -> Change {
        guard let link = taskLinks[TaskLink(predID: pred.id, succID: succ.id).id] else {
            throw PlanningError.refused("\(succ.key) does not depend on \(pred.key).")
        }
        return Change(summary: "unlinked \(pred.key) → \(succ.key)", edits: [link.deletion()])
    }

    public func linkCard(_ card: Card, to task: PlanTask) throws -> Change {
        let link = TaskCardLink(taskID: task.id, cardID: card.id)
        guard taskCards[link.id] == nil else { throw PlanningError.refused("\(card.key) is already linked to \(task.key).") }
        return Change(summary: "linked \(card.key) to \(task.key)", edits: [link.creation()])
    }

    public func unlinkCard(_ card: Card, from task: PlanTask) throws -> Change {
        guard let link = taskCards[TaskCardLink(taskID: task.id, cardID: card.id).id] else {
            throw PlanningError.refused("\(card.key) is not linked to \(task.key).")
        }
        return Change(summary: "unlinked \(card.key) from \(task.key)", edits: [link.deletion()])
    }

    /// A task's linked cards and how many of them are in a done column.
    public func cardProgress(of task: PlanTask) -> (cards: [Card], done: Int) {
        let cards = taskCards.values.filter { $0.taskID == task.id }.compactMap { self.cards[$0.cardID] }.sorted { $0.number < $1.number }
        return (cards, cards.filter { columns[$0.columnID]?.category == .done }.count)
    }

    public func setProjectStart(_ day: Day) -> Change {
        Change(summary: "set the project start to \(day)", edits: [info.update([("startDate", Value(day))])].compactMap { $0 })
    }

    public func setWorkdays(_ mask: Int) -> Change {
        let names = WorkCalendar(start: Day(ordinal: 0), workdays: mask).workdayNames.joined(separator: ",")
        return Change(summary: "set working days to \(names)", edits: [info.update([("workdays", Value(mask))])].compactMap { $0 })
    }

    public func addHoliday(_ day: Day, name: String) throws -> Change {
        let h = Holiday(day: day, name: try Limits.line(name, field: "name", length: 0...60))
        guard holidays[h.id] == nil else { throw PlanningError.refused("\(day) is already a holiday.") }
        return Change(summary: "added holiday \(day)\(name.isEmpty ? "" : " (\(name))")", edits: [h.creation()])
    }

    public func removeHoliday(_ day: Day) throws -> Change {
        guard let h = holidays[day.description] else { throw PlanningError.notFound(what: "holiday on", name: day.description, hint: "", remedy: .listHolidays) }
        return Change(summary: "removed holiday \(day)", edits: [h.deletion()])
    }

    public func saveBaseline(_ name: String, schedule: Schedule, now: Date) throws -> Change {
        let n = try Limits.line(name, field: "baseline name", length: Limits.nameLength)
        var dates: [String: (start: Day, finish: Day)] = [:]
        for (id, t) in schedule.tasks { dates[id] = (t.start, t.finish) }
        let baseline = Baseline(name: n, savedAt: now, dates: dates)
        if let old = baselines[baseline.id] {
            return Change(summary: "saved baseline \(n) (replacing the earlier one)", edits: [old.deletion(), baseline.creation()])
        }
        return Change(summary: "saved baseline \(n)", edits: [baseline.creation()])
    }

    public func baseline(named name: String) throws -> Baseline {
        if let b = baselines["baseline:" + name.lowercased()] { return b }
        throw PlanningError.notFound(what: "baseline", name: name, hint: "Baselines: \(baselines.values.map(\.name).sorted().joined(separator: ", ")).")
    }
}

/// Slip against a baseline and the effect of a slip, in working days and calendar days.
public enum TimelineAnalysis {
    public struct Slip: Sendable, Equatable {
        public let id: String
        public let key: String
        public let name: String
        public let baselineFinish: Day?
        public let finish: Day
        /// Calendar days later than planned (negative: earlier); nil for tasks added since.
        public let days: Int?
        public let isMilestone: Bool
    }

    public static func compare(_ schedule: Schedule, with baseline: Baseline) -> [Slip] {
        schedule.order.compactMap { id in
            guard let t = schedule.tasks[id] else { return nil }
            let planned = baseline.dates[id]?.finish
            return Slip(id: id, key: t.key, name: t.name, baselineFinish: planned, finish: t.finish,
                        days: planned.map { t.finish - $0 }, isMilestone: t.isMilestone)
        }
    }

    /// Milestones that move if `task` takes `slip` more working days, and by how much.
    public static func impact(of task: PlanTask, slip: Int, in project: ProjectSnapshot, today: Day) throws -> (before: Schedule, after: Schedule, moved: [Slip]) {
        let before = try Scheduler.schedule(project, today: today)
        let after = try Scheduler.schedule(project, today: today, slips: [task.id: slip])
        let moved = before.order.compactMap { id -> Slip? in
            guard let b = before.tasks[id], let a = after.tasks[id], b.isMilestone, a.finish != b.finish else { return nil }
            return Slip(id: id, key: a.key, name: a.name, baselineFinish: b.finish, finish: a.finish, days: a.finish - b.finish, isMilestone: true)
        }
        return (before, after, moved)
    }
}
