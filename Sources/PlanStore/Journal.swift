import Foundation
import GRDB
import Planning

/// One row of the journal: who did what, when. Undo and redo are rows too, pointing at the row
/// they reverse, so the journal is the full history and other sessions can replay it.
public struct JournalEntry: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case `do`, undo, redo
    }

    public let seq: Int64
    public let at: Date
    public let actor: String
    public let kind: Kind
    public let change: Change
    public let undoes: Int64?
    public let undoneBy: Int64?

    init(row: Row) throws {
        seq = row["seq"]
        at = Date(timeIntervalSince1970: row["at"])
        actor = row["actor"]
        kind = Kind(rawValue: row["kind"]) ?? .do
        change = try StoredChange.decode(row["change"])
        undoes = row["undoes"]
        undoneBy = row["undoneBy"]
    }

    package init(seq: Int64, at: Date, actor: String, kind: Kind, change: Change, undoes: Int64?, undoneBy: Int64? = nil) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.kind = kind
        self.change = change
        self.undoes = undoes
        self.undoneBy = undoneBy
    }
}

extension ProjectStore {
    /// Journal rows in order, optionally only those after `seq` or at/after `since`.
    /// With `limit`, the newest that many (still oldest first); rows are filtered in SQLite, so
    /// `gantry log --limit 5` decodes five changes however long the history.
    public func journal(_ query: JournalQuery) throws -> [JournalEntry] {
        let (seq, since, actor, limit) = (query.after, query.since, query.actor, query.limit)
        return try Self.translating(path) {
            try reader.read { db in
                var sql = "SELECT * FROM journal WHERE seq > ?"
                var args: [DatabaseValueConvertible] = [seq]
                if let since { sql += " AND at >= ?"; args.append(since.timeIntervalSince1970) }
                if let actor { sql += " AND actor = ?"; args.append(actor) }
                sql += " ORDER BY seq"
                if let limit { sql = "SELECT * FROM (\(sql.replacingOccurrences(of: "ORDER BY seq", with: "ORDER BY seq DESC")) LIMIT \(limit)) ORDER BY seq" }
                return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(JournalEntry.init(row:))
            }
        }
    }

    /// The newest `limit` journal rows as who, when and the one-line summary, oldest first:
    /// what an activity feed needs, without decoding the changes.
    public func journalSummaries(limit: Int) throws -> [(seq: Int64, at: Date, actor: String, summary: String)] {
        try Self.translating(path) {
            try reader.read { db in
                try Row.fetchAll(db, sql: "SELECT seq, at, actor, summary FROM journal ORDER BY seq DESC LIMIT ?", arguments: [limit])
                    .reversed().map { (seq: $0["seq"], at: Date(timeIntervalSince1970: $0["at"]), actor: $0["actor"], summary: $0["summary"]) }
            }
        }
    }

    /// The newest journal sequence number (0 for none).
    public func latestSeq() throws -> Int64 {
        try Self.translating(path) { try reader.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM journal") ?? 0 } }
    }

    /// Journal rows that touched one entity, newest first.
    public func history(of entityID: String, limit: Int) throws -> [JournalEntry] {
        try Self.translating(path) { try reader.read { db in try Self.history(of: entityID, limit: limit, db) } }
    }

    /// Each risk's trend at `now`, from the journal rows of its last two weeks (all read in one
    /// query): what the RAID screen, `risk list` and the status report show.
    public func riskTrends(of risks: [RaidItem], now: Date) throws -> [String: RiskTrend] {
        let histories = try recentHistory(of: risks.map(\.id), since: RiskHistory.windowStart(now))
        var trends: [String: RiskTrend] = [:]
        for risk in risks { trends[risk.id] = RiskHistory.trend(of: risk, history: histories[risk.id] ?? [], now: now) }
        return trends
    }

    /// What changed `ids` at or after `since`, newest first, by entity: one query for all of them.
    func recentHistory(of ids: [String], since: Date) throws -> [String: [(at: Date, change: Change)]] {
        guard !ids.isEmpty else { return [:] }
        return try Self.translating(path) {
            try reader.read { db in
                var out: [String: [(at: Date, change: Change)]] = [:]
                for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                    let rows = try Row.fetchCursor(db, sql: """
                        SELECT journal_entity.entityID, journal.at, journal.change FROM journal_entity JOIN journal USING (seq)
                        WHERE journal_entity.entityID IN (\(chunk.map { _ in "?" }.joined(separator: ", "))) AND journal.at >= ?
                        ORDER BY journal.seq DESC
                        """, arguments: StatementArguments(chunk + [since.timeIntervalSince1970]))
                    while let row = try rows.next() {
                        out[row[0], default: []].append((at: Date(timeIntervalSince1970: row[1]), change: try StoredChange.decode(row[2])))
                    }
                }
                return out
            }
        }
    }

    static func history(of entityID: String, limit: Int, _ db: Database) throws -> [JournalEntry] {
        try Row.fetchAll(db, sql: """
            SELECT journal.* FROM journal_entity JOIN journal USING (seq)
            WHERE journal_entity.entityID = ? ORDER BY seq DESC LIMIT ?
            """, arguments: [entityID, limit]).map(JournalEntry.init(row:))
    }

    /// Reverts `actor`'s most recent change that is not yet undone, as a new journal row.
    /// Returns nil when there is nothing to undo.
    @discardableResult
    public func undo(actor: String, at: Date) throws -> JournalEntry? {
        try immediateTransaction { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM journal WHERE actor = ? ORDER BY seq DESC", arguments: [actor])
            while let row = try rows.next() {
                let candidate = try JournalEntry(row: row)
                guard candidate.kind != .undo, candidate.undoneBy == nil else { continue }
                return try write(candidate.change.inverse, actor: actor, at: at, kind: .undo, undoes: candidate.seq, db)
            }
            return nil
        }
    }

    /// Re-applies what `actor`'s latest undo reverted, as long as nothing but undos and redos
    /// came after it. Returns nil when there is nothing to redo.
    @discardableResult
    public func redo(actor: String, at: Date) throws -> JournalEntry? {
        try immediateTransaction { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM journal WHERE actor = ? ORDER BY seq DESC", arguments: [actor])
            while let row = try rows.next() {
                let candidate = try JournalEntry(row: row)
                if candidate.kind == .do { return nil }
                guard candidate.kind == .undo, candidate.undoneBy == nil else { continue }
                var change = candidate.change.inverse
                if candidate.change.summary.hasPrefix("undo: ") { change.summary = String(candidate.change.summary.dropFirst(6)) }
                return try write(change, actor: actor, at: at, kind: .redo, undoes: candidate.seq, db)
            }
            return nil
        }
    }
}
