import Foundation

/// What a stand-up would cover when none was recorded: the changes since the start of the last
/// working day, the blockers, and each person's cards in the order the walk takes them. A TPM
/// wants this before a meeting, or instead of one.
public struct StandupDigest: Sendable, Equatable {
    public struct Person: Sendable, Equatable {
        public var name: String
        public var work: [String]
    }

    public var day: Day
    public var board: String
    public var since: Date
    public var moved: [String]
    public var blockers: [String]
    public var people: [Person]

    /// The start of the last working day before `today` by the project's calendar (local midnight).
    public static func lastWorkingDayStart(_ project: ProjectSnapshot, today: Day, timeZone: TimeZone = .current) -> Date {
        let calendar = project.calendar(today: today)
        var day = today.adding(days: -1)
        for _ in 0..<366 where !calendar.isWorking(day) { day = day.adding(days: -1) }
        return day.start(in: timeZone)
    }

    public static func make(_ project: ProjectSnapshot, boardID: String, since: Date,
                            entries: [(actor: String, at: Date, change: Change)], now: Date,
                            thresholds: AgeThresholds = .standard, timeZone: TimeZone = .current) -> StandupDigest {
        let walk = StandupAgenda.walk(project, boardID: boardID, now: now, thresholds: thresholds)
        let blockers = walk.filter { $0.reason == .blocked }.map(StandupRecord.blockerLine)
        var people: [Person] = []
        for name in StandupAgenda.speakers(project, boardID: boardID, now: now, thresholds: thresholds) {
            let work = walk.filter { $0.card.assignee == name }.map { item in
                let why = item.reason == .normal ? "" : ", \(item.reason.rawValue)"
                return "\(item.card.key) \(item.card.title) (\(item.column.name)\(why))"
            }
            people.append(Person(name: name, work: work))
        }
        let unassigned = walk.filter { $0.card.assignee == nil }.map { "\($0.card.key) \($0.card.title) (\($0.column.name))" }
        if !unassigned.isEmpty { people.append(Person(name: "nobody", work: unassigned)) }
        let moved = entries.filter { $0.at >= since && StandupRecord.isMove($0.change) }.map { "\($0.actor) \($0.change.summary)" }
        return StandupDigest(day: Day.containing(now, in: timeZone), board: project.boards[boardID]?.name ?? "", since: since,
                             moved: moved, blockers: blockers, people: people)
    }

    /// The digest as Markdown; times in `timeZone`, named.
    public func markdown(timeZone: TimeZone = .current) -> String {
        var lines = ["# Stand-up digest \(day)", "",
                     "_No stand-up was recorded; this is what the walk would show on board \(board)._", ""]
        lines += ["## Moved since \(LocalTime.stamp(since, timeZone))", ""] + StandupRecord.bullets(moved, none: "Nothing moved.")
        lines += ["", "## Blockers", ""] + StandupRecord.bullets(blockers, none: "No blocked cards.")
        lines += ["", "## Each person's work", ""]
        for person in people {
            lines.append("- **\(person.name)**" + (person.work.isEmpty ? ": no cards on the walk" : ""))
            lines += person.work.map { "  - " + $0.replacingOccurrences(of: "\n", with: " ") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
