import Foundation
import Testing
import Planning
import TerminalUI
@testable import GantryApp

/// The Reports screen on the sample's twelve weeks of history.
@Suite struct ReportsScreenTests {
    @Test func burndown120x40() throws {
        let h = try MemoryHarness()
        h.press("6")
        try Snapshot.check("reports-burndown-120x40", Snapshot.board(h))
        #expect(h.text.contains("Sprint 7"))
        #expect(h.text.contains("committed             56 pts"))
    }

    @Test func everyChartDrawsInUnicodeAndInASCII() throws {
        let h = try MemoryHarness(width: 80, height: 24)
        h.press("6")
        for chart in ReportChart.allCases {
            #expect(h.state.reports.chart == chart)
            #expect(h.screen[1].contains(chart.title))
            if case .unavailable(let why)? = h.state.reports.data { Issue.record("\(chart) has nothing to show: \(why)") }
            h.setASCII(true)
            // Box lines are the terminal's own line drawing (ncurses maps them on a vt100); chart
            // marks, bars and bands must be plain ASCII.
            let unicodeOnly = h.text.unicodeScalars.filter { (0x2800...0x28FF).contains($0.value) || (0x2580...0x259F).contains($0.value) || "▲━┄┃•".unicodeScalars.contains($0) }
            #expect(unicodeOnly.isEmpty, "\(chart) in ASCII:\n\(h.text)")
            h.setASCII(false)
            h.press("j")
        }
    }

    /// Planned against earned and actual cost, week by week, from the sample's Friday progress
    /// reports and logged time; the cursor starts on today with the indices beside.
    @Test func budgetBurn120x40() throws {
        let h = try MemoryHarness()
        h.press("6")
        while h.state.reports.chart != .budget { h.press("j") }
        try Snapshot.check("reports-budget-120x40", Snapshot.board(h))
        guard case .budget(let burn, let earned)? = h.state.reports.data else { Issue.record("no budget burn"); return }
        #expect(burn.earned.count == burn.actual.count && burn.earned.count < burn.days.count, "earned and actual stop at today")
        #expect(burn.earned.first! < burn.earned.last!, "earned grows with the weekly progress reports")
        #expect(burn.earned.last! == earned.project.ev)
        #expect(h.text.contains("to \(Day.containing(AppHarness.now)) (today)"))
        #expect(h.text.contains("CPI") && h.text.contains("SPI"))
    }

    @Test func cumulativeFlowInASCII80x24() throws {
        let h = try MemoryHarness(width: 80, height: 24)
        h.press("6", "j", "j", "j")
        h.setASCII(true)
        try Snapshot.check("reports-cfd-ascii-80x24", Snapshot.board(h))
        // The numbers beside the chart are the day under the cursor; its bands add up.
        guard case .cfd(let cfd)? = h.state.reports.data, let c = h.state.reports.cursor else { Issue.record("no flow"); return }
        #expect(h.text.contains("total  ") || h.text.contains("total"))
        #expect(cfd.counts[c].reduce(0, +) == h.state.project.cards.values.filter { !$0.archived || $0.columnID == "c-4" }.count)
    }

    @Test func theCursorWalksThePointsAndTheNumbersFollow() throws {
        let h = try MemoryHarness()
        h.press("6")
        guard case .burn(let burn)? = h.state.reports.data else { Issue.record("no burndown"); return }
        #expect(h.state.reports.cursor == burn.points.count - 1, "today")
        h.press("h")
        let day = burn.points[burn.points.count - 2]
        #expect(h.text.contains(day.day.description))
        h.press("[")
        #expect(h.text.contains("Sprint 6"))
        #expect(h.text.contains("record (cards, points)"))
    }

    @Test func aChangeShowsOnTheChartAtOnce() throws {
        let h = try MemoryHarness()
        h.press("6")
        guard case .burn(let before)? = h.state.reports.data else { Issue.record("no burndown"); return }
        h.press("1")
        let done = try #require(h.state.project.columns(of: h.state.boardID).last)
        let card = try h.card("GAN-9")
        _ = h.state.project
        h.press("6")
        var state = h.state
        let change = try state.project.moveCard(card, to: done, force: true, now: AppHarness.now)
        try state.apply(change)
        state.flow?.record(change, at: AppHarness.now)
        state.changesArrived()
        guard case .burn(let after)? = state.reports.data else { Issue.record("no burndown"); return }
        #expect(after.points.last!.remaining == before.points.last!.remaining - (card.estimate ?? 0))
    }
}
