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
        let calendar = project.calendar(today: status)
        let hoursPerDay = project.info.hoursPerDay
        let baseline = project.baselines.values.max { $0.savedAt < $1.savedAt }
        let byTask = Dictionary(grouping: project.assignments.values, by: \.taskID)
        let costs = Dictionary(grouping: project.fixedCosts.values, by: \.taskID)
        let time = Dictionary(grouping: project.timeEntries.values, by: \.taskID)
        func workingDays(_ a: Day, _ b: Day) -> Int {
            guard a <= b else { return 0 }
            return WorkingDays(calendar: calendar, from: a, through: b).count(from: a, through: b)
        }
        var total = Figures()
        var rows: [(String, String, Figures)] = []
        for id in schedule.order {
            guard let dates = schedule.tasks[id], !dates.isPhase, let task = project.tasks[id] else { continue }
            let span = workingDays(dates.start, dates.finish)
            var f = Figures()
            for a in byTask[id] ?? [] {
                let rate = project.members[a.member]?.hourlyRate(hoursPerDay: hoursPerDay) ?? 0
                f.bac += (a.effortHours ?? a.units * hoursPerDay * Double(span)) * rate
            }
            f.bac += (costs[id] ?? []).reduce(0) { $0 + $1.amount }
            f.ac = (time[id] ?? []).filter { $0.day <= status }.reduce(0) { total, entry in
                total + entry.hours * (project.members[entry.member]?.hourlyRate(hoursPerDay: hoursPerDay) ?? 0)
            } + (costs[id] ?? []).filter { $0.incurredOn.map { $0 <= status } ?? false }.reduce(0) { $0 + $1.amount }
            guard f.bac > 0 || f.ac > 0 else { continue }
            let planned = baseline?.dates[id] ?? (start: dates.start, finish: dates.finish)
            let plannedDays = max(1, workingDays(planned.start, planned.finish))
            let elapsed = status < planned.start ? 0 : min(plannedDays, workingDays(planned.start, status))
            f.pv = f.bac * Double(elapsed) / Double(plannedDays)
            f.ev = f.bac * Double(task.progress) / 100
            total.add(f)
            rows.append((task.key, task.name, f))
        }
        return EarnedValue(statusDate: status, project: total, tasks: rows.map { (key: $0.0, name: $0.1, figures: $0.2) })
    }
}
