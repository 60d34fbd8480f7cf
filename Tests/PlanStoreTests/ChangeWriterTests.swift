import Foundation
import Testing
import Planning
@testable import PlanStore
import GantryTestSupport

@Suite struct ChangeWriterTests {
    @Test(arguments: TestPostgres.storeKinds) func allocatesKeysInOrderAndNeverReusesThem(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let a = try t.addCard("A"), b = try t.addCard("B")
        #expect([a.key, b.key] == ["GAN-1", "GAN-2"])
        let p = try t.store.load()
        try t.store.apply(p.deleteCard(b), actor: "ana", at: TempProject.now)
        #expect(try t.addCard("C").key == "GAN-3")
        #expect(try t.store.journal().last?.change.summary == "added GAN-3 \"C\" to Backlog")
    }

    /// The journal is permanent: the allocated key is filled in where the summary names the new
    /// entity, never by replacing words in what the user typed.
    @Test(arguments: TestPostgres.storeKinds) func allocatedKeysNeverRewriteTitles(kind: StoreKind) throws {
        let t = try TempProject(kind)
        _ = try t.addCard("Fix new card layout")
        #expect(try t.store.journal().last?.change.summary == "added GAN-1 \"Fix new card layout\" to Backlog")
        let p = try t.store.load()
        try t.store.apply(try p.addTask(name: "Plan new task intake", duration: 2, phase: nil, after: [], startNoEarlier: nil, deadline: nil, assignees: [], now: TempProject.now),
                          actor: "ana", at: TempProject.now)
        #expect(try t.store.journal().last?.change.summary == "added T-1 \"Plan new task intake\"")
    }

    @Test(arguments: TestPostgres.storeKinds) func keysStayUniqueWithConcurrentWritersOnSeparateConnections(kind: StoreKind) async throws {
        let t = try TempProject(kind)
        let stores = try (0..<3).map { _ in try t.reopen() }
        let keys = try await withThrowingTaskGroup(of: [String].self) { group in
            for store in stores {
                group.addTask {
                    var keys: [String] = []
                    for i in 0..<40 {
                        let p = try store.load()
                        let e = try store.apply(try p.addCard(CardDraft(title: "c\(i)"), board: try p.board(named: nil), force: true, now: TempProject.now), actor: "x", at: TempProject.now)
                        keys.append(e.change.edits.last!.label)
                    }
                    return keys
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(keys.count == 120)
        #expect(Set(keys).count == 120)
        #expect(try t.store.load().cards.count == 120)
    }

    @Test(arguments: TestPostgres.storeKinds) func aStaleEditOfTheSameFieldIsRefusedNamingWhoAndWhen(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let card = try t.addCard("Original")
        let seenByBen = try t.store.load()
        let seenByCara = try t.store.load()
        try t.store.apply(try seenByBen.editCard(card, CardDraft(title: "Ben's title")), actor: "ben", at: TempProject.now.addingTimeInterval(60))
        let before = try t.store.latestSeq()
        do {
            try t.store.apply(try seenByCara.editCard(card, CardDraft(title: "Cara's title")), actor: "cara", at: TempProject.now.addingTimeInterval(120))
            Issue.record("expected a conflict")
        } catch let StoreError.conflict(c) {
            #expect(c.byActor == "ben")
            #expect(c.field == "title")
            #expect(c.description == "GAN-1's title was changed by ben at 2026-11-26 12:01 UTC (now \"Ben's title\") since you looked at it. Nothing was saved; look again and retry.")
        }
        #expect(try t.store.latestSeq() == before)
        #expect(try t.store.load().card(key: "GAN-1").title == "Ben's title")
    }

    /// A conflicting move is told in words: where the card went, who moved it, when; never a
    /// column id, a rank or a time as seconds since 1970.
    @Test(arguments: TestPostgres.storeKinds) func aConflictingMoveSaysWhereTheCardWentInWords(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let card = try t.addCard("Card")
        let seenByBen = try t.store.load(), seenByCara = try t.store.load()
        let board = try seenByBen.board(named: nil)
        try t.store.apply(try seenByBen.moveCard(card, to: try seenByBen.column(named: "In progress", on: board), now: TempProject.now),
                          actor: "ben", at: TempProject.now.addingTimeInterval(60))
        do {
            try t.store.apply(try seenByCara.moveCard(card, to: try seenByCara.column(named: "Review", on: board), now: TempProject.now),
                              actor: "cara", at: TempProject.now.addingTimeInterval(120))
            Issue.record("expected a conflict")
        } catch let StoreError.conflict(c) {
            #expect(c.description == "GAN-1 was moved to In progress by ben at 2026-11-26 12:01 UTC since you looked at it. Nothing was saved; look again and retry.")
        }
    }

    @Test(arguments: TestPostgres.storeKinds) func editsOfDifferentFieldsBothApply(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let card = try t.addCard("Original")
        let seenByBen = try t.store.load(), seenByCara = try t.store.load()
        try t.store.apply(try seenByBen.editCard(card, CardDraft(title: "New title")), actor: "ben", at: TempProject.now)
        let doing = try seenByCara.column(named: "In progress", on: try seenByCara.board(named: nil))
        try t.store.apply(try seenByCara.moveCard(card, to: doing, now: TempProject.now), actor: "cara", at: TempProject.now)
        let result = try t.store.load().card(key: "GAN-1")
        #expect(result.title == "New title")
        #expect(result.columnID == doing.id)
    }

    @Test(arguments: TestPostgres.storeKinds) func theSameEditTwiceIsNotAConflict(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let card = try t.addCard("Original")
        let a = try t.store.load(), b = try t.store.load()
        try t.store.apply(try a.blockCard(card, reason: "vendor"), actor: "ben", at: TempProject.now)
        try t.store.apply(try b.blockCard(card, reason: "vendor"), actor: "cara", at: TempProject.now)
        #expect(try t.store.load().card(key: "GAN-1").blockedReason == "vendor")
        // Cara's block replaced nothing: her undo must not unblock what Ben blocked.
        let undone = try t.store.undo(actor: "cara", at: TempProject.now)
        #expect(undone != nil)
        #expect(try t.store.load().card(key: "GAN-1").blockedReason == "vendor", "the value actually replaced is what undo restores")
        try t.store.undo(actor: "ben", at: TempProject.now)
        #expect(try t.store.load().card(key: "GAN-1").blockedReason == nil)
    }

    @Test(arguments: TestPostgres.storeKinds) func editingACardSomeoneDeletedIsAConflict(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let card = try t.addCard("Doomed")
        let stale = try t.store.load()
        try t.store.apply(stale.deleteCard(card), actor: "ben", at: TempProject.now)
        #expect(throws: StoreError.self) {
            try t.store.apply(try stale.editCard(card, CardDraft(title: "Saved?")), actor: "cara", at: TempProject.now)
        }
    }
}
