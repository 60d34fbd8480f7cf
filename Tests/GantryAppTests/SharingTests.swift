import Foundation
import Testing
import Planning
import PlanStore
import GantryTestSupport
import TerminalUI
@testable import GantryApp

/// Several sessions on one project: changes arrive without disturbing anyone, open forms merge
/// or show the clash, presence comes and goes, and followers see what the leader sees.
@Suite struct SharingTests {
    /// `actor` changes a card through the store, as another process would.
    func edit(_ h: AppHarness, _ key: String, by actor: String, _ draft: CardDraft) throws {
        let p = try h.store.load()
        try h.store.apply(try p.editCard(try p.card(key: key), draft), actor: actor, at: h.clock.now)
    }

    func move(_ h: AppHarness, _ key: String, to column: String, by actor: String) throws {
        let p = try h.store.load()
        let card = try p.card(key: key)
        let target = try p.column(named: column, on: try #require(p.boards[card.boardID]))
        try h.store.apply(try p.moveCard(card, to: target, force: true, now: h.clock.now), actor: actor, at: h.clock.now)
    }

    @Test(arguments: TestPostgres.storeKinds) func anotherSessionsMoveShowsWithoutMovingTheSelection(kind: StoreKind) throws {
        let h = try AppHarness(kind: kind)
        h.press("l", "j")
        let selected = try #require(h.state.selectedCardID)
        let other = try #require(h.state.project.cards.values.first { $0.id != selected && $0.columnID != h.state.selectedCard?.columnID && !$0.archived })
        try move(h, other.key, to: "Done", by: "ben")
        h.tickAfterOthers()
        #expect(h.state.selectedCardID == selected)
        #expect(h.state.project.cards[other.id]?.columnID == (try h.store.load().cards[other.id]?.columnID))
        #expect(h.state.message == nil, "nothing to tell: the board just shows it")
    }

    @Test(arguments: TestPostgres.storeKinds) func anotherSessionsRiskEditTurnsItsTrendArrow(kind: StoreKind) throws {
        let h = try AppHarness(kind: kind)
        h.press("2")
        let p = try h.store.load()
        let r1 = try p.raidItem(key: "R-1")
        #expect(h.state.raid.trends[r1.id] != .falling)
        var draft = RaidDraft()
        draft[.probability] = .int(1)
        try h.store.apply(try p.editRaid(r1, draft, now: AppHarness.now), actor: "ben", at: AppHarness.now)
        let before = h.state.raid.trends
        h.tickAfterOthers()
        #expect(h.state.raid.trends[r1.id] == .falling, "read again when the journal moved, without a key")
        #expect(h.state.raid.trends.filter { $0.key != r1.id } == before.filter { $0.key != r1.id }, "the others kept")
        let incremental = h.state.raid.trends
        h.runtime.refreshTrends()
        #expect(h.state.raid.trends == incremental, "reading only the risks that changed gives what reading all gives")
        let r2 = try p.raidItem(key: "R-2")
        let now = try h.store.load()
        try h.store.apply(try now.closeRaid(r2, now: AppHarness.now), actor: "ben", at: AppHarness.now)
        h.tickAfterOthers()
        #expect(h.state.raid.trends[r2.id] == nil, "a risk closed elsewhere has no arrow")
    }

    @Test(arguments: TestPostgres.storeKinds) func aFieldSomeoneElseChangedMergesIntoTheOpenForm(kind: StoreKind) throws {
        let h = try AppHarness(kind: kind)
        let key = try #require(h.state.selectedCard?.key)
        h.press("e")
        h.type(" (ana)")
        try edit(h, key, by: "ben", CardDraft(priority: .critical))
        h.tickAfterOthers()
        guard case .form(let form) = h.state.mode else { Issue.record("the form closed"); return }
        #expect(form[.priority] == "critical")
        #expect(h.text.contains("ben changed Priority; the form shows their value."))
        h.press("enter")
        let card = try h.card(key)
        #expect(card.title.hasSuffix(" (ana)"))
        #expect(card.priority == .critical, "ben's change survives ana's save")
    }

    @Test(arguments: TestPostgres.storeKinds) func theSameFieldChangedUnderAnOpenFormIsAClashTheUserSettles(kind: StoreKind) throws {
        let h = try AppHarness(kind: kind)
        let key = try #require(h.state.selectedCard?.key)
        h.press("e")
        h.type(" (ana)")
        try edit(h, key, by: "ben", CardDraft(title: "Ben's title"))
        h.tickAfterOthers()
        #expect(h.text.contains("ben changed Title while you were editing it. C-t takes theirs, C-y keeps yours."))
        h.press("enter")
        #expect(try h.card(key).title == "Ben's title", "nothing saved over ben's title unasked")
        guard case .form = h.state.mode else { Issue.record("the form closed"); return }
        #expect(h.state.message?.text.contains("ben changed Title while you were editing it") == true)
        h.press("C-y", "enter")
        #expect(try h.card(key).title.hasSuffix(" (ana)"))
        #expect(try h.store.journal().suffix(2).map(\.actor) == ["ben", "ana"])
    }

    @Test(arguments: TestPostgres.storeKinds) func takingTheirsPutsTheirValueInTheForm(kind: StoreKind) throws {
        let h = try AppHarness(kind: kind)
        let key = try #require(h.state.selectedCard?.key)
        h.press("e")
        h.type(" (ana)")
        try edit(h, key, by: "ben", CardDraft(title: "Ben's title"))
        h.tickAfterOthers()
        h.press("C-t")
        guard case .form(let form) = h.state.mode else { Issue.record("the form closed"); return }
        #expect(form[.title] == "Ben's title")
        h.press("enter")
        #expect(try h.card(key).title == "Ben's title")
        #expect(try h.store.journal().last?.actor == "ben", "nothing left to save")
    }

    @Test(arguments: TestPostgres.storeKinds) func anOpenRiskFormMergesAndClashesTheSameWay(kind: StoreKind) throws {
        let h = try AppHarness(kind: kind)
        h.press("2")
        let item = try #require(h.state.selectedRaidItem)
        h.press("e")
        h.type(" (ana)")
        let p = try h.store.load()
        var actions = RaidDraft()
        actions[.actions] = .text("Escalate to the vendor")
        try h.store.apply(try p.editRaid(try #require(p.raidItems[item.id]), actions, now: h.clock.now),
                          actor: "ben", at: h.clock.now)
        h.tickAfterOthers()
        guard case .raidForm(let merged) = h.state.mode else { Issue.record("the form closed"); return }
        #expect(merged[.actions] == "Escalate to the vendor")
        let q = try h.store.load()
        var title = RaidDraft()
        title[.title] = .text("Ben's risk")
        try h.store.apply(try q.editRaid(try #require(q.raidItems[item.id]), title, now: h.clock.now),
                          actor: "ben", at: h.clock.now)
        h.tickAfterOthers()
        #expect(h.text.contains("ben changed Title while you were editing it"))
        h.press("enter")
        #expect(try h.store.load().raidItems[item.id]?.title == "Ben's risk")
        h.press("C-y", "enter")
        let saved = try #require(try h.store.load().raidItems[item.id])
        #expect(saved.title.hasSuffix(" (ana)"))
        #expect(saved.actions == "Escalate to the vendor", "ben's other edit survives")
    }

    @Test(arguments: TestPostgres.storeKinds) func aCardDeletedUnderAnOpenFormCannotBeSaved(kind: StoreKind) throws {
        let h = try AppHarness(kind: kind)
        let card = try #require(h.state.selectedCard)
        h.press("e")
        let p = try h.store.load()
        try h.store.apply(p.deleteCard(try p.card(key: card.key)), actor: "ben", at: h.clock.now)
        h.tickAfterOthers()
        #expect(h.text.contains("ben deleted this card while you were editing it"))
        h.press("enter")
        #expect(try h.store.load().cards[card.id] == nil)
        h.press("esc")
        #expect(h.state.mode == .board)
    }

    @Test func presenceShowsWhoIsHereAndForgetsKilledSessions() throws {
        let h = try AppHarness()
        let ben = try h.session(actor: "ben")
        ben.runtime.tick()
        h.runtime.tick()
        #expect(h.screen[0].contains("here: ben"))
        h.press("w")
        #expect(h.text.contains("Here now (2)"))
        #expect(h.text.contains("● ben · board"))
        #expect(h.text.contains("● ana (you) · board"))
        try h.store.beat(PresenceSession(session: "elsewhere", actor: "cat", host: "build-7", pid: 1, screen: "raid",
                                         since: h.clock.now, seen: h.clock.now))
        h.advance(1)
        h.runtime.tick()
        #expect(h.text.contains("● cat@build-7 · raid"), "a session on another machine says which")
        // ben's and cat's sessions are killed: no more heartbeats. ana's go on.
        h.advance(Presence.expiry + 1)
        h.runtime.tick()
        #expect(!h.screen[0].contains("here: ben"))
        #expect(h.text.contains("Here now (1)"))
    }

    @Test func theActivityFeedTellsWhoDidWhatAndFiltersByPerson() throws {
        let h = try AppHarness()
        h.advance(600)
        try move(h, "GAN-9", to: "Done", by: "ben")
        h.advance(120)
        h.runtime.tick()
        h.press("w")
        #expect(h.text.contains("ben moved GAN-9 Review → Done"))
        #expect(h.text.contains("2 min ago"))
        #expect(h.text.contains("fatima"))
        h.press(":")
        h.type("activity ben")
        h.press("enter")
        #expect(h.text.contains("Activity · ben"))
        #expect(h.text.contains("ben moved GAN-9 Review → Done"))
        #expect(!h.text.contains("fatima added"))
    }

    @Test func aFollowerSeesTheLeadersScreenSelectionAndSpeakerReadOnly() throws {
        let h = try AppHarness()
        let ben = try h.session(actor: "ben")
        h.runtime.tick()
        ben.runtime.follow("ana")
        h.press("4", "j", "j", ".")
        h.runtime.tick()
        ben.runtime.tick()
        #expect(ben.runtime.state.screen == .standup)
        #expect(ben.runtime.state.standup.clock?.speaker == h.state.standup.clock?.speaker)
        #expect(ben.runtime.state.selectedCardID == h.state.selectedCardID)
        #expect(ben.terminal.screen?.lines.joined(separator: "\n").contains("following ana") == true)
        h.press("v")
        h.runtime.tick()
        ben.runtime.tick()
        #expect(ben.runtime.state.standupLines == h.state.standupLines, "the follower sees the same person-by-person list")
        h.press("v")
        h.press("1", "l", "j")
        h.runtime.tick()
        ben.runtime.tick()
        #expect(ben.runtime.state.screen == .board)
        #expect(ben.runtime.state.selectedCardID == h.state.selectedCardID)
        let seq = try h.store.latestSeq()
        ben.runtime.handle(.key(.char("L")))
        #expect(try h.store.latestSeq() == seq, "a follower changes nothing")
        #expect(ben.runtime.state.message?.text == "Following ana: read-only. F or esc stops following.")
        ben.runtime.handle(.key(.escape))
        #expect(ben.runtime.state.sharing.following == nil)
    }

    @Test func followingNeedsSomeoneElse() throws {
        let h = try AppHarness()
        h.press("F")
        #expect(h.state.message?.text.hasPrefix("Nobody else has this project open") == true)
        h.runtime.follow("ana")
        #expect(h.state.sharing.following == nil)
        #expect(h.state.message?.isError == true)
    }
}
