import Foundation
import Testing
import Planning
import PlanStore

/// A key names one thing: card prefixes never take a task's or a RAID log's, and every link
/// command reads keys the same way.
@Suite struct KeyCollisionTests {
    @Test func reservedPrefixesAreRefusedAndAvoidedByDefault() throws {
        let h = try CLIHarness()
        for reserved in ["T", "r", "DEC", "A", "I", "D"] {
            let r = h.run("init", "--key", reserved, "--project", "x.sqlite")
            #expect(r.status == 2, "\(reserved)")
            #expect(r.err.contains("is taken by"), "\(r.err)")
        }
        try h.expectOK("init", "--name", "t2")
        try h.expectOK("card", "add", "First")
        let card = try #require(try h.json("card", "show", "TK-1", "--json") as? [String: Any])
        #expect(card["title"] as? String == "First")
    }

    @Test func oneLinkSyntaxForCardsAndTasksEverywhere() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Card")
        try h.expectOK("task", "add", "Task", "--duration", "3")
        try h.expectOK("risk", "add", "Both", "--probability", "2", "--impact", "3", "--link", "GAN-1", "--link", "T-1")
        let shown = try h.expectOK("risk", "show", "R-1")
        #expect(shown.contains("GAN-1") && shown.contains("T-1"), "\(shown)")
        let missing = h.run("raid", "link", "R-1", "T-99")
        #expect(missing.status == 2)
        #expect(missing.err.contains("No card or task named \"T-99\""), "\(missing.err)")
        let itself = h.run("raid", "link", "R-1", "R-1")
        #expect(itself.status == 2)
        #expect(itself.err.contains("No card or task named \"R-1\""), "\(itself.err)")
    }

    /// A project made before prefixes were checked, with cards keyed like tasks.
    @Test func anAmbiguousKeyIsRefusedNotGuessed() throws {
        let h = try CLIHarness()
        let store = try ProjectStore.create(at: h.dir + "/old.sqlite")
        try store.apply(ProjectSetup.newProject(name: "Old", keyPrefix: "T", board: "Board"), actor: "ana", at: CLIHarness.now)
        try h.expectOK("card", "add", "Card T-1", "--project", "old.sqlite")
        try h.expectOK("task", "add", "Task T-1", "--duration", "2", "--project", "old.sqlite")
        try h.expectOK("risk", "add", "R", "--probability", "1", "--impact", "1", "--project", "old.sqlite")
        let r = h.run("raid", "link", "R-1", "T-1", "--project", "old.sqlite")
        #expect(r.status == 1)
        #expect(r.err.contains("names both a card and a task"), "\(r.err)")
    }
}
