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
}
