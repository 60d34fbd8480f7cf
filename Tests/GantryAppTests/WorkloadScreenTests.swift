import Foundation
import Testing
import Planning
import TerminalUI
@testable import GantryApp

/// The workload heat map on the sample: ben's provider client and 3-D Secure work overlap.
@Suite struct WorkloadScreenTests {
    @Test func heatMap120x40() throws {
        let h = try MemoryHarness()
        h.press("7")
        try Snapshot.check("workload-120x40", Snapshot.board(h))
    }

    @Test func overAllocationStandsOutAndTheCellDrillsDown() throws {
        let h = try MemoryHarness()
        h.press("7")
        let load = try #require(h.state.workload.data)
        let ben = try #require(load.members.firstIndex(of: "ben"))
        let week = try #require(load.cells[ben].firstIndex { $0.over })
        for _ in 0..<ben { h.press("j") }
        for _ in 0..<week { h.press("l") }
        let cell = load.cells[ben][week]
        let row = try #require(h.screen.first { $0.hasPrefix(" ben ") })
        #expect(row.contains("\(WorkloadScreen.hours(cell.allocated))/\(WorkloadScreen.hours(cell.available))!"))
        #expect(h.text.contains("ben, week of \(load.periods[week]): \(WorkloadScreen.hours(cell.allocated)) of \(WorkloadScreen.hours(cell.available)) hours — over by"))
        for item in cell.items { #expect(h.text.contains("\(item.key)  \(WorkloadScreen.hours(item.hours))h")) }
        h.press("z")
        #expect(h.state.workload.period == .day)
        #expect(h.screen[1].contains("Day"))
    }

    @Test func anAssignmentElsewhereShowsAtOnce() throws {
        let h = try MemoryHarness()
        h.press("7")
        let before = try #require(h.state.workload.data)
        let fatima = try #require(before.members.firstIndex(of: "fatima"))
        #expect(before.cells[fatima].allSatisfy { $0.allocated == 0 })
        var state = h.state
        let task = try state.project.task(key: "T-21")
        try state.apply(try state.project.assign(try state.project.member(handle: "fatima"), to: task, effortHours: 16, units: nil))
        state.changesArrived()
        let after = try #require(state.workload.data)
        #expect(after.cells[fatima].reduce(0) { $0 + $1.allocated } == 16 || after.cells[fatima].reduce(0) { $0 + $1.allocated } < 16,
                "16 hours, as much of it as falls in the weeks shown")
        #expect(after.cells[fatima].contains { $0.allocated > 0 } || task.duration == 0)
    }
}
