import Foundation
import GantryApp
import Planning
import PlanStore
import TerminalUI

/// Critical-path scheduling of N tasks with 2N dependencies of all four types, the Gantt
/// screen's key to frame, and `gantry schedule --json` on that project.
enum ScheduleBenchmark {
    static func run(tasks count: Int = 10_000) throws {
        let (tasks, links) = network(count)
        let calendar = WorkCalendar(start: Day.containing(Date()), holidays: [Day.containing(Date()).adding(days: 30)])
        var finish = Day(ordinal: 0)
        let ms = try Measure.median(runs: 7) {
            finish = try Scheduler.schedule(tasks: tasks, links: links, calendar: calendar).finish
        }
        print("Timeline (\(tasks.count) tasks, \(links.count) dependencies, finish \(finish)):")
        print("  critical-path schedule                   " + Measure.format(ms, "ms", target: 50))
        var network = try ScheduleNetwork(tasks: tasks, links: links, calendar: calendar)
        var edited = tasks[0]
        let again = Measure.median(runs: 15) {
            edited.duration = edited.duration == 1 ? 2 : 1
            _ = network.update(edited)
            finish = network.schedule().finish
        }
        print(String(format: "  the same after a task edit, compiled network kept: %.2f ms", again))
        try gantt(tasks: tasks, links: links)
    }

    /// `count` tasks and about twice as many dependencies of all four types, each to a task
    /// shortly before it, so the network is deep and wide.
    static func network(_ count: Int) -> (tasks: [PlanTask], links: [TaskLink]) {
        var tasks: [PlanTask] = []
        var links: [TaskLink] = []
        let created = Date()
        for i in 1...max(count, 2) {
            var t = PlanTask(id: "t\(i)", name: "Task \(i)", duration: i % 9, position: i, createdAt: created)
            t.key = "T-\(i)"
            t.number = i
            tasks.append(t)
        }
        var generator = SplitMix(seed: 42)
        let types = DependencyType.allCases
        var seen = Set<String>()
        while links.count < 2 * max(count, 2) - 3 {
            let succ = Int(generator.next() % UInt64(max(count, 2) - 1)) + 2
            let pred = max(1, succ - 1 - Int(generator.next() % 50))
            let link = TaskLink(predID: "t\(pred)", succID: "t\(succ)", type: types[Int(generator.next() % 4)], lag: Int(generator.next() % 5) - 1)
            if seen.insert(link.id).inserted { links.append(link) }
        }
        return (tasks, links)
    }

    /// Writes tasks and dependencies into a project, in changes of a thousand.
    static func insert(tasks: [PlanTask], links: [TaskLink], into store: ProjectStore) throws {
        let now = Date()
        for chunk in stride(from: 0, to: tasks.count, by: 1000) {
            let part = tasks[chunk..<min(tasks.count, chunk + 1000)].map { t -> EntityEdit in
                var t = t
                t.key = ""
                t.number = 0
                return t.creation()
            }
            try store.apply(Change(summary: "tasks", edits: part), actor: "bench", at: now)
        }
        for chunk in stride(from: 0, to: links.count, by: 5000) {
            try store.apply(Change(summary: "links", edits: links[chunk..<min(links.count, chunk + 5000)].map { $0.creation() }), actor: "bench", at: now)
        }
    }

    /// Key to finished frame for an edit on the Gantt screen of that project: the change is
    /// committed, the schedule recomputed and the screen drawn.
    static func gantt(tasks: [PlanTask], links: [TaskLink]) throws {
        let dir = NSTemporaryDirectory() + "gantry-bench-gantt-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try ProjectStore.create(at: dir + "/p.sqlite")
        try store.apply(ProjectSetup.newProject(name: "Bench", keyPrefix: "GAN", board: "Main"), actor: "bench", at: Date())
        try insert(tasks: tasks, links: links, into: store)
        let terminal = TestTerminal(width: 120, height: 40)
        let runtime = try AppRuntime(store: store, backend: terminal, theme: AppTheme.fallback(depth: .ansi256), keymap: AppAction.defaultKeyMap,
                                     actor: "bench", clock: Date.init, editor: DescriptionEditor(environment: [:]))
        runtime.handle(.key(.char("3")))
        var samples: [Double] = []
        for i in 0..<10 {
            samples.append(Measure.milliseconds { runtime.handle(.key(.char(i % 2 == 0 ? "+" : "-"))) })
        }
        samples.sort()
        print("  Gantt key to frame after an edit         " + Measure.format(samples[samples.count / 2], "ms", target: 10))
        let redraw = Measure.median(runs: 9) { runtime.redraw() }
        print(String(format: "    of which drawing the chart %.1f ms; the rest is the commit, the journal and the passes", redraw))
        let gantry = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gantry").path
        guard FileManager.default.isExecutableFile(atPath: gantry) else { return }
        var runs: [(ms: Double, rssMB: Double?, status: Int32)] = []
        for _ in 0..<5 { runs.append(try Measure.runProcess(gantry, ["schedule", "--json", "--project", dir + "/p.sqlite"])) }
        guard runs.allSatisfy({ $0.status == 0 }) else { throw BenchError("gantry schedule --json failed") }
        let times = runs.map(\.ms).sorted()
        print("  gantry schedule --json                   " + Measure.format(times[times.count / 2], "ms", target: 500))
        if let rss = runs.compactMap(\.rssMB).max() {
            print("    peak RSS                               " + Measure.format(rss, "MB", target: 150))
        }
    }
}
