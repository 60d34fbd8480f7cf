import ArgumentParser
import Foundation
import Planning
import TerminalUI

/// `gantry member leave …`: the days someone is away.
struct LeaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leave", abstract: "Days a member is away (no hours available).",
                                                    subcommands: [Add.self, List.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add leave: the first and last day away.")
        @Argument var handle: String
        @Argument(help: "First day away.") var start: String
        @Argument(help: "Last day away.") var end: String
        @Option(help: "What it is (holiday, training, …).") var note: String?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open(cards: .epicsOnly)
            try s.commit(try s.snapshot.addLeave(try s.snapshot.member(handle: handle), from: try ArgumentValues.day(start, "START", today: s.today),
                                                 through: try ArgumentValues.day(end, "END", today: s.today), note: note ?? ""))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List leave, everyone's or one member's.")
        @Argument var handle: String?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open(cards: .epicsOnly)
            let leaves = s.snapshot.leaves(of: try handle.map { try s.snapshot.member(handle: $0).handle })
            if json {
                s.print(JSON.array(leaves.map { .object([("member", .string($0.member)), ("start", .string($0.start.description)),
                                                         ("end", .string($0.end.description)), ("note", .string($0.note))]) }).rendered())
                return
            }
            var table = TextTable("MEMBER", "FROM", "TO", "DAYS", "NOTE")
            for l in leaves { table.add([l.member, l.start.description, l.end.description, String(l.end - l.start + 1), l.note]) }
            s.print(leaves.isEmpty ? "No leave recorded. Add some with: gantry member leave add HANDLE START END" : table.rendered())
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove the leave of a member that includes DAY.")
        @Argument var handle: String
        @Argument(help: "A day of that leave.") var day: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open(cards: .epicsOnly)
            let member = try s.snapshot.member(handle: handle)
            let d = try ArgumentValues.day(day, "DAY", today: s.today)
            guard let leave = s.snapshot.leaves(of: member.handle).first(where: { $0.covers(d) }) else {
                throw CLIError.refused("\(member.handle) has no leave on \(d). See it with: gantry member leave list \(member.handle)")
            }
            try s.commit(s.snapshot.removeLeave(leave))
        }
    }
}

/// `gantry task assign|unassign`: who works on a task, and how much.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Assign a member to a task, with effort and/or a share of each day.",
        discussion: "--effort is hours or working days (40h, 5d; a day is the project's working day, 8h unless set). "
            + "Without it, --units (50%, 0.5) of each of the task's working days; 100% if neither is given.")
    @Argument var key: String
    @Argument var handle: String
    @Option(parsing: .unconditional, help: "Effort: 40h or 5d.") var effort: String?
    @Option(parsing: .unconditional, help: "Share of each working day: 50% or 0.5.") var units: String?
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open(cards: .epicsOnly)
        let hours = try effort.map { try Self.hours($0, perDay: s.snapshot.info.hoursPerDay) }
        try s.commit(try s.snapshot.assign(try s.snapshot.member(handle: handle), to: try s.snapshot.task(key: key), effortHours: hours,
                                           units: try units.map { try ArgumentValues.share($0, "--units") }))
    }

    /// "40h", "5d" or "2.5d" in hours.
    static func hours(_ text: String, perDay: Double) throws -> Double {
        let t = text.lowercased().filter { !$0.isWhitespace }
        guard let unit = t.last, "hd".contains(unit), let n = Double(t.dropLast()), n.isFinite else {
            throw CLIError.usage("--effort: \"\(Quote.cut(text))\" is not an effort; write hours or working days with their unit, like 40h or 5d.")
        }
        return unit == "d" ? n * perDay : n
    }
}

struct UnassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unassign", abstract: "Take a member off a task.")
    @Argument var key: String
    @Argument var handle: String
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open(cards: .epicsOnly)
        try s.commit(try s.snapshot.unassign(try s.snapshot.member(handle: handle), from: try s.snapshot.task(key: key)))
    }
}

/// `gantry report workload`: hours asked against hours available, per person and week or day.
struct WorkloadReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workload", abstract: "Allocated against available hours per person and week (or day).",
        discussion: "Tasks' effort spreads over their scheduled working days; cards in an active sprint add the hours left on them. "
            + "A cell is over (!) when more is asked than there is time for, idle (-) when time is there and nothing is planned.")
    @Option(parsing: .unconditional, help: "First day (default: this week's Monday).") var from: String?
    @Option(parsing: .unconditional, help: "Last day (default: eight weeks on).") var to: String?
    @Option(help: "week or day.") var by = "week"
    @Option(help: "Only this member, with what makes each cell.") var member: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var project: ProjectOption

    func run() throws {
        let period: Workload.Period = try ArgumentValues.choice(by, "--by")
        let s = try project.open()
        let first = try from.map { try ArgumentValues.day($0, "--from", today: s.today) } ?? s.today.adding(days: -(s.today.weekday - 1))
        let last = try to.map { try ArgumentValues.day($0, "--to", today: s.today) } ?? first.adding(days: 55)
        guard first <= last else { throw CLIError.usage("--from \(first) is after --to \(last); give the earlier day first.") }
        guard last - first <= 3660 else { throw CLIError.usage("--from to --to spans \(last - first) days; a workload covers at most ten years.") }
        let schedule = try? Scheduler.schedule(s.snapshot, today: s.today)
        var load = Workload.compute(s.snapshot, schedule: schedule, from: first, through: last, by: period, today: s.today)
        if let member {
            let handle = try s.snapshot.member(handle: member).handle
            let i = load.members.firstIndex(of: handle) ?? 0
            load.members = [handle]
            load.cells = [load.cells[i]]
        }
        s.print(json ? CapacityOutput.workloadJSON(load).rendered() : CapacityOutput.workloadText(load, detail: member != nil))
    }
}

enum CapacityOutput {
    static func workloadJSON(_ w: Workload) -> JSON {
        .object([("by", .string(w.period.rawValue)), ("periods", .array(w.periods.map { .string($0.description) })),
                 ("members", .array(w.members.enumerated().map { m, handle in
                     .object([("member", .string(handle)), ("cells", .array(w.cells[m].map { cell in
                         .object([("available", .number(cell.available)), ("allocated", .number(cell.allocated)), ("over", .bool(cell.over)),
                                  ("idle", .bool(cell.idle)),
                                  ("items", .array(cell.items.map { .object([("key", .string($0.key)), ("hours", .number($0.hours))]) }))])
                     }))])
                 }))])
    }

    static func workloadText(_ w: Workload, detail: Bool) -> String {
        let h = { (x: Double) in x.rounded() == x ? String(Int(x)) : String(format: "%.1f", x) }
        var table = TextTable(["MEMBER"] + w.periods.map { String($0.description.dropFirst(5)) })
        for (m, handle) in w.members.enumerated() {
            table.add([handle] + w.cells[m].map { c in "\(h(c.allocated))/\(h(c.available))" + (c.over ? "!" : c.idle ? "-" : "") })
        }
        var out = table.rendered(maxLastColumn: 12) + "\nallocated/available hours; ! over, - idle"
        if detail, let cells = w.cells.first {
            for (p, cell) in cells.enumerated() where !cell.items.isEmpty {
                out += "\n\n\(w.period == .week ? "Week of " : "")\(w.periods[p]):"
                for item in cell.items { out += "\n  \(item.key)  \(h(item.hours))h  \(Sanitizer.clean(item.title))" }
            }
        }
        return out
    }
}
