import Foundation
import GRDB
import Planning

/// Stand-up summaries, kept in the project so a report can be printed later from any session.
extension ProjectStore {
    /// Saves the record of a finished stand-up.
    public func saveStandup(_ record: StandupRecord) throws {
        try immediateTransaction { db in
            try db.execute(sql: "INSERT INTO standup (day, facilitator, startedAt, endedAt, record) VALUES (?, ?, ?, ?, ?)",
                           arguments: [record.day, record.facilitator, record.startedAt.timeIntervalSince1970,
                                       record.endedAt.timeIntervalSince1970, record.encoded()])
        }
    }

    /// Stand-ups in the order they ended; only those of `day` when given.
    public func standups(day: Day?) throws -> [StandupRecord] {
        let texts = try Self.translating(path) {
            try reader.read { db in
                if let day {
                    return try String.fetchAll(db, sql: "SELECT record FROM standup WHERE day = ? ORDER BY endedAt, id", arguments: [day.description])
                }
                return try String.fetchAll(db, sql: "SELECT record FROM standup ORDER BY endedAt, id")
            }
        }
        return try texts.map { text in
            guard let record = StandupRecord.decode(text) else {
                throw StoreError.damaged(path: path, detail: "a stand-up record is unreadable")
            }
            return record
        }
    }

    /// The most recent stand-up that ended before `date`, if any.
    public func lastStandup(before date: Date) throws -> StandupRecord? {
        let text = try Self.translating(path) {
            try reader.read { db in
                try String.fetchOne(db, sql: "SELECT record FROM standup WHERE endedAt < ? ORDER BY endedAt DESC, id DESC LIMIT 1",
                                    arguments: [date.timeIntervalSince1970])
            }
        }
        return text.flatMap(StandupRecord.decode)
    }
}
