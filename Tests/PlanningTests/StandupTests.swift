import Foundation
import Testing
@testable import Planning

@Suite struct StandupTests {
    /// Sets how long a card has been in its column.
    func age(_ key: String, days: Double, in p: inout ProjectSnapshot) throws {
        let card = try p.card(key: key)
        let edit = try #require(card.update([("enteredColumnAt", .real(Fixture.now.timeIntervalSince1970 - days * 86_400))]))
        try p.apply(Change(summary: "age", edits: [edit]))
    }

    func board() throws -> ProjectSnapshot {
        var p = try Fixture.project()
        try Fixture.add("todo fresh", to: &p, column: "To do", CardDraft(assignee: "ana"))              // T-1
        try Fixture.add("todo blocked", to: &p, column: "To do", CardDraft(assignee: "ben"))            // T-2
        try Fixture.add("doing fresh", to: &p, column: "In progress", CardDraft(assignee: "ben"))       // T-3
        try Fixture.add("doing old", to: &p, column: "In progress", CardDraft(assignee: "ana"))         // T-4
        try Fixture.add("review fresh", to: &p, column: "Review", CardDraft(assignee: "ana"))           // T-5
        try Fixture.add("review blocked", to: &p, column: "Review")                                     // T-6
        try Fixture.add("in backlog", to: &p, column: "Backlog", CardDraft(assignee: "ana"))            // T-7
        try Fixture.add("finished", to: &p, column: "Done", CardDraft(assignee: "ben"))                 // T-8
        try p.apply(try p.blockCard(try p.card(key: "T-2"), reason: "waiting"))
        try p.apply(try p.blockCard(try p.card(key: "T-6"), reason: "legal"))
        try age("T-4", days: 5, in: &p)
        return p
    }

    @Test func theWalkGoesRightToLeftWithBlockedThenAgeingFirst() throws {
        let p = try board()
        let walk = StandupAgenda.walk(p, boardID: try p.board(named: nil).id, now: Fixture.now)
        #expect(walk.map(\.card.key) == ["T-6", "T-5", "T-4", "T-3", "T-2", "T-1"])
        #expect(walk.map(\.reason) == [.blocked, .normal, .ageing, .normal, .blocked, .normal])
        #expect(walk.map(\.column.name) == ["Review", "Review", "In progress", "In progress", "To do", "To do"])
    }

    @Test func aPersonsWalkHoldsOnlyTheirCards() throws {
        let p = try board()
        let walk = StandupAgenda.walk(p, boardID: try p.board(named: nil).id, now: Fixture.now, assignee: "ana")
        #expect(walk.map(\.card.key) == ["T-5", "T-4", "T-1"])
    }

    @Test func speakersComeInTheOrderTheirWorkComesUpThenEveryoneElse() throws {
        var p = try board()
        try p.apply(try p.addMember(handle: "zoe", name: nil, role: nil, capacity: nil, costRate: nil))
        try p.apply(try p.addMember(handle: "cat", name: nil, role: nil, capacity: nil, costRate: nil))
        #expect(StandupAgenda.speakers(p, boardID: try p.board(named: nil).id, now: Fixture.now) == ["ana", "ben", "cat", "zoe"])
    }

    @Test func theTimerBanksEachSpeakersTimeAndShowsTheOverrun() {
        let t0 = Fixture.now
        var clock = StandupClock(speakers: ["ana", "ben", "cat"], timebox: 60, now: t0)
        #expect(clock.speaker == "ana")
        #expect(clock.elapsed(now: t0.addingTimeInterval(45)) == 45)
        #expect(clock.overrun(now: t0.addingTimeInterval(45)) == nil)
        #expect(clock.overrun(now: t0.addingTimeInterval(75)) == 15)
        clock.move(1, now: t0.addingTimeInterval(75))
        #expect(clock.speaker == "ben")
        #expect(clock.elapsed(now: t0.addingTimeInterval(85)) == 10)
        clock.move(-1, now: t0.addingTimeInterval(90))
        // Back to ana: her 75 s carry on from where they stopped.
        #expect(clock.elapsed(now: t0.addingTimeInterval(100)) == 85)
        #expect(clock.totals(now: t0.addingTimeInterval(100)).map(\.seconds) == [85, 15, 0])
        clock.move(5, now: t0.addingTimeInterval(100))
        #expect(clock.speaker == "cat")
        #expect(StandupClock.format(85) == "1:25")
        #expect(StandupClock.format(600) == "10:00")
    }

    @Test func shufflingKeepsWhoHasSpokenAndTheCurrentSpeaker() {
        var clock = StandupClock(speakers: ["a", "b", "c", "d", "e", "f"], timebox: 60, now: Fixture.now)
        clock.move(2, now: Fixture.now.addingTimeInterval(30))
        var rng = SplitMix(seed: 7)
        clock.shuffle(using: &rng, now: Fixture.now.addingTimeInterval(31))
        #expect(Array(clock.speakers.prefix(3)) == ["a", "b", "c"])
        #expect(Set(clock.speakers) == ["a", "b", "c", "d", "e", "f"])
        #expect(clock.speaker == "c")
        let fresh = StandupClock(speakers: ["a", "b", "c", "d", "e", "f"], timebox: 60, now: Fixture.now)
        var orders: Set<[String]> = []
        for seed in 1...10 {
            var g = SplitMix(seed: UInt64(seed))
            var c = fresh
            c.shuffle(using: &g, now: Fixture.now)
            orders.insert(c.speakers)
        }
        #expect(orders.count > 1, "before anyone speaks, everyone is shuffled")
    }

    @Test func theSummaryIsMarkdownWithSpeakersMovesBlockersAndCaptures() throws {
        let p = try board()
        let start = Fixture.now
        var clock = StandupClock(speakers: ["ana", "ben", "cy"], timebox: 60, now: start)
        clock.move(1, now: start.addingTimeInterval(50))
        let previous = start.addingTimeInterval(-86_400)
        let card = try p.card(key: "T-3")
        let moveEdit = try #require(card.update([("columnID", .text(try p.column(named: "Review", on: try p.board(named: nil)).id))]))
        let move = Change(summary: "moved T-3 In progress → Review", edits: [moveEdit])
        let captured = try p.addCard(CardDraft(title: "Call the bank"), board: try p.board(named: nil), now: start)
        var capturedNamed = captured
        capturedNamed.summary = "added T-9 \"Call the bank\""
        let record = StandupRecord.closing(clock, facilitator: "ana", project: p, boardID: try p.board(named: nil).id,
                                           since: [(actor: "ben", at: start.addingTimeInterval(-3600), change: move),
                                                   (actor: "ana", at: start.addingTimeInterval(70), change: capturedNamed)],
                                           previousEndedAt: previous, now: start.addingTimeInterval(130))
        #expect(record.markdown() == """
            # Stand-up 2026-11-26

            Facilitator: ana · board Main · 12:00–12:02 UTC (2 min) · timebox 1:00 per speaker

            ## Speakers

            | Speaker | Time | Over |
            |---|---:|---:|
            | ana | 0:50 |  |
            | ben | 1:20 | 0:20 |
            | cy | not reached |  |

            ## Moved since the previous stand-up (since 2026-11-25 12:00 UTC)

            - ben moved T-3 In progress → Review

            ## Blockers

            - T-6 review blocked: legal
            - T-2 todo blocked: waiting (ben)

            ## Captured

            - ana added T-9 "Call the bank"

            """)
        let decoded = try #require(StandupRecord.decode(record.encoded()))
        #expect(decoded == record)
        let saved = try JSONDecoder().decode(StandupRecord.Speaker.self, from: Data(#"{"name":"ana","seconds":50}"#.utf8))
        #expect(saved.reached == nil, "records saved before 'reached' existed still read, as reached")
    }

    @Test func presenceExpiresTwentySecondsAfterTheLastHeartbeat() {
        let t0 = Fixture.now
        let a = PresenceSession(session: "1", actor: "ana", host: "h", pid: 1, screen: "board", since: t0, seen: t0)
        var b = a
        b.session = "2"
        b.actor = "ben"
        b.seen = t0.addingTimeInterval(15)
        #expect(Presence.live([b, a], now: t0.addingTimeInterval(20)).map(\.actor) == ["ana", "ben"])
        #expect(Presence.live([b, a], now: t0.addingTimeInterval(21)).map(\.actor) == ["ben"])
        #expect(Presence.live([b, a], now: t0.addingTimeInterval(36)).isEmpty)
    }
}
