import Foundation

/// A sprint day by day: scope (points planned in the sprint), completed and remaining points
/// at each working day's close, with the ideal line from the committed points to zero. The
/// burndown reads `remaining` against `ideal`; the burnup reads `completed` against `scope`,
/// so scope change shows.
public struct SprintBurn: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var day: Day
        public var scope: Double
        public var completed: Double
        public var remaining: Double { scope - completed }
        public var ideal: Double
    }

    public var sprint: Sprint
    public var committed: Double
    /// One point per working day from the sprint's start up to today (or its close).
    public var points: [Point]
    /// Every working day of the sprint, including those still ahead.
    public var days: [Day]

    /// Burn of `sprint` on the context's board; a sprint not yet started has none.
    public static func compute(_ sprint: Sprint, in context: FlowContext) throws -> SprintBurn {
        guard let startedAt = sprint.startedAt, let start = sprint.start, let end = sprint.end else {
            throw PlanningError.refused("\(sprint.name) has not started, so it has no burndown yet.", remedy: .startSprint)
        }
        var context = context
        let counter = WorkingDays(calendar: context.calendar, from: start, through: max(end, context.today))
        let days = counter.list(from: start, through: end)
        let until = sprint.closedAt ?? context.now
        let members = context.history.events.filter { _, events in events.contains { $0.state?.sprintID == sprint.id } }
        let committed = members.values.reduce(0.0) { total, events in
            guard let s = FlowHistory.state(in: events, at: startedAt), s.sprintID == sprint.id else { return total }
            return total + (s.estimate ?? 0)
        }
        var points: [Point] = []
        let n = Double(max(1, days.count))
        let lastDay = context.clock.day(until)
        for (i, day) in days.enumerated() where day <= lastDay {
            let moment = min(context.clock.end(of: day), until)
            var scope = 0.0, completed = 0.0
            for events in members.values {
                guard let s = FlowHistory.state(in: events, at: moment), s.sprintID == sprint.id else { continue }
                scope += s.estimate ?? 0
                if context.isDone(s) { completed += s.estimate ?? 0 }
            }
            points.append(Point(day: day, scope: scope, completed: completed, ideal: committed * (n - Double(i + 1)) / n))
        }
        return SprintBurn(sprint: sprint, committed: committed, points: points, days: days)
    }
}

extension SprintRecord {
    /// What a sprint did from its start to `closing`: committed at the start, added after it,
    /// removed before the close, and at the close completed or carried over. Cards in cards and
    /// points; committed + added − removed = completed + carried.
    public static func compute(_ sprint: Sprint, in context: FlowContext, closing: Date) -> SprintRecord {
        let startedAt = sprint.startedAt ?? closing
        var record = SprintRecord()
        for (_, events) in context.history.events.sorted(by: { $0.key < $1.key }) {
            let atStart = FlowHistory.state(in: events, at: startedAt)
            let wasCommitted = atStart?.sprintID == sprint.id
            var lastInSprint: FlowState? = wasCommitted ? atStart : nil
            var joinedLater = false
            for event in events where event.at > startedAt && event.at <= closing {
                if let s = event.state, s.sprintID == sprint.id {
                    if lastInSprint == nil && !wasCommitted { joinedLater = true }
                    lastInSprint = s
                }
            }
            guard let lastInSprint else { continue }
            if wasCommitted { record.committed.add(atStart?.estimate) }
            if joinedLater { record.added.add(lastInSprint.estimate) }
            let atClose = FlowHistory.state(in: events, at: closing)
            if let atClose, atClose.sprintID == sprint.id {
                if context.isDone(atClose) { record.completed.add(atClose.estimate) } else { record.carried.add(atClose.estimate) }
            } else {
                record.removed.add(lastInSprint.estimate)
            }
        }
        return record
    }
}
