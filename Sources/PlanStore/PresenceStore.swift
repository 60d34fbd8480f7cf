import Foundation
import GRDB
import Planning

/// Presence lives in the project file next to the work, so everyone who can open the project
/// sees who else has it open, with no server. Rows are not journalled (they are not work) and
/// are written outside the change path: a heartbeat never conflicts with an edit.
extension ProjectStore {
    /// Records that `session` is alive now (and what it shows), and deletes the rows of sessions
    /// that stopped beating (killed, connection dropped) as soon as they count as gone.
    public func beat(_ session: PresenceSession) throws {
        guard !isReadOnly else { return }
        try Self.translating(path) {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO presence (session, actor, host, pid, screen, since, seen, view) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(session) DO UPDATE SET screen = excluded.screen, seen = excluded.seen, view = excluded.view
                    """, arguments: [session.session, session.actor, session.host, session.pid, session.screen,
                                     session.since.timeIntervalSince1970, session.seen.timeIntervalSince1970,
                                     session.view?.encoded() ?? ""])
                try db.execute(sql: "DELETE FROM presence WHERE seen < ?",
                               arguments: [session.seen.timeIntervalSince1970 - Presence.expiry])
            }
        }
    }

    /// Removes `session` (a clean exit; a killed session expires instead).
    public func leave(session: String) throws {
        guard !isReadOnly else { return }
        try Self.translating(path) {
            try pool.write { db in try db.execute(sql: "DELETE FROM presence WHERE session = ?", arguments: [session]) }
        }
    }

    /// The sessions alive at `now`, oldest first.
    public func presence(now: Date) throws -> [PresenceSession] {
        let rows = try Self.translating(path) {
            try reader.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM presence WHERE seen >= ?",
                                 arguments: [now.timeIntervalSince1970 - Presence.expiry])
            }
        }
        return Presence.live(rows.map(Self.session), now: now)
    }

    /// The live session of `actor` that most recently said what it shows (the one to follow).
    public func sharedView(of actor: String, now: Date) throws -> PresenceSession? {
        let row = try Self.translating(path) {
            try reader.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM presence WHERE actor = ? AND seen >= ? AND view != '' ORDER BY seen DESC LIMIT 1",
                                 arguments: [actor, now.timeIntervalSince1970 - Presence.expiry])
            }
        }
        return row.map(Self.session)
    }

    private static func session(_ row: Row) -> PresenceSession {
        let view: String = row["view"]
        return PresenceSession(session: row["session"], actor: row["actor"], host: row["host"], pid: row["pid"], screen: row["screen"],
                               since: Date(timeIntervalSince1970: row["since"]), seen: Date(timeIntervalSince1970: row["seen"]),
                               view: view.isEmpty ? nil : SharedView.decode(view))
    }
}
