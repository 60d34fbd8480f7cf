import Foundation
import GRDB
import Planning
import Testing
@testable import PlanStore
import GantryTestSupport

@Suite struct FlowStoreTests {
    /// Cards added, moved, put in a sprint, re-estimated, deleted, and a move undone.
    static func history(_ t: TempProject) throws {
        let a = try t.addCard("a"), b = try t.addCard("b")
        var p = try t.store.load()
        let board = try p.board(named: nil)
        try t.store.apply(try p.addSprint(board: board, name: "S1", goal: nil, start: nil, end: nil, now: TempProject.now), actor: "ana", at: TempProject.now)
        p = try t.store.load()
        try t.store.apply(try p.setSprint(of: a, to: try p.sprint(named: "S1")), actor: "ana", at: TempProject.now.addingTimeInterval(60))
        p = try t.store.load()
        try t.store.apply(try p.moveCard(try p.card(key: a.key), to: try p.column(named: "Done", on: board), now: TempProject.now), actor: "ben", at: TempProject.now.addingTimeInterval(120))
        p = try t.store.load()
        try t.store.apply(try p.editCard(try p.card(key: b.key), CardDraft(estimate: .some(5))), actor: "ana", at: TempProject.now.addingTimeInterval(180))
        try t.store.apply(try p.editCard(try p.card(key: b.key), CardDraft(title: "renamed")), actor: "ana", at: TempProject.now.addingTimeInterval(200))
        try t.store.undo(actor: "ben", at: TempProject.now.addingTimeInterval(240))
        p = try t.store.load()
        try t.store.apply(p.deleteCard(try p.card(key: b.key)), actor: "ana", at: TempProject.now.addingTimeInterval(300))
    }

    @Test(arguments: TestPostgres.storeKinds) func theStoreRecordsWhatTheJournalSaysOfEachCardsFlow(kind: StoreKind) throws {
        let t = try TempProject(kind)
        try Self.history(t)
        let stored = try t.store.flowHistory()
        var replayed = FlowHistory()
        for entry in try t.store.journal() { replayed.record(entry.change, at: entry.at) }
        #expect(stored.events == replayed.events)
        let a = try t.store.load().cards.values.first { $0.title == "a" }!
        let events = try #require(stored.events[a.id])
        #expect(events.map { $0.state?.columnID != nil } == [true, true, true, true], "created, put in S1, moved to Done, moved back by undo")
        #expect(events[1].state?.sprintID != nil)
        #expect(events.last?.state?.columnID == events.first?.state?.columnID, "the undo put it back")
        #expect(stored.events.values.contains { $0.last?.state == nil }, "the deleted card ends deleted")
        #expect(stored.events.values.allSatisfy { !$0.contains { $0.at == TempProject.now.addingTimeInterval(200) } }, "a title edit is not flow")
    }

    @Test func upgradingAnOlderFileReplaysItsJournalIntoTheFlowTable() throws {
        let t = try TempProject()
        try Self.history(t)
        let before = try t.store.flowHistory()
        try t.file.pool.write { db in
            try db.execute(sql: "DELETE FROM card_flow")
            try FlowRecorder.backfill(db)
        }
        #expect(try t.store.flowHistory().events == before.events)
        #expect(!before.events.isEmpty)
    }
}

@Suite struct SprintStoreTests {
    @Test(arguments: TestPostgres.storeKinds) func twoPeopleStartingDifferentSprintsAtOnceLeaveOneActive(kind: StoreKind) throws {
        let t = try TempProject(kind)
        var p = try t.store.load()
        let board = try p.board(named: nil)
        for name in ["A", "B"] {
            try t.store.apply(try p.addSprint(board: board, name: name, goal: nil, start: nil, end: nil, now: TempProject.now), actor: "ana", at: TempProject.now)
            p = try t.store.load()
        }
        // Both read the project before either started anything.
        let seen = try t.store.load()
        let today = Day("2026-11-26")!
        try t.store.apply(try seen.startSprint(try seen.sprint(named: "A"), goal: nil, end: nil, today: today, now: TempProject.now), actor: "ana", at: TempProject.now)
        let before = try t.store.latestSeq()
        #expect(throws: PlanningError.refused("A is active on Main; a board runs one sprint at a time.", remedy: .closeActiveSprint)) {
            try t.store.apply(try seen.startSprint(try seen.sprint(named: "B"), goal: nil, end: nil, today: today, now: TempProject.now), actor: "ben", at: TempProject.now)
        }
        let after = try t.store.load()
        #expect(after.sprints.values.filter { $0.state == .active }.map(\.name) == ["A"])
        #expect(try t.store.latestSeq() == before, "nothing of the refused start was kept")
    }
}
