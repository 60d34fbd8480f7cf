import Foundation
import Testing
import Planning
import PlanStore
import TerminalUI
@testable import GantryApp

@Suite struct TimelineScreenTests {
    @Test(arguments: [(80, 24, "week"), (80, 24, "month"), (120, 40, "week"), (120, 40, "day")])
    func gantt(width: Int, height: Int, zoom: String) throws {
        let h = try MemoryHarness(width: width, height: height)
        h.press("3")
        while h.state.timeline.zoom.rawValue != zoom { h.press("z") }
        try Snapshot.check("timeline-\(zoom)-\(width)x\(height)", Snapshot.board(h))
    }

    @Test func shiftingATaskMovesItsSuccessors() throws {
        let h = try MemoryHarness()
        h.press("3")
        while h.state.selectedTask?.key != "T-21" { h.press("j") }
        let before = try #require(h.state.timeline.schedule)
        let launch = try #require(before.tasks["task-25"])
        h.press("L", "L", "L")
        let after = try #require(h.state.timeline.schedule)
        let constraint = try #require(try h.load().task(key: "T-21").startNoEarlier, "the shift is a start-no-earlier constraint")
        #expect(h.state.message?.text == "Shifted T-21 to start no earlier than \(constraint)")
        #expect(after.tasks["task-21"]!.start > before.tasks["task-21"]!.start)
        #expect(after.tasks["task-25"]!.finish > launch.finish, "the launch milestone follows")
        #expect(after.finish > before.finish)
        h.press("u", "u", "u")
        #expect(h.state.timeline.schedule?.tasks["task-25"]?.finish == launch.finish)
    }

    @Test func durationProgressAndDependenciesFromTheScreen() throws {
        let h = try MemoryHarness()
        h.press("3")
        while h.state.selectedTask?.key != "T-14" { h.press("j") }
        let finish = h.state.timeline.schedule!.tasks["task-14"]!.finish
        h.press("+", "+")
        #expect(try h.load().task(key: "T-14").duration == 5)
        #expect(h.state.timeline.schedule!.tasks["task-14"]!.finish > finish)
        h.press("p", "p")
        #expect(try h.load().task(key: "T-14").progress == 20)
        h.press(":", "dep T-18 SS 1", "enter")
        #expect(try h.load().taskLinks.values.contains { $0.predID == "task-18" && $0.succID == "task-14" && $0.type == .ss && $0.lag == 1 })
        h.press(":", "dep T-25", "enter")
        #expect(h.state.message?.text.hasPrefix("The dependencies form a cycle") == true)
        #expect(h.state.message?.text.hasSuffix("Remove one with :undep T-n on the timeline.") == true, "the app names its own way out, not the command line's")
        h.press(":", "undep T-18", "enter")
        #expect(try !h.load().taskLinks.values.contains { $0.predID == "task-18" && $0.succID == "task-14" })
    }

    @Test func phasesFoldAndRelatedTasksAreMarked() throws {
        let h = try MemoryHarness()
        h.press("3")
        let all = h.state.timelineRows.count
        h.press(" ")
        #expect(h.state.timelineRows.count == all - 3, "Discovery's three tasks are hidden")
        #expect(h.text.contains("▸ T-1 Discovery"))
        h.press(" ", "j", "j")
        #expect(h.state.selectedTask?.key == "T-3")
        #expect(h.text.contains("←    T-2 Research"), "its predecessor")
        #expect(h.text.contains("→  ◆ T-4 Discovery complete"), "its successor")
    }

    @Test func everyScreenDrawsAtEverySizeAndScroll() throws {
        let h = try MemoryHarness()
        for screen in ["1", "2", "3"] {
            h.press(screen)
            for (w, hgt) in [(40, 12), (41, 13), (57, 19), (80, 24), (133, 37), (250, 70)] {
                h.terminal.size = (w, hgt)
                h.handle(.resize(width: w, height: hgt))
                #expect(h.screen.count == hgt && h.screen.allSatisfy { DisplayWidth.of($0) == w }, "screen \(screen) at \(w)×\(hgt)")
            }
        }
        h.press("3")
        for zoom in 0..<4 {
            for _ in 0..<30 { h.press("l") }
            #expect(h.screen.count == 70, "scrolled past the end at zoom \(zoom)")
            for _ in 0..<60 { h.press("h") }
            #expect(h.screen.count == 70, "scrolled before the start at zoom \(zoom)")
            h.press("z", "t")
        }
    }

    @Test func plainASCIIDrawsMilestonesAsStars() throws {
        let h = try MemoryHarness(width: 120, height: 40)
        h.setASCII(true)
        h.press("3")
        #expect(h.text.contains("* T-4 Discovery complete"))
        #expect(!h.text.contains("◆"))
    }

    @Test func levellingAsksFirstAndKeepsThePlanOnlyWhenTold() throws {
        let h = try MemoryHarness()
        h.press("3", "V")
        let question = try #require(h.screen.last)
        #expect(question.contains("Levelling moves"), "\(question)")
        #expect(question.contains("y keeps it"))
        let before = h.state.project.tasks.values.compactMap(\.startNoEarlier).count
        h.press("n")
        #expect(h.state.message?.text == "Not levelled; the plan is as it was.")
        #expect(h.state.project.tasks.values.compactMap(\.startNoEarlier).count == before)
        h.press("V", "y")
        let levelled = try Levelling.level(h.state.project, today: h.state.today)
        #expect(levelled.moves.isEmpty, "once kept, levelling again moves nothing")
        #expect(h.state.project.tasks.values.compactMap(\.startNoEarlier).count > before)
        h.press("u")
        #expect(h.state.project.tasks.values.compactMap(\.startNoEarlier).count == before, "undo takes it back")
    }

    /// `T` on a task asks for the hours, then who and the day (default: me, today); a typo is
    /// said in the status line and the prompt stays, with nothing logged.
    @Test func timeIsLoggedOnTheSelectedTask() throws {
        let h = try MemoryHarness()
        h.press("3")
        while h.state.selectedTask?.key != "T-7" { h.press("j") }
        let before = h.state.project.timeEntries.count
        h.press("T")
        #expect(h.screen.last?.contains("Log time on T-7:") == true)
        h.type("four hours")
        h.press("enter")
        #expect(h.state.message?.isError == true && h.state.message?.text.contains("\"four\" is not a number of hours") == true)
        #expect(h.state.project.timeEntries.count == before)
        h.press("esc")
        h.press("T")
        h.type("2.5h chen yesterday")
        h.press("enter")
        let entry = try #require(h.state.project.timeEntries.values.first { $0.member == "chen" && $0.day == h.state.today.adding(days: -1) && $0.hours == 2.5 && $0.taskID == h.state.selectedTask?.id })
        #expect(h.state.project.timeEntries.count == before + 1)
        #expect(h.state.message?.text.contains("logged 2.5h of chen on T-7") == true || h.state.message?.text.contains("Logged 2.5h of chen on T-7") == true)
        h.press("u")
        #expect(h.state.project.timeEntries[entry.id] == nil, "undo takes it back")
        h.press("T")
        h.type("1h")
        h.press("enter")
        #expect(h.state.project.timeEntries.values.contains { $0.member == h.state.actor && $0.day == h.state.today && $0.hours == 1 }, "me, today")
    }
}

