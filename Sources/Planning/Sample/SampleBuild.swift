import Foundation

extension SampleProject {
    /// The changes that build the sample, in order, each with its moment and author: the board
    /// and its current cards, the RAID log and timeline, then twelve weeks of sprints replayed
    /// as the team worked them (see `SampleHistory`).
    public static func history(now: Date) throws -> [TimedChange] {
        let past = SampleHistory(now: now)
        let origin = past.moment(past.sprintDays[1][0], 8).addingTimeInterval(-7 * 86_400)
        var out: [TimedChange] = []
        var project = ProjectSnapshot(info: ProjectInfo(name: name, keyPrefix: keyPrefix))
        var flow = FlowHistory()
        var next: [String: Int64] = [:]
        func commit(_ change: Change, at: Date, by actor: String) throws {
            guard !change.isEmpty else { return }
            let keyed = change.allocatingKeys(projectPrefix: { keyPrefix }, next: { sequence in
                defer { next[sequence, default: 1] += 1 }
                return next[sequence, default: 1]
            })
            try project.apply(keyed)
            flow.record(keyed, at: at)
            out.append(TimedChange(at: at, actor: actor, change: change))
        }

        for change in setup() { try commit(change, at: origin, by: "fatima") }
        let board = project.boards["b-checkout"]!
        let sprints = past.sprints(boardID: board.id)
        for sprint in sprints { try commit(Change(summary: "added sprint \(sprint.name) to \(board.name)", edits: [sprint.creation()]), at: sprint.createdAt, by: "fatima") }

        var current: [(id: String, spec: CardSpec, created: Date, entered: Date)] = []
        var rankInColumn = [Int](repeating: 0, count: 5)
        for (i, spec) in cards.enumerated() {
            rankInColumn[spec.column] += 1
            let entered = now.addingTimeInterval(-Double(spec.age) * 86_400 - Double(i * 977 % 3600))
            var created = entered.addingTimeInterval(-Double(3 + i % 9) * 86_400)
            // Work of a sprint was planned before it started.
            if let k = past.sprint(of: spec, entered: entered), k < 8, i % 4 != 3 {
                created = min(created, past.moment(past.sprintDays[k][0], 8).addingTimeInterval(-Double(1 + i % 3) * 86_400))
            }
            let today = Day.containing(now)
            // Made in the backlog; the history below moves it to its column.
            let card = Card(
                id: "card-\(i + 1)", boardID: board.id, columnID: "c-0",
                rank: Double(rankInColumn[spec.column]) * 1024, title: spec.title, description: spec.description,
                type: spec.type, priority: spec.priority, assignee: spec.assignee, labels: spec.labels,
                estimate: spec.estimate, due: spec.due.map { today.adding(days: $0) }, blockedReason: spec.blocked,
                parentID: spec.epic.map { "card-\($0)" }, enteredColumnAt: spec.column == 0 ? entered : created, createdAt: created,
                severity: spec.severity, foundIn: spec.severity == nil ? nil : spec.foundIn ?? "2.3.0")
            current.append((card.id, spec, created, entered))
            try commit(Change(summary: "added \(card.label) \"\(spec.title)\" to Backlog", edits: [card.creation()]), at: created, by: spec.assignee ?? "fatima")
        }
        var pastIDs: [String] = []
        for (i, work) in SampleHistory.pastWork.enumerated() {
            let k = i / 6 + 1, j = i % 6
            let created = past.moment(past.counter.adding(0, after: past.sprintDays[k][0].adding(days: -(2 + j % 4))), 10 + Double(j) / 4)
            let card = Card(id: "past-\(i + 1)", boardID: board.id, columnID: "c-1", rank: Double(100 + i) * 1024, title: work.0, type: work.1,
                            priority: [.medium, .high, .low][i % 3], assignee: ["ana", "ben", "chen", "dana", "eli"][(i * 7) % 5],
                            labels: [], estimate: work.2, enteredColumnAt: created, createdAt: created,
                            severity: work.3, foundIn: work.3 == nil ? nil : "2.\(k / 3).0", fixedIn: work.3 == nil ? nil : "2.\(k / 3 + 1).0")
            pastIDs.append(card.id)
            try commit(Change(summary: "added \(card.label) \"\(work.0)\" to To do", edits: [card.creation()]), at: created, by: "fatima")
        }
        for change in raid(now: now) { try commit(change, at: now.addingTimeInterval(-3600), by: "fatima") }
        // The plan was made at kick-off with nothing done; progress was reported each Friday
        // since (so earned value has a history), and the time logged is entered today.
        let today = Day.containing(now)
        let kickoff = timelineStart(today: today).start().addingTimeInterval(9 * 3600)
        var reported: [String: Int] = [:]
        for var change in timeline(now: now) {
            for i in change.edits.indices where change.edits[i].kind == .task && change.edits[i].operation == .create {
                guard let j = change.edits[i].fields.firstIndex(where: { $0.name == "progress" }), let p = change.edits[i].fields[j].to.int, p > 0 else { continue }
                reported[change.edits[i].id] = Int(p)
                change.edits[i].fields[j].to = .int(0)
            }
            try commit(change, at: change.summary.hasPrefix("logged") ? now.addingTimeInterval(-3600) : kickoff, by: "fatima")
        }
        for update in progressReports(reported, project: project, today: today) {
            guard let edit = project.tasks[update.id]?.update([("progress", .int(Int64(update.progress)))]) else { continue }
            try commit(Change.edited(project.tasks[update.id]!.key, edit), at: update.at, by: project.tasks[update.id]!.assignees.first ?? "fatima")
        }

        let columns = project.columns(of: board.id)
        for step in past.plan(current: current, pastIDs: pastIDs) {
            let change: Change
            switch step.step {
            case .put(let id, let k):
                change = try project.setSprint(of: project.cards[id]!, to: k.map { project.sprints[SampleHistory.sprintID($0)]! })
            case .move(let id, let column, let keepRank):
                let card = project.cards[id]!
                if keepRank {
                    let edit = card.update([("columnID", .text(columns[column].id)), ("enteredColumnAt", .real(step.at.timeIntervalSince1970))])
                    change = Change(summary: "moved \(card.label) \(project.columns[card.columnID]?.name ?? "?") → \(columns[column].name)", edits: [edit].compactMap { $0 })
                } else {
                    change = try project.moveCard(card, to: columns[column], force: true, now: step.at)
                }
            case .start(let k):
                let sprint = project.sprints[SampleHistory.sprintID(k)]!
                change = try project.startSprint(sprint, goal: nil, end: sprint.end, today: Day.containing(step.at), now: step.at)
            case .close(let k):
                let sprint = project.sprints[SampleHistory.sprintID(k)]!
                let context = FlowContext(project: project, history: flow, board: board, now: step.at)
                let record = SprintRecord.compute(sprint, in: context, closing: step.at)
                change = try project.closeSprint(sprint, record: record, carryTo: project.sprints[SampleHistory.sprintID(k + 1)],
                                                 doneColumnIDs: context.doneColumnIDs, now: step.at)
            case .archive(let id):
                let card = project.cards[id]!
                guard !card.archived else { continue }
                change = try project.archiveCard(card)
            }
            try commit(change, at: step.at, by: step.actor)
        }
        return out
    }

    /// Each started task's progress as reported on the Fridays since it started, rising in
    /// step with its working days to where it stands today (100 on the day a done task finished).
    static func progressReports(_ final: [String: Int], project: ProjectSnapshot, today: Day) -> [(id: String, at: Date, progress: Int)] {
        var out: [(id: String, at: Date, progress: Int)] = []
        for (id, progress) in final.sorted(by: { $0.key < $1.key }) {
            guard let task = project.tasks[id], let start = task.actualStart else { continue }
            let end = task.actualFinish ?? today.adding(days: -1)
            func weekdays(through day: Day) -> Int { (0...max(0, day - start)).filter { start.adding(days: $0).weekday <= 5 }.count }
            let total = max(1, weekdays(through: end))
            var day = start
            while day < end {
                if day.weekday == 5 {
                    let share = (Double(progress) * Double(weekdays(through: day)) / Double(total) / 5).rounded() * 5
                    if share > 0 { out.append((id, day.start().addingTimeInterval(16 * 3600), Int(share))) }
                }
                day = day.adding(days: 1)
            }
            out.append((id, task.actualFinish.map { $0.start().addingTimeInterval(17 * 3600) } ?? today.start().addingTimeInterval(9 * 3600), progress))
        }
        return out.sorted { $0.at < $1.at }
    }

    /// The project, the team and the board.
    static func setup() -> [Change] {
        let board = Board(id: "b-checkout", name: "Checkout", position: 0)
        let specs: [(String, ColumnCategory, Int?)] = [
            ("Backlog", .backlog, nil), ("To do", .todo, 8), ("In progress", .doing, 4), ("Review", .doing, 3), ("Done", .done, nil),
        ]
        let columns = specs.enumerated().map { i, s in
            Column(id: "c-\(i)", boardID: board.id, name: s.0, position: i, wipLimit: s.2, category: s.1)
        }
        return [ProjectSetup.newProject(name: name, keyPrefix: keyPrefix, board: nil),
                Change(summary: "added the team", edits: team.map { $0.creation() }),
                Change(summary: "added board Checkout", edits: [board.creation()] + columns.map { $0.creation() })]
    }
}
