import Foundation
import PlanStore
import Planning

/// The project document (`ProjectArchive`) to and from PostgreSQL: the same bytes as from the
/// SQLite file for the same project, which is how `gantry migrate` shows the two ends are equal.
extension PostgresStore {
    @discardableResult
    public func exportArchive(history: Bool, to sink: (Data) throws -> Void) throws -> String {
        try reading {
            let snapshot = try load()
            var sequences: [String: Int64] = [:]
            for row in try link.query("SELECT name, next FROM sequence") { sequences[row[0].string ?? ""] = row[1].int ?? 0 }
            let names = ["id", "day", "facilitator", "startedAt", "endedAt", "record"]
            let standups = try link.query("SELECT \(names.map(PostgresSchema.quote).joined(separator: ", ")) FROM standup ORDER BY id").map { row in
                Dictionary(uniqueKeysWithValues: zip(names, row).map { ($0, $1) })
            }
            let journal: ArchiveWriter.Journal? = history ? { each in
                var after: Int64 = 0
                while true {
                    let page = try self.link.query("SELECT seq, at, actor, kind, undoes, \"undoneBy\", change FROM journal WHERE seq > $1 ORDER BY seq LIMIT 5000", [.int(after)])
                    for row in page {
                        try each(StoredJournalRow(seq: row[0].int ?? 0, at: row[1].double ?? 0, actor: row[2].string ?? "", kind: row[3].string ?? "",
                                                  undoes: row[4].int, undoneBy: row[5].int, change: row[6].string ?? ""))
                    }
                    guard let last = page.last?[0].int else { break }
                    after = last
                }
            } : nil
            return try ArchiveWriter.write(snapshot: snapshot, sequences: sequences, standups: standups, journal: journal, to: sink)
        }
    }

    /// Fills an empty project from an archive in one transaction (see `ProjectStore.restore`).
    public func restore(_ archive: ProjectArchive) throws {
        let snapshot = try archive.snapshot()
        try writing {
            let work = try link.query("SELECT (SELECT count(*) FROM card) + (SELECT count(*) FROM task) + (SELECT count(*) FROM raid_item)").first?.first?.int ?? 0
            guard work == 0 else { throw StoreError.notEmpty(path: location) }
            for kind in EntityKind.allCases {
                let table = Schema.tableName(for: kind)
                try link.query("DELETE FROM \(table)")
                let names = kind.fieldNames
                var insert = BatchInsert(link, table: table, columns: names)
                for id in snapshot.entityIDs(of: kind) {
                    guard let fields = snapshot.fields(of: kind, id: id) else { continue }
                    try insert.add(names.map { stored(fields[$0] ?? .null, table: table, column: $0) })
                }
                try insert.flush()
            }
            for table in ["sequence", "journal", "journal_entity", "card_flow", "standup"] { try link.query("DELETE FROM \(table)") }
            for (name, next) in archive.sequences.sorted(by: { $0.key < $1.key }) {
                try link.query("INSERT INTO sequence (name, next) VALUES ($1, $2)", [.text(name), .int(next)])
            }
            let columns = Set(columnTypes["standup"]?.keys.map { $0 } ?? [])
            for (i, row) in archive.standups.enumerated() {
                if let unknown = row.keys.sorted().first(where: { !columns.contains($0) }) {
                    throw StoreError.badInput("standups[\(i)]: \"\(unknown)\" is not a field of a stand-up")
                }
                let names = row.keys.sorted()
                try link.query("INSERT INTO standup (\(names.map(PostgresSchema.quote).joined(separator: ", "))) VALUES (\(placeholders(names.count)))",
                               names.map { stored(row[$0]!.value, table: "standup", column: $0) })
            }
            var states: [String: FlowState] = [:]
            var journal = BatchInsert(link, table: "journal", columns: ["seq", "at", "actor", "kind", "summary", "change", "undoes", "undoneBy"])
            var entities = BatchInsert(link, table: "journal_entity", columns: ["entityID", "seq"], suffix: " ON CONFLICT DO NOTHING")
            var flow = BatchInsert(link, table: "card_flow", columns: ["seq", "at", "cardID", "boardID", "columnID", "sprintID", "estimate", "archived", "deleted"])
            try archive.eachJournalRow { _, row, text in
                let change = row.change
                try journal.add([.int(row.seq), .real(row.at), .text(row.actor), .text(row.kind), .text(change.summary), .text(text),
                                 row.undoes.map(Value.int) ?? .null, row.undoneBy.map(Value.int) ?? .null])
                for id in Set(change.edits.map(\.id)).sorted() { try entities.add([.text(id), .int(row.seq)]) }
                for edit in change.edits where edit.kind == .card && FlowHistory.touchesFlow(edit) {
                    let state = FlowHistory.state(after: edit, from: states[edit.id])
                    states[edit.id] = state
                    try flow.add(Self.flowRow(seq: row.seq, at: row.at, cardID: edit.id, state: state))
                }
            }
            try journal.flush()
            try entities.flush()
            try flow.flush()
        }
    }
}
