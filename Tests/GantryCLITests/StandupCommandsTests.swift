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
        let out = try h.expectOK("standup", "report")
        #expect(out == today.markdown())
        #expect(out.hasPrefix("# Stand-up 2026-11-26\n\nFacilitator: ana · board Main · 11:53–12:00 UTC (7 min) · timebox 1:30 per speaker\n"))
        #expect(out.contains("| ben | 2:10 | 0:40 |"))
        #expect(out.contains("## Captured\n\n- ana added GAN-4 \"Call the bank\" to To do\n"))
        #expect(try h.expectOK("standup", "report", "--date", "2026-11-25") == yesterday.markdown())
        #expect(try h.expectOK("standup", "report", "--date", "yesterday") == yesterday.markdown())
        let list = try h.expectOK("standup", "list")
        #expect(list.contains("2026-11-25") && list.contains("2026-11-26") && list.contains("FACILITATOR"))
        let json = try #require(try h.json("standup", "report", "--json") as? [[String: Any]])
        #expect(json.first?["facilitator"] as? String == "ana")
        #expect((json.first?["speakers"] as? [[String: Any]])?.last?["seconds"] as? Int == 130)
    }

    @Test func reportSaysWhenThereIsNothingAndRefusesBadDates() throws {
        let h = try CLIHarness.withProject()
        let none = h.run("standup", "report")
        #expect(none.status == 1)
        #expect(none.err == "gantry: No stand-up has been saved yet: run one in the app (key 4) and end it with X.\n")
        let day = h.run("standup", "report", "--date", "2026-11-20")
        #expect(day.status == 1)
        #expect(day.err.contains("No stand-up was saved on 2026-11-20."))
        let bad = h.run("standup", "report", "--date", "someday")
        #expect(bad.status == 2)
        #expect(bad.err.contains("--date"))
    }
}
