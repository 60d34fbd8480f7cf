import Foundation
import Testing
import Planning
import PlanStore
@testable import GantryCLI

@Suite struct CapacityCommandsTests {
    /// A project starting Monday 30 November with a holiday on Wednesday 2 December and a
    /// five-day task T-1; the clock is Thursday 26 November.
    static func withTask() throws -> CLIHarness {
        let h = try CLIHarness.withProject()
        try h.expectOK("project", "set", "--start", "2026-11-30")
        try h.expectOK("calendar", "holiday", "add", "2026-12-02", "--name", "Founders' day")
        try h.expectOK("task", "add", "Build", "--duration", "5")
        return h
    }

    @Test func effortLeaveAndPartTimeShowInTheWorkload() throws {
        let h = try Self.withTask()
        #expect(try h.expectOK("task", "assign", "T-1", "ana", "--effort", "5d") == "Assigned ana to T-1 (40h)\n")
        try h.expectOK("member", "leave", "add", "ana", "2026-12-03", "2026-12-04", "--note", "Conference")
        try h.expectOK("member", "edit", "ben", "--capacity", "50%", "--workdays", "mon,tue", "--rate", "600", "--per", "day")
        let table = try h.expectOK("report", "workload", "--from", "2026-11-30", "--to", "2026-12-13")
        #expect(table == """
            MEMBER  11-30   12-07
            ana     32/16!  8/40
            ben     0/8-    0/8-
            allocated/available hours; ! over, - idle

            """)
        let detail = try h.expectOK("report", "workload", "--from", "2026-11-30", "--to", "2026-12-13", "--member", "ana")
        #expect(detail.contains("Week of 2026-11-30:\n  T-1  32h  Build"))
        let json = try #require(try h.json("report", "workload", "--from", "2026-11-30", "--to", "2026-12-06", "--by", "day", "--json") as? [String: Any])
        #expect((json["periods"] as? [String])?.count == 7)
        let leave = try h.expectOK("member", "leave", "list")
        #expect(leave.contains("ana     2026-12-03  2026-12-04  2     Conference"))
        try h.expectOK("member", "leave", "rm", "ana", "2026-12-04")
        #expect(try h.expectOK("member", "leave", "list").hasPrefix("No leave recorded."))
        #expect(try h.expectOK("member", "edit", "ana", "--capacity", "90%")
                == "Edited member ana\nana is on T-1 (40h); see gantry report workload --member ana\n", "editing someone shows what they are down for")
        #expect(try h.expectOK("task", "unassign", "T-1", "ana") == "Unassigned ana from T-1\n")
    }

    @Test func badInputGetsAClearMessageAndChangesNothing() throws {
        let h = try Self.withTask()
        let before = try h.state()
        let negative = h.run("task", "assign", "T-1", "ana", "--effort", "-3d")
        #expect(negative.status == 2)
        #expect(negative.err == "gantry: effort: -24 is out of range; use 0 to 100000 hours\n")
        #expect(h.run("task", "assign", "T-1", "ana", "--effort", "40").err.contains("write hours or working days with their unit, like 40h or 5d"))
        #expect(h.run("task", "assign", "T-1", "ana", "--units", "150%").status == 2)
        let backwards = h.run("member", "leave", "add", "ana", "2026-12-10", "2026-12-01")
        #expect(backwards.err == "gantry: leave: it ends on 2026-12-01, before it starts on 2026-12-10; give the first day, then the last\n")
        #expect(h.run("member", "edit", "ana", "--workdays", "someday").status == 2)
        #expect(h.run("report", "workload", "--by", "month").status == 2)
        #expect(try h.state() == before)
    }

    @Test func hoursOnSprintCardsCountForTheirAssignee() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("sprint", "add", "S1", "--start", "2026-11-26", "--end", "2026-12-02")
        try h.expectOK("card", "add", "Fix login", "--assignee", "ben", "--hours", "10", "--sprint", "S1", "--column", "To do")
        try h.expectOK("sprint", "start", "S1")
        let json = try #require(try h.json("report", "workload", "--from", "2026-11-26", "--to", "2026-12-02", "--by", "day", "--member", "ben", "--json") as? [String: Any])
        let cells = try #require(((json["members"] as? [[String: Any]])?.first?["cells"]) as? [[String: Any]])
        // Thursday, Friday, Monday, Tuesday, Wednesday: two hours each.
        #expect(cells.map { $0["allocated"] as? Int } == [2, 2, 0, 0, 2, 2, 2])
    }
}

@Suite struct CostCommandsTests {
    @Test func loggedTimeAndCostsGiveEarnedValue() throws {
        let h = try CapacityCommandsTests.withTask()
        try h.expectOK("member", "edit", "ana", "--rate", "100")
        try h.expectOK("task", "edit", "T-1", "--duration", "10", "--progress", "40")
        try h.expectOK("task", "assign", "T-1", "ana", "--effort", "100h")
        try h.expectOK("baseline", "save", "Plan")
        for day in ["2026-11-30", "2026-12-01", "2026-12-03", "2026-12-04", "2026-12-07"] {
            try h.expectOK("time", "add", "T-1", "ana", "9h", "--date", day)
        }
        let report = try h.expectOK("report", "evm", "--as-of", "2026-12-07")
        #expect(report.contains("BAC 10000  PV 5000  EV 4000  AC 4500"))
        #expect(report.contains("SV -1000  CV -500  SPI 0.80 (red)  CPI 0.89 (amber)"))
        #expect(report.contains("EAC 11250  ETC 6750  VAC -1250"))
        try h.expectOK("cost", "add", "T-1", "Sandbox licence", "1200", "--paid", "2026-12-01")
        let json = try #require(try h.json("report", "evm", "--as-of", "2026-12-07", "--json") as? [String: Any])
        let project = try #require(json["project"] as? [String: Any])
        #expect(project["bac"] as? Int == 11_200)
        #expect(project["ac"] as? Int == 5_700)
        #expect(try h.expectOK("time", "list", "T-1").contains("2026-12-07  T-1   ana     9"))
    }

    /// Progress reported on the Friday counts for that week's earned value; the status date
    /// takes today's; planned runs on to the finish.
    @Test func theBudgetBurnWeekByWeek() throws {
        let h = try CapacityCommandsTests.withTask()
        try h.expectOK("member", "edit", "ana", "--rate", "100")
        try h.expectOK("task", "edit", "T-1", "--duration", "10")
        try h.expectOK("task", "assign", "T-1", "ana", "--effort", "100h")
        for day in ["2026-11-30", "2026-12-01", "2026-12-03", "2026-12-04", "2026-12-07"] {
            try h.expectOK("time", "add", "T-1", "ana", "9h", "--date", day)
        }
        h.clock = Day("2026-12-04")!.start().addingTimeInterval(16 * 3600)
        try h.expectOK("task", "edit", "T-1", "--progress", "20")
        h.clock = Day("2026-12-07")!.start().addingTimeInterval(16 * 3600)
        try h.expectOK("task", "edit", "T-1", "--progress", "40")
        let table = try h.expectOK("report", "budget")
        #expect(table == """
            Budget burn in EUR (cumulative; at completion 10000):
            WEEK TO              PLANNED  EARNED  ACTUAL
            2026-12-06           4000     2000    3600
            2026-12-07 (status)  5000     4000    4500
            2026-12-13           9000
            2026-12-20           10000

            """)
        let json = try #require(try h.json("report", "budget", "--as-of", "2026-12-06", "--json") as? [String: Any])
        let weeks = try #require(json["weeks"] as? [[String: Any]])
        #expect(weeks.first?["earned"] as? Int == 2000 && weeks.first?["actual"] as? Int == 3600)
        #expect(weeks.last?["earned"] is NSNull, "nothing earned after the status date")
    }

    @Test func phasesRunOverTheirBudgetAtTheCostPerformanceSoFar() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("project", "set", "--start", "2026-11-30")
        try h.expectOK("calendar", "holiday", "add", "2026-12-02", "--name", "Founders' day")
        try h.expectOK("task", "add", "Payments", "--duration", "0")
        try h.expectOK("task", "add", "Build", "--duration", "5", "--phase", "T-1")
        try h.expectOK("member", "edit", "ana", "--rate", "100")
        try h.expectOK("task", "edit", "T-2", "--progress", "50")
        try h.expectOK("task", "assign", "T-2", "ana", "--effort", "40h")
        try h.expectOK("task", "edit", "T-1", "--budget", "5000")
        try h.expectOK("project", "set", "--budget", "6000", "--currency", "usd")
        try h.expectOK("time", "add", "T-2", "ana", "8h", "--date", "2026-11-30")
        try h.expectOK("time", "add", "T-2", "ana", "8h", "--date", "2026-12-01")
        try h.expectOK("time", "add", "T-2", "ana", "8h", "--date", "2026-12-03")
        // Half of a 4,000 budget done for 2,400: CPI 0.83, at completion 4,800 (under 5,000).
        let within = try #require(try h.json("report", "cost", "--as-of", "2026-12-04", "--json") as? [String: Any])
        #expect(within["currency"] as? String == "USD")
        let phase = try #require((within["phases"] as? [[String: Any]])?.first)
        #expect(phase["key"] as? String == "T-1" && phase["planned"] as? Int == 4000 && phase["actual"] as? Int == 2400)
        #expect(phase["eac"] as? Int == 4800 && phase["overrun"] as? Bool == false)
        try h.expectOK("cost", "add", "T-2", "Hardware", "1500", "--paid", "2026-12-02")
        let over = try h.expectOK("report", "cost", "--as-of", "2026-12-04")
        // Planned 5,500 with the hardware; 2,750 earned for 3,900: at completion 7,800.
        #expect(over.contains("T-1      5000    5500     3900    7800 !"), "\(over)")
        #expect(h.run("project", "set", "--currency", "euro").status == 2)
    }

    @Test func badCostInputIsRefusedAndChangesNothing() throws {
        let h = try CapacityCommandsTests.withTask()
        let before = try h.state()
        #expect(h.run("time", "add", "T-1", "ana", "0h").err == "gantry: hours: 0 is out of range; log more than 0 and at most 24 hours a day\n")
        #expect(h.run("time", "add", "T-1", "ana", "30h").err == "gantry: hours: 30 is out of range; log more than 0 and at most 24 hours a day\n")
        #expect(h.run("time", "add", "T-9", "ana", "2h").err.hasPrefix("gantry: No task named \"T-9\"."), "time on a task that does not exist")
        #expect(h.run("cost", "add", "T-1", "Licence", "-5").status == 2)
        #expect(try h.state() == before)
        try h.expectOK("time", "add", "T-1", "ana", "2h")
        let removal = h.run("task", "rm", "T-1")
        #expect(removal.status == 1)
        #expect(removal.err.contains("T-1 has 2h of logged time; they are the project's actual cost, so it stays."))
    }
}

@Suite struct LevellingCommandTests {
    @Test func levellingShowsWhatMovesAndSavesOnlyWhenAsked() throws {
        let h = try CapacityCommandsTests.withTask()
        try h.expectOK("task", "add", "Review", "--duration", "2")
        try h.expectOK("task", "assign", "T-1", "ana")
        try h.expectOK("task", "assign", "T-2", "ana")
        let before = try h.state()
        let shown = try h.expectOK("schedule", "--level")
        #expect(shown.hasPrefix("""
            Levelled: 1 task moved; the finish goes from 2026-12-07 to 2026-12-09.
              T-2  2026-11-30 → 2026-12-08  (5 working days later)  Review
            Nothing saved; --save keeps this plan.
            """), "\(shown)")
        #expect(try h.state() == before, "nothing saved without --save")
        #expect(h.run("schedule", "--save").status == 2)
        try h.expectOK("schedule", "--level", "--save")
        let task = try #require(try h.json("task", "show", "T-2", "--json") as? [String: Any])
        #expect(task["start"] as? String == "2026-12-08")
        #expect(try h.expectOK("schedule", "--level").hasPrefix("Levelled: no task had to move."))
    }
}
