import Foundation
import PlanStore
import Planning

extension PostgresStore {
    /// Applies `change` and its journal row in one transaction, with the SQLite store's
    /// field-level compare-and-set: each updated field must still hold what the change expected
    /// (or already the new value), else nothing is written and a `Conflict` names who changed it.
    @discardableResult
    public func apply(_ change: Change, actor: String, at: Date) throws -> JournalEntry {
        try writing { try write(change, actor: actor, at: at, kind: .do, undoes: nil) }
    }

    public func apply(batch: [TimedChange]) throws {
        try writing {
            var keys: [String: String] = [:]
            for step in batch {
                let entry = try write(step.change.naming(keys), actor: step.actor, at: step.at, kind: .do, undoes: nil)
                for edit in entry.change.edits where edit.operation == .create {
                    if let key = edit.field("key")?.to.string { keys[edit.id] = key }
                }
            }
        }
    }

    @discardableResult
    public func undo(actor: String, at: Date) throws -> JournalEntry? {
        try writing {
            for candidate in try ownRows(actor) {
                guard candidate.kind != .undo, candidate.undoneBy == nil else { continue }
                return try write(candidate.change.inverse, actor: actor, at: at, kind: .undo, undoes: candidate.seq)
            }
            return nil
        }
    }

    @discardableResult
    public func redo(actor: String, at: Date) throws -> JournalEntry? {
        try writing {
            for candidate in try ownRows(actor) {
                if candidate.kind == .do { return nil }
                guard candidate.kind == .undo, candidate.undoneBy == nil else { continue }
                var change = candidate.change.inverse
                if candidate.change.summary.hasPrefix("undo: ") { change.summary = String(candidate.change.summary.dropFirst(6)) }
                return try write(change, actor: actor, at: at, kind: .redo, undoes: candidate.seq)
            }
            return nil
        }
    }

    /// `actor`'s journal rows, newest first, read a page at a time (undo looks at the first few).
    private func ownRows(_ actor: String) throws -> AnySequence<JournalEntry> {
        var before = Int64.max
        var page: [JournalEntry] = []
        return AnySequence(AnyIterator {
            if page.isEmpty, before > 0 {
                page = (try? self.link.query("SELECT \(Self.journalColumns) FROM journal WHERE actor = $1 AND seq < $2 ORDER BY seq DESC LIMIT 50",
                                             [.text(actor), .int(before)]).compactMap { try? Self.entry($0) }) ?? []
                before = page.last?.seq ?? 0
            }
            return page.isEmpty ? nil : page.removeFirst()
        })
    }

    private func write(_ change: Change, actor: String, at: Date, kind: JournalEntry.Kind, undoes: Int64?) throws -> JournalEntry {
        var applied = try change.allocatingKeys(projectPrefix: { try link.query("SELECT \"keyPrefix\" FROM project").first?.first?.string ?? "GAN" },
                                                next: nextKeyNumber)
        for index in applied.edits.indices {
            applied.edits[index] = try write(applied.edits[index])
        }
        try checkOneActiveSprint(applied)
        // The journal's lock is held, so the next number is the highest plus one, in commit order.
        guard let seq = try link.query("""
            INSERT INTO journal (seq, at, actor, kind, summary, change, undoes)
            VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM journal), $1, $2, $3, $4, $5, $6) RETURNING seq
            """, [.real(at.timeIntervalSince1970), .text(actor), .text(kind.rawValue), .text(applied.summary),
                  .text(StoredChange.encode(applied)), undoes.map(Value.int) ?? .null]).first?.first?.int else {
            throw StoreError.io("The change was not written.")
        }
        try recordFlow(applied, seq: seq, at: at)
        var entities = BatchInsert(link, table: "journal_entity", columns: ["entityID", "seq"], suffix: " ON CONFLICT DO NOTHING")
        for id in Set(applied.edits.map(\.id)).sorted() { try entities.add([.text(id), .int(seq)]) }
        try entities.flush()
        if let undoes {
            try link.query("UPDATE journal SET \"undoneBy\" = $1 WHERE seq = $2", [.int(seq), .int(undoes)])
        }
        try link.query("SELECT pg_notify('\(PostgresFeed.channel)', $1)", [.text(String(seq))])
        return JournalEntry(seq: seq, at: at, actor: actor, kind: kind, change: applied, undoes: undoes)
    }

    private func write(_ edit: EntityEdit) throws -> EntityEdit {
        let table = Schema.tableName(for: edit.kind)
        let known = Set(edit.kind.fieldNames)
        for f in edit.fields where !known.contains(f.name) || f.name == "id" {
            throw StoreError.damaged(path: location, detail: "a change names unknown field \(edit.kind.rawValue).\(f.name)")
        }
        let names = edit.fields.map(\.name)
        let selected = names.isEmpty ? "id" : names.map(PostgresSchema.quote).joined(separator: ", ")
        let current = try link.query("SELECT \(selected) FROM \(table) WHERE id = $1 FOR UPDATE", [.text(edit.id)]).first
        switch edit.operation {
        case .create:
            guard current == nil else { throw StoreError.conflict(try conflict(edit, field: nil)) }
            let columns = ["id"] + names
            let values = [Value.text(edit.id)] + edit.fields.map { stored($0.to, table: table, column: $0.name) }
            try link.query("INSERT INTO \(table) (\(columns.map(PostgresSchema.quote).joined(separator: ", "))) VALUES (\(placeholders(columns.count)))", values)
            return edit
        case .update:
            guard let current else { throw StoreError.conflict(try conflict(edit, field: nil)) }
            var sets: [FieldChange] = []
            var recorded = edit
            for (i, f) in edit.fields.enumerated() {
                let now = current[i]
                if now.sameStoredValue(as: f.from) {
                    sets.append(f)
                } else if now.sameStoredValue(as: f.to) {
                    // Someone else got there first: the journal records the value actually
                    // replaced (none), so undoing this never reverts their change.
                    recorded.fields[i].from = now
                } else {
                    throw StoreError.conflict(try conflict(edit, field: f.name, now: now))
                }
            }
            if !sets.isEmpty {
                let assignments = sets.enumerated().map { "\(PostgresSchema.quote($1.name)) = $\($0 + 1)" }.joined(separator: ", ")
                try link.query("UPDATE \(table) SET \(assignments) WHERE id = $\(sets.count + 1)",
                               sets.map { stored($0.to, table: table, column: $0.name) } + [.text(edit.id)])
            }
            return recorded
        case .delete:
            guard let current else { return edit }
            for (i, f) in edit.fields.enumerated() where !current[i].sameStoredValue(as: f.from) {
                throw StoreError.conflict(try conflict(edit, field: f.name, now: current[i]))
            }
            try link.query("DELETE FROM \(table) WHERE id = $1", [.text(edit.id)])
            return edit
        }
    }

    func placeholders(_ count: Int) -> String {
        (1...max(count, 1)).map { "$\($0)" }.joined(separator: ", ")
    }

    private func checkOneActiveSprint(_ change: Change) throws {
        for edit in change.edits where edit.kind == .sprint && edit.field("state")?.to == .text(SprintState.active.rawValue) {
            let rows = try link.query("""
                SELECT s.name, b.name FROM sprint s JOIN board b ON b.id = s."boardID"
                WHERE s.state = 'active' AND s."boardID" = (SELECT "boardID" FROM sprint WHERE id = $1) AND s.id != $1
                """, [.text(edit.id)])
            if let other = rows.first {
                throw PlanningError.refused("\(other[0].description) is active on \(other[1].description); a board runs one sprint at a time.", remedy: .closeActiveSprint)
            }
        }
    }

    /// The next number of a key sequence, under the journal's lock: no gaps, no duplicates.
    private func nextKeyNumber(_ sequence: String) throws -> Int64 {
        try link.query("INSERT INTO sequence (name, next) VALUES ($1, 1) ON CONFLICT DO NOTHING", [.text(sequence)])
        guard let number = try link.query("UPDATE sequence SET next = next + 1 WHERE name = $1 RETURNING next - 1", [.text(sequence)]).first?.first?.int else {
            throw StoreError.io("Could not allocate a key.")
        }
        return number
    }

    /// Keeps `card_flow` in step with the journal, as the SQLite store does (see `FlowHistory`).
    private func recordFlow(_ change: Change, seq: Int64, at: Date) throws {
        for edit in change.edits where edit.kind == .card && FlowHistory.touchesFlow(edit) {
            if edit.operation == .delete {
                try insertFlow(seq: seq, at: at, cardID: edit.id, state: nil)
                continue
            }
            try link.query("""
                INSERT INTO card_flow (seq, at, "cardID", "boardID", "columnID", "sprintID", estimate, archived, deleted)
                SELECT $1, $2, id, "boardID", "columnID", "sprintID", estimate, archived, 0 FROM card WHERE id = $3
                """, [.int(seq), .real(at.timeIntervalSince1970), .text(edit.id)])
        }
    }

    func insertFlow(seq: Int64, at: Date, cardID: String, state: FlowState?) throws {
        try link.query("""
            INSERT INTO card_flow (seq, at, "cardID", "boardID", "columnID", "sprintID", estimate, archived, deleted) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, Self.flowRow(seq: seq, at: at.timeIntervalSince1970, cardID: cardID, state: state))
    }

    static func flowRow(seq: Int64, at: Double, cardID: String, state: FlowState?) -> [Value] {
        [.int(seq), .real(at), .text(cardID), Value(state?.boardID), Value(state?.columnID), Value(state?.sprintID),
         Value(state?.estimate), Value(state?.archived ?? false), .int(state == nil ? 1 : 0)]
    }

    private func conflict(_ edit: EntityEdit, field: String?, now: Value? = nil) throws -> Conflict {
        for entry in try history(of: edit.id, limit: 200) {
            for e in entry.change.edits where e.id == edit.id {
                if let field, let f = e.field(field) {
                    return Conflict(entity: edit.label, field: field, byActor: entry.actor, at: entry.at, currentValue: try display(f.to, of: field))
                }
                if field == nil {
                    return Conflict(entity: edit.label, field: nil, byActor: entry.actor, at: entry.at, currentValue: nil)
                }
            }
        }
        return Conflict(entity: edit.label, field: field, byActor: nil, at: nil,
                        currentValue: try now.flatMap { v in try field.flatMap { try display(v, of: $0) } })
    }

    /// A stored value as people know it (a column by name, a time as a time), as in SQLite.
    private func display(_ value: Value, of field: String) throws -> String? {
        guard value != .null else { return "nothing" }
        func name(_ sql: String) throws -> String? { try link.query(sql, [value]).first?.first?.string }
        switch field {
        case "rank", "position": return nil
        case "columnID": return try name("SELECT name FROM \(Schema.tableName(for: .column)) WHERE id = $1")
        case "boardID": return try name("SELECT name FROM \(Schema.tableName(for: .board)) WHERE id = $1")
        case "parentID": return try name("SELECT key FROM card WHERE id = $1 UNION ALL SELECT key FROM task WHERE id = $1")
        default:
            if field.hasSuffix("At"), let seconds = value.double { return Timestamp.display(Date(timeIntervalSince1970: seconds)) }
            return value.description
        }
    }
}
