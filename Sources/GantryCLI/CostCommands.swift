import ArgumentParser
import Foundation
import Planning
import TerminalUI

/// `gantry time …`: hours worked on tasks, the actual cost of people's time.
struct TimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "time", abstract: "Log hours worked on tasks (actual cost).",
                                                    subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log hours a member worked on a task on a day.")
        @Argument var key: String
        @Argument var handle: String
        @Argument(help: "Hours: 4h, 1.5 or 30m.") var hours: String
        @Option(parsing: .unconditional, help: "The day (default: today).") var date: String?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open(cards: .epicsOnly)
            let day = try date.map { try ArgumentValues.day($0, "--date", today: s.today) } ?? s.today
            try s.commit(try s.snapshot.logTime(try s.snapshot.member(handle: handle), on: try s.snapshot.task(key: key),
                                                hours: try Self.hours(hours), day: day))
        }

        static func hours(_ text: String) throws -> Double {
            guard let hours = TimeEntry.hours(text) else {
                throw CLIError.usage("HOURS: \"\(Quote.cut(text))\" is not a number of hours; write 4h, 1.5 or 30m.")
            }
            return hours
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List logged time, all or one task's.")
        @Argument var key: String?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open(cards: .epicsOnly)
            let task = try key.map { try s.snapshot.task(key: $0) }
            let entries = s.snapshot.timeEntries.values.filter { task == nil || $0.taskID == task?.id }
                .sorted { ($0.day, $0.member, $0.id) < ($1.day, $1.member, $1.id) }
            let keyOf = { (id: String) in s.snapshot.tasks[id]?.key ?? "?" }
            if json {
                s.print(JSON.array(entries.map { .object([("task", .string(keyOf($0.taskID))), ("member", .string($0.member)),
                                                          ("day", .string($0.day.description)), ("hours", .number($0.hours))]) }).rendered())
                return
            }
            var table = TextTable("DAY", "TASK", "MEMBER", "HOURS")
            for e in entries { table.add([e.day.description, keyOf(e.taskID), e.member, SprintOutput.points(e.hours)]) }
            s.print(entries.isEmpty ? "No time logged yet. Log some with: gantry time add T-1 HANDLE 4h" : table.rendered())
        }
    }
}

/// `gantry cost add`: costs that are not people's time.
struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cost", abstract: "Fixed costs on tasks (licences, hardware, invoices).",
                                                    subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a fixed cost to a task; --paid DATE once it is spent.")
        @Argument var key: String
        @Argument var name: String
        @Argument var amount: String
        @Option(parsing: .unconditional, help: "When it was paid (counts in the actual cost from then).") var paid: String?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open(cards: .epicsOnly)
            try s.commit(try s.snapshot.addFixedCost(to: try s.snapshot.task(key: key), name: name, amount: try ArgumentValues.number(amount, "AMOUNT"),
                                                     incurredOn: try paid.map { try ArgumentValues.day($0, "--paid", today: s.today) }))
        }
    }
}

/// `gantry report evm`: earned value at a status date.
struct EVMReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evm", abstract: "Earned value at a status date: PV, EV, AC, SV, CV, SPI, CPI, EAC, ETC, VAC.",
        discussion: "Budgets are effort × hourly rates plus fixed costs; planned value follows the latest baseline (gantry baseline save), "
            + "else the current schedule. Indices are green from 0.95, amber from 0.85, else red.")
    @OptionGroup var asOf: AsOfOption
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var project: ProjectOption

    func run() throws {
        let (s, ev) = try Self.earned(project, asOf)
        s.print(json ? Self.json(ev, currency: s.snapshot.info.currency).rendered() : Self.text(ev, currency: s.snapshot.info.currency))
    }

    /// The project and its earned value at the status date asked for.
    static func earned(_ project: ProjectOption, _ asOf: AsOfOption) throws -> (Session, EarnedValue) {
        let s = try project.open(cards: .epicsOnly)
        let status = try asOf.day(today: s.today)
        return (s, EarnedValue.compute(s.snapshot, schedule: try Scheduler.schedule(s.snapshot, today: status), asOf: status))
    }

    static let noBudget = "No budget yet: assign people with effort (gantry task assign T-1 ana --effort 5d), give them rates, or add costs."

    static func money(_ v: Double) -> String { String(Int(v.rounded())) }
    static func index(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "-" }

    static func json(_ ev: EarnedValue, currency: String) -> JSON {
        func figures(_ f: EarnedValue.Figures) -> JSON {
            .object([("bac", .number(f.bac)), ("pv", .number(f.pv)), ("ev", .number(f.ev)), ("ac", .number(f.ac)), ("sv", .number(f.sv)),
                     ("cv", .number(f.cv)), ("spi", JSON(f.spi)), ("cpi", JSON(f.cpi)), ("eac", JSON(f.eac)), ("etc", JSON(f.etc)),
                     ("vac", JSON(f.vac)), ("spiRAG", JSON(EarnedValue.rag(f.spi)?.rawValue)), ("cpiRAG", JSON(EarnedValue.rag(f.cpi)?.rawValue))])
        }
        return .object([("asOf", .string(ev.statusDate.description)), ("currency", .string(currency)), ("project", figures(ev.project)),
                        ("tasks", .array(ev.tasks.map { .object([("key", .string($0.key)), ("figures", figures($0.figures))]) }))])
    }

    static func text(_ ev: EarnedValue, currency: String) -> String {
        let f = ev.project
        guard f.bac > 0 || f.ac > 0 else {
            return noBudget
        }
        var lines = ["Earned value as of \(ev.statusDate), in \(currency):",
                     "  BAC \(money(f.bac))  PV \(money(f.pv))  EV \(money(f.ev))  AC \(money(f.ac))",
                     "  SV \(money(f.sv))  CV \(money(f.cv))  SPI \(index(f.spi)) (\(EarnedValue.rag(f.spi)?.rawValue ?? "-"))  CPI \(index(f.cpi)) (\(EarnedValue.rag(f.cpi)?.rawValue ?? "-"))",
                     "  EAC \(f.eac.map(money) ?? "-")  ETC \(f.etc.map(money) ?? "-")  VAC \(f.vac.map(money) ?? "-")", ""]
        var table = TextTable("TASK", "BAC", "PV", "EV", "AC", "SPI", "CPI", "NAME")
        for t in ev.tasks {
            table.add([t.key, money(t.figures.bac), money(t.figures.pv), money(t.figures.ev), money(t.figures.ac),
                       index(t.figures.spi), index(t.figures.cpi), t.name])
        }
        lines.append(table.rendered())
        return lines.joined(separator: "\n")
    }
}

/// `gantry report cost`: each phase's budget against its planned cost, what it has cost so far
/// and what it will cost at this rate.
struct CostReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost", abstract: "Budget, planned cost, actual cost and estimate at completion, per phase and for the project.",
        discussion: "Set budgets with: gantry project set --budget N [--currency EUR], gantry task edit T-1 --budget N (a phase).")
    @OptionGroup var asOf: AsOfOption
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var project: ProjectOption

    func run() throws {
        let (s, earned) = try EVMReport.earned(project, asOf)
        let status = earned.statusDate
        let report = CostReport.compute(s.snapshot, earned: earned)
        let money = EVMReport.money
        if json {
            func line(_ l: CostReport.Line) -> JSON {
                .object([("key", .string(l.key)), ("name", .string(l.name)), ("budget", JSON(l.budget)), ("planned", .number(l.figures.bac)),
                         ("actual", .number(l.figures.ac)), ("eac", .number(l.figures.eac ?? l.figures.bac)), ("overrun", .bool(l.overrun))])
            }
            s.print(JSON.object([("asOf", .string(status.description)), ("currency", .string(s.snapshot.info.currency)),
                                 ("project", line(report.project)), ("phases", .array(report.phases.map(line)))]).rendered())
            return
        }
        var table = TextTable("PHASE", "BUDGET", "PLANNED", "ACTUAL", "AT COMPLETION", "NAME")
        for l in [report.project] + report.phases {
            table.add([l.key.isEmpty ? "project" : l.key, l.budget.map(money) ?? "-", money(l.figures.bac), money(l.figures.ac),
                       money(l.figures.eac ?? l.figures.bac) + (l.overrun ? " !" : ""), l.name])
        }
        s.print("Cost as of \(status), in \(s.snapshot.info.currency):\n" + table.rendered() + "\n! over its budget (or its plan, with none) at the cost performance so far")
    }
}

/// `gantry report budget`: the budget burn, planned against earned and actual cost, week by week.
struct BudgetBurnReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget", abstract: "Budget burn: cumulative planned, earned and actual cost at the end of each week.",
        discussion: "Planned follows the latest baseline, else the schedule, to the budget at completion; earned at a past week "
            + "uses each task's percent complete then, from the journal; actual is logged time × rates plus fixed costs paid.")
    @OptionGroup var asOf: AsOfOption
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open(cards: .epicsOnly)
        let status = try asOf.day(today: s.today)
        let burn = BudgetBurn.compute(s.snapshot, schedule: try Scheduler.schedule(s.snapshot, today: status),
                                      progress: try s.store.progressHistory(), asOf: status)
        let currency = s.snapshot.info.currency
        if json {
            s.print(JSON.object([
                ("asOf", .string(status.description)), ("currency", .string(currency)), ("bac", .number(burn.bac)), ("budget", JSON(burn.budget)),
                ("weeks", .array(burn.days.indices.map { i in
                    .object([("day", .string(burn.days[i].description)), ("planned", .number(burn.planned[i])),
                             ("earned", i < burn.earned.count ? .number(burn.earned[i]) : .null),
                             ("actual", i < burn.actual.count ? .number(burn.actual[i]) : .null)])
                })),
            ]).rendered())
            return
        }
        guard burn.bac > 0 || burn.actual.contains(where: { $0 > 0 }) else {
            s.print(EVMReport.noBudget)
            return
        }
        let money = EVMReport.money
        var table = TextTable("WEEK TO", "PLANNED", "EARNED", "ACTUAL")
        for i in burn.days.indices {
            table.add([burn.days[i].description + (burn.days[i] == status ? " (status)" : ""), money(burn.planned[i]),
                       i < burn.earned.count ? money(burn.earned[i]) : "", i < burn.actual.count ? money(burn.actual[i]) : ""])
        }
        let budget = burn.budget.map { ", budget \(money($0))" } ?? ""
        s.print("Budget burn in \(currency) (cumulative; at completion \(money(burn.bac))\(budget)):\n" + table.rendered())
    }
}
