import Foundation
import Testing
import Planning
@testable import PlanStore

@Suite struct PreviewTests {
    /// The first frame's preview: the top cards of each column, the epics those cards belong
    /// to (not every epic), and the true number of active cards per column.
    @Test func thePreviewHoldsTheTopCardsTheirEpicsAndTheCounts() throws {
        let t = try TempProject()
        func add(_ title: String, _ draft: CardDraft = CardDraft(), column: String = "To do") throws {
            let p = try t.store.load()
            var d = draft
            d.title = title
            let board = try p.board(named: nil)
            try t.store.apply(try p.addCard(d, board: board, column: try p.column(named: column, on: board), force: true, now: TempProject.now),
                              actor: "ana", at: TempProject.now)
        }
        try add("Finished", column: "Done")                                // GAN-1
        try add("Used epic", CardDraft(type: .epic), column: "Done")       // GAN-2
        try add("Unused epic", CardDraft(type: .epic), column: "Done")     // GAN-3
        for i in 1...6 { try add("Card \(i)", i == 1 ? CardDraft(parentKey: "GAN-2") : CardDraft()) } // GAN-4…9
        let p = try t.store.load()
        try t.store.apply(try p.archiveCard(try p.card(key: "GAN-9")), actor: "ana", at: TempProject.now)

        let (preview, totals) = try t.store.loadPreview(perColumn: 1)
        let keys = Set(preview.cards.values.map(\.key))
        #expect(keys == ["GAN-1", "GAN-2", "GAN-4"], "the top of Done and of To do, and GAN-4's epic; not the other epic")
        let full = try t.store.load()
        let board = try full.board(named: nil)
        #expect(totals[try full.column(named: "To do", on: board).id] == 5)
        #expect(totals[try full.column(named: "Done", on: board).id] == 3)
        #expect(totals[try full.column(named: "Backlog", on: board).id] == nil)
    }
}
