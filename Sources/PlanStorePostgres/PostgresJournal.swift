import Foundation
import PlanStore
import Planning

extension PostgresStore {
    static let journalColumns = "seq, at, actor, kind, change, undoes, \"undoneBy\""

    static func entry(_ row: [Value]) throws -> JournalEntry {
        JournalEntry(seq: row[0].int ?? 0, at: Date(timeIntervalSince1970: row[1].double ?? 0), actor: row[2].string ?? "",
                     kind: JournalEntry.Kind(rawValue: row[3].string ?? "") ?? .do, change: try StoredChange.decode(row[4].string ?? ""),
                     undoes: row[5].int, undoneBy: row[6].int)
    }

    public func journal(_ query: JournalQuery) throws -> [JournalEntry] {
        var sql = "SELECT \(Self.journalColumns) FROM journal WHERE seq > $1"
        var binds: [Value] = [.int(query.after)]
        if let since = query.since { binds.append(.real(since.timeIntervalSince1970)); sql += " AND at >= $\(binds.count)" }
        if let actor = query.actor { binds.append(.text(actor)); sql += " AND actor = $\(binds.count)" }
        if let limit = query.limit {
            sql = "SELECT * FROM (\(sql) ORDER BY seq DESC LIMIT \(max(0, limit))) newest ORDER BY seq"
        } else {
            sql += " ORDER BY seq"
        }
        return try link.query(sql, binds).map(Self.entry)
    }

    public func journalSummaries(limit: Int) throws -> [(seq: Int64, at: Date, actor: String, summary: String)] {
        try link.query("SELECT seq, at, actor, summary FROM journal ORDER BY seq DESC LIMIT $1", [.int(Int64(limit))]).reversed().map {
            (seq: $0[0].int ?? 0, at: Date(timeIntervalSince1970: $0[1].double ?? 0), actor: $0[2].string ?? "", summary: $0[3].string ?? "")
        }
    }

    public func latestSeq() throws -> Int64 {
        try link.query("SELECT coalesce(max(seq), 0) FROM journal").first?.first?.int ?? 0
    }

    public func history(of entityID: String, limit: Int) throws -> [JournalEntry] {
        try link.query("""
            SELECT \(Self.journalColumns) FROM journal_entity e JOIN journal USING (seq)
            WHERE e."entityID" = $1 ORDER BY seq DESC LIMIT $2
            """, [.text(entityID), .int(Int64(limit))]).map(Self.entry)
    }

    public func riskTrends(of risks: [RaidItem], now: Date) throws -> [String: RiskTrend] {
        guard !risks.isEmpty else { return [:] }
        var histories: [String: [(at: Date, change: Change)]] = [:]
        for row in try link.query("""
            SELECT e."entityID", j.at, j.change FROM journal_entity e JOIN journal j ON j.seq = e.seq
            WHERE e."entityID" = ANY(string_to_array($1, chr(31))) AND j.at >= $2 ORDER BY j.seq DESC
            """, [.text(risks.map(\.id).joined(separator: "\u{1F}")), .real(RiskHistory.windowStart(now).timeIntervalSince1970)]) {
            histories[row[0].string ?? "", default: []].append((at: Date(timeIntervalSince1970: row[1].double ?? 0), change: try StoredChange.decode(row[2].string ?? "")))
        }
        var trends: [String: RiskTrend] = [:]
        for risk in risks { trends[risk.id] = RiskHistory.trend(of: risk, history: histories[risk.id] ?? [], now: now) }
        return trends
    }

    public func flowHistory() throws -> FlowHistory {
        var history = FlowHistory()
        for row in try link.query("SELECT at, \"cardID\", \"boardID\", \"columnID\", \"sprintID\", estimate, archived, deleted FROM card_flow ORDER BY ord") {
            let state = row[7].int == 1 ? nil : FlowState(boardID: row[2].string, columnID: row[3].string, sprintID: row[4].string,
                                                          estimate: row[5].double, archived: row[6].int == 1)
            history.append(cardID: row[1].string ?? "", at: Date(timeIntervalSince1970: row[0].double ?? 0), state: state)
        }
        return history
    }

    public func progressHistory() throws -> ProgressHistory {
        var history = ProgressHistory()
        for row in try link.query("""
            SELECT at, change FROM journal WHERE seq IN (SELECT seq FROM journal_entity WHERE "entityID" IN (SELECT id FROM task)) ORDER BY seq
            """) {
            history.record(try StoredChange.decode(row[1].string ?? ""), at: Date(timeIntervalSince1970: row[0].double ?? 0))
        }
        return history
    }
}
