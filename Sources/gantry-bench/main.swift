import ArgumentParser
import Foundation
import Planning
import PlanStore

/// gantry-bench: the performance targets, measured in release on a generated project.
/// Build and run:  swift run -c release gantry-bench [--cards N]
struct GantryBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gantry-bench",
        abstract: "Measure Gantry's performance targets on a generated project (build in release).",
        subcommands: [Run.self, Generate.self, Flow.self, WorkloadOnly.self, Interchange.self, Sharing.self, Memory.self, Raid.self, Postgres.self], defaultSubcommand: Run.self)

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every figure: store, board, sharing, schedule, workload, interchange, flow, RAID, CLI.")
        @Option(help: "Cards in the generated project; repeat it to measure several sizes in one run (--cards 10000 --cards 100000).")
        var cards: [Int] = [10_000]
        @Option(help: "Tasks in the schedule part (default: as many as cards).") var tasks: Int?
        @Option(help: "Journal rows of history in the flow part (default: 20 per card).") var history: Int?
        @Option(help: "Risks in the RAID part's project.") var risks = 2_000
        @Option(help: ArgumentHelp("Only these parts (repeatable): \(RunPart.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "part"))
        var only: [RunPart] = []

        func validate() throws {
            guard cards.allSatisfy({ $0 >= 100 }), (tasks ?? 100) >= 10, (history ?? 0) >= 0, risks >= 1 else {
                throw ValidationError("--cards must be at least 100, --tasks at least 10, --risks at least 1.")
            }
        }

        func run() throws {
            for size in cards {
                print("=== \(size) cards ===")
                try fullRun(cardCount: size, tasks: tasks ?? size, history: history ?? size * 20, risks: risks,
                            parts: only.isEmpty ? Set(RunPart.allCases) : Set(only))
            }
        }
    }

    /// The parts of a full run, to run one or a few of them.
    enum RunPart: String, CaseIterable, ExpressibleByArgument {
        case store, board, sharing, schedule, workload, interchange, flow, raid, cli
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a generated project to FILE, to try or measure by hand.",
            discussion: "With --history, the cards have a year of flow behind them (sprints, moves, re-estimates); --risks adds RAID items re-scored over a month; --tasks adds a schedule with twice as many dependencies.")
        @Argument(help: "The project file to write (must not exist).") var file: String
        @Option(help: "Cards.") var cards = 10_000
        @Option(help: "Journal rows of card history (about; 0 for none).") var history = 0
        @Option(help: "RAID items (risks), each with a month of history.") var risks = 0
        @Option(help: "Tasks, with about twice as many dependencies.") var tasks = 0

        func validate() throws {
            guard cards >= 1, history >= 0, risks >= 0, tasks >= 0 else { throw ValidationError("Counts cannot be negative, and a project has at least one card.") }
            guard !FileManager.default.fileExists(atPath: file) else { throw ValidationError("\(file) already exists; choose a new file.") }
        }

        func run() throws {
            let store = history > 0 ? try FlowProject.create(at: file, cards: cards, rows: history) : try BigProject.create(at: file, cards: cards)
            if risks > 0 { try RaidBenchmark.addRisks(risks, to: store) }
            if tasks > 0 {
                let (t, l) = ScheduleBenchmark.network(tasks)
                try ScheduleBenchmark.insert(tasks: t, links: l, into: store)
            }
            print("Wrote \(file): \(cards) cards, \(try store.latestSeq()) journal rows, \(risks) risks, \(tasks) tasks.")
        }
    }

    struct Flow: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Flow charts only: a project with a year of history, its charts and the Reports screen.")
        @Option(help: "Cards in the generated project.") var cards = 10_000
        @Option(help: "Journal rows of history to generate (about).") var rows = 200_000
        @Option(help: "Write the project here and keep it (default: a temporary file).") var output: String?

        func run() throws { try flowRun(cards: cards, rows: rows, output: output) }
    }

    struct WorkloadOnly: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "workload", abstract: "Workload (50 people, 52 weeks, 10,000 tasks) and levelling (2,000 tasks, 4,000 dependencies).")

        func run() throws {
            try WorkloadBenchmark.run()
            try LevellingBenchmark.run()
        }
    }

    struct Raid: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The RAID screen with many risks and their history: opening it, and another session's edit.")
        @Option(help: "Risks in the generated project.") var risks = 2_000

        func run() throws {
            try Measure.inTemporaryFolder("raid") { try RaidBenchmark.run(dir: $0, risks: risks) }
        }
    }

    struct Interchange: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Whole-project JSON export and import on a generated project.")
        @Option(help: "Cards in the generated project.") var cards = 10_000

        func run() throws {
            try Measure.inTemporaryFolder("interchange") { dir in
                _ = try BigProject.create(at: dir + "/big.sqlite", cards: cards)
                try InterchangeBenchmark.run(path: dir + "/big.sqlite", cards: cards)
            }
        }
    }

    struct Postgres: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The PostgreSQL store beside the SQLite file: open, move, card list, concurrent sessions, live delay.",
            discussion: "--server is a superuser's address of a running server's maintenance database; a database is created for the run and dropped after. `.ci/postgres start DIR` starts a local one and prints its address.")
        @Option(help: ArgumentHelp("The server, as postgres://user@host/postgres.", valueName: "url")) var server: String
        @Option(help: "Cards in the generated project.") var cards = 10_000
        @Option(help: "Sessions open at once.") var sessions = 50
        @Option(help: "Edits per session in the concurrent part.") var edits = 100

        func run() throws { try PostgresBenchmark.run(server: server, cards: cards, sessions: sessions, edits: edits) }
    }

    struct Sharing: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Live sharing only: a change in one session to the frame in another.")
        @Argument var file: String

        func run() throws { try SharingBenchmark.run(path: file) }
    }

    struct Memory: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resident memory of opening and loading FILE.")
        @Argument var file: String

        func run() throws {
            print(String(format: "start          %.1f MB", Measure.currentRSSMegabytes()))
            let store = try ProjectStore.open(at: file)
            print(String(format: "opened         %.1f MB", Measure.currentRSSMegabytes()))
            let snapshot = try store.load()
            print(String(format: "loaded %d cards %.1f MB (peak %.1f MB)", snapshot.cards.count, Measure.currentRSSMegabytes(), Measure.peakRSSMegabytes()))
        }
    }
}

/// A benchmark step that could not run.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

GantryBench.main()

func fullRun(cardCount: Int, tasks: Int, history: Int, risks: Int, parts: Set<GantryBench.RunPart>) throws {
    let dir = NSTemporaryDirectory() + "gantry-bench-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/project.sqlite"

    print("Generating a project with \(cardCount) cards…")
    let genMs = try Measure.milliseconds { _ = try BigProject.create(at: path, cards: cardCount) }
    print(String(format: "  generated in %.0f ms", genMs))

    if parts.contains(.store) { try storeRun(path: path) }
    if parts.contains(.board) { try BoardBenchmark.run(path: path) }
    if parts.contains(.sharing) { try SharingBenchmark.run(path: path) }
    if parts.contains(.schedule) { try ScheduleBenchmark.run(tasks: tasks) }
    if parts.contains(.workload) {
        try WorkloadBenchmark.run()
        try LevellingBenchmark.run()
    }
    if parts.contains(.interchange) { try InterchangeBenchmark.run(path: path, cards: cardCount) }
    if parts.contains(.flow) { try flowRun(cards: cardCount, rows: history, output: nil) }
    if parts.contains(.raid) { try Measure.inTemporaryFolder("raid") { try RaidBenchmark.run(dir: $0, risks: risks) } }
    if parts.contains(.cli) { try cliRun(path: path) }
}

/// Opening, loading and one card move's commit, and a fresh process's peak memory.
func storeRun(path: String) throws {
    print("Store and domain (median of runs):")
    let openLoad = try Measure.median(runs: 15) { _ = try ProjectStore.open(at: path).load() }
    let store = try ProjectStore.open(at: path)
    let loadOnly = try Measure.median(runs: 15) { _ = try store.load() }
    print("  open + load whole project  " + Measure.format(openLoad, "ms", target: 50))
    print("  load whole project         " + Measure.format(loadOnly, "ms", target: 50))

    let moveSamples = try SharingBenchmark.moveCommits(store).sorted()
    print("  one card move commit       " + Measure.format(moveSamples[moveSamples.count / 2], "ms", target: 5))
    // This process holds several copies of the project by now; a fresh one shows what loading costs.
    if let fresh = try Measure.runProcess(CommandLine.arguments[0], ["memory", path]).rssMB {
        print("  peak RSS, fresh process that opens and loads it " + Measure.format(fresh, "MB", target: 40))
    }
}

/// The CLI's commands, through the executable on the generated project: one card's edit, a
/// filtered list (by assignee: 1 in 20 cards; by key), the log's last 20, the whole list as JSON.
func cliRun(path: String) throws {
    let gantry = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gantry").path
    guard FileManager.default.isExecutableFile(atPath: gantry) else {
        print("(build the gantry executable in the same configuration to time the CLI)")
        return
    }
    print("CLI end to end (\(gantry), median of 7 runs, peak RSS):")
    let commands: [(label: String, args: [String], target: Double)] = [
        ("card edit GAN-5000 --title …", ["card", "edit", "GAN-5000", "--title", "Edited by the bench"], 50),
        ("card list assignee:dev3 column:Review", ["card", "list", "assignee:dev3", "column:Review"], 50),
        ("card list key:GAN-5000", ["card", "list", "key:GAN-5000"], 50),
        ("card list assignee:dev3", ["card", "list", "assignee:dev3"], 50),
        ("log --limit 20", ["log", "--limit", "20"], 50),
        ("card list --json", ["card", "list", "--json"], 300),
    ]
    for command in commands {
        var samples: [Double] = []
        var rss = 0.0
        for _ in 0..<7 {
            let r = try Measure.runProcess(gantry, command.args + ["--project", path])
            guard r.status == 0 else { throw BenchError("gantry \(command.label) failed with status \(r.status)") }
            samples.append(r.ms)
            rss = max(rss, r.rssMB ?? .nan)
        }
        samples.sort()
        let label = command.label.padding(toLength: 40, withPad: " ", startingAt: 0)
        print("  \(label) " + Measure.format(samples[samples.count / 2], "ms", target: command.target)
              + (rss.isNaN ? "" : String(format: ", %.0f MB", rss)))
    }
}

func flowRun(cards: Int, rows: Int, output: String?) throws {
    let dir = NSTemporaryDirectory() + "gantry-bench-flow-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = output ?? dir + "/flow.sqlite"
    print("Generating \(cards) cards with about \(rows) journal rows of history…")
    let ms = try Measure.milliseconds { _ = try FlowProject.create(at: path, cards: cards, rows: rows) }
    print(String(format: "  generated in %.1f s", ms / 1000))
    try FlowBenchmark.run(path: path)
}
