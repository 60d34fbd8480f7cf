import Foundation
import Testing
@testable import GantryCLI

/// `gantry import` from other tools, as a team moving in would use it: a dry run first, people and
/// columns mapped, a second import of a newer export updating instead of doubling, and a broken
/// file refused whole.
@Suite struct ImportCommandTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("InterchangeTests/Fixtures/" + name).path
    }

    @Test func aDryRunSaysWhatWouldBeCreatedAndWritesNothing() throws {
        let h = try CLIHarness.withProject()
        let before = try h.state()
        let out = try h.expectOK("import", Self.fixture("jira-export.csv"), "--dry-run", "--map-user", "Ben Okafor=ben", "--map-user", "ana.lima=ana")
        #expect(out.contains("Would import jira"))
        #expect(out.contains("4 new cards; column In Review; sprint Sprint 2."), "ben and ana exist, so no members are created: \(out)")
        #expect(out.hasSuffix("Nothing was written (--dry-run).\n"))
        #expect(try h.state() == before)
    }

    @Test func jiraIssuesComeInMappedAndASecondImportUpdatesThem() throws {
        let h = try CLIHarness.withProject()
        h.clock = Date(timeIntervalSince1970: 1_795_694_400 + 7 * 86_400)
        let out = try h.expectOK("import", Self.fixture("jira-export.csv"), "--map-user", "Ben Okafor=ben", "--map-user", "ana.lima=ana",
                                 "--map-column", "In Review=Review")
        #expect(out.contains("4 new cards; sprint Sprint 2"), "\(out)")
        let cards = try #require(try h.json("card", "list", "--json") as? [[String: Any]])
        #expect(cards.count == 4)
        let story = try #require(cards.first { $0["title"] as? String == "Card form, with \"quotes\", commas" })
        #expect(story["column"] as? String == "Done")
        #expect(story["assignee"] as? String == "ben")
        #expect(story["estimate"] as? Double == 5)
        #expect(cards.first { $0["title"] as? String == "Refund fails for 日本語 names" }?["column"] as? String == "Review")
        let cycle = try h.expectOK("report", "cycle-time", "--from", "2026-10-01")
        #expect(cycle.contains("all (1)      cycle  8d"), "created 3 Nov, resolved 12 Nov: \(cycle)")

        let newer = try String(contentsOfFile: Self.fixture("jira-export.csv"), encoding: .utf8)
            .replacingOccurrences(of: "Write docs", with: "Write the docs").replacingOccurrences(of: "\"To Do\"", with: "\"In Progress\"")
            .replacingOccurrences(of: ",To Do,", with: ",In Progress,")
        try newer.write(toFile: h.dir + "/newer.csv", atomically: true, encoding: .utf8)
        let again = try h.expectOK("import", "newer.csv", "--map-user", "Ben Okafor=ben", "--map-user", "ana.lima=ana", "--map-column", "In Review=Review")
        #expect(again.contains("1 card updated; 3 cards unchanged"), "\(again)")
        let after = try #require(try h.json("card", "list", "--json") as? [[String: Any]])
        #expect(after.count == 4, "updated, not doubled")
        let docs = try #require(after.first { ($0["title"] as? String)?.hasPrefix("Write") == true })
        #expect(docs["title"] as? String == "Write the docs")
        #expect(docs["column"] as? String == "In progress")
    }

    @Test func aBrokenFileImportsNothingAndNamesThePlace() throws {
        let h = try CLIHarness.withProject()
        let before = try h.state()
        let csv = "\u{FEFF}Summary,Issue key,Created\r\nFine,PAY-1,01/Nov/26 9:00 AM\r\nBroken,PAY-2,someday\r\n"
        try csv.write(toFile: h.dir + "/broken.csv", atomically: true, encoding: .utf8)
        let r = h.run("import", "broken.csv")
        #expect(r.status == 2)
        #expect(r.err.contains("broken.csv (jira): row 3 (PAY-2), Created: \"someday\" is not a date Jira writes"), "\(r.err)")
        #expect(r.err.contains("Nothing was imported."))
        #expect(try h.state() == before)
        try "{\"items\": [".write(toFile: h.dir + "/cut.json", atomically: true, encoding: .utf8)
        let cut = h.run("import", "cut.json", "--from", "github")
        #expect(cut.status == 2 && cut.err.contains("not valid JSON"), "\(cut.err)")
        try "hello".write(toFile: h.dir + "/what.txt", atomically: true, encoding: .utf8)
        #expect(h.run("import", "what.txt").err.contains("Cannot tell what what.txt is; give --from with one of: gantry, trello, jira, github, taskwarrior, mspdi."))
        #expect(h.run("import", Self.fixture("jira-export.csv"), "--map-user", "nobody").err.contains("\"nobody\" is not FROM=TO"))
        #expect(try h.state() == before)
    }

    @Test func trelloIntoANewProjectThenGitHubIssuesAndTheirProject() throws {
        let h = try CLIHarness()
        let out = try h.expectOK("import", Self.fixture("trello-board.json"))
        #expect(out.contains("into a new project at"))
        #expect(out.contains("3 new cards; board Mobile App — Sprint Board; members jdoe, mmuller"), "\(out)")
        #expect(try h.expectOK("card", "list", "--board", "Mobile App — Sprint Board").contains("Login with passkeys 🔑"))
        let all = try h.expectOK("import", Self.fixture("trello-board.json"), "--archived")
        #expect(all.contains("2 new cards; 3 cards unchanged"), "\(all)")
        try h.expectOK("import", Self.fixture("gh-issues.json"))
        let project = try h.expectOK("import", Self.fixture("gh-project-items.json"))
        #expect(project.contains("2 new cards; 1 card updated"), "issue 12 is the same card in both: \(project)")
    }

    @Test func msProjectPlanBecomesTheTimelineAndExportsBack() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("import", Self.fixture("projectlibre.xml"))
        let tasks = try h.expectOK("task", "list")
        #expect(tasks.contains("▸ Preparation") && tasks.contains("◆ Open new site"))
        try h.expectOK("export", "--format", "mspdi", "--output", "back.xml")
        let h2 = try CLIHarness.withProject()
        try h2.expectOK("import", h.dir + "/back.xml")
        #expect(try h2.expectOK("schedule") == (try h.expectOK("schedule")), "the same plan after a round trip through MS Project XML")
    }

    @Test func exportAndImportHelpListTheFormatsAndWhatTheyDrop() throws {
        let h = try CLIHarness()
        let export = h.run("export", "--help").out
        for format in ["json", "tjp", "csv", "mermaid", "ical", "mspdi"] { #expect(export.contains("  \(format) "), "\(format)") }
        #expect(export.contains("Leaves out"))
        let imports = h.run("import", "--help").out
        for format in ["gantry", "trello", "jira", "github", "taskwarrior", "mspdi"] { #expect(imports.contains("  \(format) "), "\(format)") }
        #expect(imports.contains("--map-user") && imports.contains("--map-column") && imports.contains("--dry-run"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/icalendar"), "python3-icalendar is not installed; .ci/run installs it"))
    func theCalendarParsesInAStrictICalendarReader() throws {
        let h = try CLIHarness()
        try h.expectOK("demo", "--output", "sample.sqlite")
        try h.expectOK("export", "--format", "ical", "--project", "sample.sqlite", "--output", "plan.ics")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", """
            import sys, datetime, icalendar
            data = open(sys.argv[1], 'rb').read()
            cal = icalendar.Calendar.from_ical(data)
            events = [c for c in cal.walk('VEVENT')]
            assert len(events) == data.count(b'BEGIN:VEVENT'), 'every event read'
            assert all(e.errors == [] for e in events), [e.errors for e in events if e.errors]
            for e in events:
                assert type(e.decoded('DTSTART')) is datetime.date and e.decoded('DTEND') > e.decoded('DTSTART'), e
                assert str(e['UID']).endswith('@gantry')
            print(len(events), sorted({e['CATEGORIES'].to_ical().decode() for e in events}))
            """, h.dir + "/plan.ics"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 0, "\(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        #expect(text.contains("['Deadline', 'Due', 'Milestone', 'Review', 'Sprint']"), "\(text)")
    }
}
