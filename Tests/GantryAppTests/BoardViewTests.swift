import Foundation
import Testing
import Planning
@testable import GantryApp

@Suite struct BoardViewTests {
    /// After any sequence of card changes, the incrementally updated board equals a fresh one.
    /// Seeded, with seeds whose sequences re-space a column's ranks in one change (many cards at
    /// once), which used to leave the column out of order; the order the cards of one change are
    /// visited in still varies from run to run, as dictionary order does.
    @Test(arguments: [1, 2, 57, 69, 148, 188] as [UInt64]) func incrementalUpdatesMatchAFullRebuild(seed: UInt64) throws {
        let h = try AppHarness()
        var state = h.state
        var generator = SplitMix(seed: seed)
        let filter = try CardFilter(try Query("-label:qa"), project: state.project, now: AppHarness.now, today: state.today)
        state.filter = filter
        // Only the board's cards, out of any sprint: a closed sprint's done cards may not move back.
        state.project.sprints = [:]
        for id in state.project.cards.keys { state.project.cards[id]?.sprintID = nil }
        state.refreshView()
        for step in 0..<150 {
            let cards = state.project.cards.values.filter { !$0.id.hasPrefix("past-") }.sorted { $0.number < $1.number }
            let card = cards[Int.random(in: 0..<cards.count, using: &generator)]
            let columns = state.view.columns
            let change: Change
            switch step % 5 {
            case 0, 1:
                change = try state.project.moveCard(card, to: columns[Int.random(in: 0..<columns.count, using: &generator)],
                                                    at: [.top, .bottom][step % 2], force: true, now: AppHarness.now)
            case 2:
                let list = state.project.cards(inColumn: card.columnID)
                change = try state.project.rankCard(card, at: list.count > 1 ? .after(cardID: list[list.count / 2].id) : .top)
            case 3:
                change = try state.project.editCard(card, CardDraft(labels: step % 2 == 0 ? ["qa"] : ["ui"]))
            default:
                change = card.archived ? try state.project.archiveCard(card, archived: false) : state.project.deleteCard(card)
            }
            try state.apply(change)
            let fresh = BoardView(project: state.project, boardID: state.boardID, filter: filter, swimlanes: .none)
            for c in columns.indices {
                #expect(state.view.ids(inColumn: c) == fresh.ids(inColumn: c), "seed \(seed), step \(step), column \(c)")
                #expect(state.view.counts[c] == fresh.counts[c])
                #expect(state.view.shown[c] == fresh.shown[c])
                for (row, id) in fresh.ids(inColumn: c).enumerated() {
                    #expect(state.view.position(of: id, in: state.project)! == (c, row))
                }
            }
        }
    }
}
