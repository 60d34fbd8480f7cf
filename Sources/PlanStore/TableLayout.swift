import GRDB
import Planning

/// One table of the current schema as another database needs to rebuild it: its columns with
/// their types, constraints and defaults, and its indexes. Read from the SQLite migrations
/// themselves, so a second store has the same tables at the same version by construction.
package struct TableLayout: Sendable {
    package enum ColumnType: Sendable { case integer, real, text }

    package struct Column: Sendable {
        package let name: String
        package let type: ColumnType
        package let notNull: Bool
        /// The default as an SQL literal (`''`, `0`, `'EUR'`), when there is one.
        package let defaultSQL: String?
    }

    package struct Index: Sendable {
        package let name: String
        package let columns: [String]
        package let unique: Bool
        /// The condition of a partial index, as written (`type = 'epic'`).
        package let condition: String?
    }

    package let name: String
    package let columns: [Column]
    package let primaryKey: [String]
    package let indexes: [Index]

    package func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// Every table of `Schema.supportedVersion`, migrations run in memory; GRDB's own left out.
    package static func current() throws -> [TableLayout] {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        return try queue.read { db in
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name
                """)
            return try names.map { table in
                var key: [(Int, String)] = []
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { row -> Column in
                    let declared = (row["type"] as String).uppercased()
                    let type: ColumnType = declared.contains("INT") ? .integer : declared.contains("REAL") ? .real : .text
                    let pk: Int = row["pk"]
                    if pk > 0 { key.append((pk, row["name"])) }
                    return Column(name: row["name"], type: type, notNull: row["notnull"], defaultSQL: row["dflt_value"])
                }
                let indexes = try Row.fetchAll(db, sql: "SELECT name, \"unique\", origin FROM pragma_index_list(?) WHERE origin != 'pk' ORDER BY name",
                                               arguments: [table]).map { row -> Index in
                    let name: String = row["name"]
                    let columnNames = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [name])
                    let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [name]) ?? ""
                    let condition = sql.range(of: " WHERE ", options: .caseInsensitive).map { String(sql[$0.upperBound...]) }
                    // A UNIQUE column's index has SQLite's generated name; give it a stable one.
                    let stable = row["origin"] == "u" ? "\(table)_\(columnNames.joined(separator: "_"))_key" : name
                    return Index(name: stable, columns: columnNames, unique: row["unique"], condition: condition)
                }
                return TableLayout(name: table, columns: columns, primaryKey: key.sorted { $0.0 < $1.0 }.map(\.1), indexes: indexes)
            }
        }
    }
}

extension Schema {
    package static var currentVersion: Int { supportedVersion }

    package static func tableName(for kind: EntityKind) -> String { table(for: kind) }
}
