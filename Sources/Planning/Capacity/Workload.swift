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
            if calendar.isWorking(d), let p = index(d) {
                for (m, member) in members.enumerated() {
                    let works = member.workdays == 0 || member.workdays & (1 << (d.weekday - 1)) != 0
                    guard works, !(leaves[member.handle]?.contains { $0.covers(d) } ?? false) else { continue }
                    cells[m][p].available += hoursPerDay * member.capacity
                }
            }
            d = d.adding(days: 1)
        }
        func add(_ hours: Double, member m: Int, day: Day, key: String, title: String) {
            guard let p = index(day), hours > 0 else { return }
            cells[m][p].allocated += hours
            if let i = cells[m][p].items.lastIndex(where: { $0.key == key }) { cells[m][p].items[i].hours += hours } else {
                cells[m][p].items.append(Item(key: key, title: title, hours: hours))
            }
        }
        // Tasks: effort over their scheduled working days, or a share of each of those days.
        if let schedule {
            for assignment in project.assignments.values.sorted(by: { $0.id < $1.id }) {
                guard let m = row[assignment.member], let task = project.tasks[assignment.taskID], let planned = schedule.tasks[task.id],
                      !planned.isPhase, !planned.isMilestone, planned.finish >= from, planned.start <= through else { continue }
                var days: [Day] = []
                var day = planned.start
                while day <= planned.finish { if calendar.isWorking(day) { days.append(day) }; day = day.adding(days: 1) }
                guard !days.isEmpty else { continue }
                let perDay = assignment.effortHours.map { $0 / Double(days.count) } ?? assignment.units * hoursPerDay
                for day in days { add(perDay, member: m, day: day, key: task.key, title: task.name) }
            }
        }
        // Cards in an active sprint with hours left: over the sprint's working days from today.
        let done = project.boards.keys.reduce(into: Set<String>()) { $0.formUnion(FlowContext.doneColumns(of: project.columns(of: $1))) }
        for sprint in project.sprints.values where sprint.state == .active {
            guard let end = sprint.end, end >= today else { continue }
            let start = max(today, sprint.start ?? today)
            var days: [Day] = []
            var day = start
            while day <= end { if calendar.isWorking(day) { days.append(day) }; day = day.adding(days: 1) }
            guard !days.isEmpty else { continue }
            for card in project.cards.values where card.sprintID == sprint.id && !card.archived && !done.contains(card.columnID) {
                guard let hours = card.hours, let who = card.assignee, let m = row[who] else { continue }
                for day in days { add(hours / Double(days.count), member: m, day: day, key: card.key, title: card.title) }
            }
        }
        return Workload(period: period, periods: periods, members: members.map(\.handle), cells: cells)
    }
}
