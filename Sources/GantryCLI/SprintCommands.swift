import ArgumentParser
import Foundation
import Planning
import PlanStore

/// `gantry sprint …`: plan, start, close and report sprints on a board.
struct SprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sprint", abstract: "Plan, start, close and report sprints (iterations) on a board.",
        discussion: """
            A board runs one active sprint at a time. Put cards in a sprint with \
            'gantry card edit KEY --sprint NAME' (or --sprint none for the backlog); a card's estimate is its story points.
            """,
        subcommands: [Add.self, List.self, Show.self, Edit.self, Start.self, Close.self, Remove.self, Report.self])

    struct BoardOption: ParsableArguments {
        @Option(help: "Board name (default: the first board).") var board: String?
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Plan a sprint.")
        @Argument var name: String
        @Option(help: "What the sprint is for.") var goal: String?
        @Option(parsing: .unconditional, help: "First day (YYYY-MM-DD, +3d, …).") var start: String?
        @Option(parsing: .unconditional, help: "Last day.") var end: String?
        @OptionGroup var board: BoardOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open(cards: .epicsOnly)
            try s.commit(try s.snapshot.addSprint(board: try s.board(board.board), name: name, goal: goal,
                                                  start: try start.map { try ArgumentValues.day($0, "--start", today: s.today) },
                                                  end: try end.map { try ArgumentValues.day($0, "--end", today: s.today) }, now: s.now))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a board's sprints in order.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var board: BoardOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let sprints = s.snapshot.sprints(of: try s.board(board.board).id)
            if json { s.print(JSON.array(sprints.map { SprintOutput.json($0, s.snapshot, today: s.today) }).rendered()); return }
            guard !sprints.isEmpty else { s.print("No sprints yet. Plan one with: gantry sprint add NAME"); return }
            var table = TextTable("SPRINT", "STATE", "START", "END", "CARDS", "POINTS", "GOAL")
            for sprint in sprints {
                let held = SprintOutput.cards(of: sprint, s.snapshot)
                table.add([sprint.name, sprint.state.rawValue, sprint.start?.description ?? "-", sprint.end?.description ?? "-",
                           "\(held.count)", SprintOutput.points(held.reduce(0) { $0 + ($1.estimate ?? 0) }), sprint.goal])
            }
            s.print(table.rendered())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a sprint: dates, goal, load against capacity and velocity, and its cards.")
        @Argument var name: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var board: BoardOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let sprint = try s.snapshot.sprint(named: name, on: try board.board.map { try s.board($0) })
            if json { s.print(SprintOutput.json(sprint, s.snapshot, today: s.today, withCards: true).rendered()); return }
            s.print(SprintOutput.text(sprint, s.snapshot, today: s.today, now: s.now))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename a sprint or change its goal or dates.")
        @Argument var name: String
        @Option(name: .customLong("name"), help: "New name.") var newName: String?
        @Option(help: "New goal.") var goal: String?
        @Option(parsing: .unconditional, help: "New first day.") var start: String?
        @Option(parsing: .unconditional, help: "New last day.") var end: String?
        @OptionGroup var board: BoardOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open(cards: .epicsOnly)
            let sprint = try s.snapshot.sprint(named: name, on: try board.board.map { try s.board($0) })
            try s.commit(try s.snapshot.editSprint(sprint, name: newName, goal: goal,
                                                   start: try start.map { .some(try ArgumentValues.day($0, "--start", today: s.today)) },
                                                   end: try end.map { .some(try ArgumentValues.day($0, "--end", today: s.today)) }))
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a planned sprint today (one active sprint per board).")
        @Argument var name: String
        @Option(help: "The sprint goal.") var goal: String?
        @Option(parsing: .unconditional, help: "Last day (default: its planned end, else 10 working days).") var end: String?
        @OptionGroup var board: BoardOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let sprint = try s.snapshot.sprint(named: name, on: try board.board.map { try s.board($0) })
            try s.commit(try s.snapshot.startSprint(sprint, goal: goal, end: try end.map { try ArgumentValues.day($0, "--end", today: s.today) },
                                                    today: s.today, now: s.now))
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close the active sprint and record what it did.",
            discussion: "Unfinished cards go to --carry-to: a planned sprint's name, or 'backlog'. It is required when any card is unfinished.")
        @Argument var name: String
        @Option(name: .customLong("carry-to"), help: "Where unfinished cards go: a planned sprint, or backlog.") var carryTo: String?
        @OptionGroup var board: BoardOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let sprint = try s.snapshot.sprint(named: name, on: try board.board.map { try s.board($0) })
            guard let home = s.snapshot.boards[sprint.boardID] else { throw CLIError.refused("\(sprint.name) has no board.") }
            let context = FlowContext(project: s.snapshot, history: try s.store.flowHistory(), board: home, now: s.now)
            let unfinished = SprintOutput.cards(of: sprint, s.snapshot).filter { !context.doneColumnIDs.contains($0.columnID) }
            var next: Sprint?
            if let carryTo, carryTo.lowercased() != "backlog" {
                next = try s.snapshot.sprint(named: carryTo, on: home)
            } else if carryTo == nil, !unfinished.isEmpty, sprint.state == .active {
                let planned = s.snapshot.sprints(of: home.id).filter { $0.state == .planned }.map { "\"\($0.name)\"" }
                let choices = (planned.prefix(3) + ["backlog"]).map { "--carry-to \($0)" }.joined(separator: " or ")
                throw CLIError.usage("\(unfinished.count) card\(unfinished.count == 1 ? " is" : "s are") unfinished in \(sprint.name); say where \(unfinished.count == 1 ? "it goes" : "they go"): \(choices).")
            }
            let record = SprintRecord.compute(sprint, in: context, closing: s.now)
            try s.commit(try s.snapshot.closeSprint(sprint, record: record, carryTo: next, doneColumnIDs: context.doneColumnIDs, now: s.now))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a sprint; its cards go back to the backlog.")
        @Argument var name: String
        @OptionGroup var board: BoardOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            try s.commit(try s.snapshot.removeSprint(try s.snapshot.sprint(named: name, on: try board.board.map { try s.board($0) })))
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A sprint's report: its record (or so far), burndown and cards.")
        @Argument var name: String
        @Flag(help: "Print JSON.") var json = false
        @Flag(help: "Print Markdown.") var markdown = false
        @OptionGroup var board: BoardOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            guard !(json && markdown) else { throw CLIError.usage("Choose one of --json and --markdown.") }
            let s = try project.open()
            let sprint = try s.snapshot.sprint(named: name, on: try board.board.map { try s.board($0) })
            guard let home = s.snapshot.boards[sprint.boardID] else { throw CLIError.refused("\(sprint.name) has no board.") }
            let context = FlowContext(project: s.snapshot, history: try s.store.flowHistory(), board: home, now: s.now)
            let report = try SprintReport(sprint, in: context)
            s.print(json ? report.json.rendered() : report.text(markdown: markdown))
        }
    }
}
