import Foundation
import GRDB
import Planning

extension ProjectStore {
    /// Each task's percent complete over time (see `ProgressHistory`), from the journal rows that
    /// touched a task: only those are decoded, through the journal's entity index.
    public func progressHistory() throws -> ProgressHistory {
        try Self.translating(path) {
            try reader.read { db in
                var history = ProgressHistory()
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT at, change FROM journal WHERE seq IN (
                        SELECT seq FROM journal_entity WHERE entityID IN (SELECT id FROM task)) ORDER BY seq
                    """)
                while let row = try rows.next() {
                    history.record(try StoredChange.decode(row["change"]), at: Date(timeIntervalSince1970: row["at"]))
                }
                return history
            }
        }
    }
}
