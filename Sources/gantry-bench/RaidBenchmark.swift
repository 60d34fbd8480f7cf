import Foundation
import GantryApp
import Planning
import PlanStore
import TerminalUI

/// The RAID screen with many risks, each with a month of score changes in the journal: opening
/// it (trends read), and what another session's risk edit costs a session showing it.
enum RaidBenchmark {
    static func run(dir: String, risks: Int) throws {
        let path = dir + "/raid-\(risks).sqlite"
        let store = try ProjectStore.create(at: path)
        try store.apply(ProjectSetup.newProject(name: "Risks", keyPrefix: "GAN", board: "Main"), actor: "bench", at: Date().addingTimeInterval(-30 * 86_400))
        let ids = try addRisks(risks, to: store)
        let theme = AppTheme.fallback(depth: .ansi256)
        func session(_ actor: String) throws -> AppRuntime {
            try AppRuntime(store: try ProjectStore.open(at: path), backend: TestTerminal(width: 120, height: 40), theme: theme,
                           keymap: AppAction.defaultKeyMap, actor: actor, clock: Date.init, editor: DescriptionEditor(environment: [:]))
        }
        let viewer = try session("viewer")
        viewer.redraw()
        let open = Measure.milliseconds { viewer.handle(.key(.char("2"))) }
        let writer = try ProjectStore.open(at: path)
        var costs: [Double] = []
        for i in 0..<30 {
            let item = try writer.load().raidItems[ids[(i * 37) % ids.count]]!
            var draft = RaidDraft()
            draft[.impact] = .int(Int64(1 + i % 5))
            let current = try writer.load()
            try writer.apply(try current.editRaid(item, draft, now: Date()), actor: "other", at: Date())
            costs.append(Measure.milliseconds { viewer.tick() })
        }
        costs.sort()
        print("RAID screen (\(risks) risks, \(try store.latestSeq()) journal rows, in process, release):")
        print("  open it (key 2, trends read, frame)       " + Measure.format(open, "ms", target: 20))
        print("  another session's risk edit, in this one  " + Measure.format(costs[costs.count / 2], "ms", target: 5) + " median of 30")
    }
    /// `count` risks added a month ago, each re-scored four times since: RAID items with history.
    @discardableResult
    static func addRisks(_ count: Int, to store: ProjectStore) throws -> [String] {
        let start = Date().addingTimeInterval(-30 * 86_400)
        var p = try store.load()
        var batch: [TimedChange] = []
        var ids: [String] = []
        for i in 0..<count {
            var draft = RaidDraft()
            draft[.title] = .text("Risk \(i): a vendor, a date or a person we depend on")
            draft[.probability] = .int(Int64(1 + i % 5))
            draft[.impact] = .int(Int64(1 + (i / 5) % 5))
            let change = try p.addRaid(.risk, draft, now: start)
            try p.apply(change)
            ids.append(change.edits.last!.id)
            batch.append(TimedChange(at: start, actor: "bench", change: change))
        }
        // Four re-scorings per risk over the month, the last ones inside the trend's two weeks.
        for round in 1...4 {
            let at = start.addingTimeInterval(Double(round) * 7 * 86_400)
            for (i, id) in ids.enumerated() {
                guard let item = p.raidItems[id] else { continue }
                var draft = RaidDraft()
                draft[.probability] = .int(Int64(1 + (i + round) % 5))
                let change = try p.editRaid(item, draft, now: at)
                try p.apply(change)
                batch.append(TimedChange(at: at, actor: "bench", change: change))
            }
        }
        try store.apply(batch: batch)
        return ids
    }
}
