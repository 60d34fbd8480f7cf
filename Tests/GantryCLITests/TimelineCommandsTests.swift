import Foundation
import Testing
@testable import GantryCLI

@Suite struct TimelineCommandsTests {
    func plan() throws -> CLIHarness {
        let h = try CLIHarness.withProject()
        try h.expectOK("project", "set", "--start", "2026-11-30")
        try h.expectOK("task", "add", "Build", "--duration", "5")
        try h.expectOK("task", "add", "Spec", "--duration", "3")
        try h.expectOK("task", "link", "T-2", "T-1")
        try h.expectOK("task", "add", "Test", "--duration", "4", "--after", "T-1")
        try h.expectOK("task", "add", "Launch", "--duration", "0", "--after", "T-3", "--deadline", "2026-12-14")
        return h
    }

    /// Two parallel critical tasks feeding a third are two chains, never one invented chain.
    @Test func parallelCriticalTasksPrintAsSeparateChains() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("project", "set", "--start", "2026-11-30")
        try h.expectOK("task", "add", "Backend", "--duration", "3")
        try h.expectOK("task", "add", "Frontend", "--duration", "3")
        try h.expectOK("task", "add", "Launch", "--duration", "2", "--after", "T-1", "--after", "T-2")
        let text = try h.expectOK("schedule")
        #expect(text.hasSuffix("Critical paths:\n  T-1 → T-3\n  T-2 → T-3\n"), "\(text)")
        #expect(!text.contains("T-1 → T-2"))
        let json = try #require(try h.json("schedule", "--json") as? [String: Any])
        #expect(json["criticalChains"] as? [[String]] == [["T-1", "T-3"], ["T-2", "T-3"]])
    }

    @Test func scheduleJSONHasDatesSlackAndTheCriticalPath() throws {
        let h = try plan()
        try h.expectOK("calendar", "holiday", "add", "2026-12-08", "--name", "Holiday")
        let s = try #require(try h.json("schedule", "--json") as? [String: Any])
        #expect(s["projectStart"] as? String == "2026-11-30")
        #expect(s["projectFinish"] as? String == "2026-12-16")
        #expect(s["criticalPath"] as? [String] == ["T-2", "T-1", "T-3", "T-4"])
        let tasks = try #require(s["tasks"] as? [[String: Any]])
        let launch = try #require(tasks.first { $0["key"] as? String == "T-4" })
        #expect(launch["milestone"] as? Bool == true)
        #expect(launch["finish"] as? String == "2026-12-16")
        #expect(launch["deadlineBroken"] as? Bool == true)
        #expect(Set(tasks.first!.keys) == ["key", "name", "phase", "milestone", "duration", "start", "finish", "earlyStart", "earlyFinish",
                                           "lateStart", "lateFinish", "totalSlack", "freeSlack", "critical", "progress", "deadline", "deadlineBroken",
                                           "assignees", "actualStart", "actualFinish"])
        #expect(try h.expectOK("schedule").contains("Critical path: T-2 → T-1 → T-3 → T-4"))
    }

    @Test func comparingAnEmptyPlanSaysSo() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("baseline", "save", "Empty")
        #expect(try h.expectOK("baseline", "compare", "Empty") == "No tasks to compare: the plan has none yet. Add one with: gantry task add NAME --duration 5\n")
    }

    /// `--lag -2` is a lead and `--due -1w` a date last week: values, not unknown options.
    @Test func negativeNumbersAndOffsetsAreValues() throws {
        let h = try plan()
        #expect(try h.expectOK("task", "link", "T-2", "T-3", "--type", "SS", "--lag", "-2") == "Linked T-2 → T-3 (SS -2)\n")
        let tooShort = h.run("task", "add", "Oops", "--duration", "-3")
        #expect(tooShort.status == 2)
        #expect(tooShort.err == "gantry: duration: -3 is out of range; use 0 (a milestone) to 10000 working days\n")
        try h.expectOK("card", "add", "Last week's", "--due", "-1w")
        let card = try #require(try h.json("card", "show", "GAN-1", "--json") as? [String: Any])
        #expect(card["due"] as? String == "2026-11-19")
    }

    @Test func calendarWorkdaysAndHolidays() throws {
        let h = try plan()
        try h.expectOK("calendar", "workdays", "mon,tue,wed,thu")
        let cal = try #require(try h.json("calendar", "show", "--json") as? [String: Any])
        #expect(cal["workdays"] as? [String] == ["mon", "tue", "wed", "thu"])
        try h.expectOK("calendar", "holiday", "add", "2026-12-01")
        #expect(h.run("calendar", "holiday", "add", "2026-12-01").status == 1)
        try h.expectOK("calendar", "holiday", "rm", "2026-12-01")
        #expect(h.run("calendar", "workdays", "someday").status == 2)
    }

    @Test func impactBaselinesAndCycles() throws {
        let h = try plan()
        let impact = try h.expectOK("task", "impact", "T-1", "--slip", "2")
        #expect(impact.contains("T-4 Launch: 2026-12-15 → 2026-12-17 (+2 days)"))
        try h.expectOK("baseline", "save", "Kick-off")
        try h.expectOK("task", "edit", "T-3", "--duration", "6")
        let compare = try #require(try h.json("baseline", "compare", "kick-off", "--json") as? [[String: Any]])
        #expect(compare.first { $0["key"] as? String == "T-4" }?["slip"] as? Int == 2)
        let cycle = h.run("task", "link", "T-4", "T-2")
        #expect(cycle.status == 1)
        #expect(cycle.err.contains("The dependencies form a cycle: T-1 → T-3 → T-4 → T-2 → T-1"))
        #expect(cycle.err.contains("Remove one with gantry task unlink."), "the command line names its own way out")
    }

    @Test func raidItemsLinkToTasks() throws {
        let h = try plan()
        try h.expectOK("risk", "add", "Vendor late", "--probability", "3", "--impact", "4")
        try h.expectOK("raid", "link", "R-1", "T-1")
        #expect((try h.json("risk", "show", "R-1", "--json") as? [String: Any])?["tasks"] as? [String] == ["T-1"])
        try h.expectOK("raid", "unlink", "R-1", "T-1")
        #expect((try h.json("risk", "show", "R-1", "--json") as? [String: Any])?["tasks"] as? [String] == [])
    }

    @Test func cardsShowProgressAgainstTheirTask() throws {
        let h = try plan()
        try h.expectOK("card", "add", "API client")
        try h.expectOK("card", "add", "Retry logic")
        try h.expectOK("task", "card", "link", "T-1", "GAN-1")
        try h.expectOK("task", "card", "link", "T-1", "GAN-2")
        try h.expectOK("card", "move", "GAN-1", "Done")
        try h.expectOK("task", "edit", "T-1", "--progress", "30")
        #expect(try h.expectOK("task", "show", "T-1").contains("Cards: 1 of 2 done against 30% reported (GAN-1 Done, GAN-2 Backlog)"))
        #expect(h.run("task", "card", "link", "T-1", "GAN-1").status == 1)
        try h.expectOK("task", "card", "unlink", "T-1", "GAN-2")
        #expect(try h.expectOK("task", "show", "T-1").contains("Cards: 1 of 1 done"))
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let h = try plan()
        let before = try h.state()
        for (args, message) in [
            (["task", "add", "X", "--duration=-1"], "duration: -1 is out of range"),
            (["task", "add", "X", "--duration", "2", "--after", "T-9"], "No task named \"T-9\""),
            (["task", "link", "T-1", "T-1"], "a task cannot depend on itself"),
            (["task", "link", "T-1", "T-3", "--type", "XX"], "--type: \"XX\" is not valid"),
            (["task", "edit", "T-1", "--progress", "120"], "progress: 120 is out of range"),
            (["project", "set", "--start", "soon"], "--start: \"soon\" is not a date"),
            (["baseline", "compare", "nope"], "No baseline named \"nope\""),
        ] {
            let r = h.run(args)
            #expect(r.status == 2, "\(args): \(r.err)")
            #expect(r.err.contains(message), "\(args): \(r.err)")
        }
        #expect(try h.state() == before)
    }

    @Test func theSampleHasATimeline() throws {
        let h = try CLIHarness()
        try h.expectOK("demo", "--output", "s.sqlite")
        h.environment["GANTRY_PROJECT"] = h.dir + "/s.sqlite"
        let s = try #require(try h.json("schedule", "--json") as? [String: Any])
        let tasks = try #require(s["tasks"] as? [[String: Any]])
        #expect((20...30).contains(tasks.count))
        #expect(tasks.filter { $0["phase"] as? Bool == true }.count == 5)
        #expect(tasks.filter { $0["milestone"] as? Bool == true }.count >= 3)
        let slips = try #require(try h.json("baseline", "compare", "Kick-off", "--json") as? [[String: Any]])
        #expect(slips.contains { ($0["slip"] as? Int ?? 0) > 0 })
    }

    @Test func assigneesAndActualsAreShownAndAsOfSetsTheStatusDate() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("project", "set", "--start", "2026-11-02")
        try h.expectOK("task", "add", "Design", "--duration", "5", "--assignee", "ana", "--assignee", "ben")
        try h.expectOK("task", "add", "Build", "--duration", "3", "--after", "T-1")
        try h.expectOK("task", "edit", "T-1", "--actual-start", "2026-11-02", "--actual-finish", "2026-11-06", "--progress", "100")
        let list = try h.expectOK("task", "list")
        #expect(list.contains("WHO") && list.contains("ana,ben"), "\(list)")
        let show = try h.expectOK("task", "show", "T-1")
        #expect(show.contains("Assignees: ana, ben   Actual start: 2026-11-02   Actual finish: 2026-11-06"), "\(show)")
        let json = try #require(try h.json("task", "show", "T-1", "--json") as? [String: Any])
        #expect(json["assignees"] as? [String] == ["ana", "ben"])
        #expect(json["actualFinish"] as? String == "2026-11-06")
        // Today is Thursday 2026-11-26: Build, at 0%, cannot have happened on 9–11 November.
        let build = try #require(try h.json("task", "show", "T-2", "--json") as? [String: Any])
        #expect(build["start"] as? String == "2026-11-26")
        let later = try #require(try h.json("task", "show", "T-2", "--json", "--as-of", "2026-12-07") as? [String: Any])
        #expect(later["start"] as? String == "2026-12-07", "--as-of moves the status date")
    }
}
