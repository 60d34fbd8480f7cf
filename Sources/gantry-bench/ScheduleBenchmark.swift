import Foundation
import Planning

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
    }
}

/// A small deterministic generator, so every run schedules the same network.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
