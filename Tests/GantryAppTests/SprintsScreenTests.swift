import Foundation
import Testing
import Planning
import TerminalUI
@testable import GantryApp

/// Sprint planning on the sample: Sprint 7 is active, Sprint 8 planned and over velocity.
@Suite struct SprintsScreenTests {
    @Test func planningScreen120x40() throws {
        let h = try MemoryHarness()
        h.press("5")
        try Snapshot.check("sprints-120x40", Snapshot.board(h))
        #expect(h.screen[2].contains("25 pts in 5 cards"))
        #expect(h.screen[2].contains("OVER velocity"), "25 points against a velocity of 23")
    }

    @Test func cardsMoveAcrossAndBackWithTheBoardsKeys() throws {
        let h = try MemoryHarness()
        h.press("5")
        let first = try #require(h.state.planningCard)
        #expect(first.sprintID == nil)
        h.press("L")
        #expect(try h.card(first.key).sprintID == h.state.project.nextSprint(on: h.state.boardID)?.id)
        #expect(h.screen[2].contains("pts in 6 cards"))
        h.press("l")
        #expect(h.state.sprints.planned.contains(first.id))
        for _ in 0..<h.state.sprints.planned.count where h.state.planningCard?.id != first.id { h.press("j") }
        #expect(h.state.planningCard?.key == first.key)
        h.press("H")
        #expect(try h.card(first.key).sprintID == nil)
        h.press("u")
        #expect(try h.card(first.key).sprintID != nil, "undo puts it back")
    }

    @Test func closingAsksWhereUnfinishedCardsGoAndStartingAsksGoalAndEnd() throws {
        let h = try MemoryHarness()
        h.press("5", "s")
        #expect(h.state.message?.text == "Sprint 7 is active; a board runs one sprint at a time. c closes it.")
        h.press("c")
        #expect(h.screen.last?.contains("Close Sprint 7: 3 done, 14 unfinished. n carries 14 to Sprint 8 · b sends 14 to the backlog") == true)
        h.press("x")
        #expect(h.state.project.activeSprint(on: h.state.boardID)?.name == "Sprint 7", "any other key keeps it")
        h.press("c", "n")
        let closed = try h.state.project.sprint(named: "Sprint 7")
        #expect(closed.state == .closed)
        #expect(closed.record?.completed.cards == 3)
        #expect(closed.record?.carried.cards == 14)
        let next = try h.state.project.sprint(named: "Sprint 8")
        #expect(h.state.project.cards.values.filter { $0.sprintID == next.id }.count == 19)

        h.press("s")
        #expect(h.screen.last?.hasPrefix("Goal of Sprint 8: Wallet buttons and saved cards") == true)
        h.type("Wallets live")
        h.press("enter")
        #expect(h.screen.last?.hasPrefix("Sprint 8 ends on: ") == true)
        h.press("C-u")
        h.type("2026-11-20")
        h.press("enter")
        #expect(h.state.message?.text.hasPrefix("end: 2026-11-20 is before the start 2026-11-26") == true)
        #expect(try h.state.project.sprint(named: "Sprint 8").state == .planned, "a bad end changes nothing")
        h.press("s", "enter", "enter")
        let started = try h.state.project.sprint(named: "Sprint 8")
        #expect(started.state == .active)
        #expect(started.goal == "Wallet buttons and saved cards")
        #expect(started.end == next.end, "the planned end, offered in the prompt")
    }
}

/// A card's sprint and a bug's severity in the board's card form.
@Suite struct CardFormSprintTests {
    @Test func theFormPutsACardInASprintAndRatesABug() throws {
        let h = try MemoryHarness()
        h.press("l", "n")
        h.type("Checkout crashes on old Safari")
        // Type, then down to the sprint and severity fields (the last two).
        h.press("tab", "tab", "C-u")
        h.type("bug")
        for _ in 0..<8 { h.press("tab") }
        guard case .form(let form) = h.state.mode else { Issue.record("no form"); return }
        #expect(form.focus == .sprint)
        h.type("Sprint 99")
        h.press("tab")
        h.type("S7")
        h.press("enter")
        guard case .form(let checked) = h.state.mode else { Issue.record("the form should stay open"); return }
        #expect(checked.errors[.sprint] == "no sprint Sprint 99")
        #expect(checked.errors[.severity] == "use S1, S2, S3 or S4, or leave it empty")
        #expect(checked.focus == .sprint, "the first marked field has the focus")
        h.press("C-u")
        h.type("Sprint 8")
        h.press("tab", "C-u")
        h.type("s2")
        h.press("enter")
        #expect(h.state.message?.text.hasPrefix("To do is at its WIP limit (8 of 8)") == true, "\(String(describing: h.state.message)) \(h.state.mode)")
        h.press("enter")
        let card = try h.card("GAN-\(SampleProject.cardCount + 1)")
        #expect(card.sprintID == (try h.state.project.sprint(named: "Sprint 8")).id)
        #expect(card.severity == .s2)
    }
}
