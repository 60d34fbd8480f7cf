import Foundation
import Testing
@testable import Planning

@Suite struct LevellingTests {
    static let monday = Day("2026-11-30")!

    static func project(tasks: [(String, Int)], links: [(Int, Int)] = [], who: [Int: String]) throws -> ProjectSnapshot {
        var p = try Fixture.project()
        try p.apply(p.setProjectStart(monday))
        for (i, task) in tasks.enumerated() {
            var change = try p.addTask(name: task.0, duration: task.1, phase: nil, after: [], startNoEarlier: nil, deadline: nil, assignees: [], now: Fixture.now)
            change.edits[change.edits.count - 1].fields += [FieldChange(name: "key", from: .null, to: .text("T-\(i + 1)")), FieldChange(name: "number", from: .null, to: .int(Int64(i + 1)))]
            try p.apply(change)
        }
        for (a, b) in links { try p.apply(try p.linkTasks(try p.task(key: "T-\(a)"), try p.task(key: "T-\(b)"), type: .fs, lag: 0, today: monday)) }
        for (n, handle) in who.sorted(by: { $0.key < $1.key }) {
            try p.apply(try p.assign(try p.member(handle: handle), to: try p.task(key: "T-\(n)"), effortHours: nil, units: 1))
        }
        return p
    }

    @Test func theTaskWithMoreSlackWaitsAndTheFinishIsTheOptimum() throws {
        let p = try Self.project(tasks: [("Long", 5), ("Short", 3)], who: [1: "ana", 2: "ana"])
        let levelled = try Levelling.level(p, today: Self.monday)
        #expect(levelled.moves == [.init(key: "T-2", name: "Short", from: Self.monday, to: Day("2026-12-07")!, days: 5)])
        #expect(levelled.schedule.finish == Day("2026-12-09")!, "eight working days: one after the other")
        #expect(levelled.unresolved.isEmpty)
        var saved = p
        try saved.apply(saved.saveLevelling(levelled))
        #expect(try Scheduler.schedule(saved, today: Self.monday).tasks[try saved.task(key: "T-2").id]?.start == Day("2026-12-07"))
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64]) func randomNetworksEndWithNoOneOverAndEveryDependencyHeld(seed: UInt64) throws {
        var rng = SplitMix(seed: seed)
        let n = 24
        let tasks = (1...n).map { ("Task \($0)", Int(rng.next() % 6) + 1) }
        var links: [(Int, Int)] = []
        for b in 2...n where rng.next() % 2 == 0 { links.append((Int(rng.next() % UInt64(b - 1)) + 1, b)) }
        var who: [Int: String] = [:]
        for t in 1...n { who[t] = ["ana", "ben"][Int(rng.next() % 2)] }
        let p = try Self.project(tasks: tasks, links: links, who: who)
        let levelled = try Levelling.level(p, today: Self.monday)
        #expect(levelled.unresolved.isEmpty)
        let load = Workload.compute(p, schedule: levelled.schedule, from: Self.monday, through: levelled.schedule.finish, by: .day, today: Self.monday)
        #expect(load.cells.allSatisfy { row in row.allSatisfy { !$0.over } }, "seed \(seed)")
        for (a, b) in links {
            let pred = try #require(levelled.schedule.tasks[try p.task(key: "T-\(a)").id]), succ = try #require(levelled.schedule.tasks[try p.task(key: "T-\(b)").id])
            #expect(succ.start > pred.finish, "T-\(a) → T-\(b), seed \(seed)")
        }
        let before = try Scheduler.schedule(p, today: Self.monday)
        #expect(levelled.schedule.finish >= before.finish)
    }
}
