import Foundation
import PlanStore
import Planning

/// Presence and stand-ups, in tables beside the work as in the SQLite file. Heartbeats are not
/// journalled and take no lock, so they never wait for or conflict with an edit; a viewer may
/// beat too (being seen is not changing the project).
extension PostgresStore {
    public func beat(_ session: PresenceSession) throws {
        try link.transaction {
            try link.query("""
                INSERT INTO presence (session, actor, host, pid, screen, since, seen, view) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (session) DO UPDATE SET screen = excluded.screen, seen = excluded.seen, view = excluded.view
                """, [.text(session.session), .text(session.actor), .text(session.host), .int(Int64(session.pid)), .text(session.screen),
                      .real(session.since.timeIntervalSince1970), .real(session.seen.timeIntervalSince1970), .text(session.view?.encoded() ?? "")])
            try link.query("DELETE FROM presence WHERE seen < $1", [.real(session.seen.timeIntervalSince1970 - Presence.expiry)])
        }
    }

    public func leave(session: String) throws {
        try link.query("DELETE FROM presence WHERE session = $1", [.text(session)])
    }

    public func presence(now: Date) throws -> [PresenceSession] {
        Presence.live(try link.query("SELECT \(Self.presenceColumns) FROM presence WHERE seen >= $1",
                                     [.real(now.timeIntervalSince1970 - Presence.expiry)]).map(Self.session), now: now)
    }

    public func sharedView(of actor: String, now: Date) throws -> PresenceSession? {
        try link.query("SELECT \(Self.presenceColumns) FROM presence WHERE actor = $1 AND seen >= $2 AND view != '' ORDER BY seen DESC LIMIT 1",
                       [.text(actor), .real(now.timeIntervalSince1970 - Presence.expiry)]).first.map(Self.session)
    }

    private static let presenceColumns = "session, actor, host, pid, screen, since, seen, view"

    private static func session(_ row: [Value]) -> PresenceSession {
        let view = row[7].string ?? ""
        return PresenceSession(session: row[0].string ?? "", actor: row[1].string ?? "", host: row[2].string ?? "", pid: Int(row[3].int ?? 0),
                               screen: row[4].string ?? "", since: Date(timeIntervalSince1970: row[5].double ?? 0),
                               seen: Date(timeIntervalSince1970: row[6].double ?? 0), view: view.isEmpty ? nil : SharedView.decode(view))
    }

    public func saveStandup(_ record: StandupRecord) throws {
        try writing {
            try link.query("""
                INSERT INTO standup (id, day, facilitator, "startedAt", "endedAt", record)
                VALUES ((SELECT coalesce(max(id), 0) + 1 FROM standup), $1, $2, $3, $4, $5)
                """, [.text(record.day), .text(record.facilitator), .real(record.startedAt.timeIntervalSince1970),
                      .real(record.endedAt.timeIntervalSince1970), .text(record.encoded())])
        }
    }

    public func standups(day: Day?) throws -> [StandupRecord] {
        let rows = try day.map { try link.query("SELECT record FROM standup WHERE day = $1 ORDER BY \"endedAt\", id", [.text($0.description)]) }
            ?? link.query("SELECT record FROM standup ORDER BY \"endedAt\", id")
        return try rows.map { row in
            guard let record = StandupRecord.decode(row[0].string ?? "") else {
                throw StoreError.damaged(path: location, detail: "a stand-up record is unreadable")
            }
            return record
        }
    }

    public func lastStandup(before date: Date) throws -> StandupRecord? {
        try link.query("SELECT record FROM standup WHERE \"endedAt\" < $1 ORDER BY \"endedAt\" DESC, id DESC LIMIT 1",
                       [.real(date.timeIntervalSince1970)]).first.flatMap { $0[0].string.flatMap(StandupRecord.decode) }
    }
}
