import Foundation
import Testing
import TerminalUI
import Planning
import PlanStore
@testable import GantryCLI

@Suite struct CardCommandsTests {
    @Test func addListShowAndJSONFields() throws {
        let h = try CLIHarness.withProject()
        let added = try h.expectOK("card", "add", "Login page", "--assignee", "ana", "--label", "backend,auth", "--due", "2026-12-10",
                                   "--estimate", "3", "--type", "bug", "--priority", "high", "--description", "Users log in")
        #expect(added == "Added GAN-1 \"Login page\" to Backlog\n", "new cards go to the board's first column")
        let table = try h.expectOK("card", "list")
        #expect(table == """
            KEY    COLUMN   TYPE  PRIORITY  ASSIGNEE  AGE  DUE         TITLE
            GAN-1  Backlog  bug   high      ana       0d   2026-12-10  Login page

            """)
        let card = try #require(try h.json("card", "show", "GAN-1", "--json") as? [String: Any])
        #expect(Array(card.keys).sorted() == ["archived", "assignee", "blocked", "blockedReason", "board", "column", "createdAt", "daysInColumn",
                                             "description", "due", "enteredColumnAt", "epic", "estimate", "fixedIn", "foundIn", "hours", "id", "key", "labels",
                                             "priority", "raid", "rank", "severity", "sprint", "title", "type"])
        #expect(card["due"] as? String == "2026-12-10")
        #expect(card["createdAt"] as? String == "2026-11-26T12:00:00Z")
        #expect(card["labels"] as? [String] == ["backend", "auth"])
        #expect(card["estimate"] as? Int == 3)
        let show = try h.expectOK("card", "show", "gan-1")
        #expect(show.hasPrefix("GAN-1  Login page\nType: bug   Priority: high   Board: Board   Column: Backlog (0 days)"))
        #expect(show.contains("History:\n  2026-11-26 12:00 UTC  ana  added GAN-1 \"Login page\" to Backlog"))
    }

    /// The list streams each card from the store with the RAID links read once for all; it
    /// says of each card exactly what `card show --json` says.
    @Test func listedCardsAreTheCardsShown() throws {
        let h = try CLIHarness.withProject()
        for title in ["A", "B", "C"] { try h.expectOK("card", "add", title) }
        try h.expectOK("risk", "add", "Vendor late", "--probability", "3", "--impact", "3")
        try h.expectOK("issue", "add", "Build broken")
        try h.expectOK("raid", "link", "R-1", "GAN-2")
        try h.expectOK("raid", "link", "I-1", "GAN-2")
        try h.expectOK("raid", "link", "R-1", "GAN-3")
        let listed = try #require(try h.json("card", "list", "--json") as? [[String: Any]])
        #expect(listed.map { $0["raid"] as? [String] ?? ["?"] } == [[], ["I-1", "R-1"], ["R-1"]])
        let list = h.run("card", "list", "--json").out
        let shown = ["GAN-1", "GAN-2", "GAN-3"].map { h.run("card", "show", $0, "--json").out }
        let indented = shown.map { $0.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") }
        #expect(list == "[\n" + indented.joined(separator: ",\n") + "\n]\n")
    }

    @Test func jsonOutputIsStableAcrossRuns() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "A")
        try h.expectOK("card", "add", "B")
        #expect(h.run("card", "list", "--json").out == h.run("card", "list", "--json").out)
        #expect(h.run("card", "list", "--json").out.hasPrefix("[\n  {\n    \"key\": \"GAN-1\",\n    \"id\": "))
    }

    @Test func editMoveRankBlockArchiveRemove() throws {
        let h = try CLIHarness.withProject()
        for t in ["A", "B", "C"] { try h.expectOK("card", "add", t) }
        try h.expectOK("card", "edit", "GAN-1", "--add-label", "ui", "--assignee", "ben", "--due", "+3d")
        #expect(try h.expectOK("card", "show", "GAN-1").contains("Assignee: ben   Estimate: -   Due: 2026-11-29"))
        try h.expectOK("card", "edit", "GAN-1", "--unassign", "--no-due", "--remove-label", "ui")
        #expect(try h.expectOK("card", "show", "GAN-1").contains("Assignee: -   Estimate: -   Due: -\nLabels: -"))
        try h.expectOK("card", "rank", "GAN-3", "--top")
        try h.expectOK("card", "rank", "GAN-1", "--down")
        let order = try h.json("card", "list", "--json") as? [[String: Any]]
        #expect(order?.map { $0["key"] as? String } == ["GAN-3", "GAN-2", "GAN-1"])
        try h.expectOK("card", "move", "GAN-2", "Review")
        try h.expectOK("card", "move", "GAN-1", "Review", "--top")
        #expect(try h.expectOK("card", "list", "column:review").contains("GAN-1  Review  feature  medium    -         0d   -    A\nGAN-2"))
        try h.expectOK("card", "block", "GAN-2", "Waiting on vendor")
        #expect(try h.expectOK("card", "list", "is:blocked").contains("[BLOCKED] B"))
        try h.expectOK("card", "unblock", "GAN-2")
        #expect(h.run("card", "unblock", "GAN-2").status == 1)
        try h.expectOK("card", "archive", "GAN-3")
        #expect(!(try h.expectOK("card", "list").contains("GAN-3")))
        #expect(try h.expectOK("card", "list", "is:archived").contains("[archived] C"))
        try h.expectOK("card", "archive", "GAN-3", "--restore")
        try h.expectOK("card", "rm", "GAN-3")
        #expect(h.run("card", "show", "GAN-3").status == 2)
        try h.expectOK("undo")
        #expect(h.run("card", "show", "GAN-3").status == 0)
    }

    @Test func epicsLinkChildren() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Checkout", "--type", "epic")
        try h.expectOK("card", "add", "Address form", "--epic", "GAN-1")
        #expect(h.run("card", "add", "Bad parent", "--epic", "GAN-2").status == 2)
        let children = try h.json("card", "list", "epic:GAN-1", "--json") as? [[String: Any]]
        #expect(children?.map { $0["key"] as? String } == ["GAN-1", "GAN-2"])
    }

    @Test func wipLimitRefusesWithNumbersUnlessForced() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("column", "wip", "In progress", "1")
        try h.expectOK("card", "add", "A", "--column", "In progress")
        try h.expectOK("card", "add", "B")
        let before = try h.state()
        let refused = h.run("card", "move", "GAN-2", "In progress")
        #expect(refused.status == 1)
        #expect(refused.err == "gantry: In progress is at its WIP limit (1 of 1); moving GAN-2 there would make 2. Use --force to do it anyway.\n")
        #expect(h.run("card", "add", "C", "--column", "In progress").status == 1)
        #expect(try h.state() == before)
        try h.expectOK("card", "move", "GAN-2", "In progress", "--force")
        #expect(try h.expectOK("column", "list").contains("In progress  doing     2      1"))
    }

    @Test func badInputGetsASentenceAnExitCodeAndChangesNothing() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Existing")
        let before = try h.state()
        let cases: [([String], Int32, String)] = [
            (["card", "show", "GAN-99"], 2, "No card named \"GAN-99\""),
            (["card", "move", "GAN-99", "Done"], 2, "No card named \"GAN-99\""),
            (["card", "move", "GAN-1", "Doing"], 2, "No column named \"Doing\". Columns on Board: Backlog, To do, In progress, Review, Done."),
            (["card", "edit", "GAN-1", "--assignee", "zed"], 2, "No member named \"zed\". Members: ana, ben."),
            (["card", "add", "X", "--board", "Nope"], 2, "No board named \"Nope\""),
            (["member", "edit", "zed", "--role", "x"], 2, "No member named \"zed\""),
            (["card", "add", "X", "--due", "2026-02-30"], 2, "--due: \"2026-02-30\" is not a date Gantry accepts; use YYYY-MM-DD"),
            (["card", "add", "X", "--due", "next week"], 2, "is not a date"),
            (["card", "add", ""], 2, "title: must not be empty"),
            (["card", "add", "   "], 2, "title: must not be empty"),
            (["card", "add", String(repeating: "long ", count: 41)], 2, "title: is 204 characters; the limit is 200"),
            (["card", "add", "X", "--type", "story"], 2, "--type: \"story\" is not valid; use one of feature, bug, chore, spike, epic."),
            (["card", "add", "X", "--estimate=-1"], 2, "estimate: -1.0 is out of range; use 0 to 1000"),
            (["card", "add", "X", "--label", "no spaces"], 2, "is not a valid label"),
            (["card", "list", "assignee:ana is:stuck"], 2, "Invalid filter: is:stuck is not a state"),
            (["card", "rank", "GAN-1"], 2, "Say where: exactly one of"),
            (["column", "wip", "Review", "0"], 2, "WIP limit: 0 is out of range; use 1 to 999, or none"),
            (["column", "wip", "Review", "many"], 2, "\"many\" is not a number"),
            (["column", "move", "Review", "9"], 2, "position: 9 is out of range; use 1 to 5"),
            (["card", "frobnicate"], 2, "Unknown command 'frobnicate' for gantry card. See 'gantry card --help'."),
            (["card", "add"], 2, "Missing expected argument '<title>'"),
            (["card", "block", "GAN-1", ""], 2, "blocked reason: must not be empty"),
        ]
        for (args, status, message) in cases {
            let r = h.run(args)
            #expect(r.status == status, "\(args): \(r.err)")
            #expect(r.err.contains(message), "\(args): \(r.err)")
            #expect(r.out.isEmpty, "\(args) printed \(r.out)")
        }
        #expect(try h.state() == before)
    }

    @Test func filterErrorsPointAtTheToken() throws {
        let h = try CLIHarness.withProject()
        let r = h.run("card", "list", "label:backend asignee:ana")
        #expect(r.status == 2)
        #expect(r.err.hasSuffix("  label:backend asignee:ana\n                ^^^^^^^^^^^\n"))
    }

    /// A query may start with a negated term, and may come as several words.
    @Test func aQueryCanStartWithANegation() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Backend job", "--label", "backend", "--assignee", "ana")
        try h.expectOK("card", "add", "Frontend page", "--label", "frontend", "--assignee", "ana")
        try h.expectOK("card", "add", "Ben's page", "--label", "frontend", "--assignee", "ben")
        func keys(_ args: String...) throws -> [String] {
            (try h.json(["card", "list"] + args + ["--json"]) as? [[String: Any]])?.compactMap { $0["key"] as? String } ?? []
        }
        #expect(try keys("-label:backend") == ["GAN-2", "GAN-3"])
        #expect(try keys("-label:backend", "assignee:ana") == ["GAN-2"], "words add up to one query")
        let typo = h.run("card", "list", "--asignee", "ana")
        #expect(typo.status == 2)
        #expect(typo.err == "gantry: Unknown option '--asignee'. See 'gantry card list --help' for the options.\n")
    }

    /// New text with escapes is refused (HostileTextTests); text stored before that rule still
    /// prints harmlessly, and JSON keeps it exactly, escaped.
    @Test func hostileTextStoredEarlierIsPrintedHarmlessly() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Evil")
        let store = try ProjectStore.open(at: h.projectPath)
        let card = try store.load().card(key: "GAN-1")
        try store.apply(Change(summary: "old", edits: [EntityEdit(kind: .card, id: card.id, label: card.key, operation: .update,
                                                                  fields: [FieldChange(name: "title", from: .text("Evil"), to: .text("Evil \u{1B}]52;c;aGk=\u{07} \u{1B}[2J title"))])]),
                        actor: "old", at: CLIHarness.now)
        let table = try h.expectOK("card", "list")
        #expect(!table.contains("\u{1B}") && !table.contains("\u{07}"))
        #expect(table.contains("Evil ␛]52;c;aGk=␇ ␛[2J title"))
        let json = try h.json("card", "list", "--json") as? [[String: Any]]
        #expect(json?.first?["title"] as? String == "Evil \u{1B}]52;c;aGk=\u{07} \u{1B}[2J title")
    }

    @Test func wideCharactersAlignInTables() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("member", "add", "wei", "--name", "王伟")
        try h.expectOK("member", "add", "zoe", "--name", "Zoë 🎉")
        let lines = try h.expectOK("member", "list").split(separator: "\n").map(String.init)
        // Every column but the last is padded, so the text before the last column has one width.
        let prefixWidths = lines.map { line in DisplayWidth.of(String(line[..<line.lastIndex(of: " ")!])) }
        #expect(lines.contains { $0.contains("王伟") } && lines.contains { $0.contains("🎉") })
        #expect(Set(prefixWidths).count == 1, "\(lines)")
    }
}
