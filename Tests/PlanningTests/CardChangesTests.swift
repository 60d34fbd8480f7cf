import Foundation
import Testing
@testable import Planning

@Suite struct CardChangesTests {
    @Test func movingIntoAFullColumnIsRefusedWithTheNumbers() throws {
        var p = try Fixture.project()
        let board = try p.board(named: nil)
        try p.apply(try p.setWIPLimit(try p.column(named: "In progress", on: board), to: 1))
        try Fixture.add("One", to: &p, column: "In progress")
        let two = try Fixture.add("Two", to: &p)
        let doing = try p.column(named: "In progress", on: board)
        #expect(throws: PlanningError.wipLimitReached(column: "In progress", count: 1, limit: 1, card: "T-2")) {
            try p.moveCard(two, to: doing, now: Fixture.now)
        }
        let forced = try p.moveCard(two, to: doing, force: true, now: Fixture.now)
        try p.apply(forced)
        #expect(p.cards(inColumn: doing.id).map(\.title) == ["One", "Two"])
    }

    @Test func moveResetsAgeAndInverseRestoresEverything() throws {
        var p = try Fixture.project()
        let card = try Fixture.add("Ship it", to: &p)
        let before = p.cards
        let later = Fixture.now.addingTimeInterval(86_400 * 3)
        let review = try p.column(named: "Review", on: try p.board(named: nil))
        let move = try p.moveCard(card, to: review, now: later)
        try p.apply(move)
        #expect(p.cards[card.id]?.columnID == review.id)
        #expect(p.cards[card.id]?.daysInColumn(now: later) == 0)
        #expect(p.cards[card.id]?.daysInColumn(now: later.addingTimeInterval(86_400 * 2)) == 2)
        #expect(move.summary == "moved T-1 To do → Review")
        try p.apply(move.inverse)
        #expect(p.cards == before)
    }

    @Test func placementsOrderTheColumnAndRenumberWhenRanksRunOut() throws {
        var p = try Fixture.project()
        let a = try Fixture.add("A", to: &p)
        let b = try Fixture.add("B", to: &p)
        let c = try Fixture.add("C", to: &p)
        let col = a.columnID
        try p.apply(try p.rankCard(c, at: .top))
        #expect(p.cards(inColumn: col).map(\.title) == ["C", "A", "B"])
        try p.apply(try p.rankCard(try p.card(key: "T-1"), at: .after(cardID: b.id)))
        #expect(p.cards(inColumn: col).map(\.title) == ["C", "B", "A"])
        // Squeezing between the same two neighbours 60 times exhausts the gap between doubles.
        for _ in 0..<60 {
            let top = p.cards(inColumn: col)
            let moving = top[2]
            try p.apply(try p.rankCard(moving, at: .after(cardID: top[0].id)))
        }
        let ranks = p.cards(inColumn: col).map(\.rank)
        #expect(Set(ranks).count == 3)
        #expect(p.cards(inColumn: col).count == 3)
    }

    /// Any sequence of placements (ends, before, after; tied ranks among them) leaves the column
    /// in the order a plain list would have, whether a slot was found or the column re-spaced;
    /// with and without the column's order handed in (as the board does).
    @Test(arguments: [3, 11, 29] as [UInt64], [false, true]) func placementsMatchAListModel(seed: UInt64, knownOrder: Bool) throws {
        var p = try Fixture.project()
        var generator = SplitMix(seed: seed)
        for i in 0..<12 { try Fixture.add("C\(i)", to: &p) }
        let col = try p.card(key: "T-1").columnID
        // Two cards share a rank: their numbers decide, as everywhere.
        let tied = try p.card(key: "T-4")
        try p.apply(Change(summary: "tie", edits: [tied.update([("rank", .real(try p.card(key: "T-3").rank))])!]))
        var model = p.cards(inColumn: col).map(\.id)
        for step in 0..<300 {
            let list = p.cards(inColumn: col)
            let moving = list[Int.random(in: 0..<list.count, using: &generator)]
            let others = model.filter { $0 != moving.id }
            let anchor = others[Int.random(in: 0..<others.count, using: &generator)]
            let placement: Placement
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: placement = .top
            case 1: placement = .bottom
            case 2, 3: placement = .before(cardID: anchor)
            default: placement = .after(cardID: anchor)
            }
            let order = knownOrder ? ColumnOrder(columnID: col, ids: p.cards(inColumn: col).map(\.id)) : nil
            try p.apply(try p.rankCard(moving, at: placement, order: order))
            model = others
            switch placement {
            case .top: model.insert(moving.id, at: 0)
            case .bottom: model.append(moving.id)
            case .before(let id): model.insert(moving.id, at: model.firstIndex(of: id)!)
            case .after(let id): model.insert(moving.id, at: model.firstIndex(of: id)! + 1)
            }
            #expect(p.cards(inColumn: col).map(\.id) == model, "seed \(seed), step \(step), \(placement)")
        }
    }

    @Test func neighbourPlacementStopsAtTheEdges() throws {
        var p = try Fixture.project()
        let a = try Fixture.add("A", to: &p)
        try Fixture.add("B", to: &p)
        #expect(p.neighbourPlacement(of: a, step: -1) == nil)
        try p.apply(try p.rankCard(a, at: try #require(p.neighbourPlacement(of: a, step: 1))))
        #expect(p.cards(inColumn: a.columnID).map(\.title) == ["B", "A"])
    }

    @Test func titlesAreValidatedAndFlattened() throws {
        var p = try Fixture.project()
        let board = try p.board(named: nil)
        #expect(throws: PlanningError.invalid(field: "title", message: "must not be empty")) {
            try p.addCard(CardDraft(title: "   "), board: board, now: Fixture.now)
        }
        #expect(throws: PlanningError.invalid(field: "title", message: "is 201 characters; the limit is 200")) {
            try p.addCard(CardDraft(title: String(repeating: "x", count: 201)), board: board, now: Fixture.now)
        }
        let card = try Fixture.add("two\nlines\tand tab", to: &p)
        #expect(card.title == "two lines and tab")
    }

    @Test func editsRecordOnlyChangedFieldsWithTheirOldValues() throws {
        var p = try Fixture.project()
        let card = try Fixture.add("Old", to: &p)
        let change = try p.editCard(card, CardDraft(title: "New", priority: .medium, assignee: .some("ana")))
        #expect(change.edits.count == 1)
        let fields = change.edits[0].fields
        #expect(fields.map(\.name).sorted() == ["assignee", "title"])
        #expect(change.summary == "edited \(card.key) (title, assignee)")
        let blocked = try p.editCard(card, CardDraft(blockedReason: .some("Waiting on legal")))
        #expect(blocked.summary == "edited \(card.key) (blocked reason)", "field names are said as words")
        #expect(fields.first { $0.name == "title" }?.from == .text("Old"))
        #expect(throws: PlanningError.self) { try p.editCard(card, CardDraft(assignee: .some("zed"))) }
    }

    @Test func removingAMemberWithCardsNeedsUnassign() throws {
        var p = try Fixture.project()
        try Fixture.add("Mine", to: &p, CardDraft(assignee: .some("ana")))
        let ana = try p.member(handle: "ana")
        #expect(throws: PlanningError.self) { try p.removeMember(ana, unassign: false) }
        try p.apply(try p.removeMember(ana, unassign: true))
        #expect(p.members["ana"] == nil)
        #expect(try p.card(key: "T-1").assignee == nil)
    }

    @Test func columnsReorderAndRemoveCarryingTheirCards() throws {
        var p = try Fixture.project()
        let board = try p.board(named: nil)
        try Fixture.add("Kept", to: &p, column: "Review")
        try p.apply(try p.moveColumn(try p.column(named: "Done", on: board), to: 1))
        #expect(p.columns(of: board.id).map(\.name) == ["Done", "Backlog", "To do", "In progress", "Review"])
        let review = try p.column(named: "Review", on: board)
        #expect(throws: PlanningError.self) { try p.removeColumn(review, movingCardsTo: nil, now: Fixture.now) }
        try p.apply(try p.removeColumn(review, movingCardsTo: try p.column(named: "Done", on: board), now: Fixture.now))
        #expect(p.columns(of: board.id).map(\.position) == [0, 1, 2, 3])
        #expect(p.cards(inColumn: try p.column(named: "Done", on: board).id).map(\.title) == ["Kept"])
    }
}
