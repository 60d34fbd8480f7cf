import Foundation

/// Open bugs by severity and age, each against its severity's age limit: the bug view a team
/// triages from. Age is working days since the bug was filed (0 on the day it was).
public struct BugView: Sendable, Equatable {
    public struct Bug: Sendable, Equatable {
        public var key: String
        public var title: String
        public var column: String
        public var assignee: String?
        public var age: Int
        public var breached: Bool
        public var foundIn: String?
    }

    public struct Group: Sendable, Equatable {
        /// Nil: bugs without a severity yet.
        public var severity: BugSeverity?
        public var limit: Int?
        public var bugs: [Bug]
        public var breached: Int { bugs.filter(\.breached).count }
    }

    public var groups: [Group]
    public var open: Int { groups.reduce(0) { $0 + $1.bugs.count } }

    public static func compute(board: Board?, in project: ProjectSnapshot, now: Date, timeZone: TimeZone = .current) -> BugView {
        var clock = DayClock(timeZone: timeZone)
        let today = clock.day(now)
        let boards = board.map { [$0] } ?? project.sortedBoards
        let done = project.doneColumnIDs(of: boards)
        let ids = Set(boards.map(\.id))
        let bugs = project.cards.values.filter { $0.type == .bug && !$0.archived && ids.contains($0.boardID) && !done.contains($0.columnID) }
        let first = bugs.map { clock.day($0.createdAt) }.min() ?? today
        let counter = WorkingDays(calendar: project.calendar(today: today), from: first, through: today)
        let limits = project.info.bugAgeLimits
        let severities: [BugSeverity?] = BugSeverity.allCases.map { $0 } + [nil]
        let groups = severities.map { severity -> Group in
            let limit = severity.map(limits.limit)
            let list = bugs.filter { $0.severity == severity }.map { card -> Bug in
                let age = counter.count(from: clock.day(card.createdAt).adding(days: 1), through: today)
                return Bug(key: card.key, title: card.title, column: project.columns[card.columnID]?.name ?? "?", assignee: card.assignee,
                           age: age, breached: limit.map { age > $0 } ?? false, foundIn: card.foundIn)
            }.sorted { ($1.age, $0.key.count, $0.key) < ($0.age, $1.key.count, $1.key) }
            return Group(severity: severity, limit: limit, bugs: list)
        }
        return BugView(groups: groups)
    }
}
