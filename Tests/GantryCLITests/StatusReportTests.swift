import Foundation
import Testing
@testable import GantryCLI

/// `gantry report status`: each area's colour follows its stated rule as the project changes,
/// and the three formats carry the same report.
@Suite struct StatusReportTests {
    /// Build (5 days) then the Launch milestone, a baseline, a risk and a sprint of 8 points.
    static func project() throws -> CLIHarness {
        let h = try CLIHarness.withProject()
        try h.expectOK("project", "set", "--start", "2026-11-30")
        try h.expectOK("task", "add", "Build", "--duration", "5")
        try h.expectOK("task", "add", "Launch", "--duration", "0", "--after", "T-1")
        try h.expectOK("baseline", "save", "Plan")
        try h.expectOK("sprint", "add", "Sprint 1", "--start", "2026-11-23", "--end", "2026-12-04")
        try h.expectOK("card", "add", "Login", "--estimate", "3", "--column", "To do", "--sprint", "Sprint 1")
        try h.expectOK("card", "add", "Search", "--estimate", "5", "--column", "To do", "--sprint", "Sprint 1")
        try h.expectOK("sprint", "start", "Sprint 1")
        return h
    }

    static func areas(_ h: CLIHarness) throws -> [String: (rag: String?, rule: String)] {
        let report = try #require(try h.json("report", "status", "--format", "json") as? [String: Any])
        let areas = try #require(report["areas"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: areas.map { ($0["name"] as! String, (rag: $0["rag"] as? String, rule: $0["rule"] as! String)) })
    }

    @Test func scheduleFollowsMilestoneSlipAgainstTheBaseline() throws {
        let h = try Self.project()
        #expect(try Self.areas(h)["Schedule"]?.rag == "green")
        try h.expectOK("task", "edit", "T-1", "--duration", "8")
        let amber = try #require(try Self.areas(h)["Schedule"])
        #expect(amber.rag == "amber")
        #expect(amber.rule.contains("T-2 Launch is 5 days late"), "Fri 4 Dec → Wed 9 Dec: \(amber.rule)")
        try h.expectOK("task", "edit", "T-1", "--duration", "12")
        #expect(try Self.areas(h)["Schedule"]?.rag == "red")
        let json = try #require(try h.json("report", "status", "--format", "json") as? [String: Any])
        let launch = try #require((json["milestones"] as? [[String: Any]])?.first)
        #expect(launch["baseline"] as? String == "2026-12-04")
        #expect(launch["forecast"] as? String == "2026-12-15")
        #expect(launch["slipDays"] as? Int == 11)
    }

    @Test func withoutABaselineTheScheduleIsNotRatedAndSaysWhy() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("task", "add", "Build", "--duration", "5")
        let schedule = try #require(try Self.areas(h)["Schedule"])
        #expect(schedule.rag == nil)
        #expect(schedule.rule.contains("gantry baseline save"))
        let md = try h.expectOK("report", "status")
        #expect(md.contains("| Schedule | NOT RATED |"))
        #expect(md.contains("| Budget | NOT RATED |"))
    }

    @Test func scopeChangeInTheSprintSetsTheScopeArea() throws {
        let h = try Self.project()
        #expect(try Self.areas(h)["Scope"]?.rag == "green")
        h.clock += 3600
        try h.expectOK("card", "add", "Audit", "--estimate", "2", "--column", "To do", "--sprint", "Sprint 1")
        let amber = try #require(try Self.areas(h)["Scope"])
        #expect(amber.rag == "amber", "2 added to 8 committed is 25%: \(amber.rule)")
        #expect(amber.rule.contains("scope changed 25%"))
        try h.expectOK("card", "add", "Export", "--estimate", "1", "--column", "To do", "--sprint", "Sprint 1")
        #expect(try Self.areas(h)["Scope"]?.rag == "red")
    }

    @Test func risksAboveTheAppetiteTurnTheRiskAreaRed() throws {
        let h = try Self.project()
        try h.expectOK("risk", "add", "Vendor late", "--probability", "3", "--impact", "4", "--owner", "ben", "--strategy", "mitigate")
        let red = try #require(try Self.areas(h)["Risks"])
        #expect(red.rag == "red")
        #expect(red.rule.contains("R-1 above the appetite of 9"), "the default appetite is below the high band: \(red.rule)")
        try h.expectOK("raid", "appetite", "12")
        #expect(try Self.areas(h)["Risks"]?.rag == "green")
        h.clock += 86_400
        try h.expectOK("risk", "edit", "R-1", "--probability", "4")
        let report = try #require(try h.json("report", "status", "--format", "json") as? [String: Any])
        let top = try #require((report["topRisks"] as? [[String: Any]])?.first)
        #expect(top["score"] as? Int == 16)
        #expect(top["trend"] as? String == "rising")
        #expect(top["overAppetite"] as? Bool == true)
        let heat = try #require(report["heatMap"] as? [[Int]])
        #expect(heat[1][3] == 1, "probability 4 is the second row, impact 4 the fourth column")
        #expect(heat.joined().reduce(0, +) == 1)
        #expect(h.run("raid", "appetite", "30").status == 2)
        #expect(h.run("raid", "appetite", "high").err.contains("a score from 1 to 25"))
    }

    @Test func decisionsBlockersAndChangesSinceAreListed() throws {
        let h = try Self.project()
        try h.expectOK("decision", "add", "Ship guest checkout first", "--decided-by", "ana", "--decided-on", "2026-11-25",
                       "--rationale", "Half of buyers have no account")
        try h.expectOK("decision", "add", "Old decision", "--decided-on", "2026-10-01")
        try h.expectOK("card", "block", "GAN-1", "Waiting for <sandbox> credentials")
        let md = try h.expectOK("report", "status", "--since", "2026-11-20")
        #expect(md.contains("DEC-1 Ship guest checkout first (2026-11-25, ana): Half of buyers have no account"))
        let decisions = try #require(md.components(separatedBy: "\n## ").first { $0.hasPrefix("Decisions since") })
        #expect(decisions.contains("DEC-1") && !decisions.contains("Old decision"), "decided before --since: \(decisions)")
        #expect(md.contains("GAN-1 Login in To do: Waiting for \\<sandbox\\> credentials"))
        #expect(md.contains("## Changes since 2026-11-20"))
        #expect(md.contains("ana: started Sprint 1"))
        #expect(md.contains("- Day 4 of 10; 0 points done of 8 points in scope, 8 points to go"))
        let html = try h.expectOK("report", "status", "--format", "html")
        #expect(html.contains("Waiting for &lt;sandbox&gt; credentials"))
        #expect(!html.contains("<sandbox>"))
    }

    @Test func hostileTextCannotBreakOutOfThePage() throws {
        let h = try Self.project()
        try h.expectOK("risk", "add", "</td><script>alert(1)</script>", "--probability", "5", "--impact", "5", "--owner", "ana")
        try h.expectOK("card", "block", "GAN-2", "\"quoted\" & 'single' <b>bold</b>")
        let html = try h.expectOK("report", "status", "--format", "html")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&quot;quoted&quot; &amp; &#39;single&#39; &lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains("&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func writesTheReportToAFileAndRefusesBadInput() throws {
        let h = try Self.project()
        let out = try h.expectOK("report", "status", "--format", "html", "--output", "status.html")
        #expect(out == "Wrote status.html (status report, green overall).\n")
        let page = try String(contentsOfFile: h.dir + "/status.html", encoding: .utf8)
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains("<svg"), "the burndown and heat map are inline")
        #expect(!page.contains("http://") && !page.contains("https://"), "nothing is fetched from the network")
        let late = h.run("report", "status", "--since", "2027-01-01")
        #expect(late.status == 2)
        #expect(late.err.contains("--since 2027-01-01 is after today"))
        #expect(h.run("report", "status", "--format", "pdf").status == 2)
        #expect(h.run("report", "status", "--output", "no/such/dir/x.md").err.contains("there is no folder"))
    }

    @Test func afterGantryDemoTheReportSaysWhereTheSampleIs() throws {
        let h = try CLIHarness()
        h.environment["XDG_DATA_HOME"] = h.dir + "/data"
        let plain = h.run("report", "status")
        #expect(plain.err.contains("try the sample with `gantry demo`"))
        try FileManager.default.createDirectory(atPath: h.dir + "/data/gantry", withIntermediateDirectories: true)
        try h.expectOK("demo", "--output", h.dir + "/data/gantry/demo.sqlite")
        let r = h.run("report", "status", "--format", "html")
        #expect(r.status == 1)
        #expect(r.err.contains("The sample from `gantry demo` is \(h.dir)/data/gantry/demo.sqlite: add --project"), "\(r.err)")
        let page = try h.expectOK("report", "status", "--format", "html", "--project", h.dir + "/data/gantry/demo.sqlite")
        #expect(page.contains("<title>Status: Checkout Revamp"))
    }
}
