import Foundation
import Testing
import Planning
import PlanStore
@testable import GantryCLI

private func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

@Suite struct SprintCommandsTests {

    /// Sprint 1 from Monday 16 November: GAN-1 (3), GAN-2 (5), GAN-3 (2) committed; GAN-1 done
    /// on the 17th, GAN-4 (4) added on the 18th, GAN-2 done on the 20th.
    static func sprintUnderWay() throws -> CLIHarness {
        let h = try CLIHarness.withProject()
        h.clock = at("2026-11-13T10:00:00Z")
        try h.expectOK("sprint", "add", "Sprint 1", "--start", "2026-11-16", "--end", "2026-11-27")
        try h.expectOK("sprint", "add", "Sprint 2", "--start", "2026-11-30", "--end", "2026-12-11")
        for (title, points) in [("Login", "3"), ("Search", "5"), ("Export", "2")] {
            try h.expectOK("card", "add", title, "--estimate", points, "--column", "To do")
        }
        for key in ["GAN-1", "GAN-2", "GAN-3"] { try h.expectOK("card", "edit", key, "--sprint", "Sprint 1") }
        h.clock = at("2026-11-16T09:00:00Z")
        #expect(try h.expectOK("sprint", "start", "sprint 1", "--goal", "Users can log in and search") == "Started Sprint 1 (3 cards, ends 2026-11-27)\n")
        h.clock = at("2026-11-17T15:00:00Z")
        try h.expectOK("card", "move", "GAN-1", "Done")
        h.clock = at("2026-11-18T10:00:00Z")
        try h.expectOK("card", "add", "Audit log", "--estimate", "4", "--column", "To do", "--sprint", "Sprint 1")
        try h.expectOK("card", "move", "GAN-2", "In progress")
        h.clock = at("2026-11-20T11:00:00Z")
        try h.expectOK("card", "move", "GAN-2", "Done")
        return h
    }

    @Test func theLogNamesTheSprintACardMovedTo() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("sprint", "add", "Sprint 1")
        try h.expectOK("card", "add", "Login")
        try h.expectOK("card", "edit", "GAN-1", "--sprint", "Sprint 1")
        let log = try h.expectOK("log", "--limit", "1")
        #expect(log.contains("GAN-1 sprint: none → Sprint 1"), "\(log)")
    }

    @Test func aSprintRunsFromPlanToReportAndVelocity() throws {
        let h = try Self.sprintUnderWay()
        h.clock = at("2026-11-24T12:00:00Z")
        let burn = try #require(try h.json("report", "burndown", "--json") as? [String: Any])
        let points = try #require(burn["points"] as? [[String: Any]])
        #expect(points.map { $0["remaining"] as? Int } == [10, 7, 11, 11, 6, 6, 6])
        #expect(points.map { $0["scope"] as? Int } == [10, 10, 14, 14, 14, 14, 14])
        #expect(burn["committed"] as? Int == 10)

        #expect(try h.expectOK("card", "list", "sprint:current") .split(separator: "\n").count == 5, "a header and four cards")
        #expect(try h.expectOK("card", "list", "sprint:\"Sprint 1\"", "is:active").contains("GAN-4"))
        #expect(!(try h.expectOK("card", "list", "sprint:none")).contains("GAN-"), "every card is in the sprint")

        h.clock = at("2026-11-27T17:00:00Z")
        let refused = h.run("sprint", "close", "Sprint 1")
        #expect(refused.status == 2)
        #expect(refused.err == "gantry: 2 cards are unfinished in Sprint 1; say where they go: --carry-to \"Sprint 2\" or --carry-to backlog.\n")
        #expect(try h.expectOK("sprint", "close", "Sprint 1", "--carry-to", "Sprint 2") == "Closed Sprint 1: 2 done, 2 carried to Sprint 2\n")
        let report = try #require(try h.json("sprint", "report", "Sprint 1", "--json") as? [String: Any])
        let record = try #require(report["record"] as? [String: [String: Int]])
        #expect(record["committed"] == ["cards": 3, "points": 10])
        #expect(record["added"] == ["cards": 1, "points": 4])
        #expect(record["removed"] == ["cards": 0, "points": 0])
        #expect(record["completed"] == ["cards": 2, "points": 8])
        #expect(record["carriedOver"] == ["cards": 2, "points": 6])
        let markdown = try h.expectOK("sprint", "report", "Sprint 1", "--markdown")
        #expect(markdown.contains("| committed | 3 | 10 |\n| added after start | 1 | 4 |"))
        #expect(markdown.contains("**Goal:** Users can log in and search"))
        #expect(try h.expectOK("report", "velocity") == """
            SPRINT    COMMITTED  COMPLETED
            Sprint 1  10         8
            Average of the last 1: 8 points

            """)
        let list = try h.expectOK("sprint", "list")
        #expect(list.contains("Sprint 1  closed   2026-11-16  2026-11-27  2      8"))
        #expect(list.contains("Sprint 2  planned  2026-11-30  2026-12-11  2      6"))
    }

    @Test func badSprintInputIsRefusedWithAClearMessageAndChangesNothing() throws {
        let h = try Self.sprintUnderWay()
        let before = try h.state()
        let backwards = h.run("sprint", "add", "Sprint 3", "--start", "2026-12-14", "--end", "2026-12-11")
        #expect(backwards.status == 2)
        #expect(backwards.err == "gantry: end: 2026-12-11 is before the start 2026-12-14; a sprint ends on or after the day it starts\n")
        let second = h.run("sprint", "start", "Sprint 2")
        #expect(second.status == 1)
        #expect(second.err == "gantry: Sprint 1 is active on Board; a board runs one sprint at a time. Close it first with: gantry sprint close NAME\n")
        let unknown = h.run("card", "edit", "GAN-1", "--sprint", "Sprint 9")
        #expect(unknown.err == "gantry: No sprint named \"Sprint 9\". Sprints: Sprint 1, Sprint 2.\n")
        let severity = h.run("card", "edit", "GAN-1", "--severity", "S1")
        #expect(severity.err == "gantry: severity: severity is for bugs; GAN-1 is a feature (make it --type bug)\n")
        #expect(try h.state() == before)

        h.clock = at("2026-11-27T17:00:00Z")
        try h.expectOK("sprint", "close", "Sprint 1", "--carry-to", "backlog")
        let closed = try h.state()
        let back = h.run("card", "move", "GAN-1", "In progress")
        #expect(back.status == 1)
        #expect(back.err.contains("GAN-1 was completed in Sprint 1, which is closed; moving it back would rewrite that sprint."))
        #expect(h.run("card", "edit", "GAN-1", "--sprint", "Sprint 2").status == 1)
        #expect(h.run("card", "edit", "GAN-3", "--sprint", "Sprint 1").status == 1, "a closed sprint takes no cards")
        #expect(try h.state() == closed)
    }

    @Test func flowReportsAgreeWithTheHistory() throws {
        let h = try Self.sprintUnderWay()
        h.clock = at("2026-11-24T12:00:00Z")
        let cfd = try #require(try h.json("report", "cfd", "--from", "2026-11-13", "--to", "2026-11-23", "--json") as? [String: Any])
        let days = try #require(cfd["days"] as? [[String: Any]])
        #expect(days.map { $0["day"] as? String } == ["2026-11-13", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23"])
        #expect(days.map { ($0["counts"] as? [Int])?.reduce(0, +) } == [3, 3, 3, 4, 4, 4, 4])
        #expect(days.last?["counts"] as? [Int] == [0, 2, 0, 0, 2])

        let cycle = try #require(try h.json("report", "cycle-time", "--json") as? [String: Any])
        let cards = try #require(cycle["cards"] as? [[String: Any]])
        #expect(cards.map { $0["key"] as? String } == ["GAN-1", "GAN-2"])
        #expect(cards.map { $0["cycleDays"] as? Int } == [1, 3], "GAN-1 skipped In progress: done the day it started")
        #expect(cards.map { $0["leadDays"] as? Int } == [3, 6], "Friday 13 to Tuesday 17 is three working days")

        let a = try h.expectOK("report", "forecast", "--cards", "10", "--seed", "9")
        #expect(a == (try h.expectOK("report", "forecast", "--cards", "10", "--seed", "9")))
        #expect(a.hasPrefix("These 10 cards: 50% by "))
        let by = try #require(try h.json("report", "forecast", "--by", "2026-12-31", "--json") as? [String: Any])
        let atLeast = try #require(by["atLeast"] as? [String: Int])
        #expect(atLeast["p50"]! >= atLeast["p85"]! && atLeast["p85"]! >= atLeast["p95"]!)
        #expect(h.run("report", "forecast", "--cards", "0").status == 2)
        #expect(h.run("report", "cfd", "--from", "2026-12-01", "--to", "2026-11-01").err == "gantry: --from 2026-12-01 is after --to 2026-11-01; give the earlier day first.\n")
    }

    @Test func bugsCarrySeverityAndVersionsAndStandOutPastTheirAgeLimit() throws {
        let h = try CLIHarness.withProject()
        h.clock = at("2026-11-20T10:00:00Z")
        try h.expectOK("card", "add", "Crash on save", "--type", "bug", "--severity", "s1", "--found-in", "2.4.0")
        try h.expectOK("card", "add", "Typo", "--type", "bug", "--severity", "S4")
        try h.expectOK("project", "set", "--bug-age", "S4=2")
        h.clock = at("2026-11-25T10:00:00Z")
        let bugs = try h.expectOK("report", "bugs")
        #expect(bugs.contains("S1 (limit 1d)  GAN-1  3d !"))
        #expect(bugs.contains("S4 (limit 2d)  GAN-2  3d !"))
        #expect(bugs.hasSuffix("2 open, 2 past their severity's age limit (!)\n"))
        #expect(try h.expectOK("card", "list", "severity:S1").contains("Crash on save"))
        let card = try #require(try h.json("card", "show", "GAN-1", "--json") as? [String: Any])
        #expect(card["severity"] as? String == "S1")
        #expect(card["foundIn"] as? String == "2.4.0")
        #expect(h.run("project", "set", "--bug-age", "S5=3").status == 2)
    }
}
