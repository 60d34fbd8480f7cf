import Foundation
import Testing
@testable import Planning

/// The textbook case: a 10,000 budget, half the time gone, 40% done, 4,500 spent.
/// PV 5,000, EV 4,000, AC 4,500: SV −1,000, CV −500, SPI 0.8, CPI 0.889, EAC 11,250,
/// ETC 6,750, VAC −1,250.
@Suite struct EarnedValueTests {
    @Test func theTextbookExample() throws {
        var p = try WorkloadTests.project()
        try p.apply(try p.editMember(try p.member(handle: "ana"), name: nil, role: nil, capacity: nil, costRate: 100))
        var t = try p.task(key: "T-1")
        try p.apply(try p.editTask(t, name: nil, duration: 10, startNoEarlier: nil, deadline: nil, progress: 40, assignees: nil, actualStart: nil, actualFinish: nil))
        t = try p.task(key: "T-1")
        try p.apply(try p.assign(try p.member(handle: "ana"), to: t, effortHours: 100, units: nil))
        // From Monday 30 November, Wednesday 2 December a holiday: the status date is the fifth
        // of the task's ten working days.
        let status = Day("2026-12-07")!   // Mon 30, Tue 1, Thu 3, Fri 4, Mon 7: five of ten
        for (day, hours) in [("2026-11-30", 9.0), ("2026-12-01", 9), ("2026-12-03", 9), ("2026-12-04", 9), ("2026-12-07", 9), ("2026-12-08", 8)] {
            try p.apply(try p.logTime(try p.member(handle: "ana"), on: t, hours: hours, day: Day(day)!))
        }
        let ev = EarnedValue.compute(p, schedule: try Scheduler.schedule(p, today: status), asOf: status)
        let f = ev.project
        #expect(f.bac == 10_000)
        #expect(f.pv == 5_000)
        #expect(f.ev == 4_000)
        #expect(f.ac == 4_500, "the hours logged after the status date do not count")
        #expect(f.sv == -1_000)
        #expect(f.cv == -500)
        #expect(f.spi == 0.8)
        #expect(abs(f.cpi! - 0.8889) < 0.0001)
        #expect(abs(f.eac! - 11_250) < 0.001)
        #expect(abs(f.etc! - 6_750) < 0.001)
        #expect(abs(f.vac! + 1_250) < 0.001)
        #expect(EarnedValue.rag(f.spi) == .red)
        #expect(EarnedValue.rag(f.cpi) == .amber)
        // Actuals keep the task: it cannot be removed with time logged on it.
        #expect(throws: PlanningError.self) { try p.removeTask(t) }
        #expect(throws: PlanningError.self) { try p.logTime(try p.member(handle: "ana"), on: t, hours: -2, day: status) }
    }

    /// The same task week by week: planned accrues over its working days to the budget; actual
    /// and earned stop at the status date, earned from the progress the journal had each week.
    @Test func theBudgetBurnWeekByWeek() throws {
        var p = try WorkloadTests.project()
        try p.apply(try p.editMember(try p.member(handle: "ana"), name: nil, role: nil, capacity: nil, costRate: 100))
        var t = try p.task(key: "T-1")
        try p.apply(try p.editTask(t, name: nil, duration: 10, startNoEarlier: nil, deadline: nil, progress: nil, assignees: nil, actualStart: nil, actualFinish: nil))
        t = try p.task(key: "T-1")
        try p.apply(try p.assign(try p.member(handle: "ana"), to: t, effortHours: 100, units: nil))
        for (day, hours) in [("2026-11-30", 9.0), ("2026-12-01", 9), ("2026-12-03", 9), ("2026-12-04", 9), ("2026-12-07", 9), ("2026-12-08", 8)] {
            try p.apply(try p.logTime(try p.member(handle: "ana"), on: t, hours: hours, day: Day(day)!))
        }
        var history = ProgressHistory()
        history.record(Change(summary: "", edits: [t.creation()]), at: Fixture.now)
        let friday = try p.editTask(t, name: nil, duration: nil, startNoEarlier: nil, deadline: nil, progress: 20, assignees: nil, actualStart: nil, actualFinish: nil)
        history.record(friday, at: Day("2026-12-04")!.start().addingTimeInterval(17 * 3600))
        try p.apply(friday)
        let monday = try p.editTask(try p.task(key: "T-1"), name: nil, duration: nil, startNoEarlier: nil, deadline: nil, progress: 40, assignees: nil, actualStart: nil, actualFinish: nil)
        history.record(monday, at: Day("2026-12-07")!.start().addingTimeInterval(10 * 3600))
        try p.apply(monday)

        let status = Day("2026-12-07")!
        let burn = BudgetBurn.compute(p, schedule: try Scheduler.schedule(p, today: status), progress: history, asOf: status)
        #expect(burn.days == ["2026-12-06", "2026-12-07", "2026-12-13", "2026-12-20"].map { Day($0)! }, "week ends, and the status date")
        #expect(burn.planned == [4_000, 5_000, 9_000, 10_000], "4, 5, 9 and 10 of the ten working days (2 December is a holiday)")
        #expect(burn.actual == [3_600, 4_500], "36 and 45 hours at 100; nothing after the status date")
        #expect(burn.earned == [2_000, 4_000], "20% on Friday's update, 40% now")
        #expect(burn.bac == 10_000)
    }
}

