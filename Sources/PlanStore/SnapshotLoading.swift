import GRDB
import Planning

extension ProjectStore {
    /// Reads the whole project into the domain model in one read transaction.
    public func load() throws -> ProjectSnapshot {
        try Self.translating(path) {
            try pool.read { db in
                guard let info = try Self.fetch(ProjectInfo.self, db).first else {
                    throw StoreError.damaged(path: path, detail: "the project row is missing")
                }
                var snapshot = ProjectSnapshot(info: info)
                snapshot.members = try Self.indexed(Self.fetch(Member.self, db))
                snapshot.boards = try Self.indexed(Self.fetch(Board.self, db))
                snapshot.columns = try Self.indexed(Self.fetch(Column.self, db))
                snapshot.cards = try Self.indexed(Self.fetch(Card.self, db))
                return snapshot
            }
        }
    }

    static func indexed<E: Entity>(_ list: [E]) -> [String: E] {
        var d = [String: E](minimumCapacity: list.count)
        for e in list { d[e.id] = e }
        return d
    }

    static func fetch<E: Entity>(_ type: E.Type, _ db: Database) throws -> [E] {
        let names = E.fieldNames
        let sql = "SELECT \(names.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \(Schema.table(for: E.kind))"
        var result: [E] = []
        let cursor = try Row.fetchCursor(db, sql: sql)
        while let row = try cursor.next() {
            var fields = [String: Value](minimumCapacity: names.count)
            for (i, name) in names.enumerated() {
                fields[name] = Value(row[i] as DatabaseValue)
            }
            do {
                result.append(try E(fields: fields))
            } catch {
                throw StoreError.damaged(path: db.configuration.label ?? "project", detail: "\(error)")
            }
        }
        return result
    }
}

extension Value {
    init(_ dbValue: DatabaseValue) {
        switch dbValue.storage {
        case .null: self = .null
        case .int64(let i): self = .int(i)
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        case .blob: self = .null
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .int(let i): return i.databaseValue
        case .real(let d): return d.databaseValue
        case .text(let s): return s.databaseValue
        }
    }
}
