import Foundation
import Testing
@testable import Planning

/// A two-week sprint with known answers, worked out by hand:
/// A(3), B(5), C(2) committed Mon 2 Nov; A done Tue; D(4) added Wed; B done Fri; C removed Mon 9.
@Suite struct SprintBurnTests {
    static func script() throws -> FlowScript {
        var s = try FlowScript()
        _ = try s.sprint("Sprint 1", start: "2026-11-02", end: "2026-11-13", at: "2026-10-30 10:00")
        for (title, points) in [("A", 3.0), ("B", 5.0), ("C", 2.0)] {
            try s.card(title, points: points, at: "2026-10-30 11:00")
        }
        for key in ["F-1", "F-2", "F-3"] { try s.put(key, in: "Sprint 1", at: "2026-11-02 08:00") }
        try s.start("Sprint 1", at: "2026-11-02 09:00")
        try s.move("F-1", to: "In progress", at: "2026-11-02 10:00")
        try s.move("F-1", to: "Done", at: "2026-11-03 15:00")
        try s.card("D", points: 4, at: "2026-11-04 09:00")
        try s.put("F-4", in: "Sprint 1", at: "2026-11-04 10:00")
        try s.move("F-2", to: "In progress", at: "2026-11-04 11:00")
        try s.move("F-2", to: "Done", at: "2026-11-06 11:00")
        try s.put("F-3", in: nil, at: "2026-11-09 09:30")
        return s
    }

    @Test func burndownAndBurnupFollowTheDaysByHand() throws {
        let s = try Self.script()
        let burn = try SprintBurn.compute(try s.project.sprint(named: "Sprint 1"), in: s.context(now: "2026-11-10 12:00"))
        #expect(burn.committed == 10)
        #expect(burn.days.count == 10)
        #expect(burn.points.map(\.day.description) == ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-09", "2026-11-10"])
        #expect(burn.points.map(\.scope) == [10, 10, 14, 14, 14, 12, 12])
        #expect(burn.points.map(\.completed) == [0, 3, 3, 3, 8, 8, 8])
        #expect(burn.points.map(\.remaining) == [10, 7, 11, 11, 6, 4, 4])
        #expect(burn.points.map(\.ideal) == [9, 8, 7, 6, 5, 4, 3])
    }

    @Test func closingRecordsCommittedAddedRemovedCompletedAndCarried() throws {
        var s = try Self.script()
        let sprint = try s.project.sprint(named: "Sprint 1")
        let closing = FlowScript.at("2026-11-13 17:00")
        let record = SprintRecord.compute(sprint, in: s.context(now: "2026-11-13 17:00"), closing: closing)
        #expect(record.committed == .init(cards: 3, points: 10))
        #expect(record.added == .init(cards: 1, points: 4))
        #expect(record.removed == .init(cards: 1, points: 2))
        #expect(record.completed == .init(cards: 2, points: 8))
        #expect(record.carried == .init(cards: 1, points: 4))
        #expect(record.committed.cards + record.added.cards - record.removed.cards == record.completed.cards + record.carried.cards)

        let next = try s.sprint("Sprint 2", start: "2026-11-16", end: "2026-11-27", at: "2026-11-13 16:00")
        let done = FlowContext.doneColumns(of: s.project.columns(of: s.board.id))
        try s.commit(try s.project.closeSprint(try s.project.sprint(named: "Sprint 1"), record: record, carryTo: next, doneColumnIDs: done, now: closing), at: "2026-11-13 17:00")
        let closed = try s.project.sprint(named: "Sprint 1")
        #expect(closed.state == .closed)
        #expect(closed.record == record)
        #expect(try s.project.card(key: "F-4").sprintID == next.id)
        #expect(try s.project.card(key: "F-1").sprintID == closed.id)
        let velocity = Velocity.compute(board: s.board.id, in: s.project)
        #expect(velocity.sprints == [.init(sprint: "Sprint 1", committed: 10, completed: 8)])
        #expect(velocity.average == 8)
    }

    @Test func badSprintInputIsRefusedAndChangesNothing() throws {
        var s = try Self.script()
        #expect(throws: PlanningError.self) { try s.project.addSprint(board: s.board, name: "Late", goal: nil, start: Day("2026-11-10"), end: Day("2026-11-09"), now: Date()) }
        #expect(throws: PlanningError.invalid(field: "date", message: "2026-11-14 is not a working day of the project calendar; use 2026-11-13 or 2026-11-16")) {
            try s.project.addSprint(board: s.board, name: "Weekend", goal: nil, start: Day("2026-11-02"), end: Day("2026-11-14"), now: Date())
        }
        let second = try s.sprint("Sprint 2", start: "2026-11-16", end: "2026-11-27", at: "2026-11-05 10:00")
        do {
            _ = try s.project.startSprint(second, goal: nil, end: nil, today: Day("2026-11-05")!, now: Date())
            Issue.record("a second active sprint was started")
        } catch let error as PlanningError {
            #expect("\(error)".contains("Sprint 1 is active on Main; a board runs one sprint at a time."))
            #expect(error.remedy == .closeActiveSprint)
        }
        // A card finished in a closed sprint can neither leave it nor go back to work.
        let done = FlowContext.doneColumns(of: s.project.columns(of: s.board.id))
        let sprint = try s.project.sprint(named: "Sprint 1")
        let record = SprintRecord.compute(sprint, in: s.context(now: "2026-11-13 17:00"), closing: FlowScript.at("2026-11-13 17:00"))
        try s.commit(try s.project.closeSprint(sprint, record: record, carryTo: nil, doneColumnIDs: done, now: FlowScript.at("2026-11-13 17:00")), at: "2026-11-13 17:00")
        let finished = try s.project.card(key: "F-1")
        #expect(throws: PlanningError.self) { try s.project.setSprint(of: finished, to: second) }
        #expect(throws: PlanningError.self) { try s.project.moveCard(finished, to: try s.project.column(named: "In progress", on: s.board), now: Date()) }
        #expect(throws: PlanningError.self) { try s.project.setSprint(of: try s.project.card(key: "F-4"), to: try s.project.sprint(named: "Sprint 1")) }
        #expect(try s.project.card(key: "F-4").sprintID == nil, "carried to the backlog")
    }

    @Test func planningLoadComparesPointsWithCapacityAndVelocity() throws {
        var s = try FlowScript()
        let sprint = try s.sprint("Next", start: "2026-11-16", end: "2026-11-27", at: "2026-11-10 10:00")
        try s.card("Big", points: 13, at: "2026-11-10 10:00")
        try s.card("Small", points: 3, at: "2026-11-10 10:00")
        try s.put("F-1", in: "Next", at: "2026-11-10 11:00")
        try s.put("F-2", in: "Next", at: "2026-11-10 11:00")
        try s.commit(try s.project.addHoliday(Day("2026-11-26")!, name: "Thanksgiving"), at: "2026-11-10 12:00")
        let load = SprintLoad.compute(try s.project.sprint(named: sprint.name), in: s.project, today: Day("2026-11-10")!)
        #expect(load.points == 16)
        #expect(load.cards == 2)
        #expect(load.workingDays == 9, "ten weekdays less the holiday")
        #expect(load.capacity == 13.5, "ana 1 + ben 0.5, over nine days")
        #expect(load.overCapacity)
        #expect(load.velocity == nil)
    }
}
