import Foundation
import Testing
import Planning
import PlanStore
import TerminalUI
@testable import GantryApp

@Suite struct RaidScreenTests {
    @Test func register80x24() throws {
        let h = try AppHarness(width: 80, height: 24)
        h.press("2")
        try Snapshot.check("raid-risks-80x24", Snapshot.board(h))
    }

    @Test func register120x40() throws {
        let h = try AppHarness(width: 120, height: 40)
        h.press("2")
        try Snapshot.check("raid-risks-120x40", Snapshot.board(h))
    }

    @Test func decisions120x40() throws {
        let h = try MemoryHarness(width: 120, height: 40)
        h.press("2", "[")
        #expect(h.state.raid.log == .decision)
        try Snapshot.check("raid-decisions-120x40", Snapshot.board(h))
    }

    @Test func heatMapCountsOpenRisksPerCell() throws {
        let h = try MemoryHarness()
        h.press("2")
        let counts = h.state.heatCounts
        #expect(counts.reduce(0, +) == 6, "six open risks; the occurred one is not counted")
        #expect(counts[(4 - 1) * 5 + 5 - 1] == 1, "R-1 is P4 × I5")
        h.press("r")
        #expect(h.state.heatCounts[(3 - 1) * 5 + 4 - 1] >= 1, "R-1's residual is P3 × I4")
        let residual = h.state.raidRows.map { $0.residualScore ?? 0 }
        #expect(residual == residual.sorted(by: >), "the residual view ranks by residual score: \(residual)")
        #expect(residual != h.state.raidRows.map { $0.score ?? 0 }.sorted(by: >), "the sample's residual order differs from its inherent one")
    }

    @Test func sortCyclesAndTheTableFollows() throws {
        let h = try MemoryHarness()
        h.press("2")
        #expect(h.state.raidRows.first?.key == "R-1")
        h.press("o")
        #expect(h.state.raid.sort == .proximity)
        #expect(h.state.raidRows.map(\.key).first == "R-6", "the soonest proximity first")
        h.press("o", "o")
        #expect(h.state.raid.sort == .owner)
        #expect(h.state.raidRows.first?.owner == "ana")
    }

    @Test func movingOntoAHeatMapCellFiltersTheTable() throws {
        let h = try MemoryHarness()
        h.press("2", "tab")
        #expect(h.state.raid.heatmapFocused)
        #expect(h.state.raid.cell == HeatCell(probability: 4, impact: 5), "starts on the selected risk's cell")
        #expect(h.state.raidRows.map(\.key) == ["R-1"])
        h.press("down")
        #expect(h.state.raid.cell == HeatCell(probability: 3, impact: 5))
        #expect(h.state.raidRows.map(\.key) == ["R-4"])
        h.press("left", "left")
        #expect(h.state.raidRows.map(\.key) == ["R-5"], "P3 × I3 holds the Apple Pay opportunity")
        #expect(h.text.contains("cell P3×I3"))
        h.press("esc")
        #expect(h.state.raid.cell == nil)
        #expect(h.state.raidRows.count == 6)
    }

    @Test func editingProbabilityMovesTheRiskToAnotherCell() throws {
        let h = try AppHarness()
        h.press("2", "e")
        guard case .raidForm(let form) = h.state.mode else { Issue.record("form should open"); return }
        #expect(form.type == .risk)
        h.press("tab", "tab", "tab", "C-u", "2", "enter")
        #expect(h.state.mode == .board)
        let r1 = try h.load().raidItem(key: "R-1")
        #expect(r1.probability == 2)
        #expect(h.state.heatCounts[(4 - 1) * 5 + 5 - 1] == 0)
        #expect(h.state.heatCounts[(2 - 1) * 5 + 5 - 1] == 2)
        #expect(h.state.raid.trends[r1.id] == .falling)
    }

    @Test func formValidationNamesTheField() throws {
        let h = try MemoryHarness()
        h.press("2", "n")
        h.type("New vendor risk")
        h.press("tab", "tab", "tab", "7", "enter")
        guard case .raidForm(let form) = h.state.mode else { Issue.record("form should stay open"); return }
        #expect(form.errors[.probability] == "7 is out of range; use 1 (lowest) to 5 (highest)")
        #expect(h.text.contains("! Probability"))
        h.press("backspace", "4", "tab", "3", "tab", "tab", "tab", "C-u", "yes", "tab", "mitigate", "enter")
        guard case .raidForm(let form2) = h.state.mode else { Issue.record("form should stay open"); return }
        #expect(form2.errors[.strategy]?.contains("not a response to an opportunity") == true)
        h.press("C-u", "exploit", "enter")
        #expect(h.state.mode == .board)
        #expect(try h.load().raidItem(key: "R-8").strategy == .exploit)
    }

    @Test func linksAreEditedInTheForm() throws {
        let h = try MemoryHarness()
        h.press("2", "]", "]")
        #expect(h.state.raid.log == .issue)
        h.press("e")
        guard case .raidForm(let form) = h.state.mode else { Issue.record("form should open"); return }
        let linksIndex = try #require(form.fields.firstIndex(of: .links))
        for _ in 0..<linksIndex { h.press("tab") }
        h.press("C-u", "GAN-10, GAN-4", "enter")
        let p = try h.load()
        #expect(p.linkedCards(of: try p.raidItem(key: "I-1")).map(\.key) == ["GAN-4", "GAN-10"])
        #expect(p.raidItems(linkedTo: try p.card(key: "GAN-4")).map(\.key).contains("I-1"))
        #expect(h.state.message?.text == "Relinked I-1")
    }

    @Test func occurAndCloseFromTheScreen() throws {
        let h = try MemoryHarness()
        h.press("2", "O", "y")
        #expect(h.state.message?.text == "R-1 occurred: opened I-2 \"Payment provider v3 API slips past our launch\"")
        #expect(h.state.raidRows.map(\.key).contains("R-1") == false)
        h.press("c", "y")
        #expect(try h.load().raidItem(key: "R-4").status == "closed")
        h.press("u")
        #expect(try h.load().raidItem(key: "R-4").status == "open")
    }

    @Test func overdueAndNearStandOut() throws {
        let h = try MemoryHarness(width: 120, height: 40)
        h.press("2")
        let row = try #require(h.screen.first { $0.contains("R-1 ") })
        #expect(row.contains("2026-11-24!"), "review overdue")
        #expect(row.contains("2026-12-06!"), "proximity within 14 days")
        let grid = h.styleGrid
        let y = try #require(h.screen.firstIndex { $0.contains("R-4 ") })
        let letters = Set(grid[y])
        #expect(letters.contains(AppHarness.letter(for: "risk.proximity.near")))
    }

    /// 300 risks raised a month ago; every third one re-scored up four days ago, so its arrow rises.
    static func manyRisks(_ store: any ProjectStoring) throws {
        try store.apply(ProjectSetup.newProject(name: "Risks", keyPrefix: "GAN", board: "Main"), actor: "ana", at: AppHarness.now.addingTimeInterval(-40 * 86_400))
        var p = try store.load()
        let raised = AppHarness.now.addingTimeInterval(-30 * 86_400), rescored = AppHarness.now.addingTimeInterval(-4 * 86_400)
        var ids: [String] = []
        for i in 0..<300 {
            var draft = RaidDraft()
            draft[.title] = .text("Risk \(i)")
            draft[.probability] = .int(2)
            draft[.impact] = .int(2)
            let change = try p.addRaid(.risk, draft, now: raised)
            try p.apply(change)
            try store.apply(change, actor: "ana", at: raised)
            ids.append(change.edits.last!.id)
        }
        for id in ids.enumerated().filter({ $0.offset % 3 == 0 }).map(\.element) {
            var draft = RaidDraft()
            draft[.probability] = .int(3)
            let change = try p.editRaid(p.raidItems[id]!, draft, now: rescored)
            try p.apply(change)
            try store.apply(change, actor: "ben", at: rescored)
        }
    }

    @Test func trendsAreReadForTheRowsOnScreenAndThoseScrolledTo() throws {
        let h = try AppHarness(width: 120, height: 24, build: Self.manyRisks)
        h.press("2", "s", "s", "s", "s")
        #expect(h.state.raid.sort == .key)
        let p = try h.load()
        let onScreen = h.state.raid.trends
        #expect(!onScreen.isEmpty && onScreen.count <= 48, "a screenful and its margin, not all 300 (read \(onScreen.count))")
        let last = try p.raidItem(key: "R-298")
        #expect(onScreen[last.id] == nil)
        h.press("end")
        #expect(h.state.raid.selectedID == (try p.raidItem(key: "R-300")).id)
        #expect(h.state.raid.trends[last.id] == .rising, "R-298 was re-scored up four days ago")
        #expect(h.state.raid.trends[(try p.raidItem(key: "R-299")).id] == .steady)
        #expect(h.text.contains("R-298") && h.text.contains("↑"))
        let cached = h.state.raid.trends
        h.runtime.refreshTrends()
        #expect(h.state.raid.trends == cached.filter { h.state.raid.trends[$0.key] != nil },
                "what the cache holds is what reading again gives")
    }
}
