/// Committed against completed points of a board's last closed sprints, from their records.
public struct Velocity: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var sprint: String
        public var committed: Double
        public var completed: Double
    }

    /// Oldest first.
    public var sprints: [Entry]
    /// Mean completed points of the last three (fewer when fewer have closed); nil for none.
    public var average: Double?

    public static func compute(board boardID: String, in project: ProjectSnapshot, last n: Int = 6) -> Velocity {
        let closed = project.sprints(of: boardID).filter { $0.state == .closed && $0.record != nil }
            .sorted { ($0.closedAt ?? $0.createdAt) < ($1.closedAt ?? $1.createdAt) }
        let entries = closed.suffix(max(1, n)).map { Entry(sprint: $0.name, committed: $0.record!.committed.points, completed: $0.record!.completed.points) }
        let recent = closed.suffix(3).map { $0.record!.completed.points }
        return Velocity(sprints: Array(entries), average: recent.isEmpty ? nil : recent.reduce(0, +) / Double(recent.count))
    }
}

/// What the next sprint holds against what the team can do: its points against members'
/// capacity over the sprint's working days, and against recent velocity.
public struct SprintLoad: Sendable, Equatable {
    public var points: Double
    public var cards: Int
    /// Person-days: each member's capacity × the sprint's working days (holidays excluded).
    public var capacity: Double
    public var workingDays: Int
    public var velocity: Double?

    public var overCapacity: Bool { points > capacity + 1e-9 }
    public var overVelocity: Bool { velocity.map { points > $0 + 1e-9 } ?? false }

    public static func compute(_ sprint: Sprint, in project: ProjectSnapshot, today: Day) -> SprintLoad {
        let held = project.cards.values.filter { $0.sprintID == sprint.id && !$0.archived }
        let calendar = project.calendar(today: today)
        let start = sprint.start ?? today
        let end = sprint.end ?? WorkingDays(calendar: calendar, from: start, through: start)
            .adding(ProjectSnapshot.defaultSprintLength - (calendar.isWorking(start) ? 1 : 0), after: start)
        let days = WorkingDays(calendar: calendar, from: start, through: end).count(from: start, through: end)
        let capacity = project.members.values.reduce(0) { $0 + $1.capacity } * Double(days)
        return SprintLoad(points: held.reduce(0) { $0 + ($1.estimate ?? 0) }, cards: held.count, capacity: capacity, workingDays: days,
                          velocity: Velocity.compute(board: sprint.boardID, in: project).average)
    }
}
