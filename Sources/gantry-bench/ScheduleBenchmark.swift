import Foundation
import GantryApp
import Planning
import PlanStore
import TerminalUI

/// Critical-path scheduling of 10,000 tasks with 20,000 dependencies of all four types.
enum ScheduleBenchmark {
    static func run() throws {
        var tasks: [PlanTask] = []
        var links: [TaskLink] = []
        let created = Date()
        for i in 1...10_000 {
            var t = PlanTask(id: "t\(i)", name: "Task \(i)", duration: i % 9, position: i, createdAt: created)
            t.key = "T-\(i)"
            t.number = i
            tasks.append(t)
        }
        var generator = SplitMix(seed: 42)
        let types = DependencyType.allCases
        var seen = Set<String>()
        while links.count < 20_000 {
            let succ = Int(generator.next() % 9_999) + 2
            let pred = max(1, succ - 1 - Int(generator.next() % 50))
            let link = TaskLink(predID: "t\(pred)", succID: "t\(succ)", type: types[Int(generator.next() % 4)], lag: Int(generator.next() % 5) - 1)
            if seen.insert(link.id).inserted { links.append(link) }
        }
        let calendar = WorkCalendar(start: Day.containing(Date()), holidays: [Day.containing(Date()).adding(days: 30)])
        var finish = Day(ordinal: 0)
        let ms = try Measure.median(runs: 7) {
            finish = try Scheduler.schedule(tasks: tasks, links: links, calendar: calendar).finish
        }
        print("Timeline (10,000 tasks, 20,000 dependencies, finish \(finish)):")
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

    /// Key to finished frame for an edit on the Gantt screen of that project: the change is
    /// committed, the schedule recomputed and the screen drawn.
    static func gantt(tasks: [PlanTask], links: [TaskLink]) throws {
        let dir = NSTemporaryDirectory() + "gantry-bench-gantt-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try ProjectStore.create(at: dir + "/p.sqlite")
        let now = Date()
        try store.apply(ProjectSetup.newProject(name: "Bench", keyPrefix: "GAN", board: "Main"), actor: "bench", at: now)
        for chunk in stride(from: 0, to: tasks.count, by: 1000) {
            let part = tasks[chunk..<min(tasks.count, chunk + 1000)].map { t -> EntityEdit in
                var t = t
                t.key = ""
                t.number = 0
                return t.creation()
            }
            try store.apply(Change(summary: "tasks", edits: part), actor: "bench", at: now)
        }
        try store.apply(Change(summary: "links", edits: links.map { $0.creation() }), actor: "bench", at: now)
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
    }
}
