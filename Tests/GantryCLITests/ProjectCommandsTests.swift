import Foundation
import Testing
@testable import GantryCLI

@Suite struct ProjectCommandsTests {
    @Test func initCreatesAProjectAndRefusesASecond() throws {
        let h = try CLIHarness()
        let out = try h.expectOK("init", "--name", "Payments")
        #expect(out.contains("Created project Payments at \(h.projectPath)"))
        #expect(out.contains("PAY-1"))
        let again = h.run("init")
        #expect(again.status == 1)
        #expect(again.err == "gantry: A Gantry project already exists at \(h.projectPath); nothing was changed.\n")
        try "notes\n".write(toFile: h.projectPath, atomically: true, encoding: .utf8)
        let overText = h.run("init")
        #expect(overText.status == 1)
        #expect(overText.err == "gantry: \(h.projectPath) is not a Gantry project (not a SQLite database). It was left untouched. Move it away to start a project here.\n")
        #expect(try String(contentsOfFile: h.projectPath, encoding: .utf8) == "notes\n")
    }

    @Test func discoveryLooksUpwardThenEnvironmentThenFlag() throws {
        let h = try CLIHarness.withProject()
        let deep = h.dir + "/src/app/ui"
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        #expect(h.run(["member", "list"], in: deep).out.contains("ana"))

        let elsewhere = try CLIHarness()
        let none = elsewhere.run("card", "list")
        #expect(none.status == 1)
        #expect(none.err == "gantry: No Gantry project in this folder or any parent. Create one with `gantry init`, or try the sample with `gantry demo`.\n")

        elsewhere.environment["GANTRY_PROJECT"] = h.projectPath
        #expect(elsewhere.run("member", "list").out.contains("ben"))
        elsewhere.environment["GANTRY_PROJECT"] = "/nope/project.sqlite"
        #expect(elsewhere.run("member", "list").status == 1)
        let flagged = elsewhere.run("member", "list", "--project", h.projectPath)
        #expect(flagged.status == 0 && flagged.out.contains("ana"), "--project wins over GANTRY_PROJECT")
        let missing = elsewhere.run("member", "list", "--project", "missing.sqlite")
        #expect(missing.status == 1)
        #expect(missing.err.contains("No Gantry project at \(elsewhere.dir)/missing.sqlite"))
    }

    @Test func membersAddListEditRemove() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("member", "edit", "ben", "--role", "Backend", "--capacity", "0.5")
        let list = try h.expectOK("member", "list")
        #expect(list.contains("ben     Ben Okafor  Backend  50%"))
        let json = try h.json("member", "list", "--json") as? [[String: Any]]
        #expect(json?.map { $0["handle"] as? String } == ["ana", "ben"])
        #expect(h.run("member", "add", "ana").status == 1)
        #expect(h.run("member", "add", "Not Valid!").status == 2)
        try h.expectOK("card", "add", "Mine", "--assignee", "ben")
        try h.expectOK("risk", "add", "Vendor slips", "--owner", "ben")
        try h.expectOK("task", "add", "Build", "--duration", "2", "--assignee", "ana", "--assignee", "ben")
        let before = try h.state()
        let refused = h.run("member", "rm", "ben")
        #expect(refused.status == 1)
        #expect(refused.err == "gantry: ben is assigned to 1 card (GAN-1), owns 1 RAID item (R-1) and is on 1 task (T-1). Reassign them first. Or use --unassign to leave them without one.\n")
        #expect(try h.state() == before, "nothing changed")
        try h.expectOK("member", "rm", "ben", "--unassign")
        #expect(try h.expectOK("card", "show", "GAN-1").contains("Assignee: -"))
        let risk = try #require(try h.json("risk", "show", "R-1", "--json") as? [String: Any])
        #expect(risk["owner"] is NSNull, "\(risk["owner"] ?? "missing")")
        #expect((try h.json("task", "show", "T-1", "--json") as? [String: Any])?["assignees"] as? [String] == ["ana"])
    }

    @Test func boardsAndColumns() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("board", "add", "Ops", "--columns", "Inbox,Doing,Done")
        try h.expectOK("board", "rename", "Ops", "Operations")
        try h.expectOK("column", "add", "QA", "--position", "4", "--wip", "2")
        try h.expectOK("column", "rename", "QA", "Testing")
        try h.expectOK("column", "wip", "In progress", "3")
        try h.expectOK("column", "move", "Done", "1")
        let cols = try h.json("column", "list", "--json") as? [[String: Any]]
        #expect(cols?.map { $0["name"] as? String } == ["Done", "Backlog", "To do", "In progress", "Testing", "Review"])
        #expect(cols?.first { $0["name"] as? String == "In progress" }?["wipLimit"] as? Int == 3)
        try h.expectOK("column", "wip", "In progress", "none")
        let boards = try h.expectOK("board", "list")
        #expect(boards.contains("Operations  Inbox (0) → Doing (0) → Done (0)"))
        try h.expectOK("card", "add", "Stuck", "--column", "Testing")
        #expect(h.run("column", "rm", "Testing").status == 1)
        try h.expectOK("column", "rm", "Testing", "--to", "Review")
        #expect(try h.expectOK("card", "list", "column:review").contains("GAN-1"))
        try h.expectOK("column", "add", "Archive", "--board", "Operations")
        #expect(try h.expectOK("column", "list", "--board", "operations").contains("Archive"))
    }

    @Test func logShowsWhoChangedWhatFromWhatToWhat() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Login page")
        h.actor = "ben"
        try h.expectOK("card", "move", "GAN-1", "In progress")
        try h.expectOK("card", "edit", "GAN-1", "--title", "Login page v2")
        let log = try h.expectOK("log", "--since", "2026-11-26")
        #expect(log.contains("2026-11-26 12:00 UTC  ben  moved GAN-1 Backlog → In progress\n    GAN-1 column: Backlog → In progress"))
        #expect(log.contains("GAN-1 title: \"Login page\" → \"Login page v2\""))
        let json = try h.json("log", "--json", "--limit", "1") as? [[String: Any]]
        #expect(json?.count == 1)
        #expect(json?.first?["actor"] as? String == "ben")
        #expect(json?.first?["at"] as? String == "2026-11-26T12:00:00Z")
        let edits = json?.first?["edits"] as? [[String: Any]]
        let fields = edits?.first?["fields"] as? [[String: Any]]
        #expect(fields?.first?["from"] as? String == "Login page")
        #expect(try h.expectOK("log", "--actor", "nobody") == "No changes.\n")
        let anasLast = try h.expectOK("log", "--actor", "ana", "--limit", "1")
        #expect(anasLast == "2026-11-26 12:00 UTC  ana  added GAN-1 \"Login page\" to Backlog\n", "ana's newest, though ben changed things since")
        #expect(h.run("log", "--since", "last tuesday").status == 2)
    }

    @Test func undoRevertsOnlyThisUsersLastChange() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Mine")
        h.actor = "ben"
        try h.expectOK("card", "add", "Ben's")
        h.actor = "ana"
        #expect(try h.expectOK("undo") == "Undid: added GAN-1 \"Mine\" to Backlog\n")
        let keys = try h.json("card", "list", "--json") as? [[String: Any]]
        #expect(keys?.map { $0["key"] as? String } == ["GAN-2"])
        #expect(try h.expectOK("redo").hasPrefix("Redid: added GAN-1"))
        h.actor = "cara"
        let none = h.run("undo")
        #expect(none.status == 1 && none.err.contains("no change left to undo"))
    }

    @Test func demoWritesTheSampleAndRefusesToOverwrite() throws {
        let h = try CLIHarness()
        let out = try h.expectOK("demo", "--output", "sample.sqlite")
        #expect(out.contains("Wrote the sample project \"Checkout Revamp\""))
        h.environment["GANTRY_PROJECT"] = h.dir + "/sample.sqlite"
        let cards = try h.json("card", "list", "--json") as? [[String: Any]]
        #expect((35...45).contains(cards?.count ?? 0))
        let blocked = try h.json("card", "list", "assignee:ben label:backend is:blocked due<+7d", "--json") as? [[String: Any]]
        #expect(blocked?.map { $0["title"] as? String } == ["Payment provider API v3 client"])
        #expect(h.run("demo", "--output", "sample.sqlite").status == 1)
        try h.expectOK("demo", "--output", "sample.sqlite", "--force")
        try "hello".write(toFile: h.dir + "/notes.txt", atomically: true, encoding: .utf8)
        let refused = h.run("demo", "--output", "notes.txt", "--force")
        #expect(refused.status == 1)
        #expect(try String(contentsOfFile: h.dir + "/notes.txt", encoding: .utf8) == "hello")
        h.environment["XDG_DATA_HOME"] = h.dir + "/xdg"
        try h.expectOK("demo")
        #expect(FileManager.default.fileExists(atPath: h.dir + "/xdg/gantry/demo.sqlite"))
    }
}
