import Foundation
import Planning
import Testing
@testable import GantryCLI

@Suite struct RaidCommandsTests {
    @Test func addListShowEditCloseRemove() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Payments API")
        #expect(try h.expectOK("risk", "add", "Vendor slips", "--probability", "4", "--impact", "5", "--owner", "ben",
                               "--strategy", "mitigate", "--review", "+7d", "--link", "GAN-1") == "Added R-1 \"Vendor slips\"\n")
        try h.expectOK("risk", "add", "Small thing", "--probability", "1", "--impact", "2")
        let list = try h.expectOK("risk", "list")
        #expect(list.contains("R-1  20 (4×5)  critical  →      ben"))
        #expect(list.split(separator: "\n")[1].hasPrefix("R-1"), "highest score first")
        let notCritical = try h.expectOK("risk", "list", "-band:critical")
        #expect(notCritical.contains("R-2") && !notCritical.contains("R-1 "), "a query may start with a negated term")
        let json = try #require(try h.json("risk", "show", "R-1", "--json") as? [String: Any])
        #expect(json["score"] as? Int == 20)
        #expect(json["band"] as? String == "critical")
        #expect(json["links"] as? [String] == ["GAN-1"])
        #expect(json["reviewDate"] as? String == "2026-12-03")
        try h.expectOK("risk", "edit", "R-1", "--probability", "2")
        let shown = try h.expectOK("risk", "show", "R-1")
        #expect(shown.contains("\nReview date: 2026-12-03\n") && shown.contains("\nLinks: GAN-1\n"), "labels in words: \(shown)")
        #expect((try h.json("risk", "show", "R-1", "--json") as? [String: Any])?["trend"] as? String == "falling")
        let card = try #require(try h.json("card", "show", "GAN-1", "--json") as? [String: Any])
        #expect(card["raid"] as? [String] == ["R-1"])
        #expect(try h.expectOK("card", "show", "GAN-1").contains("RAID: R-1 risk high (open)"))
        try h.expectOK("risk", "close", "R-2")
        #expect(!(try h.expectOK("risk", "list")).contains("R-2"))
        #expect(try h.expectOK("risk", "list", "--all").contains("R-2"))
        try h.expectOK("risk", "rm", "R-2")
        #expect(h.run("risk", "show", "R-2").status == 2)
    }

    @Test func everyLogHasItsKeysAndFields() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("assumption", "add", "Users have accounts", "--owner", "ana", "--due", "2026-12-01")
        try h.expectOK("issue", "add", "Checkout down", "--severity", "critical", "--due", "tomorrow")
        try h.expectOK("dependency", "add", "Sandbox keys", "--on", "Payment provider", "--due", "+3d")
        try h.expectOK("decision", "add", "Use Postgres", "--decided-by", "ana", "--decided-on", "today", "--rationale", "Known")
        #expect(try h.expectOK("assumption", "list").contains("A-1  ana    2026-12-01   open    Users have accounts"))
        #expect(try h.expectOK("issue", "list").contains("I-1  critical"))
        #expect(try h.expectOK("dependency", "list").contains("D-1  Payment provider"))
        #expect(try h.expectOK("decision", "list").contains("DEC-1  2026-11-26  ana"))
        try h.expectOK("assumption", "close", "A-1", "--as", "invalid")
        #expect((try h.json("assumption", "show", "A-1", "--json") as? [String: Any])?["status"] as? String == "invalid")
        let wrongType = h.run("issue", "show", "A-1")
        #expect(wrongType.status == 2)
        #expect(wrongType.err == "gantry: key: A-1 is an assumption, not an issue; use gantry assumption …\n")
    }

    @Test func occurTurnsARiskIntoAnIssue() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Payments")
        try h.expectOK("risk", "add", "Fraud spike", "--probability", "3", "--impact", "4", "--link", "GAN-1")
        #expect(try h.expectOK("risk", "occur", "R-1") == "R-1 occurred: opened I-1 \"Fraud spike\"\n")
        let issue = try #require(try h.json("issue", "show", "I-1", "--json") as? [String: Any])
        #expect(issue["origin"] as? String == "R-1")
        #expect(issue["links"] as? [String] == ["GAN-1"])
        #expect(issue["severity"] as? String == "high")
        #expect(h.run("risk", "occur", "R-1").status == 1)
        #expect(try h.expectOK("log", "--limit", "1").contains("R-1 closed at: none → 2026-11-26 12:00 UTC"), "times read as times")
        try h.expectOK("undo")
        #expect(h.run("issue", "show", "I-1").status == 2)
    }

    @Test func linkUnlinkSummaryAndBands() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "A")
        try h.expectOK("risk", "add", "R", "--probability", "3", "--impact", "3")
        try h.expectOK("raid", "link", "R-1", "GAN-1")
        #expect(h.run("raid", "link", "R-1", "GAN-1").status == 1)
        #expect(try h.expectOK("card", "show", "GAN-1").contains("RAID: R-1 risk medium"))
        try h.expectOK("raid", "unlink", "R-1", "GAN-1")
        #expect(!(try h.expectOK("card", "show", "GAN-1")).contains("RAID:"))
        try h.expectOK("raid", "bands", "4,8,15")
        #expect(try h.expectOK("risk", "list").contains("9 (3×3)  high"))
        #expect(h.run("raid", "bands", "9,8,7").status == 2)
        let summary = try #require(try h.json("raid", "summary", "--json") as? [String: Any])
        #expect((summary["openRisksByBand"] as? [String: Int])?["high"] == 1)
        #expect(try h.expectOK("raid", "summary").contains("Top risks:\n  R-1  9 high"))
    }

    /// Every field a person can edit is settable with --set by its name, and shows in JSON
    /// under its JSON name, with no code for the field in the command line.
    @Test func setReachesEveryDescribedFieldAndJSONShowsIt() throws {
        let h = try CLIHarness.withProject()
        let samples: [RaidType: [(String, String, String)]] = [
            .risk: [("probability", "4", "4"), ("residualImpact", "2", "2"), ("opportunity", "yes", "true"),
                    ("strategy", "exploit", "exploit"), ("trigger", "missed drop", "missed drop"),
                    ("proximity", "2026-12-10", "2026-12-10"), ("reviewDate", "+7d", "2026-12-03")],
            .assumption: [("due", "2026-12-01", "2026-12-01"), ("resolution", "checked", "checked")],
            .dependency: [("dependsOn", "Vendor", "Vendor"), ("due", "+3d", "2026-11-29")],
            .decision: [("decidedBy", "ana", "ana"), ("decidedOn", "today", "2026-11-26"), ("alternatives", "none yet", "none yet")],
            .issue: [("severity", "high", "high"), ("category", "ops", "ops")],
        ]
        for (type, fields) in samples {
            let added = h.run([type.rawValue, "add", "Item"] + fields.flatMap { ["--set", "\($0.0)=\($0.1)"] })
            #expect(added.status == 0, "\(type): \(added.err)")
            let shown = try #require(try h.json([type.rawValue, "show", "\(type.prefix)-1", "--json"]) as? [String: Any])
            for (name, _, expected) in fields {
                let field = try #require(RaidField.named(name))
                let value = shown[field.jsonName(for: type)]
                let text = (value as? Bool).map { "\($0)" } ?? (value.map { "\($0)" } ?? "missing")
                #expect(text == expected, "\(type) \(name) as \(field.jsonName(for: type)): \(shown)")
            }
        }
        let wrong = h.run(["issue", "add", "X", "--set", "probability=3"])
        #expect(wrong.status == 2 && wrong.err.contains("probability: applies to risks only, not to issues"), "\(wrong.err)")
        let unknown = h.run(["risk", "add", "X", "--set", "colour=red"])
        #expect(unknown.status == 2 && unknown.err.contains("--set: \"colour\" is not a field you can set"), "\(unknown.err)")
    }

    @Test func badInputNamesTheFieldAndChangesNothing() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("risk", "add", "Existing", "--probability", "2", "--impact", "2")
        let before = try h.state()
        let cases: [([String], String)] = [
            (["risk", "add", "X", "--probability", "7"], "probability: 7 is out of range; use 1 (lowest) to 5 (highest)"),
            (["risk", "add", "X", "--impact", "high"], "impact: \"high\" is not a number; use 1 (lowest) to 5 (highest)"),
            (["risk", "add", "X", "--owner", "zed"], "No member named \"zed\""),
            (["risk", "add", "X", "--review", "2026-13-01"], "review date: \"2026-13-01\" is not a date Gantry accepts"),
            (["risk", "add", "X", "--strategy", "exploit"], "strategy: \"exploit\" is not a response to a threat; use avoid, mitigate, transfer, accept, escalate"),
            (["risk", "edit", "R-9", "--impact", "2"], "No RAID item named \"R-9\""),
            (["risk", "list", "--sort", "color"], "--sort: \"color\" is not valid"),
            (["risk", "list", "scor>=3"], "unknown field \"scor\""),
            (["decision", "add", "X", "--probability", "3"], "probability: applies to risks only, not to decisions"),
            (["issue", "add", "X", "--severity", "meh"], "severity: \"meh\" is not valid"),
            (["risk", "close", "R-1", "--as", "open"], "open does not close a risk"),
        ]
        for (args, message) in cases {
            let r = h.run(args)
            #expect(r.status == 2, "\(args): \(r.err)")
            #expect(r.err.contains(message), "\(args): \(r.err)")
        }
        #expect(try h.state() == before)
    }

    @Test func theSampleHasARealisticRaidLog() throws {
        let h = try CLIHarness()
        try h.expectOK("demo", "--output", "s.sqlite")
        h.environment["GANTRY_PROJECT"] = h.dir + "/s.sqlite"
        let summary = try #require(try h.json("raid", "summary", "--json") as? [String: Any])
        let byType = try #require(summary["byType"] as? [String: [String: Int]])
        let total = byType.values.reduce(0) { $0 + $1.values.reduce(0, +) }
        #expect((10...16).contains(total))
        #expect(byType["risk"]?["occurred"] == 1)
        #expect(byType.keys.sorted() == ["assumption", "decision", "dependency", "issue", "risk"])
        let issue = try #require(try h.json("issue", "show", "I-1", "--json") as? [String: Any])
        #expect(issue["origin"] as? String == "R-7")
        let risks = try #require(try h.json("risk", "list", "--json") as? [[String: Any]])
        #expect(risks.allSatisfy { !($0["links"] as? [String] ?? []).isEmpty })
        #expect(risks.contains { $0["trend"] as? String == "rising" })
    }
}
