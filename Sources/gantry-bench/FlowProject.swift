import Foundation
import Planning
import PlanStore

/// A project with a year of flow behind it, for the charts' targets: N cards created over 52
/// weeks on one board, 26 two-week sprints (the last one active), and each card walked through
/// the columns, sent back from review now and then, re-estimated and planned, one change (one
/// journal row) at a time, until the journal holds about `rows` rows.
enum FlowProject {
    static func create(at path: String, cards: Int, rows: Int) throws -> ProjectStore {
        let store = try ProjectStore.create(at: path)
        let now = Date()
        let yearAgo = now.addingTimeInterval(-364 * 86_400)
        var p = ProjectSnapshot(info: ProjectInfo(name: "Flow benchmark", keyPrefix: "GAN"))
        var batch: [TimedChange] = []
        var numbers = 0
        func commit(_ change: Change, at: Date, by actor: String = "bench") throws {
            guard !change.isEmpty else { return }
            var keyed = change
            for i in keyed.edits.indices where keyed.edits[i].kind == .card && keyed.edits[i].operation == .create {
                numbers += 1
                keyed.edits[i].fields += [FieldChange(name: "key", from: .null, to: .text("GAN-\(numbers)")), FieldChange(name: "number", from: .null, to: .int(Int64(numbers)))]
            }
            try p.apply(keyed)
            batch.append(TimedChange(at: at, actor: actor, change: change))
            if batch.count == 5000 {
                try store.apply(batch: batch)
                batch = []
            }
        }
        try commit(ProjectSetup.newProject(name: "Flow benchmark", keyPrefix: "GAN", board: "Main"), at: yearAgo)
        try commit(Change(summary: "added the team", edits: (0..<20).map { Member(handle: "dev\($0)", name: "Developer \($0)").creation() }), at: yearAgo)
        let board = try p.board(named: nil)
        let columns = p.columns(of: board.id)
        let calendar = p.calendar(today: Day.containing(yearAgo))
        let counter = WorkingDays(calendar: calendar, from: Day.containing(yearAgo), through: Day.containing(now).adding(days: 30))
        var sprintStarts: [Day] = []
        var day = Day.containing(yearAgo)
        while !calendar.isWorking(day) { day = day.adding(days: 1) }
        for k in 0..<26 {
            sprintStarts.append(day)
            let end = counter.adding(9, after: day)
            try commit(try p.addSprint(board: board, name: "Sprint \(k + 1)", goal: nil, start: day, end: end, now: yearAgo, id: "sprint-\(k)"), at: yearAgo)
            day = counter.adding(1, after: end)
        }
        // Every step of every card, then replayed in time order.
        enum Step { case create(Int), put(Int, Int), move(Int, Int), estimate(Int, Double), start(Int), close(Int) }
        var steps: [(at: Date, step: Step)] = []
        var rng = SplitMix(seed: 2026)
        let span = now.timeIntervalSince(yearAgo) - 86_400
        let perCard = max(4, rows / max(1, cards))
        for k in 0..<26 {
            let start = sprintStarts[k].start().addingTimeInterval(9 * 3600)
            steps.append((start, .start(k)))
            if k < 25 { steps.append((sprintStarts[k + 1].start().addingTimeInterval(8 * 3600), .close(k))) }
        }
        for i in 0..<cards {
            var t = yearAgo.addingTimeInterval(span * Double(i) / Double(cards))
            steps.append((t, .create(i)))
            let k = sprintStarts.lastIndex { $0.start() <= t } ?? 0
            t += 3600
            steps.append((t, .put(i, min(25, k + 1 < 26 && rng.next() % 3 == 0 ? k + 1 : k))))
            // To do, in progress, then back and forth with review (and a re-estimate now and
            // then) until the last two steps: review, done.
            let walk = perCard - 2
            var bounce = 0
            for m in 0..<walk {
                t += Double(rng.next() % 7200 + 1800) * Double(1 + m % 3)
                if m % 5 == 4 && m < walk - 2 {
                    steps.append((t, .estimate(i, Double([1, 2, 3, 5, 8][Int(rng.next() % 5)]))))
                    continue
                }
                bounce += 1
                let column = m == 0 ? 1 : m == walk - 1 ? 4 : m == walk - 2 ? (bounce % 2 == 0 ? 3 : 2) : 2 + bounce % 2
                steps.append((t, .move(i, column)))
            }
        }
        steps.sort { $0.at < $1.at }
        var ids: [Int: String] = [:]
        var flow = FlowHistory()
        for (at, step) in steps where at < now {
            let change: Change
            switch step {
            case .create(let i):
                let card = Card(id: "card-\(i)", boardID: board.id, columnID: columns[0].id, rank: Double(i) * 1024, title: "Card \(i)",
                                type: [.feature, .bug, .chore, .feature, .spike][i % 5], assignee: "dev\(i % 20)", estimate: Double(i % 8 + 1),
                                enteredColumnAt: at, createdAt: at, severity: i % 5 == 1 ? BugSeverity.allCases[i % 4] : nil)
                ids[i] = card.id
                change = Change(summary: "added card", edits: [card.creation()])
            case .put(let i, let k):
                guard let card = ids[i].flatMap({ p.cards[$0] }), let sprint = p.sprints["sprint-\(k)"], sprint.state != .closed else { continue }
                change = try p.setSprint(of: card, to: sprint)
            case .move(let i, let c):
                guard let card = ids[i].flatMap({ p.cards[$0] }), card.columnID != columns[c].id else { continue }
                change = Change(summary: "moved \(card.key)", edits: [card.update([("columnID", .text(columns[c].id)), ("enteredColumnAt", .real(at.timeIntervalSince1970))])].compactMap { $0 })
            case .estimate(let i, let e):
                guard let card = ids[i].flatMap({ p.cards[$0] }) else { continue }
                change = Change(summary: "estimated \(card.key)", edits: [card.update([("estimate", .real(e))])].compactMap { $0 })
            case .start(let k):
                guard let sprint = p.sprints["sprint-\(k)"] else { continue }
                change = try p.startSprint(sprint, goal: nil, end: sprint.end, today: Day.containing(at), now: at)
            case .close(let k):
                guard let sprint = p.sprints["sprint-\(k)"], sprint.state == .active else { continue }
                let context = FlowContext(project: p, history: flow, board: board, now: at)
                change = try p.closeSprint(sprint, record: SprintRecord.compute(sprint, in: context, closing: at), carryTo: p.sprints["sprint-\(k + 1)"],
                                           doneColumnIDs: context.doneColumnIDs, now: at)
            }
            try commit(change, at: at)
            flow.record(change, at: at)
        }
        if !batch.isEmpty { try store.apply(batch: batch) }
        return store
    }
}
