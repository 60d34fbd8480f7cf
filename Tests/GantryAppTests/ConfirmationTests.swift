import Foundation
import Testing
import Planning
import PlanStore
import TerminalUI
@testable import GantryApp

/// Destructive and final keys ask the same way on every screen: the question and its keys in the
/// status bar; any other key keeps things as they are.
@Suite struct ConfirmationTests {
    @Test func deletingATaskAsksFirst() throws {
        let h = try MemoryHarness()
        h.press("3", "G")
        let task = try #require(h.state.selectedTask)
        let before = try h.load().tasks.count
        h.press("d")
        #expect(h.screen.last?.contains("Delete \(task.key)") == true, "\(h.screen.last ?? "") \(String(describing: h.state.message))")
        h.press("x")
        #expect(h.state.message?.text == "Nothing deleted.")
        #expect(try h.load().tasks.count == before)
        h.press("d", "y")
        #expect(try h.load().tasks.count == before - 1)
    }

    @Test func closingAnAssumptionAsksForItsOutcome() throws {
        let h = try MemoryHarness()
        h.press("2", "]")
        #expect(h.state.raid.log == .assumption)
        let item = try #require(h.state.selectedRaidItem)
        h.press("c")
        #expect(h.screen.last?.contains("v closes it as validated · i closes it as invalid") == true, "\(h.screen.last ?? "")")
        h.press("i")
        #expect(try h.load().raidItem(key: item.key).status == "invalid")
    }

    @Test func closingAndOccurringARiskAskFirst() throws {
        let h = try MemoryHarness()
        h.press("2")
        let risk = try #require(h.state.selectedRaidItem)
        h.press("O")
        #expect(h.screen.last?.contains("\(risk.key) happened?") == true)
        h.press("esc")
        h.press("c", "n")
        #expect(try h.load().raidItem(key: risk.key).status == risk.status, "neither key changed it")
        h.press("c", "y")
        #expect(try h.load().raidItem(key: risk.key).status == "closed")
    }

    @Test func quittingARunningStandupAsks() throws {
        let h = try AppHarness()
        h.press("4")
        #expect(h.state.standup.clock != nil)
        h.press("q")
        #expect(!h.state.shouldQuit)
        #expect(h.screen.last?.contains("A stand-up is running. y saves its summary and quits · n quits without saving it") == true)
        h.press("x")
        #expect(!h.state.shouldQuit)
        #expect(h.state.message?.text == "The stand-up goes on.")
        h.press("q", "y")
        #expect(h.state.shouldQuit)
        #expect(try h.store.standups().count == 1, "its summary was saved")
    }
}

/// A card header that does not fit keeps what matters most to a TPM: blocked, overdue, critical,
/// assignee; type and labels go first.
@Suite struct CardHeaderTests {
    @Test func aNarrowCardKeepsBlockedOverdueCriticalAndAssignee() throws {
        let h = try AppHarness(width: 120, height: 40) { store in
            try AppHarness.sample(store)
            let p = try store.load()
            var d = CardDraft()
            d.priority = .critical
            d.assignee = .some("ana")
            d.due = .some(Day.containing(AppHarness.now).adding(days: -3))
            d.labels = ["payments", "security"]
            try store.apply(try p.editCard(try p.card(key: "GAN-5"), d), actor: "x", at: AppHarness.now)
        }
        let lines = h.screen
        let header = try #require(lines.firstIndex { $0.contains("⊘ GAN-5") })
        let column = lines[header].distance(from: lines[header].startIndex, to: lines[header].range(of: "⊘ GAN-5")!.lowerBound)
        func card(_ row: Int) -> String { String(lines[row].dropFirst(column).prefix(22)) }
        #expect(card(header).contains("critical"), "\(card(header))")
        #expect(card(header + 2).contains("overdue"), "\(card(header + 2))")
        #expect(card(header + 2).contains("@ana"), "\(card(header + 2))")
        #expect(card(header + 2).contains("@ana b"), "the blocked reason starts where it fits: \(card(header + 2))")
    }
}

@Suite struct FollowTests {
    @Test func followingSomeoneWhoIsNeitherAMemberNorHereIsRefused() throws {
        let h = try AppHarness()
        h.runtime.follow("nobody")
        #expect(h.state.sharing.following == nil)
        #expect(h.state.message?.text.hasPrefix("Nobody called nobody is a member or has this project open") == true)
        h.runtime.follow("ben")
        #expect(h.state.sharing.following == "ben")
    }
}
