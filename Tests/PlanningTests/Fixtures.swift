import Foundation
@testable import Planning

/// A small project built through the domain's own changes, with a fixed clock.
enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_795_694_400) // 2026-11-26 12:00 UTC
    static let today = Day("2026-11-26")!

    static func project() throws -> ProjectSnapshot {
        var p = ProjectSnapshot(info: ProjectInfo(name: "Test", keyPrefix: "T"))
        try p.apply(try p.addBoard(name: "Main"))
        try p.apply(try p.addMember(handle: "ana", name: "Ana", role: nil, capacity: nil, costRate: nil))
        try p.apply(try p.addMember(handle: "ben", name: "Ben", role: nil, capacity: nil, costRate: nil))
        return p
    }

    /// Adds a card and gives it the key the store would (`T-n`).
    @discardableResult
    static func add(_ title: String, to p: inout ProjectSnapshot, column: String = "To do", _ draft: CardDraft = CardDraft()) throws -> Card {
        let board = try p.board(named: nil)
        var d = draft
        d.title = title
        var change = try p.addCard(d, board: board, column: try p.column(named: column, on: board), force: true, now: now)
        let n = p.cards.count + 1
        let i = change.edits.count - 1
        change.edits[i].fields += [FieldChange(name: "key", from: .null, to: .text("T-\(n)")), FieldChange(name: "number", from: .null, to: .int(Int64(n)))]
        try p.apply(change)
        return try p.card(key: "T-\(n)")
    }
}
