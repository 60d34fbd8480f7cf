import Foundation
import GantryTestSupport
import Planning
@testable import PlanStore
import Testing

/// Filters read through the store's prefilter find exactly the cards the filter finds in the
/// whole project, in both stores: the prefilter only ever saves reading cards.
@Suite struct CardPrefilterTests {
    @Test(arguments: TestPostgres.storeKinds) func aPrefilteredReadFindsWhatTheWholeProjectFinds(kind: StoreKind) throws {
        let t = try TempProject(kind)
        var p = try t.store.load()
        try t.store.apply(Change(summary: "team", edits: ["ana", "ben"].map { Member(handle: $0, name: $0).creation() }), actor: "ana", at: TempProject.now)
        p = try t.store.load()
        let board = try p.board(named: nil)
        let types: [CardType] = [.feature, .bug, .chore, .epic]
        for i in 0..<24 {
            var draft = CardDraft(title: "card \(i)")
            draft.type = types[i % 4]
            draft.assignee = i % 3 == 0 ? nil : .some(["ana", "ben"][i % 2])
            let change = try p.addCard(draft, board: board, force: true, now: TempProject.now)
            let entry = try t.store.apply(change, actor: "ana", at: TempProject.now)
            p = try t.store.load()
            let card = try p.card(key: entry.change.edits.last!.label)
            if i % 5 == 0 { try t.store.apply(try p.moveCard(card, to: try p.column(named: "In progress", on: board), force: true, now: TempProject.now), actor: "ana", at: TempProject.now) }
            if i % 7 == 0 { try t.store.apply(try p.archiveCard(card), actor: "ana", at: TempProject.now) }
            p = try t.store.load()
        }
        let queries = ["assignee:ana", "assignee:none", "assignee:me,ben type:bug", "type:epic,chore", "column:\"In progress\"",
                       "is:archived", "-assignee:ana", "type:bug column:backlog", "is:archived assignee:ben", "card"]
        for text in queries {
            let filter = try CardFilter(try Query(text), project: p, now: TempProject.now, today: Day("2026-11-26")!, me: "ana")
            let expected = p.cards.values.filter(filter.matches).map(\.key).sorted()
            var found: [String] = []
            let prefilter = filter.prefilter(project: p, me: "ana")
            try t.store.forEachCard(in: try t.store.loadStructure(), matching: prefilter) { if filter.matches($0) { found.append($0.key) } }
            #expect(found.sorted() == expected, "\(text)")
            var read = 0
            try t.store.forEachCard(in: try t.store.loadStructure(), matching: prefilter) { _ in read += 1 }
            if prefilter != .everything { #expect(read < p.cards.count, "\(text): the store left some cards unread") }
        }
        #expect(try t.store.cards(withKeys: ["GAN-2", "GAN-5", "GAN-999"]).map(\.key).sorted() == ["GAN-2", "GAN-5"])
    }
}
