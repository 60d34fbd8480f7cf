import Foundation
import Testing
import Planning
import TerminalUI
@testable import GantryApp

/// Update and render with no database and no terminal: the sample in memory, keys in, effects
/// and outcomes checked as values.
@Suite struct OutcomeTests {
    static func state(width: Int = 120, height: Int = 40) throws -> AppState {
        AppState(project: try SampleProject.snapshot(now: AppHarness.now), actor: "ana", projectPath: "sample", now: AppHarness.now)
    }

    @Test func aMoveIsAnEffectAndItsOutcomeTheMessage() throws {
        var s = try Self.state()
        for _ in 0..<3 { _ = s.handle(.key(.char("l")), size: (120, 40)) }
        let card = try #require(s.selectedCard)
        let effects = s.handle(.key(.char("L")), size: (120, 40))
        guard case .apply(let change)? = effects.first else { Issue.record("L asks to apply a move: \(effects)"); return }
        #expect(change.summary == "moved \(card.key) Review → Done")
        #expect(s.project.cards[card.id]?.columnID == card.columnID, "update never writes the project: the store does, then the journal")
        #expect(s.receive(.applied(summary: "moved GAN-1 To do → In progress")).isEmpty)
        #expect(s.message == .info("Moved GAN-1 To do → In progress"))
    }

    @Test func undoAndRedoSayWhatHappenedOrThatThereWasNothing() throws {
        var s = try Self.state()
        #expect(s.handle(.key(.char("u")), size: (120, 40)) == [.undo])
        _ = s.receive(.undone(summary: nil))
        #expect(s.message == .info("Nothing of yours to undo."))
        _ = s.receive(.undone(summary: "undo: blocked GAN-4: keys"))
        #expect(s.message == .info("Undid: blocked GAN-4: keys"))
        _ = s.receive(.redone(summary: nil))
        #expect(s.message == .info("Nothing to redo."))
        _ = s.receive(.failed("database is locked"))
        #expect(s.message == .error("Database is locked"))
    }

    @Test func anEditedDescriptionComesBackAsAChangeToApply() throws {
        var s = try Self.state()
        let card = try #require(s.selectedCard)
        let asked = s.handle(.key(.char("E")), size: (120, 40))
        #expect(asked == [.editDescription(cardID: card.id, text: card.description)])
        let next = s.receive(.editorFinished(cardID: card.id, original: card.description, edited: "New text"))
        guard case .apply(let change)? = next.first else { Issue.record("the edit is applied: \(next)"); return }
        #expect(change.edits.first?.fields.first { $0.name == "description" }?.to == .text("New text"))
        #expect(s.receive(.editorFinished(cardID: card.id, original: "same", edited: "same")).isEmpty)
        #expect(s.message == .info("Description unchanged."))
    }

    @Test func theBoardRendersFromStateAloneAndMatchesTheStoredSample() throws {
        let s = try Self.state(width: 80, height: 24)
        let h = try AppHarness(width: 80, height: 24)
        let frame = s.render(theme: AppHarness.testTheme, width: 80, height: 24)
        #expect(frame.buffer.lines == h.screen, "the in-memory sample draws as the stored one does")
    }

    @Test func aStandUpStartsWhenItsHistoryIsReadAndEndsWhenSaved() throws {
        var s = try Self.state()
        #expect(s.handle(.key(.char("4")), size: (120, 40)) == [.startStandup])
        #expect(s.standup.clock == nil, "nothing starts until the history is in")
        _ = s.receive(.standupHistory(previousEndedAt: nil, since: [], starting: true))
        let clock = try #require(s.standup.clock)
        #expect(clock.speakers.first == "chen", "the first speaker owns the first card on the walk")
        #expect(s.message?.text.hasPrefix("Stand-up started: 6 speakers") == true)
        _ = s.receive(.standupHistory(previousEndedAt: nil, since: [], starting: true))
        #expect(s.standup.clock == clock, "a second start keeps the running stand-up")
        _ = s.receive(.standupSaved(speakers: 6, captured: 2))
        #expect(s.standup.clock == nil && s.screen == .board)
        #expect(s.message == .info("Stand-up saved (6 speakers, 2 captured). gantry standup report prints it."))
    }

    /// Ids are injected like the clock: the same seed gives the same new card, another seed another.
    @Test func newCardsTakeTheirIdsFromTheInjectedGenerator() throws {
        func newCardID(seed: UInt64) throws -> String? {
            var s = AppState(project: try SampleProject.snapshot(now: AppHarness.now), actor: "ana", projectPath: "sample",
                             now: AppHarness.now, idSeed: seed)
            let effects = s.handle(.key(.char(":")), size: (120, 40)) + "new Pay by link".flatMap { s.handle(.key(.char($0)), size: (120, 40)) }
                + s.handle(.key(.enter), size: (120, 40))
            #expect(effects.count == 1)
            guard case .apply(let change)? = effects.last else { return nil }
            return change.edits.first { $0.kind == .card && $0.operation == .create }?.id
        }
        let first = try #require(try newCardID(seed: 7))
        #expect(try newCardID(seed: 7) == first)
        #expect(try newCardID(seed: 8) != first)
        #expect(first.count == 36 && first.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12], "in UUID form: \(first)")
    }

    @Test func followingIsDecidedByUpdate() throws {
        var s = try Self.state()
        _ = s.receive(.followChecked(leader: "ana", present: true))
        #expect(s.sharing.following == nil && s.message == .error("You cannot follow yourself; name someone else (:follow NAME)."))
        _ = s.receive(.followChecked(leader: "zed", present: false))
        #expect(s.sharing.following == nil && s.message?.text.hasPrefix("Nobody called zed") == true)
        _ = s.receive(.followChecked(leader: "ben", present: false))
        #expect(s.sharing.following == "ben", "a member may be followed before they open the project")
        s.message = nil
        _ = s.receive(.leaderView(leader: "ben", view: nil, width: 120, height: 40))
        #expect(s.message == .info("ben is not sharing a screen right now; waiting (F stops)."))
        _ = s.receive(.followChecked(leader: nil, present: false))
        #expect(s.sharing.following == nil && s.message == .info("Stopped following ben."))
    }
}
