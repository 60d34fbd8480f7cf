import Foundation

/// Earned value at a status date, task by task and for the project: the budgeted cost of the
/// work planned by then (PV), of the work done (EV, progress × budget), and what the work cost
/// (AC: logged hours × rates, plus fixed costs paid by then), with the usual indices.
///
/// A task's budget at completion (BAC) is its people's effort × their hourly rates plus its
/// fixed costs. Planned work by the status date follows the latest baseline's dates when there
/// is one (else the current schedule), linearly over the task's working days.
public struct EarnedValue: Sendable, Equatable {
    public struct Figures: Sendable, Equatable {
        public var bac = 0.0, pv = 0.0, ev = 0.0, ac = 0.0
        public var sv: Double { ev - pv }
        public var cv: Double { ev - ac }
        public var spi: Double? { pv > 0 ? ev / pv : nil }
        public var cpi: Double? { ac > 0 ? ev / ac : nil }
        /// Estimate at completion, assuming the cost performance so far continues.
        public var eac: Double? { cpi.map { bac / $0 } }
        public var etc: Double? { eac.map { $0 - ac } }
        public var vac: Double? { eac.map { bac - $0 } }

        public init() {}

        mutating func add(_ other: Figures) {
            bac += other.bac; pv += other.pv; ev += other.ev; ac += other.ac
        }
    }

    /// Red, amber or green for an index: green at or above `green`, amber at or above `amber`.
    public enum RAG: String, Sendable { case red, amber, green }

    public var statusDate: Day
    public var project: Figures
    /// Per task with a budget, in schedule order.
    public var tasks: [(key: String, name: String, figures: Figures)]

    public static func == (a: EarnedValue, b: EarnedValue) -> Bool {
        a.statusDate == b.statusDate && a.project == b.project && a.tasks.map(\.key) == b.tasks.map(\.key) && a.tasks.map(\.figures) == b.tasks.map(\.figures)
    }

    public static func rag(_ index: Double?, green: Double = 0.95, amber: Double = 0.85) -> RAG? {
        index.map { $0 >= green ? .green : $0 >= amber ? .amber : .red }
    }

    public static func compute(_ project: ProjectSnapshot, schedule: Schedule, asOf status: Day) -> EarnedValue {
        let basis = Basis(project, schedule: schedule, today: status)
        var total = Figures()
        var rows: [(key: String, name: String, figures: Figures)] = []
        for task in basis.tasks {
            var f = Figures()
            f.bac = task.bac
            f.ac = basis.actualCost(of: task, through: status)
            guard f.bac > 0 || f.ac > 0 else { continue }
            f.pv = basis.plannedValue(of: task, through: status)
            f.ev = f.bac * Double(project.tasks[task.id]?.progress ?? 0) / 100
            total.add(f)
            rows.append((task.key, task.name, f))
        }
        return EarnedValue(statusDate: status, project: total, tasks: rows)
    }

    /// What earned value at any date needs, worked out once: each task's budget at completion,
    /// its planned working days, and its costs by day.
    struct Basis {
        struct Task {
            var id: String, key: String, name: String
            var bac: Double
            var plannedStart: Day
            var plannedFinish: Day
            var plannedDays: Int
            /// (day, amount) of logged time and paid fixed costs, in no order.
            var costs: [(day: Day, amount: Double)]
        }

        var tasks: [Task] = []
        let workingDays: (Day, Day) -> Int

        init(_ project: ProjectSnapshot, schedule: Schedule, today: Day) {
            let calendar = project.calendar(today: today)
            let hoursPerDay = project.info.hoursPerDay
            let baseline = project.baselines.values.max { $0.savedAt < $1.savedAt }
            let byTask = Dictionary(grouping: project.assignments.values, by: \.taskID)
            let fixed = Dictionary(grouping: project.fixedCosts.values, by: \.taskID)
            let time = Dictionary(grouping: project.timeEntries.values, by: \.taskID)
            let counter = WorkingDays(calendar: calendar, from: calendar.start, through: max(schedule.finish, today).adding(days: 366))
            workingDays = { a, b in a <= b ? counter.count(from: a, through: b) : 0 }
            func rate(_ member: String) -> Double { project.members[member]?.hourlyRate(hoursPerDay: hoursPerDay) ?? 0 }
            for id in schedule.order {
                guard let dates = schedule.tasks[id], !dates.isPhase, let task = project.tasks[id] else { continue }
                let span = workingDays(dates.start, dates.finish)
                var bac = (byTask[id] ?? []).reduce(0.0) { $0 + $1.totalHours(over: span, dayLength: hoursPerDay) * rate($1.member) }
                bac += (fixed[id] ?? []).reduce(0) { $0 + $1.amount }
                let costs = (time[id] ?? []).map { (day: $0.day, amount: $0.hours * rate($0.member)) }
                    + (fixed[id] ?? []).compactMap { cost in cost.incurredOn.map { (day: $0, amount: cost.amount) } }
                guard bac > 0 || !costs.isEmpty else { continue }
                let planned = baseline?.dates[id] ?? (start: dates.start, finish: dates.finish)
                tasks.append(Task(id: id, key: task.key, name: task.name, bac: bac, plannedStart: planned.start,
                                  plannedFinish: planned.finish, plannedDays: max(1, workingDays(planned.start, planned.finish)), costs: costs))
            }
        }

        /// The budgeted cost of the work planned by the end of `day`: linear over the planned days.
        func plannedValue(of task: Task, through day: Day) -> Double {
            let elapsed = day < task.plannedStart ? 0 : min(task.plannedDays, workingDays(task.plannedStart, day))
            return task.bac * Double(elapsed) / Double(task.plannedDays)
        }

        func actualCost(of task: Task, through day: Day) -> Double {
            task.costs.reduce(0) { $1.day <= day ? $0 + $1.amount : $0 }
        }
    }
}
