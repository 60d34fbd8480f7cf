import Foundation
import GRDB
import Planning

/// Keeps `card_flow` in step with the journal: one row per card whose column, sprint, estimate
/// or board a journal row changed, holding the card's values after it (or `deleted`). Flow
/// charts replay these rows instead of decoding every change.
enum FlowRecorder {
    static func record(_ change: Change, seq: Int64, at: Date, _ db: Database) throws {
        for edit in change.edits where edit.kind == .card && FlowHistory.touchesFlow(edit) {
            if edit.operation == .delete {
                try insert(seq: seq, at: at, cardID: edit.id, state: nil, db)
                continue
            }
            guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT boardID, columnID, sprintID, estimate, archived FROM card WHERE id = ?"),
                                             arguments: [edit.id]) else { continue }
            try insert(seq: seq, at: at, cardID: edit.id, state: FlowState(boardID: row[0], columnID: row[1], sprintID: row[2], estimate: row[3], archived: row[4]), db)
        }
    }

    /// Fills `card_flow` from an existing journal, replaying its card edits in order.
    static func backfill(_ db: Database) throws {
        var replay = Replay()
        let rows = try Row.fetchCursor(db, sql: "SELECT seq, at, change FROM journal ORDER BY seq")
        while let row = try rows.next() {
            try replay.record(try StoredChange.decode(row["change"]), seq: row["seq"], at: Date(timeIntervalSince1970: row["at"]), db)
        }
    }

    /// Journal rows replayed in order: each card's state kept from its own edits, so rows written
    /// without the card table in step (a backfill, an import) record the flow they made.
    struct Replay {
        private var states: [String: FlowState] = [:]

        mutating func record(_ change: Change, seq: Int64, at: Date, _ db: Database) throws {
            for edit in change.edits where edit.kind == .card && FlowHistory.touchesFlow(edit) {
                let state = FlowHistory.state(after: edit, from: states[edit.id])
                states[edit.id] = state
                try insert(seq: seq, at: at, cardID: edit.id, state: state, db)
            }
        }
    }

    private static func insert(seq: Int64, at: Date, cardID: String, state: FlowState?, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO card_flow (seq, at, cardID, boardID, columnID, sprintID, estimate, archived, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [seq, at.timeIntervalSince1970, cardID, state?.boardID, state?.columnID, state?.sprintID, state?.estimate,
                                   state?.archived ?? false, state == nil ? 1 : 0])
    }
}

extension ProjectStore {
    /// Every card's flow over time, from `card_flow` (see `FlowHistory`).
    public func flowHistory() throws -> FlowHistory {
        try Self.translating(path) {
            try reader.read { db in
                var history = FlowHistory()
                var interned: [String: String] = [:]
                func shared(_ s: String?) -> String? {
                    guard let s else { return nil }
                    if let known = interned[s] { return known }
                    interned[s] = s
                    return s
                }
                let rows = try Row.fetchCursor(db, sql: "SELECT at, cardID, boardID, columnID, sprintID, estimate, archived, deleted FROM card_flow ORDER BY rowid")
                while let row = try rows.next() {
                    let at = Date(timeIntervalSince1970: row[0])
                    let deleted: Bool = row[7]
                    history.append(cardID: row[1], at: at, state: deleted ? nil : FlowState(boardID: shared(row[2]), columnID: shared(row[3]),
                                                                                             sprintID: shared(row[4]), estimate: row[5], archived: row[6]))
                }
                return history
            }
        }
    }
}
