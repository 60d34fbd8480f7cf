import PlanStore
import Planning

/// Rows for one table gathered and sent many to a statement: a restore of 200,000 journal rows
/// makes a few hundred round trips to the server, not 600,000.
struct BatchInsert {
    let link: PostgresLink
    let table: String
    let columns: [String]
    let suffix: String
    private var values: [Value] = []
    private let rowsPerStatement: Int

    init(_ link: PostgresLink, table: String, columns: [String], suffix: String = "") {
        (self.link, self.table, self.columns, self.suffix) = (link, table, columns, suffix)
        // The protocol allows 65,535 parameters a statement.
        rowsPerStatement = max(1, min(1000, 65_535 / max(columns.count, 1)))
    }

    mutating func add(_ row: [Value]) throws {
        values.append(contentsOf: row)
        if values.count >= rowsPerStatement * columns.count { try flush() }
    }

    mutating func flush() throws {
        guard !values.isEmpty else { return }
        let rows = values.count / columns.count
        let tuples = (0..<rows).map { r in "(" + (0..<columns.count).map { "$\(r * columns.count + $0 + 1)" }.joined(separator: ", ") + ")" }
        try link.query("INSERT INTO \(table) (\(columns.map(PostgresSchema.quote).joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))\(suffix)", values)
        values.removeAll(keepingCapacity: true)
    }
}
