import Foundation

/// Hours each person is asked for against the hours they have, per week (or per day): tasks'
/// effort spread over their scheduled working days, plus the hours left on their cards in the
/// active sprint spread over the sprint's remaining days. A person's hours are the project's
/// working day × their capacity on the days they work (their own weekdays, not on leave, not on
/// a holiday). Every cell keeps what it is made of, for drilling down.
public struct Workload: Sendable, Equatable {
    public enum Period: String, Sendable, CaseIterable { case day, week }

    /// A task or card behind a cell's hours.
    public struct Item: Sendable, Equatable {
        public var key: String
        public var title: String
        public var hours: Double
    }

    public struct Cell: Sendable, Equatable {
        public var available: Double = 0
        public var allocated: Double = 0
        public var items: [Item] = []
        /// More asked than there is time for.
        public var over: Bool { allocated > available + 0.001 }
        /// Time there, nothing planned in it.
        public var idle: Bool { available > 0 && allocated < 0.001 }
    }

    public var period: Period
    /// Each period's first day (Mondays for weeks).
    public var periods: [Day]
    public var members: [String]
    /// `cells[m][p]`: member m in period p.
    public var cells: [[Cell]]

    public static func compute(_ project: ProjectSnapshot, schedule: Schedule?, from: Day, through: Day, by period: Period, today: Day) -> Workload {
        let first = period == .week ? from.adding(days: -(from.weekday - 1)) : from
        var periods: [Day] = []
        var d = first
        while d <= through { periods.append(d); d = d.adding(days: period == .week ? 7 : 1) }
        func index(_ day: Day) -> Int? {
            guard day >= first, day <= through else { return nil }
            return period == .week ? (day - first) / 7 : day - first
        }
        let members = project.sortedMembers
        let row = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.handle, $0) })
        var cells = [[Cell]](repeating: [Cell](repeating: Cell(), count: periods.count), count: members.count)
        let calendar = project.calendar(today: today)
        let hoursPerDay = project.info.hoursPerDay
        let leaves = Dictionary(grouping: project.leaves.values, by: \.member)
        // Availability, day by day.
        d = from
        while d <= through {
            if let p = index(d) {
                for (m, member) in members.enumerated() {
                    cells[m][p].available += member.hours(on: d, calendar: calendar, leave: leaves[member.handle] ?? [], hoursPerDay: hoursPerDay)
                }
            }
            d = d.adding(days: 1)
        }
        // Each working day of the span, as the index of its period (-1: not a working day).
        let periodOf = (0...max(0, through - from)).map { o -> Int in
            let day = from.adding(days: o)
            return calendar.isWorking(day) ? index(day) ?? -1 : -1
        }
        /// Adds `perDay` hours for each working day of `first...last` within the span, one item
        /// per period (a task's days are consecutive, so each period is added to once).
        func spread(_ perDay: Double, member m: Int, from first: Day, through last: Day, key: String, title: String) {
            let lo = max(0, first - from), hi = min(periodOf.count - 1, last - from)
            guard lo <= hi, perDay > 0 else { return }
            var p = -1, hours = 0.0
            func flush() {
                guard p >= 0, hours > 0 else { return }
                cells[m][p].allocated += hours
                cells[m][p].items.append(Item(key: key, title: title, hours: hours))
            }
            for o in lo...hi where periodOf[o] >= 0 {
                if periodOf[o] != p { flush(); p = periodOf[o]; hours = 0 }
                hours += perDay
            }
            flush()
        }
        // Tasks: effort over their scheduled working days, or a share of each of those days.
        if let schedule {
            // Task by task in the schedule's order (task number), each task's people by handle:
            // the same order every time, without sorting every assignment.
            let byTask = Dictionary(grouping: project.assignments.values, by: \.taskID)
            var tasks: [(ScheduledTask, [Assignment])] = []
            for (id, dates) in schedule.tasks where !dates.isPhase && !dates.isMilestone && dates.finish >= from && dates.start <= through {
                if let list = byTask[id] { tasks.append((dates, list)) }
            }
            let first = tasks.map(\.0.start).min() ?? from, last = tasks.map(\.0.finish).max() ?? through
            let counter = WorkingDays(calendar: calendar, from: min(first, from), through: max(last, through))
            for (dates, list) in tasks {
                let days = counter.count(from: dates.start, through: dates.finish)
                guard days > 0 else { continue }
                for assignment in list.sorted(by: { $0.member < $1.member }) {
                    guard let m = row[assignment.member] else { continue }
                    let perDay = assignment.hoursPerDay(over: days, dayLength: hoursPerDay)
                    spread(perDay, member: m, from: dates.start, through: dates.finish, key: dates.key, title: dates.name)
                }
            }
        }
        // Cards in an active sprint with hours left: over the sprint's working days from today.
        let done = project.doneColumnIDs(of: Array(project.boards.values))
        for sprint in project.sprints.values where sprint.state == .active {
            guard let end = sprint.end, end >= today else { continue }
            let start = max(today, sprint.start ?? today)
            let days = WorkingDays(calendar: calendar, from: start, through: end).count(from: start, through: end)
            guard days > 0 else { continue }
            for card in project.cards.values.sorted(by: { $0.number < $1.number }) where card.sprintID == sprint.id && !card.archived && !done.contains(card.columnID) {
                guard let hours = card.hours, let who = card.assignee, let m = row[who] else { continue }
                spread(hours / Double(days), member: m, from: start, through: end, key: card.key, title: card.title)
            }
        }
        return Workload(period: period, periods: periods, members: members.map(\.handle), cells: cells)
    }
}
