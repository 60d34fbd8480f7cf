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
            // GAN-4 and GAN-8 are epics; later cards belong to one of them.
            if i > 8 && i % 4 != 3 { draft.parentKey = .some(i % 2 == 0 ? "GAN-4" : "GAN-8") }
            let change = try p.addCard(draft, board: board, force: true, now: TempProject.now)
            let entry = try t.store.apply(change, actor: "ana", at: TempProject.now)
            p = try t.store.load()
            let card = try p.card(key: entry.change.edits.last!.label)
            if i % 5 == 0 { try t.store.apply(try p.moveCard(card, to: try p.column(named: "In progress", on: board), force: true, now: TempProject.now), actor: "ana", at: TempProject.now) }
            if i % 7 == 0 { try t.store.apply(try p.archiveCard(card), actor: "ana", at: TempProject.now) }
            p = try t.store.load()
        }
        let queries = ["assignee:ana", "assignee:none", "assignee:me,ben type:bug", "type:epic,chore", "column:\"In progress\"",
                       "is:archived", "-assignee:ana", "type:bug column:backlog", "is:archived assignee:ben", "card",
                       "key:gan-3,GAN-5", "key:GAN-999", "key:GAN-7 is:archived", "epic:GAN-4", "epic:GAN-4 type:bug", "epic:GAN-4,GAN-8"]
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

    /// Commands about cards read the structure without the plan: what they show is all there
    /// (sprints, RAID, members), the tasks are not read.
    @Test(arguments: TestPostgres.storeKinds) func theStructureForCardCommandsLeavesThePlanUnread(kind: StoreKind) throws {
        let t = try TempProject(kind)
        var p = try t.store.load()
        let board = try p.board(named: nil)
        try t.store.apply(try p.addSprint(board: board, name: "Sprint 1", goal: nil, start: nil, end: nil, now: TempProject.now), actor: "ana", at: TempProject.now)
        p = try t.store.load()
        try t.store.apply(try p.addTask(name: "Design", duration: 3, phase: nil, after: [], startNoEarlier: nil, deadline: nil, assignees: [], now: TempProject.now),
                          actor: "ana", at: TempProject.now)
        var draft = RaidDraft()
        draft[.title] = .text("Vendor late")
        try t.store.apply(try p.addRaid(.risk, draft, now: TempProject.now), actor: "ana", at: TempProject.now)
        let whole = try t.store.loadStructure()
        let cardsOnly = try t.store.loadStructure(schedule: false)
        #expect(whole.tasks.count == 1)
        #expect(cardsOnly.tasks.isEmpty)
        #expect(cardsOnly.sprints.count == 1 && cardsOnly.raidItems.count == 1)
        #expect(cardsOnly.columns == whole.columns && cardsOnly.boards == whole.boards && cardsOnly.members == whole.members)
    }
}
