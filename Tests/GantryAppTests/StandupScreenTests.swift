import Foundation
import Testing
import Planning
import PlanStore
import TerminalUI
@testable import GantryApp

/// The stand-up screen on the sample project with a clock the tests move.
@Suite struct StandupScreenTests {
    /// The card keys of the stand-up list, top to bottom, with the column headings.
    func walk(_ h: AppHarness) -> [String] { walk(h.state) }

    func walk(_ h: MemoryHarness) -> [String] { walk(h.state) }

    func walk(_ state: AppState) -> [String] {
        state.standupLines.map { line in
            switch line {
            case .heading(let t): return "# " + t
            case .card(let item): return item.card.key
            case .change(let e): return "~ " + e.sentence
            case .note(let t): return "- " + t
            }
        }
    }

    @Test func anUnassignedCardSaysSoRatherThanNamingSomeone() throws {
        let h = try AppHarness { store in
            try AppHarness.sample(store)
            let p = try store.load()
            try store.apply(try p.editCard(try p.card(key: "GAN-6"), CardDraft(assignee: .some(nil))), actor: "x", at: AppHarness.now)
        }
        h.press("4")
        let row = try #require(h.screen.first { $0.contains("GAN-6 ") })
        #expect(row.contains("unassigned"), "\(row)")
        #expect(!row.contains("@"))
    }

    @Test func theWalkGoesRightToLeftBlockedThenAgeingThenTheRest() throws {
        let h = try MemoryHarness()
        h.press("4")
        #expect(h.state.screen == .standup)
        let lines = walk(h)
        let headings = lines.filter { $0.hasPrefix("# ") }
        #expect(headings == ["# Review", "# In progress", "# To do"])
        for item in h.state.standupLines.compactMap({ if case .card(let i) = $0 { return i } else { return nil } }) {
            #expect(item.column.category != .done && item.column.category != .backlog)
        }
        // Within each column: blocked, then ageing, then the rest.
        let items = h.state.standupLines.compactMap { line -> StandupItem? in if case .card(let i) = line { return i } else { return nil } }
        let rank: [StandupReason: Int] = [.blocked: 0, .ageing: 1, .normal: 2]
        for (a, b) in zip(items, items.dropFirst()) where a.column.id == b.column.id {
            #expect(rank[a.reason]! <= rank[b.reason]!, "\(a.card.key) before \(b.card.key)")
        }
        #expect(items.contains { $0.reason == .blocked } && items.contains { $0.reason == .ageing })
        #expect(h.text.contains("BLOCKED: "))
        // The selection starts on the first card, and j walks the cards, not the headings.
        #expect(h.state.selectedCardID == items[0].card.id)
        h.press("j", "j", "j", "j")
        #expect(h.state.selectedCardID == items[4].card.id)
    }

    @Test func theTimerCountsUpShowsTheOverrunAndBanksTimePerSpeaker() throws {
        let h = try MemoryHarness()
        h.press("4")
        let speakers = try #require(h.state.standup.clock?.speakers)
        #expect(speakers.count == 6)
        h.advance(95)
        h.tick()
        #expect(h.text.contains("▶ \(speakers[0])  1:35 of 2:00  (1/6)"))
        h.advance(35)
        h.tick()
        #expect(h.text.contains("▶ \(speakers[0])  2:10 of 2:00  (1/6)  OVER by 0:10"))
        #expect(h.terminal.screen?.lines[3].isEmpty == false)
        h.press(".")
        h.advance(30)
        h.tick()
        #expect(h.text.contains("▶ \(speakers[1])  0:30 of 2:00  (2/6)"))
        #expect(h.text.contains(" \(speakers[0]) 2:10 "))
        h.press(",")
        h.advance(5)
        h.tick()
        #expect(h.text.contains("▶ \(speakers[0])  2:15 of 2:00  (1/6)  OVER by 0:15"))
    }

    @Test func theTimeboxComesFromTheCommandLineAndIsChecked() throws {
        let h = try MemoryHarness()
        h.press("4", ":")
        h.type("timebox 1:30")
        h.press("enter")
        #expect(h.state.standup.clock?.timebox == 90)
        h.press(":")
        h.type("timebox soon")
        h.press("enter")
        #expect(h.state.message?.isError == true)
        #expect(h.state.standup.clock?.timebox == 90)
    }

    @Test func personByPersonShowsTheSpeakersWorkAndWhatChangedSinceLastTime() throws {
        let h = try AppHarness()
        h.advance(3600)
        let p = try h.load()
        let card = try p.card(key: "GAN-9")
        let done = try p.column(named: "Done", on: try #require(p.boards[card.boardID]))
        try h.store.apply(try p.moveCard(card, to: done, force: true, now: h.clock.now), actor: "chen", at: h.clock.now)
        h.runtime.tick()
        h.press("4", "v")
        let turn = try #require(h.state.standup.clock?.speakers.firstIndex(of: "chen"))
        for _ in 0..<turn { h.press(".") }
        #expect(h.state.standup.clock?.speaker == "chen")
        let lines = walk(h)
        #expect(lines.first == "# chen's work")
        let cards = h.state.standupLines.compactMap { line -> Card? in if case .card(let i) = line { return i.card } else { return nil } }
        #expect(!cards.isEmpty && cards.allSatisfy { $0.assignee == "chen" })
        #expect(lines.contains("~ chen moved GAN-9 Review → Done"))
    }

    @Test func captureEndAndTheSavedSummary() throws {
        let h = try AppHarness()
        h.advance(60)
        h.press("4")
        let first = try #require(h.state.standup.clock?.speaker)
        h.advance(70)
        h.press("a")
        guard case .form(let form) = h.state.mode else { Issue.record("no card form"); return }
        #expect(form[.assignee] == first)
        h.type("Call the payment provider")
        h.press("enter")
        #expect(h.state.message?.text.hasSuffix("Press enter again to add it anyway; esc cancels.") == true, "To do is full in the sample")
        h.press("enter")
        let added = try #require(try h.load().cards.values.first { $0.title == "Call the payment provider" })
        #expect(added.assignee == first && added.type == .chore)
        #expect(h.state.screen == .standup)
        h.press("R")
        guard case .raidForm(let risk) = h.state.mode else { Issue.record("no risk form"); return }
        #expect(risk.type == .risk)
        h.press("esc", ".")
        h.advance(40)
        h.press("X")
        #expect(h.text.contains("End the stand-up and save its summary?"))
        h.press("n")
        #expect(try h.store.standups().isEmpty)
        h.press("X", "y")
        let record = try #require(try h.store.standups().last)
        #expect(record.facilitator == "ana")
        #expect(record.speakers.prefix(2).map(\.seconds) == [70, 40])
        #expect(record.captured == ["ana added \(added.key) \"Call the payment provider\" to To do"])
        let blocked = h.state.project.cards.values.filter { $0.isBlocked && !$0.archived && h.state.project.columns[$0.columnID].map { [.todo, .doing].contains($0.category) } == true }
        #expect(record.blockers.count == blocked.count && !blocked.isEmpty)
        #expect(record.markdown().contains("| \(first) | 1:10 |  |"))
        #expect(h.state.screen == .board)
        #expect(h.state.message?.text.contains("gantry standup report") == true)
    }

    @Test func anotherSessionsChangeKeepsTheSelectedCardInTheWalk() throws {
        let h = try AppHarness()
        h.press("4")
        // Two cards of one column, neither blocked: select the first; someone blocks the second,
        // which jumps above it (blocked cards come first).
        let items = h.state.standupLines.compactMap { line -> StandupItem? in if case .card(let i) = line { return i } else { return nil } }
        let pair = try #require(zip(items, items.dropFirst()).first { a, b in
            a.column.id == b.column.id && a.reason != .blocked && b.reason != .blocked
        })
        while h.state.selectedCardID != pair.0.card.id { h.press("j") }
        let p = try h.load()
        try h.store.apply(try p.blockCard(try p.card(key: pair.1.card.key), reason: "waiting for legal"), actor: "ben", at: h.clock.now)
        h.runtime.tick()
        #expect(h.state.selectedCardID == pair.0.card.id)
        #expect(h.state.standupLines[h.state.standup.selected].cardID == pair.0.card.id)
    }

    @Test func aBlockerNoteIsOneKeyAwayAndCounted() throws {
        let h = try AppHarness()
        h.advance(60)
        h.press("4")
        while h.state.selectedCard?.isBlocked == true { h.press("j") }
        let card = try #require(h.state.selectedCard)
        h.press("b")
        h.type("waiting for the bank")
        h.press("enter")
        #expect(try h.card(card.key).blockedReason == "waiting for the bank")
        #expect(h.state.screen == .standup)
        h.press("X", "y")
        let record = try #require(try h.store.standups().last)
        #expect(record.captured.contains { $0.contains(card.key) && $0.hasPrefix("ana ") })
        #expect(record.blockers.contains { $0.hasPrefix("\(card.key) ") && $0.contains("waiting for the bank") })
    }
}
