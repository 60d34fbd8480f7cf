import Foundation

/// Planned, actual and earned cost over time, cumulative, at the end of each week: the budget
/// burn chart. Planned runs to the plan's finish (it ends at the budget at completion); actual
/// and earned stop at the status date. Earned at each date uses each task's percent complete
/// then, from the journal (today's for a task the journal says nothing of).
public struct BudgetBurn: Sendable, Equatable {
    /// The last day of each week shown (the status date is always one of them).
    public var days: [Day]
    public var planned: [Double]
    /// Empty after the status date.
    public var actual: [Double]
    public var earned: [Double]
    public var bac: Double
    public var budget: Double?
    public var statusDate: Day

    public static func compute(_ project: ProjectSnapshot, schedule: Schedule, progress: ProgressHistory, asOf status: Day) -> BudgetBurn {
        let basis = EarnedValue.Basis(project, schedule: schedule, today: status)
        let first = (basis.tasks.map(\.plannedStart) + schedule.tasks.values.map(\.start)).min() ?? status
        // Planned value reaches the budget at completion on the last planned finish.
        let last = max(status, basis.tasks.map(\.plannedFinish).max() ?? status, schedule.finish)
        // Sundays from the first week's to the last's, and the status date.
        var days: Set<Day> = [status]
        var day = first.adding(days: 7 - first.weekday)
        while day < last.adding(days: 7) { days.insert(day); day = day.adding(days: 7) }

        var burn = BudgetBurn(days: days.sorted(), planned: [], actual: [], earned: [], bac: basis.tasks.reduce(0) { $0 + $1.bac },
                              budget: project.info.budget, statusDate: status)
        for day in burn.days {
            burn.planned.append(basis.tasks.reduce(0) { $0 + basis.plannedValue(of: $1, through: day) })
            guard day <= status else { continue }
            burn.actual.append(basis.tasks.reduce(0) { $0 + basis.actualCost(of: $1, through: day) })
            burn.earned.append(basis.tasks.reduce(0) { total, task in
                let percent = progress.progress(of: task.id, endOf: day) ?? (day == status ? project.tasks[task.id]?.progress : nil)
                return total + task.bac * Double(percent ?? 0) / 100
            })
        }
        return burn
    }
}
