import Foundation
import Testing
import Planning
@testable import PlanStore
import GantryTestSupport

@Suite struct JournalTests {
    @Test(arguments: TestPostgres.storeKinds) func undoRevertsTheActorsOwnLastChangeAndRedoReappliesIt(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let card = try t.addCard("Title")
        var p = try t.store.load()
        try t.store.apply(try p.editCard(card, CardDraft(title: "Ana's edit")), actor: "ana", at: TempProject.now)
        p = try t.store.load()
        try t.store.apply(try p.editCard(try p.card(key: "GAN-1"), CardDraft(priority: .critical)), actor: "ben", at: TempProject.now)
        let undone = try #require(try t.store.undo(actor: "ana", at: TempProject.now))
        #expect(undone.kind == .undo)
        var now = try t.store.load().card(key: "GAN-1")
        #expect(now.title == "Title")
        #expect(now.priority == .critical, "ben's change stays")
        try t.store.redo(actor: "ana", at: TempProject.now)
        now = try t.store.load().card(key: "GAN-1")
        #expect(now.title == "Ana's edit")
        #expect(try t.store.redo(actor: "ana", at: TempProject.now) == nil)
    }

    @Test(arguments: TestPostgres.storeKinds) func repeatedUndoWalksBackAndRedoWalksForward(kind: StoreKind) throws {
        let t = try TempProject(kind)
        _ = try t.addCard("One")
        _ = try t.addCard("Two")
        try t.store.undo(actor: "ana", at: TempProject.now)
        try t.store.undo(actor: "ana", at: TempProject.now)
        #expect(try t.store.load().cards.isEmpty)
        try t.store.redo(actor: "ana", at: TempProject.now)
        #expect(try t.store.load().cards.values.map(\.title) == ["One"])
        try t.store.redo(actor: "ana", at: TempProject.now)
        #expect(try t.store.load().cards.values.map(\.key).sorted() == ["GAN-1", "GAN-2"])
    }

    @Test(arguments: TestPostgres.storeKinds) func undoOfADeletionRestoresTheSameKey(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let card = try t.addCard("Keep me")
        try t.store.apply(try t.store.load().deleteCard(card), actor: "ana", at: TempProject.now)
        try t.store.undo(actor: "ana", at: TempProject.now)
        #expect(try t.store.load().card(key: "GAN-1") == card)
    }

    @Test(arguments: TestPostgres.storeKinds) func undoRefusesToOverwriteSomeoneElsesLaterEdit(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let card = try t.addCard("Title")
        try t.store.apply(try t.store.load().editCard(card, CardDraft(title: "Ana")), actor: "ana", at: TempProject.now)
        try t.store.apply(try t.store.load().editCard(try t.store.load().card(key: "GAN-1"), CardDraft(title: "Ben")), actor: "ben", at: TempProject.now)
        #expect(throws: StoreError.self) { try t.store.undo(actor: "ana", at: TempProject.now) }
        #expect(try t.store.load().card(key: "GAN-1").title == "Ben")
    }

    @Test(arguments: TestPostgres.storeKinds) func journalFiltersBySequenceAndTime(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let mark = try t.store.latestSeq()
        _ = try t.addCard("A")
        let entries = try t.store.journal(after: mark)
        #expect(entries.map(\.change.summary) == ["added GAN-1 \"A\" to Backlog"])
        #expect(try t.store.journal(since: TempProject.now.addingTimeInterval(1)).isEmpty)
        #expect(try t.store.history(of: try t.store.load().card(key: "GAN-1").id).count == 1)
        _ = try t.addCard("B")
        let p = try t.store.load()
        try t.store.apply(try p.editCard(try p.card(key: "GAN-1"), CardDraft(title: "A2")), actor: "ben", at: TempProject.now)
        #expect(try t.store.journal(after: mark, limit: 2).map(\.change.summary) == ["added GAN-2 \"B\" to Backlog", "edited GAN-1 (title)"])
        let actor = try #require(try t.store.journal(after: mark).first?.actor)
        #expect(try t.store.journal(after: mark, actor: actor, limit: 1).map(\.change.summary) == ["added GAN-2 \"B\" to Backlog"])
        #expect(try t.store.journal(after: mark, actor: "ben").count == 1)
    }

    @Test(arguments: TestPostgres.storeKinds) func watcherSeesOtherConnectionsCommitsOnly(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let watcher = try t.store.makeWatcher()
        #expect(try watcher.poll() == false)
        let other = try t.reopen()
        let p = try other.load()
        try other.apply(try p.addCard(CardDraft(title: "x"), board: try p.board(named: nil), now: TempProject.now), actor: "ben", at: TempProject.now)
        // SQLite sees it at once; PostgreSQL's notification arrives within milliseconds.
        let deadline = Date().addingTimeInterval(2)
        var seen = try watcher.poll()
        while !seen && Date() < deadline {
            usleep(2_000)
            seen = try watcher.poll()
        }
        #expect(seen)
        #expect(try watcher.poll() == false)
    }
}
