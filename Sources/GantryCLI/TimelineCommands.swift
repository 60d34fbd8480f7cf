import ArgumentParser
import Foundation
import Planning
import PlanStore
import TerminalUI

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "project", abstract: "Project settings.", subcommands: [Set.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the timeline's start date or the bugs' age limits.")
        @Option(help: "First day of the timeline (YYYY-MM-DD).") var start: String?
        @Option(help: "The project's budget (none clears it).") var budget: String?
        @Option(help: "Currency code costs are in, e.g. EUR, USD.") var currency: String?
        @Option(name: .customLong("bug-age"), help: "Days an open bug may age per severity, e.g. S1=1,S2=3,S3=10,S4=30 (any of them).") var bugAge: String?
        @OptionGroup var project: ProjectOption

        func run() throws {
            guard start != nil || bugAge != nil || budget != nil || currency != nil else {
                throw CLIError.usage("Give --start DATE, --bug-age S1=1,S2=3,S3=10,S4=30, --budget N or --currency CODE.")
            }
            let s = try project.open(cards: .epicsOnly)
            if let start { try s.commit(s.snapshot.setProjectStart(try ArgumentValues.day(start, "--start", today: s.today))) }
            if let bugAge {
                let s = try project.open(cards: .epicsOnly)
                try s.commit(s.snapshot.setBugAgeLimits(try s.snapshot.info.bugAgeLimits.setting(bugAge)))
            }
            if budget != nil || currency != nil {
                let s = try project.open(cards: .epicsOnly)
                let amount: Double?? = try budget.map { $0.lowercased() == "none" ? nil : try ArgumentValues.number($0, "--budget") }
                try s.commit(try s.snapshot.setBudget(amount, currency: currency))
            }
        }
    }
}

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: "Working days and holidays of the timeline.",
                                                    subcommands: [Show.self, Workdays.self, HolidayCommand.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the start, working days and holidays.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let cal = s.snapshot.calendar(today: s.today)
            let holidays = s.snapshot.holidays.values.sorted { $0.day < $1.day }
            if json {
                s.print(JSON.object([("start", .string(cal.start.description)), ("startSet", .bool(s.snapshot.info.startDate != nil)),
                                     ("workdays", .array(cal.workdayNames.map(JSON.string))),
                                     ("holidays", .array(holidays.map { .object([("date", .string($0.day.description)), ("name", .string($0.name))]) }))]).rendered())
                return
            }
            var lines = ["Start: \(cal.start)\(s.snapshot.info.startDate == nil ? " (today; set it with gantry project set --start)" : "")",
                         "Working days: \(cal.workdayNames.joined(separator: ", "))"]
            lines.append(holidays.isEmpty ? "Holidays: none" : "Holidays:")
            lines += holidays.map { "  \($0.day)  \($0.name)" }
            s.print(lines.map(Sanitizer.clean).joined(separator: "\n"))
        }
    }

    struct Workdays: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the working weekdays, e.g. mon,tue,wed,thu,fri.")
        @Argument var days: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            try s.commit(s.snapshot.setWorkdays(try WorkCalendar.parseWorkdays(days)))
        }
    }

    struct HolidayCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "holiday", abstract: "Add or remove a holiday.", subcommands: [Add.self, Remove.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a non-working day.")
            @Argument var date: String
            @Option(help: "What it is.") var name = ""
            @OptionGroup var project: ProjectOption

            func run() throws {
                let s = try project.open()
                try s.commit(try s.snapshot.addHoliday(try ArgumentValues.day(date, "date", today: s.today), name: name))
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a holiday.")
            @Argument var date: String
            @OptionGroup var project: ProjectOption

            func run() throws {
                let s = try project.open()
                try s.commit(try s.snapshot.removeHoliday(try ArgumentValues.day(date, "date", today: s.today)))
            }
        }
    }
}

struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "Timeline tasks, phases, milestones and dependencies (keys T-1, T-2, …).",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self, Link.self, Unlink.self, Cards.self, Impact.self,
                      AssignCommand.self, UnassignCommand.self])

    struct Cards: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "card", abstract: "Link or unlink a card that carries part of a task's work.")
        @Argument(help: "link or unlink.") var verb: String
        @Argument var task: String
        @Argument var card: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let t = try s.snapshot.task(key: task), c = try s.snapshot.card(key: card)
            switch verb {
            case "link": try s.commit(try s.snapshot.linkCard(c, to: t))
            case "unlink": try s.commit(try s.snapshot.unlinkCard(c, from: t))
            default: throw CLIError.usage("Say link or unlink: gantry task card link T-4 GAN-12.")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a task (duration 0 makes a milestone; a task with tasks under it is a phase).")
        @Argument var name: String
        @Option(parsing: .unconditional, help: "Working days, 0–10000 (0: a milestone).") var duration: Int
        @Option(help: "The phase it belongs to.") var phase: String?
        @Option(help: "Starts after this task finishes (FS; repeatable).") var after: [String] = []
        @Option(name: .customLong("start-no-earlier"), parsing: .unconditional, help: "Start no earlier than this date.") var startNoEarlier: String?
        @Option(parsing: .unconditional, help: "Finish no later than this date (flagged when broken).") var deadline: String?
        @Option(name: .customLong("assignee"), help: "Member handle (repeatable).") var assignees: [String] = []
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let p = s.snapshot
            try s.commit(try p.addTask(name: name, duration: duration, phase: try phase.map { try p.task(key: $0) },
                                       after: try after.map { try p.task(key: $0) },
                                       startNoEarlier: try startNoEarlier.map { try ArgumentValues.day($0, "--start-no-earlier", today: s.today) },
                                       deadline: try deadline.map { try ArgumentValues.day($0, "--deadline", today: s.today) },
                                       assignees: assignees, now: s.now))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tasks in outline order with their scheduled dates.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open(cards: .epicsOnly)
            let schedule = try Scheduler.schedule(s.snapshot, today: try asOf.day(today: s.today))
            if json { JSON.stream(schedule.order.compactMap { schedule.tasks[$0] }, to: s.context.output, TimelineOutput.json); return }
            guard !schedule.order.isEmpty else { s.print("No tasks yet. Add one with: gantry task add NAME --duration 5"); return }
            s.print(TimelineOutput.table(schedule))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a task, its dependencies and history.")
        @Argument var key: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var time: TimeOption
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let task = try s.snapshot.task(key: key)
            let schedule = try Scheduler.schedule(s.snapshot, today: try asOf.day(today: s.today))
            guard let t = schedule.tasks[task.id] else { throw CLIError.refused("\(task.key) has no schedule (a phase without tasks).") }
            if json { s.print(TimelineOutput.json(t).rendered()); return }
            let preds = s.snapshot.taskLinks.values.filter { $0.succID == task.id }.compactMap { l in s.snapshot.tasks[l.predID].map { "\($0.key) \(l.type.rawValue)\(l.lag == 0 ? "" : " \(l.lag > 0 ? "+" : "")\(l.lag)")" } }.sorted()
            let succs = s.snapshot.taskLinks.values.filter { $0.predID == task.id }.compactMap { l in s.snapshot.tasks[l.succID].map { "\($0.key) \(l.type.rawValue)" } }.sorted()
            var lines = ["\(task.key)  \(task.name)\(t.isPhase ? "  (phase)" : t.isMilestone ? "  (milestone)" : "")",
                         "Start \(t.start)  Finish \(t.finish)  Duration \(t.duration) working days  Progress \(t.progress)%",
                         "Assignees: \(t.assignees.isEmpty ? "-" : t.assignees.joined(separator: ", "))   Actual start: \(t.actualStart?.description ?? "-")   Actual finish: \(t.actualFinish?.description ?? "-")",
                         "Late start \(t.lateStartDay)  Late finish \(t.lateFinishDay)  Total slack \(t.totalSlack)  Free slack \(t.freeSlack)\(t.critical ? "  CRITICAL" : "")"]
            if let d = task.deadline { lines.append("Deadline \(d)\(t.deadlineBroken ? "  BROKEN" : "")") }
            if let snet = task.startNoEarlier { lines.append("Start no earlier than \(snet)") }
            if !preds.isEmpty { lines.append("After: \(preds.joined(separator: ", "))") }
            if !succs.isEmpty { lines.append("Before: \(succs.joined(separator: ", "))") }
            let (cards, done) = s.snapshot.cardProgress(of: task)
            if !cards.isEmpty {
                lines.append("Cards: \(done) of \(cards.count) done against \(t.progress)% reported (" +
                             cards.map { "\($0.key) \(s.snapshot.columns[$0.columnID]?.name ?? "?")" }.joined(separator: ", ") + ")")
            }
            let history = try s.store.history(of: task.id, limit: 10).map { "  \(Timestamp.display($0.at, in: time.zone))  \($0.actor)  \($0.change.summary)" }
            if !history.isEmpty { lines += ["", "History:"] + history }
            s.print(lines.map(Sanitizer.clean).joined(separator: "\n"))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a task.")
        @Argument var key: String
        @Option(help: "New name.") var name: String?
        @Option(parsing: .unconditional, help: "Working days.") var duration: Int?
        @Option(parsing: .unconditional, help: "Percent done, 0–100.") var progress: Int?
        @Option(name: .customLong("start-no-earlier"), parsing: .unconditional, help: "Date, or none.") var startNoEarlier: String?
        @Option(parsing: .unconditional, help: "Date, or none.") var deadline: String?
        @Option(name: .customLong("actual-start"), parsing: .unconditional, help: "Date, or none.") var actualStart: String?
        @Option(name: .customLong("actual-finish"), parsing: .unconditional, help: "Date, or none.") var actualFinish: String?
        @Option(name: .customLong("assignee"), help: "Member handle (repeatable; replaces the list).") var assignees: [String] = []
        @Option(help: "Budget of this phase or task (none clears it).") var budget: String?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            func date(_ text: String?, _ option: String) throws -> Day?? {
                guard let text else { return nil }
                return text.lowercased() == "none" ? .some(nil) : .some(try ArgumentValues.day(text, option, today: s.today))
            }
            let task = try s.snapshot.task(key: key)
            var change = try s.snapshot.editTask(task, name: name, duration: duration, startNoEarlier: try date(startNoEarlier, "--start-no-earlier"),
                                                 deadline: try date(deadline, "--deadline"), progress: progress,
                                                 assignees: assignees.isEmpty ? nil : assignees, actualStart: try date(actualStart, "--actual-start"),
                                                 actualFinish: try date(actualFinish, "--actual-finish"))
            if let budget {
                let amount: Double? = budget.lowercased() == "none" ? nil : try ArgumentValues.number(budget, "--budget")
                let set = try s.snapshot.setBudget(of: task, to: amount)
                change = change.isEmpty ? set : Change(summary: change.summary, edits: change.edits + set.edits)
            }
            try s.commit(change)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete a task and its dependencies (gantry undo brings them back).")
        @Argument var key: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            try s.commit(try s.snapshot.removeTask(try s.snapshot.task(key: key)))
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make SUCC depend on PRED.",
                                                        discussion: "FS: SUCC starts after PRED finishes; SS: starts after it starts; FF: finishes after it finishes; SF: finishes after it starts. --lag in working days; negative is a lead.")
        @Argument var pred: String
        @Argument var succ: String
        @Option(help: "FS, SS, FF or SF.") var type = "FS"
        @Option(parsing: .unconditional, help: "Working days; negative for a lead.") var lag: Int = 0
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            guard let t = DependencyType(rawValue: type.uppercased()) else { throw CLIError.usage("--type: \"\(type)\" is not valid; use FS, SS, FF or SF.") }
            try s.commit(try s.snapshot.linkTasks(try s.snapshot.task(key: pred), try s.snapshot.task(key: succ), type: t, lag: lag, today: s.today))
        }
    }

    struct Unlink: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the dependency of SUCC on PRED.")
        @Argument var pred: String
        @Argument var succ: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            try s.commit(try s.snapshot.unlinkTasks(try s.snapshot.task(key: pred), try s.snapshot.task(key: succ)))
        }
    }

    struct Impact: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Which milestones move if a task slips, and by how much (nothing is saved).")
        @Argument var key: String
        @Option(parsing: .unconditional, help: "Working days of slip.") var slip: Int
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            guard (1...1000).contains(slip) else { throw CLIError.usage("--slip: use 1 to 1000 working days.") }
            let task = try s.snapshot.task(key: key)
            let (before, after, moved) = try TimelineAnalysis.impact(of: task, slip: slip, in: s.snapshot, today: s.today)
            if json {
                s.print(JSON.object([("task", .string(task.key)), ("slip", .int(slip)),
                                     ("projectFinishBefore", .string(before.finish.description)), ("projectFinishAfter", .string(after.finish.description)),
                                     ("milestones", .array(moved.map { .object([("key", .string($0.key)), ("name", .string($0.name)),
                                                                                ("from", JSON($0.baselineFinish?.description)), ("to", .string($0.finish.description)),
                                                                                ("days", $0.days.map { .int($0) } ?? .null)]) }))]).rendered())
                return
            }
            var lines = ["If \(task.key) slips \(slip) working day\(slip == 1 ? "" : "s"):"]
            if moved.isEmpty { lines.append("  no milestone moves") }
            for m in moved { lines.append("  \(m.key) \(m.name): \(m.baselineFinish!) → \(m.finish) (+\(m.days!) days)") }
            lines.append("  project finish: \(before.finish) → \(after.finish)")
            s.print(lines.map(Sanitizer.clean).joined(separator: "\n"))
        }
    }
}

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "The critical-path schedule: dates, slack, critical tasks, project finish.",
        discussion: "Dates: start is the first working day, finish the last working day (inclusive); a milestone's date is the day it is reached.")
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Level it: delay tasks not yet started until no one is over their hours (nothing is saved without --save).") var level = false
    @Flag(help: "With --level: save the levelled plan (as start-no-earlier dates).") var save = false
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open(cards: .epicsOnly)
        guard level || !save else { throw CLIError.usage("--save saves a levelled plan; add --level.") }
        var schedule = try Scheduler.schedule(s.snapshot, today: try asOf.day(today: s.today))
        if level {
            let levelled = try Levelling.level(s.snapshot, today: try asOf.day(today: s.today))
            if !json {
                let moved = levelled.moves.map { "  \($0.key)  \($0.from) → \($0.to)  (\($0.days) working day\($0.days == 1 ? "" : "s") later)  \(Sanitizer.clean($0.name))" }
                s.print(moved.isEmpty ? "Levelled: no task had to move." : "Levelled: \(moved.count) task\(moved.count == 1 ? "" : "s") moved; the finish goes from \(schedule.finish) to \(levelled.schedule.finish).\n" + moved.joined(separator: "\n"))
                for problem in levelled.unresolved { s.print("Not solved: \(problem)") }
                s.print(save ? "" : "Nothing saved; --save keeps this plan.\n")
            }
            if save { try s.commit(s.snapshot.saveLevelling(levelled)) }
            schedule = levelled.schedule
        }
        let path = schedule.criticalPath.compactMap { schedule.tasks[$0]?.key }
        let chains = schedule.criticalChains().map { $0.compactMap { schedule.tasks[$0]?.key } }
        if json {
            // The tasks are streamed after the head: 100,000 of them are tens of megabytes.
            var head = JSON.object([("projectStart", .string(s.snapshot.calendar(today: s.today).start.description)),
                                    ("projectFinish", .string(schedule.finish.description)),
                                    ("criticalPath", .array(path.map(JSON.string))),
                                    ("criticalChains", .array(chains.map { .array($0.map(JSON.string)) }))]).rendered()
            head.removeLast(2) // the object's closing "\n}": the tasks go in before it
            s.context.output.write(bytes: Array((head + ",\n  \"tasks\": ").utf8))
            var tasks = JSONArrayWriter(sink: s.context.output, indent: 2)
            for id in schedule.order { if let task = schedule.tasks[id] { tasks.append(TimelineOutput.json(task)) } }
            tasks.finish(then: "\n}\n")
            return
        }
        guard !schedule.order.isEmpty else { s.print("No tasks yet. Add one with: gantry task add NAME --duration 5"); return }
        let lines = chains.map { $0.joined(separator: " → ") }
        let critical = lines.count == 1 ? "Critical path: \(lines[0])" : "Critical paths:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
        s.print(TimelineOutput.table(schedule) + "\n\nProject finish: \(schedule.finish)\n" + critical)
    }
}

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "baseline", abstract: "Save the plan, and compare against it.",
                                                    subcommands: [Save.self, List.self, Compare.self])

    struct Save: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save every task's current dates under NAME (replaces a baseline of that name).")
        @Argument var name: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            try s.commit(try s.snapshot.saveBaseline(name, schedule: try Scheduler.schedule(s.snapshot, today: s.today), now: s.now))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List saved baselines.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var time: TimeOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let list = s.snapshot.baselines.values.sorted { $0.savedAt < $1.savedAt }
            if json {
                s.print(JSON.array(list.map { .object([("name", .string($0.name)), ("savedAt", .string(Timestamp.iso($0.savedAt))), ("tasks", .int($0.dates.count))]) }).rendered())
                return
            }
            s.print(list.isEmpty ? "No baselines yet. Save one with: gantry baseline save NAME" : list.map { "\($0.name)  saved \(Timestamp.display($0.savedAt, in: time.zone))  \($0.dates.count) tasks" }.joined(separator: "\n"))
        }
    }

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Slip of every task and milestone against a baseline (calendar days; + is late).")
        @Argument var name: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let baseline = try s.snapshot.baseline(named: name)
            let slips = TimelineAnalysis.compare(try Scheduler.schedule(s.snapshot, today: s.today), with: baseline)
            if json {
                JSON.stream(slips, to: s.context.output) { sl in
                    .object([("key", .string(sl.key)), ("name", .string(sl.name)), ("milestone", .bool(sl.isMilestone)),
                             ("baselineFinish", JSON(sl.baselineFinish?.description)), ("finish", .string(sl.finish.description)),
                             ("slip", sl.days.map { .int($0) } ?? .null)])
                }
                return
            }
            guard !slips.isEmpty else {
                s.print("No tasks to compare: the plan has none yet. Add one with: gantry task add NAME --duration 5")
                return
            }
            var table = TextTable("KEY", "BASELINE", "NOW", "SLIP", "NAME")
            for sl in slips {
                table.add([sl.key, sl.baselineFinish?.description ?? "new", sl.finish.description,
                           sl.days.map { $0 == 0 ? "0" : $0 > 0 ? "+\($0)" : "\($0)" } ?? "-", (sl.isMilestone ? "◆ " : "") + sl.name])
            }
            s.print(table.rendered())
        }
    }
}

/// How scheduled tasks print.
enum TimelineOutput {
    static func json(_ t: ScheduledTask) -> JSON {
        .object([("key", .string(t.key)), ("name", .string(t.name)), ("phase", .bool(t.isPhase)), ("milestone", .bool(t.isMilestone)),
                 ("duration", .int(t.duration)), ("start", .string(t.start.description)), ("finish", .string(t.finish.description)),
                 ("earlyStart", .string(t.start.description)), ("earlyFinish", .string(t.finish.description)),
                 ("lateStart", .string(t.lateStartDay.description)), ("lateFinish", .string(t.lateFinishDay.description)),
                 ("totalSlack", .int(t.totalSlack)), ("freeSlack", .int(t.freeSlack)), ("critical", .bool(t.critical)),
                 ("progress", .int(t.progress)), ("deadline", JSON(t.deadline?.description)), ("deadlineBroken", .bool(t.deadlineBroken)),
                 ("assignees", .array(t.assignees.map(JSON.string))),
                 ("actualStart", JSON(t.actualStart?.description)), ("actualFinish", JSON(t.actualFinish?.description))])
    }

    static func table(_ schedule: Schedule) -> String {
        var table = TextTable("KEY", "START", "FINISH", "DAYS", "DONE", "SLACK", "CRIT", "WHO", "NAME")
        for id in schedule.order {
            guard let t = schedule.tasks[id] else { continue }
            let marker = t.isMilestone ? "◆ " : t.isPhase ? "▸ " : ""
            table.add([t.key, t.start.description, t.finish.description, "\(t.duration)", "\(t.progress)%", "\(t.totalSlack)", t.critical ? "*" : "",
                       t.assignees.isEmpty ? "-" : t.assignees.joined(separator: ","),
                       String(repeating: "  ", count: t.depth) + marker + t.name + (t.deadlineBroken ? "  [deadline \(t.deadline!) broken]" : "")])
        }
        return table.rendered()
    }
}

import TerminalUI
