import Foundation
import GRDB
import Planning

extension ProjectStore {
    /// Applies `change` and its journal row in one immediate transaction.
    ///
    /// Each updated field must still hold the value the change expected (or already hold the
    /// new one); otherwise nothing is written and a `Conflict` names who changed it and when.
    /// Cards created without a key get the next one from the project's sequence.
    /// Returns the journal entry with the change as applied (allocated keys filled in).
    @discardableResult
    public func apply(_ change: Change, actor: String, at: Date) throws -> JournalEntry {
        try immediateTransaction { db in try write(change, actor: actor, at: at, kind: .do, undoes: nil, db) }
    }

    /// Applies many changes, each with its own journal row, moment and author, in one
    /// transaction: all of them or none (building a sample or a generated project).
    /// A card created in one step and moved in a later one is named by its new key in both.
    public func apply(batch: [TimedChange]) throws {
        try immediateTransaction { db in
            var keys: [String: String] = [:]
            for step in batch {
                let entry = try write(step.change.naming(keys), actor: step.actor, at: step.at, kind: .do, undoes: nil, db)
                for edit in entry.change.edits where edit.operation == .create {
                    if let key = edit.field("key")?.to.string { keys[edit.id] = key }
                }
            }
        }
    }

    /// Runs `body` in one IMMEDIATE transaction: it takes the write lock up front, so a
    /// read-then-write never fails half-way when another process writes at the same moment.
    func immediateTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        guard !wasReplaced else { throw StoreError.replaced(path: path) }
        return try Self.translating(path) {
            try pool.writeWithoutTransaction { db in
                var result: [T] = []
                try db.inTransaction(.immediate) {
                    result = [try body(db)]
                    return .commit
                }
                guard let value = result.first else { throw StoreError.io("The change was not written.") }
                return value
            }
        }
    }

    func write(_ change: Change, actor: String, at: Date, kind: JournalEntry.Kind, undoes: Int64?, _ db: Database) throws -> JournalEntry {
        var applied = try change.allocatingKeys(projectPrefix: { try String.fetchOne(db, sql: "SELECT keyPrefix FROM project") ?? "GAN" },
                                                next: { try nextKeyNumber($0, db) })
        for index in applied.edits.indices {
            applied.edits[index] = try write(applied.edits[index], db)
        }
        try checkOneActiveSprint(applied, db)
        try db.cachedStatement(sql: "INSERT INTO journal (at, actor, kind, summary, change, undoes) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [at.timeIntervalSince1970, actor, kind.rawValue, applied.summary, StoredChange.encode(applied), undoes])
        let seq = db.lastInsertedRowID
        try FlowRecorder.record(applied, seq: seq, at: at, db)
        for id in Set(applied.edits.map(\.id)) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO journal_entity (entityID, seq) VALUES (?, ?)").execute(arguments: [id, seq])
        }
        if let undoes {
            try db.execute(sql: "UPDATE journal SET undoneBy = ? WHERE seq = ?", arguments: [seq, undoes])
        }
        return JournalEntry(seq: seq, at: at, actor: actor, kind: kind, change: applied, undoes: undoes)
    }

    private func write(_ edit: EntityEdit, _ db: Database) throws -> EntityEdit {
        let table = Schema.table(for: edit.kind)
        let known = Set(edit.kind.fieldNames)
        for f in edit.fields where !known.contains(f.name) || f.name == "id" {
            throw StoreError.damaged(path: path, detail: "a change names unknown field \(edit.kind.rawValue).\(f.name)")
        }
        let current = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM \(table) WHERE id = ?"), arguments: [edit.id])
        switch edit.operation {
        case .create:
            guard current == nil else {
                throw StoreError.conflict(try conflict(edit, field: nil, db))
            }
            let names = ["id"] + edit.fields.map(\.name)
            let values = [edit.id.databaseValue] + edit.fields.map(\.to.databaseValue)
            try db.cachedStatement(sql: "INSERT INTO \(table) (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))")
                .execute(arguments: StatementArguments(values))
            return edit
        case .update:
            guard let current else { throw StoreError.conflict(try conflict(edit, field: nil, db)) }
            var sets: [FieldChange] = []
            var recorded = edit
            for (i, f) in edit.fields.enumerated() {
                let stored = Value(current[f.name] as DatabaseValue)
                if stored.sameStoredValue(as: f.from) {
                    sets.append(f)
                } else if stored.sameStoredValue(as: f.to) {
                    // Someone else got there first: the journal records the value actually
                    // replaced (none), so undoing this never reverts their change.
                    recorded.fields[i].from = stored
                } else {
                    throw StoreError.conflict(try conflict(edit, field: f.name, db, now: stored))
                }
            }
            if !sets.isEmpty {
                try db.cachedStatement(sql: "UPDATE \(table) SET \(sets.map { "\"\($0.name)\" = ?" }.joined(separator: ", ")) WHERE id = ?")
                    .execute(arguments: StatementArguments(sets.map(\.to.databaseValue) + [edit.id.databaseValue]))
            }
            return recorded
        case .delete:
            guard let current else { return edit }
            for f in edit.fields {
                let stored = Value(current[f.name] as DatabaseValue)
                if !stored.sameStoredValue(as: f.from) { throw StoreError.conflict(try conflict(edit, field: f.name, db, now: stored)) }
            }
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE id = ?").execute(arguments: [edit.id])
            return edit
        }
    }

    /// A board runs one sprint at a time, even when two people start different sprints at the
    /// same moment from what each saw: the second start is refused, and nothing of it is kept.
    private func checkOneActiveSprint(_ change: Change, _ db: Database) throws {
        for edit in change.edits where edit.kind == .sprint && edit.field("state")?.to == .text(SprintState.active.rawValue) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.name, b.name FROM sprint s JOIN board b ON b.id = s.boardID
                WHERE s.state = 'active' AND s.boardID = (SELECT boardID FROM sprint WHERE id = ?) AND s.id != ?
                """, arguments: [edit.id, edit.id])
            if let other = rows.first {
                throw PlanningError.refused("\(other[0] as String) is active on \(other[1] as String); a board runs one sprint at a time.", remedy: .closeActiveSprint)
            }
        }
    }

    /// The next number of a key sequence ("card", "raid.risk", "task").
    private func nextKeyNumber(_ sequence: String, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT OR IGNORE INTO sequence (name, next) VALUES (?, 1)", arguments: [sequence])
        guard let number = try Int64.fetchOne(db, sql: "UPDATE sequence SET next = next + 1 WHERE name = ? RETURNING next - 1", arguments: [sequence]) else {
            throw StoreError.io("Could not allocate a key.")
        }
        return number
    }

    private func conflict(_ edit: EntityEdit, field: String?, _ db: Database, now: Value? = nil) throws -> Conflict {
        for entry in try Self.history(of: edit.id, limit: 200, db) {
            for e in entry.change.edits where e.id == edit.id {
                if let field, let f = e.field(field) {
                    return Conflict(entity: edit.label, field: field, byActor: entry.actor, at: entry.at,
                                    currentValue: try Self.display(f.to, of: field, db))
                }
                if field == nil {
                    return Conflict(entity: edit.label, field: nil, byActor: entry.actor, at: entry.at, currentValue: nil)
                }
            }
        }
        return Conflict(entity: edit.label, field: field, byActor: nil, at: nil,
                        currentValue: try now.flatMap { v in try field.flatMap { try Self.display(v, of: $0, db) } })
    }

    /// A stored value as people know it: a column, board, epic or phase by name or key rather than
    /// its id, a time as a time; nil where the number means nothing to a person (a rank).
    static func display(_ value: Value, of field: String, _ db: Database) throws -> String? {
        guard value != .null else { return "nothing" }
        switch field {
        case "rank", "position": return nil
        case "columnID": return try String.fetchOne(db, sql: "SELECT name FROM \(Schema.table(for: .column)) WHERE id = ?", arguments: [value.string])
        case "boardID": return try String.fetchOne(db, sql: "SELECT name FROM \(Schema.table(for: .board)) WHERE id = ?", arguments: [value.string])
        case "parentID":
            return try String.fetchOne(db, sql: "SELECT key FROM \(Schema.table(for: .card)) WHERE id = ? UNION ALL SELECT key FROM \(Schema.table(for: .task)) WHERE id = ?",
                                       arguments: [value.string, value.string])
        default:
            if field.hasSuffix("At"), let seconds = value.double { return Timestamp.display(Date(timeIntervalSince1970: seconds)) }
            return value.description
        }
    }
}
