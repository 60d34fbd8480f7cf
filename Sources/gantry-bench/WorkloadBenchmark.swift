import Foundation
import Planning

/// Workload for 50 people over 52 weeks from 10,000 tasks, each with one or two assignments.
enum WorkloadBenchmark {
    static func run() throws {
        let today = Day.containing(Date())
        let monday = today.adding(days: -(today.weekday - 1))
        var p = ProjectSnapshot(info: ProjectInfo(name: "Bench", keyPrefix: "GAN", startDate: monday))
        var rng = SplitMix(seed: 13)
        for m in 0..<50 { p.members["dev\(m)"] = Member(handle: "dev\(m)", name: "Developer \(m)", capacity: [1, 0.8, 0.5][m % 3]) }
        for i in 0..<10_000 {
            var t = PlanTask(id: "t\(i)", name: "Task \(i)", duration: Int(rng.next() % 15) + 1, position: i, createdAt: Date())
            t.key = "T-\(i + 1)"
            t.number = i + 1
            t.startNoEarlier = monday.adding(days: Int(rng.next() % 360))
            p.tasks[t.id] = t
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
    }
}
