import Foundation
import Testing
@testable import Planning

/// Workload with known answers: a project starting Monday 30 November 2026 with a holiday on
/// Wednesday 2 December, and ana (full time) and ben (half time).
@Suite struct WorkloadTests {
    static let monday = Day("2026-11-30")!

    static func project() throws -> ProjectSnapshot {
        var p = try Fixture.project()
        try p.apply(p.setProjectStart(monday))
        try p.apply(try p.addHoliday(Day("2026-12-02")!, name: "Founders' day"))
        try p.apply(try p.editMember(try p.member(handle: "ben"), name: nil, role: nil, capacity: 0.5, costRate: nil))
        var change = try p.addTask(name: "Build", duration: 5, phase: nil, after: [], startNoEarlier: nil, deadline: nil, assignees: [], now: Fixture.now)
        change.edits[change.edits.count - 1].fields += [FieldChange(name: "key", from: .null, to: .text("T-1")), FieldChange(name: "number", from: .null, to: .int(1))]
        try p.apply(change)
        return p
    }

    func week(_ p: ProjectSnapshot) throws -> Workload {
        Workload.compute(p, schedule: try Scheduler.schedule(p, today: Self.monday), from: Self.monday, through: Self.monday.adding(days: 13), by: .week, today: Self.monday)
    }

    @Test func aFiveDayTaskAtHalfTimeOverAWeekWithAHoliday() throws {
        var p = try Self.project()
        try p.apply(try p.assign(try p.member(handle: "ana"), to: try p.task(key: "T-1"), effortHours: nil, units: 0.5))
        let w = try week(p)
        let ana = try #require(w.members.firstIndex(of: "ana"))
        // Mon, Tue, Thu, Fri of the first week and Monday of the next: four hours each.
        #expect(w.cells[ana].map(\.allocated) == [16, 4])
        #expect(w.cells[ana].map(\.available) == [32, 40], "the holiday takes a day")
        #expect(w.cells[ana][0].items == [Workload.Item(key: "T-1", title: "Build", hours: 16)])
        let ben = try #require(w.members.firstIndex(of: "ben"))
        #expect(w.cells[ben].map(\.available) == [16, 20], "half time")
        let idle = w.cells[ben].filter(\.idle).count
        #expect(idle == 2, "nothing planned for ben")
    }

    @Test func effortSpreadsOverTheTasksDaysAndLeaveMakesOverAllocation() throws {
        var p = try Self.project()
        let ana = try p.member(handle: "ana")
        try p.apply(try p.assign(ana, to: try p.task(key: "T-1"), effortHours: 40, units: nil))
        try p.apply(try p.addLeave(ana, from: Day("2026-12-03")!, through: Day("2026-12-04")!, note: "Conference"))
        let w = try week(p)
        let i = try #require(w.members.firstIndex(of: "ana"))
        #expect(w.cells[i].map(\.allocated) == [32, 8], "40 hours over five working days")
        #expect(w.cells[i].map(\.available) == [16, 40], "Thursday and Friday away")
        #expect(w.cells[i][0].over && !w.cells[i][1].over)
        // Part-time on Mondays and Tuesdays only.
        try p.apply(try p.setAvailability(try p.member(handle: "ben"), workdays: .some(0b0000011), rateUnit: .day))
        let again = try week(p)
        let ben = try #require(again.members.firstIndex(of: "ben"))
        #expect(again.cells[ben].map(\.available) == [8, 8])
        #expect(try p.member(handle: "ben").rateUnit == .day)
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let p = try Self.project()
        let ana = try p.member(handle: "ana"), task = try p.task(key: "T-1")
        #expect(throws: PlanningError.invalid(field: "effort", message: "-5 is out of range; use 0 to 100000 hours")) { try p.assign(ana, to: task, effortHours: -5, units: nil) }
        #expect(throws: PlanningError.self) { try p.assign(ana, to: task, effortHours: nil, units: 1.5) }
        #expect(throws: PlanningError.invalid(field: "leave", message: "it ends on 2026-12-01, before it starts on 2026-12-10; give the first day, then the last")) {
            try p.addLeave(ana, from: Day("2026-12-10")!, through: Day("2026-12-01")!, note: "")
        }
        var q = p
        try q.apply(try q.addLeave(ana, from: Day("2026-12-21")!, through: Day("2027-01-01")!, note: ""))
        #expect(throws: PlanningError.self) { try q.addLeave(ana, from: Day("2026-12-31")!, through: Day("2027-01-04")!, note: "") }
        // Removing the task takes its assignments with it; removing a member, their leave.
        try q.apply(try q.assign(ana, to: task, effortHours: 8, units: nil))
        try q.apply(try q.removeTask(try q.task(key: "T-1")))
        #expect(q.assignments.isEmpty)
        try q.apply(try q.removeMember(try q.member(handle: "ana"), unassign: true))
        #expect(q.leaves.isEmpty)
    }
}
