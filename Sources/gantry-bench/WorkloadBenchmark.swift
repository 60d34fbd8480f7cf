import Foundation
import Planning

/// Workload for 50 people over 52 weeks from 10,000 tasks, each with one or two assignments.
enum WorkloadBenchmark {
    static func run() throws {
        let today = Day.containing(Date())
        let monday = today.adding(days: -(today.weekday - 1))
        var p = ProjectSnapshot(info: ProjectInfo(name: "Bench", keyPrefix: "GAN", startDate: monday))
        var rng = SplitMix(seed: 13)
        for m in 0..<50 { p.members["dev\(m)"] = Member(handle: "dev\(m)", name: "Developer \(m)", capacity: [1, 0.8, 0.5][m % 3], costRate: Double(60 + m)) }
        for i in 0..<10_000 {
            var t = PlanTask(id: "t\(i)", name: "Task \(i)", duration: Int(rng.next() % 15) + 1, position: i, createdAt: Date())
            t.key = "T-\(i + 1)"
            t.number = i + 1
            t.startNoEarlier = monday.adding(days: Int(rng.next() % 360))
            t.progress = Int(rng.next() % 101)
            p.tasks[t.id] = t
            // A little over the budgeted hours of the work done so far.
            let entry = TimeEntry(id: "e\(i)", taskID: t.id, member: "dev\(i % 50)", hours: Double(t.duration) * 6 * Double(t.progress) / 100 * 1.1,
                                  day: monday.adding(days: i % 300))
            p.timeEntries[entry.id] = entry
            for k in 0..<(1 + i % 2) {
                let a = Assignment(taskID: t.id, member: "dev\((i + k * 7) % 50)", effortHours: k == 0 ? Double(t.duration) * 6 : nil, units: 0.5)
                p.assignments[a.id] = a
            }
        }
        for m in stride(from: 0, to: 50, by: 5) {
            let l = Leave(id: "l\(m)", member: "dev\(m)", start: monday.adding(days: 7 * (m % 40)), end: monday.adding(days: 7 * (m % 40) + 11))
            p.leaves[l.id] = l
        }
        let schedule = try Scheduler.schedule(p, today: today)
        var over = 0
        let ms = Measure.median(runs: 7) {
            let w = Workload.compute(p, schedule: schedule, from: monday, through: monday.adding(days: 7 * 52 - 1), by: .week, today: today)
            over = w.cells.reduce(0) { $0 + $1.filter(\.over).count }
        }
        print("Workload (50 people × 52 weeks, 10,000 tasks, 15,000 assignments; \(over) cells over):")
        print("  workload per person and week              " + Measure.format(ms, "ms", target: 50))
        var cpi: Double?
        let evm = Measure.median(runs: 7) { cpi = EarnedValue.compute(p, schedule: schedule, asOf: today).project.cpi }
        print("Earned value (10,000 tasks, 15,000 assignments, 10,000 time entries; CPI \(cpi.map { String(format: "%.2f", $0) } ?? "–")):")
        print("  EVM at today                               " + Measure.format(evm, "ms", target: 20))
    }
}

/// Levelling 2,000 tasks with 4,000 finish-to-start dependencies among 50 people.
enum LevellingBenchmark {
    static func run() throws {
        let today = Day.containing(Date())
        let monday = today.adding(days: -(today.weekday - 1))
        var p = ProjectSnapshot(info: ProjectInfo(name: "Bench", keyPrefix: "GAN", startDate: monday))
        var rng = SplitMix(seed: 29)
        for m in 0..<50 { p.members["dev\(m)"] = Member(handle: "dev\(m)", name: "Developer \(m)", capacity: [1, 0.8, 0.5][m % 3]) }
        for i in 0..<2_000 {
            var t = PlanTask(id: "t\(i)", name: "Task \(i)", duration: Int(rng.next() % 8) + 1, position: i, createdAt: Date())
            t.key = "T-\(i + 1)"
            t.number = i + 1
            p.tasks[t.id] = t
            let a = Assignment(taskID: t.id, member: "dev\(Int(rng.next() % 50))", effortHours: nil, units: 0.5)
            p.assignments[a.id] = a
        }
        var links = 0
        while links < 4_000 {
            let succ = Int(rng.next() % 1_999) + 1
            let pred = max(0, succ - 1 - Int(rng.next() % 40))
            let link = TaskLink(predID: "t\(pred)", succID: "t\(succ)")
            if p.taskLinks[link.id] == nil { p.taskLinks[link.id] = link; links += 1 }
        }
        var result: Levelling?
        let ms = try Measure.median(runs: 5) { result = try Levelling.level(p, today: today) }
        let before = try Scheduler.schedule(p, today: today).finish
        print("Levelling (2,000 tasks, 4,000 dependencies, 50 people; \(result?.moves.count ?? 0) moved, finish \(before) → \(result?.schedule.finish ?? before)):")
        print("  level the plan                             " + Measure.format(ms, "ms", target: 1000))
        try TaskJugglerBeside.run(p, today: today, gantry: ms, gantryFinish: result?.schedule.finish)
    }
}
