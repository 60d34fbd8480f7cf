import Foundation
import Planning

/// The charts the Reports screen offers, in its list's order.
public enum ReportChart: String, Sendable, CaseIterable {
    case burndown, burnup, velocity, cfd, cycleTime, throughput, aging, forecast, bugs, budget

    var title: String {
        switch self {
        case .burndown: return "Burndown"
        case .burnup: return "Burnup"
        case .velocity: return "Velocity"
        case .cfd: return "Cumulative flow"
        case .cycleTime: return "Cycle time"
        case .throughput: return "Throughput"
        case .aging: return "Aging WIP"
        case .forecast: return "Forecast"
        case .bugs: return "Bugs"
        case .budget: return "Budget burn"
        }
    }
}

/// A chart's numbers, computed once when the chart, its range or the project changes, so a
/// frame only draws them.
public enum ReportData: Sendable {
    case burn(SprintBurn)
    case velocity(Velocity)
    case cfd(CumulativeFlow)
    case cycle(CycleTimes)
    case throughput(Throughput)
    case aging(AgingWIP)
    case forecast(when: Forecast?, howMany: Forecast?, open: Int, problem: String?)
    case bugs(BugView)
    case budget(BudgetBurn, EarnedValue)
    /// Why there is nothing to chart (no sprint yet, history still loading).
    case unavailable(String)

    /// How many points the cursor walks over.
    var points: Int {
        switch self {
        case .burn(let b): return b.days.count
        case .velocity(let v): return v.sprints.count
        case .cfd(let c): return c.days.count
        case .cycle(let c): return c.items.count
        case .throughput(let t): return t.weeks.count
        case .aging(let a): return a.columns.reduce(0) { $0 + $1.cards.count }
        case .forecast: return 0
        case .bugs(let b): return b.open
        case .budget(let burn, _): return burn.days.count
        case .unavailable: return 0
        }
    }
}

/// The Reports screen's state: the chart, the weeks it covers, the sprint for burn charts, the
/// cursor, and the computed numbers.
public struct ReportsState: Sendable {
    public var chart = ReportChart.burndown
    public var weeks = 12
    /// The sprint burn charts show; nil: the active sprint, else the last closed.
    public var sprintID: String?
    public var cursor: Int?
    public var data: ReportData?
}

extension AppState {
    /// After changes were applied: the showing chart and planning lists follow them; a chart
    /// not showing is computed again when it next shows.
    public mutating func changesArrived() {
        if screen == .reports { refreshReport() } else { self.reports.data = nil }
        if screen == .sprints { refreshPlanning() }
        if screen == .workload { refreshWorkload() }
    }

    /// Computes the showing chart's numbers from the project and the flow history.
    mutating func refreshReport() {
        guard let board else {
            self.reports.data = .unavailable("This project has no board yet.")
            return
        }
        let chart = self.reports.chart
        if chart == .budget {
            self.reports.data = budgetReport()
        } else if chart == .velocity || chart == .bugs {
            self.reports.data = chart == .velocity ? .velocity(Velocity.compute(board: board.id, in: project)) : .bugs(BugView.compute(board: board, in: project, now: now))
        } else if let flow {
            self.reports.data = Self.report(chart, context: FlowContext(project: project, history: flow, board: board, now: now), state: self.reports)
        } else {
            self.reports.data = .unavailable("Reading the history of the cards…")
        }
        let count = self.reports.data?.points ?? 0
        if count == 0 { self.reports.cursor = nil } else if let c = self.reports.cursor { self.reports.cursor = min(c, count - 1) } else {
            self.reports.cursor = chart == .burndown || chart == .burnup || chart == .budget ? burnCursor(count) : count - 1
        }
    }

    /// Planned, earned and actual cost week by week, and earned value today.
    private func budgetReport() -> ReportData {
        guard let progress else { return .unavailable("Reading the history of the tasks…") }
        // The timeline's schedule is kept current with every change; no need to compute another.
        guard let schedule = self.timeline.schedule else { return .unavailable(self.timeline.error ?? "The plan has no schedule yet.") }
        let burn = BudgetBurn.compute(project, schedule: schedule, progress: progress, asOf: today)
        guard burn.bac > 0 || burn.actual.contains(where: { $0 > 0 }) else {
            return .unavailable("No budget yet: assign people with effort and rates (gantry task assign, gantry member edit --rate), or add costs.")
        }
        return .budget(burn, EarnedValue.compute(project, schedule: schedule, asOf: today))
    }

    /// The burn charts start on today's point.
    private func burnCursor(_ count: Int) -> Int {
        switch self.reports.data {
        case .burn(let burn)?: return max(0, min(count - 1, burn.points.count - 1))
        case .budget(let burn, _)?: return max(0, min(count - 1, burn.actual.count - 1))
        default: return count - 1
        }
    }

    /// The sprints a burn chart can show, in order: started ones.
    var chartedSprints: [Sprint] { project.sprints(of: boardID).filter { $0.state != .planned } }

    var chartedSprint: Sprint? {
        if let id = self.reports.sprintID, let s = project.sprints[id] { return s }
        return project.sprintToChart(on: boardID)
    }

    static func report(_ chart: ReportChart, context: FlowContext, state: ReportsState) -> ReportData {
        let today = context.today
        let from = today.adding(days: -7 * state.weeks + 1)
        switch chart {
        case .burndown, .burnup:
            let sprint = state.sprintID.flatMap { context.project.sprints[$0] } ?? context.project.sprintToChart(on: context.board.id)
            guard let sprint else { return .unavailable("No sprint has started on \(context.board.name) yet; start one on the Sprints screen.") }
            do { return .burn(try SprintBurn.compute(sprint, in: context)) } catch { return .unavailable(StatusMessage.failure(error).text) }
        case .cfd: return .cfd(CumulativeFlow.compute(in: context, from: from, through: today))
        case .cycleTime: return .cycle(CycleTimes.compute(in: context, from: from, through: today))
        case .throughput: return .throughput(Throughput.compute(CycleTimes.compute(in: context, from: from, through: today), from: from, through: today))
        case .aging: return .aging(AgingWIP.compute(in: context))
        case .forecast:
            let times = CycleTimes.compute(in: context, from: from, through: today)
            let samples = Forecast.samples(times, in: context, weeks: state.weeks)
            let open = context.project.cards.values.filter { card in
                card.boardID == context.board.id && !card.archived && !context.doneColumnIDs.contains(card.columnID)
                    && context.project.columns[card.columnID]?.category != .backlog && card.type != .epic
            }.count
            let horizon = context.project.activeSprint(on: context.board.id)?.end.flatMap { $0 > today ? $0 : nil } ?? today.adding(days: 28)
            do {
                let when = open > 0 ? try Forecast.when(cards: open, samples: samples, in: context, seed: 1) : nil
                return .forecast(when: when, howMany: try Forecast.howMany(by: horizon, samples: samples, in: context, seed: 1), open: open, problem: nil)
            } catch {
                return .forecast(when: nil, howMany: nil, open: open, problem: StatusMessage.failure(error).text)
            }
        case .velocity, .bugs, .budget: return .unavailable("")
        }
    }
}
