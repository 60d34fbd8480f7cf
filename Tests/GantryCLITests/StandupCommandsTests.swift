import Foundation
import Testing
import Planning
import PlanStore

@Suite struct StandupCommandsTests {
    func record(day: String, ended: Date, facilitator: String = "ana") -> StandupRecord {
        StandupRecord(day: day, facilitator: facilitator, board: "Main", startedAt: ended.addingTimeInterval(-420), endedAt: ended, timebox: 90,
                      speakers: [.init(name: "ana", seconds: 75), .init(name: "ben", seconds: 130)],
                      previousEndedAt: ended.addingTimeInterval(-86_400), moved: ["ben moved GAN-2 To do → In progress"],
                      blockers: ["GAN-3 Login: waiting for keys (ben)"], captured: ["ana added GAN-4 \"Call the bank\" to To do"])
    }

    @Test func reportPrintsTheLatestStandUpAsMarkdown() throws {
        let h = try CLIHarness.withProject()
        let store = try ProjectStore.open(at: h.projectPath)
        let yesterday = record(day: "2026-11-25", ended: CLIHarness.now.addingTimeInterval(-86_400), facilitator: "ben")
        let today = record(day: "2026-11-26", ended: CLIHarness.now)
        try store.saveStandup(yesterday)
        try store.saveStandup(today)
        let out = try h.expectOK("standup", "report", "--utc")
        #expect(out == today.markdown(timeZone: TimeZone(identifier: "UTC")!))
        #expect(out.hasPrefix("# Stand-up 2026-11-26\n\nFacilitator: ana · board Main · 11:53–12:00 UTC (7 min) · timebox 1:30 per speaker\n"))
        #expect(out.contains("| ben | 2:10 | 0:40 |"))
        #expect(out.contains("## Captured\n\n- ana added GAN-4 \"Call the bank\" to To do\n"))
        #expect(try h.expectOK("standup", "report", "--date", "2026-11-25", "--utc") == yesterday.markdown(timeZone: TimeZone(identifier: "UTC")!))
        #expect(try h.expectOK("standup", "report", "--date", "yesterday") == yesterday.markdown())
        let list = try h.expectOK("standup", "list")
        #expect(list.contains("2026-11-25") && list.contains("2026-11-26") && list.contains("FACILITATOR"))
        let json = try #require(try h.json("standup", "report", "--json") as? [[String: Any]])
        #expect(json.first?["facilitator"] as? String == "ana")
        #expect(json.first?["startedAt"] as? String == "2026-11-26T11:53:00Z", "camelCase keys, as every other JSON output")
        #expect(json.first?["recorded"] as? Bool == true)
        #expect(json.first?.keys.contains { $0.contains("_") } == false)
        #expect((json.first?["speakers"] as? [[String: Any]])?.last?["seconds"] as? Int == 130)
    }

    @Test func withNothingSavedTheReportIsTheDigestOfTheLastWorkingDay() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Login page", "--assignee", "ben")
        try h.expectOK("card", "add", "Bank keys", "--assignee", "ana")
        try h.expectOK("card", "move", "GAN-1", "In progress")
        try h.expectOK("card", "block", "GAN-2", "waiting for the bank")
        try h.expectOK("card", "move", "GAN-2", "To do")
        let out = try h.expectOK("standup", "report", "--utc")
        #expect(out.hasPrefix("# Stand-up digest 2026-11-26\n\n_No stand-up was recorded; this is what the walk would show on board Board._\n"), "\(out)")
        // Thursday: the last working day began on Wednesday at midnight.
        #expect(out.contains("## Moved since 2026-11-25 00:00 UTC\n\n- ana moved GAN-1 Backlog → In progress\n"), "\(out)")
        #expect(out.contains("## Blockers\n\n- GAN-2 Bank keys: waiting for the bank (ana)\n"), "\(out)")
        #expect(out.contains("- **ben**\n  - GAN-1 Login page (In progress)\n"), "\(out)")
        #expect(out.contains("- **ana**\n  - GAN-2 Bank keys (To do, blocked)\n"), "\(out)")
        let json = try #require(try h.json("standup", "report", "--json") as? [String: Any])
        #expect(json["recorded"] as? Bool == false)
        #expect((json["blockers"] as? [String])?.count == 1)
        let earlier = h.run("standup", "report", "--date", "2026-11-20")
        #expect(earlier.status == 1)
        #expect(earlier.err.contains("No stand-up was saved on 2026-11-20."))
    }

    @Test func reportSaysWhenThereIsNothingAndRefusesBadDates() throws {
        let h = try CLIHarness.withProject()
        let none = try h.expectOK("standup", "report")
        #expect(none.contains("No stand-up was recorded"))
        #expect(none.contains("_Nothing moved._") && none.contains("_No blocked cards._"))
        let day = h.run("standup", "report", "--date", "2026-11-20")
        #expect(day.status == 1)
        #expect(day.err.contains("No stand-up was saved on 2026-11-20."))
        let bad = h.run("standup", "report", "--date", "someday")
        #expect(bad.status == 2)
        #expect(bad.err.contains("--date"))
    }

    /// Logs and reports are in the reader's time zone and name it; --utc asks for UTC.
    @Test func timesAreLocalAndNamedUnlessUTCIsAskedFor() throws {
        let h = try CLIHarness()
        let made = try BinaryHarness.shell("$GANTRY init --name Zones && $GANTRY card add 'Clock'", in: h.dir)
        #expect(made.status == 0, "\(made.err)")
        let local = try BinaryHarness.shell("TZ=Asia/Kathmandu $GANTRY log --limit 1", in: h.dir)
        let utc = try BinaryHarness.shell("TZ=Asia/Kathmandu $GANTRY log --limit 1 --utc", in: h.dir)
        func minutes(_ line: String) -> Int? {
            let parts = line.split(separator: " ")
            guard parts.count > 2 else { return nil }
            let hm = parts[1].split(separator: ":").compactMap { Int($0) }
            return hm.count == 2 ? hm[0] * 60 + hm[1] : nil
        }
        let l = try #require(minutes(local.out)), u = try #require(minutes(utc.out))
        #expect((l - u + 1440) % 1440 == 345, "Kathmandu is UTC+5:45: \(local.out) / \(utc.out)")
        #expect(utc.out.split(separator: " ")[2] == "UTC")
        #expect(!local.out.contains("UTC"), "a local time is never labelled UTC: \(local.out)")
    }
}
