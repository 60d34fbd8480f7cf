import Foundation
import Planning
import PlanStore

/// Generates a large project through the real store: a board, 20 members and N cards spread over
/// five columns, written in batches of changes as a busy team would have.
enum BigProject {
    static func create(at path: String, cards: Int) throws -> ProjectStore {
        let store = try ProjectStore.create(at: path)
        let now = Date()
        try store.apply(ProjectSetup.newProject(name: "Benchmark", keyPrefix: "GAN", board: "Main"), actor: "bench", at: now)
        var p = try store.load()
        let members = (0..<20).map { Member(handle: "dev\($0)", name: "Developer \($0)") }
        try store.apply(Change(summary: "added the team", edits: members.map { $0.creation() }), actor: "bench", at: now)
        let board = try p.board(named: nil)
        let columns = p.columns(of: board.id)
        // One card in a hundred is an epic, as on a real board; the rest cycle through the other types.
        let types = CardType.allCases.filter { $0 != .epic }, priorities = Priority.allCases
        let labels = ["backend", "frontend", "infra", "ux", "payments", "security"]
        var edits: [EntityEdit] = []
        for i in 0..<cards {
            let card = Card(boardID: board.id, columnID: columns[i % columns.count].id, rank: Double(i) * 1024,
                            title: "Card \(i): \(["Fix", "Add", "Refactor", "Investigate"][i % 4]) \(labels[i % labels.count]) flow \(i * 7919 % 1000)",
                            description: i % 3 == 0 ? "Longer description for card \(i)." : "",
                            type: i % 100 == 0 ? .epic : types[i % types.count], priority: priorities[i % priorities.count],
                            assignee: i % 7 == 0 ? nil : "dev\(i % 20)", labels: [labels[i % labels.count], labels[(i / 7) % labels.count]],
                            estimate: Double(i % 8), due: i % 5 == 0 ? Day.containing(now).adding(days: i % 60 - 20) : nil,
                            blockedReason: i % 50 == 0 ? "Waiting on another team" : nil,
                            enteredColumnAt: now.addingTimeInterval(-Double(i % 30) * 86_400), createdAt: now)
            edits.append(card.creation())
            if edits.count == 500 {
                try store.apply(Change(summary: "imported cards", edits: edits), actor: "bench", at: now)
                edits = []
            }
        }
        if !edits.isEmpty { try store.apply(Change(summary: "imported cards", edits: edits), actor: "bench", at: now) }
        p = try store.load()
        return store
    }
}
