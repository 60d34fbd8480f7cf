import ArgumentParser
import Foundation
import Planning
import PlanStore

/// `gantry report …`: every flow chart's numbers, computed from the journal, as text or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Charts as numbers: burndown, burnup, velocity, cfd, cycle-time, throughput, aging, forecast, bugs, workload, evm, cost, budget; and the stakeholder status report.",
        discussion: """
            Days are working days of the project calendar, counted in local time. Cycle time runs from the \
            first in-progress column to done, lead time from creation to done; both count the first and last day. \
            Done is the columns marked done, else the board's last column.
            """,
        subcommands: [Burndown.self, Burnup.self, VelocityReport.self, CFD.self, CycleTime.self, ThroughputReport.self,
                      Aging.self, ForecastReport.self, Bugs.self, WorkloadReport.self, EVMReport.self, CostReportCommand.self, BudgetBurnReport.self,
                      StatusReportCommand.self])

    struct Common: ParsableArguments {
        @Option(help: "Board name (default: the first board).") var board: String?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func context() throws -> (Session, FlowContext) {
            let s = try project.open()
            let home = try s.board(board)
            return (s, FlowContext(project: s.snapshot, history: try s.store.flowHistory(), board: home, now: s.now))
        }
    }

    /// `--from`/`--to`, twelve weeks up to today by default.
    struct Range: ParsableArguments {
        @Option(parsing: .unconditional, help: "First day (default: 12 weeks ago).") var from: String?
        @Option(parsing: .unconditional, help: "Last day (default: today).") var to: String?

        func days(today: Day) throws -> (Day, Day) {
            let last = try to.map { try ArgumentValues.day($0, "--to", today: today) } ?? today
            let first = try from.map { try ArgumentValues.day($0, "--from", today: today) } ?? last.adding(days: -83)
            guard first <= last else { throw CLIError.usage("--from \(first) is after --to \(last); give the earlier day first.") }
            guard last - first <= 3660 else { throw CLIError.usage("--from to --to spans \(last - first) days; a chart covers at most ten years.") }
            return (first, last)
        }
    }

    static func sprint(_ name: String?, _ s: Session, _ context: FlowContext) throws -> Sprint {
        if let name { return try s.snapshot.sprint(named: name, on: context.board) }
        if let sprint = s.snapshot.sprintToChart(on: context.board.id) { return sprint }
        let planned = s.snapshot.sprints(of: context.board.id).first
        throw CLIError.refused("\(context.board.name) has no active or closed sprint to chart. "
            + (planned.map { "Start \($0.name) with: gantry sprint start \"\($0.name)\"" } ?? "Plan one with: gantry sprint add NAME, then start it with: gantry sprint start NAME"))
    }

    struct Burndown: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remaining points per working day of a sprint, with the ideal line.")
        @Argument(help: "Sprint name (default: the active sprint, else the last closed).") var sprint: String?
        @OptionGroup var common: Common

        func run() throws {
            let (s, context) = try common.context()
            let burn = try SprintBurn.compute(try ReportCommand.sprint(sprint, s, context), in: context)
            s.print(common.json ? ReportOutput.burnJSON(burn).rendered() : ReportOutput.burnText(burn, up: false))
        }
    }

    struct Burnup: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Completed points against scope per working day of a sprint.")
        @Argument(help: "Sprint name (default: the active sprint, else the last closed).") var sprint: String?
        @OptionGroup var common: Common

        func run() throws {
            let (s, context) = try common.context()
            let burn = try SprintBurn.compute(try ReportCommand.sprint(sprint, s, context), in: context)
            s.print(common.json ? ReportOutput.burnJSON(burn).rendered() : ReportOutput.burnText(burn, up: true))
        }
    }

    struct VelocityReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "velocity", abstract: "Committed and completed points of the last closed sprints.")
        @Option(help: "How many sprints (default 6).") var last = 6
        @OptionGroup var common: Common

        func run() throws {
            guard (1...100).contains(last) else { throw CLIError.usage("--last: \(last) is out of range; use 1 to 100.") }
            let (s, context) = try common.context()
            let velocity = Velocity.compute(board: context.board.id, in: s.snapshot, last: last)
            s.print(common.json ? ReportOutput.velocityJSON(velocity).rendered() : ReportOutput.velocityText(velocity))
        }
    }

    struct CFD: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cfd", abstract: "Cards in each column at the close of each working day.")
        @OptionGroup var range: Range
        @OptionGroup var common: Common

        func run() throws {
            let (s, context) = try common.context()
            let (from, to) = try range.days(today: s.today)
            let cfd = CumulativeFlow.compute(in: context, from: from, through: to)
            s.print(common.json ? ReportOutput.cfdJSON(cfd).rendered() : ReportOutput.cfdText(cfd))
        }
    }

    struct CycleTime: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cycle-time", abstract: "Cycle and lead time of finished cards, with percentiles overall and per type.")
        @OptionGroup var range: Range
        @OptionGroup var common: Common

        func run() throws {
            let (s, context) = try common.context()
            let (from, to) = try range.days(today: s.today)
            let times = CycleTimes.compute(in: context, from: from, through: to)
            s.print(common.json ? ReportOutput.cycleJSON(times).rendered() : ReportOutput.cycleText(times))
        }
    }

    struct ThroughputReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "throughput", abstract: "Cards finished per week (weeks start on Monday).")
        @OptionGroup var range: Range
        @OptionGroup var common: Common

        func run() throws {
            let (s, context) = try common.context()
            let (from, to) = try range.days(today: s.today)
            let weeks = Throughput.compute(CycleTimes.compute(in: context, from: from, through: to), from: from, through: to)
            s.print(common.json ? ReportOutput.throughputJSON(weeks).rendered() : ReportOutput.throughputText(weeks))
        }
    }

    struct Aging: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open cards' age in their column against that column's history.")
        @OptionGroup var common: Common

        func run() throws {
            let (s, context) = try common.context()
            let aging = AgingWIP.compute(in: context)
            s.print(common.json ? ReportOutput.agingJSON(aging).rendered() : ReportOutput.agingText(aging))
        }
    }

    struct ForecastReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forecast", abstract: "Monte Carlo forecast from recent throughput (10,000 trials).",
            discussion: "With --cards N: when N more cards will be done. With --by DATE: how many will be done by then. Without either: when the open cards not in the backlog will be done.")
        @Option(help: "How many cards to forecast.") var cards: Int?
        @Option(parsing: .unconditional, help: "Forecast how many cards are done by this day.") var by: String?
        @Option(help: "Weeks of throughput to sample (default 12).") var weeks = 12
        @Option(help: "Random seed, for a reproducible forecast (default 1).") var seed: UInt64 = 1
        @OptionGroup var common: Common

        func run() throws {
            guard (1...104).contains(weeks) else { throw CLIError.usage("--weeks: \(weeks) is out of range; use 1 to 104.") }
            if let cards, !(1...100_000).contains(cards) { throw CLIError.usage("--cards: \(cards) is out of range; use 1 to 100000.") }
            guard cards == nil || by == nil else { throw CLIError.usage("Choose one of --cards and --by.") }
            let (s, context) = try common.context()
            let times = CycleTimes.compute(in: context, from: s.today.adding(days: -7 * weeks), through: s.today)
            let samples = Forecast.samples(times, in: context, weeks: weeks)
            let forecast: Forecast
            if let by {
                forecast = try Forecast.howMany(by: try ArgumentValues.day(by, "--by", today: s.today), samples: samples, in: context, seed: seed)
            } else {
                let open = cards ?? s.snapshot.cards.values.filter { card in
                    card.boardID == context.board.id && !card.archived && !context.doneColumnIDs.contains(card.columnID)
                        && s.snapshot.columns[card.columnID]?.category != .backlog && card.type != .epic
                }.count
                guard open > 0 else { throw CLIError.refused("No open cards outside the backlog to forecast; name a number with --cards N.") }
                forecast = try Forecast.when(cards: open, samples: samples, in: context, seed: seed)
            }
            s.print(common.json ? ReportOutput.forecastJSON(forecast).rendered() : ReportOutput.forecastText(forecast))
        }
    }

    struct Bugs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open bugs by severity and age, against each severity's age limit.")
        @Option(help: "Board name (default: every board).") var board: String?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let view = BugView.compute(board: try board.map { try s.board($0) }, in: s.snapshot, now: s.now)
            s.print(json ? ReportOutput.bugsJSON(view).rendered() : ReportOutput.bugsText(view))
        }
    }
}
