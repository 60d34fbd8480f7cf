import GRDB
import Planning

extension ProjectStore {
    /// Reads the whole project into the domain model in one read transaction.
    public func load() throws -> ProjectSnapshot {
        try Self.translating(path) {
            try reader.read { db in
                var snapshot = try Self.structure(db, path: path)
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM card") ?? 0
                snapshot.cards.reserveCapacity(count)
                try Self.fetch(Card.self, db, path: path) { snapshot.cards[$0.id] = $0 }
                return snapshot
            }
        }
    }

    /// Everything but the cards (epics excepted): what `card list` needs to filter and print
    /// cards streamed by `forEachCard`, without holding 10,000 cards in memory.
    public func loadStructure(schedule: Bool) throws -> ProjectSnapshot {
        try Self.translating(path) {
            try reader.read { db in
                var snapshot = try Self.structure(db, path: path, schedule: schedule)
                try Self.fetch(Card.self, db, path: path, where: "type = 'epic'") { snapshot.cards[$0.id] = $0 }
                return snapshot
            }
        }
    }

    /// What a board's first frame needs, fast on any project size: everything but the cards,
    /// the first `perColumn` active cards of each column (through the column/rank index) and
    /// their epics, and the number of active cards per column id.
    public func loadPreview(perColumn: Int) throws -> (snapshot: ProjectSnapshot, totals: [String: Int]) {
        try Self.translating(path) {
            try reader.read { db in
                var snapshot = try Self.structure(db, path: path)
                for column in snapshot.columns.keys {
                    try Self.fetch(Card.self, db, path: path, where: "columnID = ? AND archived = 0", arguments: [column],
                                   order: "rank, number LIMIT \(max(1, perColumn))") { snapshot.cards[$0.id] = $0 }
                }
                // Only the epics these cards belong to (the rest arrive with the whole project).
                let parents = Set(snapshot.cards.values.compactMap(\.parentID)).subtracting(snapshot.cards.keys)
                if !parents.isEmpty {
                    let marks = Array(repeating: "?", count: parents.count).joined(separator: ",")
                    try Self.fetch(Card.self, db, path: path, where: "id IN (\(marks))", arguments: StatementArguments(Array(parents))) {
                        snapshot.cards[$0.id] = $0
                    }
                }
                var totals: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT columnID, count(*) FROM card WHERE archived = 0 GROUP BY columnID") {
                    totals[row[0]] = row[1]
                }
                return (snapshot, totals)
            }
        }
    }

    /// Calls `body` with every card in board order (board, column, rank) that `prefilter` lets
    /// through, one at a time, in one read transaction; each column is read through the
    /// (columnID, rank) index, so no sort, and columns the prefilter rules out are not read.
    public func forEachCard(in structure: ProjectSnapshot, matching prefilter: CardPrefilter, _ body: (Card) throws -> Void) throws {
        let extra = prefilter.sql(placeholder: { _ in "?" }, startingAt: 2)
        let condition = extra.map { " AND \($0.condition)" } ?? ""
        let values = (extra?.values ?? []).map(\.databaseValue)
        try Self.translating(path) {
            try reader.read { db in
                for board in structure.sortedBoards {
                    for column in structure.columns(of: board.id) where prefilter.columnIDs?.contains(column.id) ?? true {
                        try Self.fetch(Card.self, db, path: path, where: "columnID = ?\(condition)", arguments: StatementArguments([column.id.databaseValue] + values),
                                       order: "rank, number", body)
                    }
                }
                guard prefilter.columnIDs == nil else { return }
                let known = structure.columns.keys.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ",")
                try Self.fetch(Card.self, db, path: path, where: "columnID NOT IN (\(known.isEmpty ? "''" : known))\(condition)",
                               arguments: StatementArguments(values), order: "number", body)
            }
        }
    }

    public func cards(withKeys keys: [String]) throws -> [Card] {
        guard !keys.isEmpty else { return [] }
        return try Self.translating(path) {
            try reader.read { db in
                var cards: [Card] = []
                try Self.fetch(Card.self, db, path: path, where: "key IN (\(keys.map { _ in "?" }.joined(separator: ",")))",
                               arguments: StatementArguments(keys)) { cards.append($0) }
                return cards
            }
        }
    }

    static func structure(_ db: Database, path: String, schedule: Bool = true) throws -> ProjectSnapshot {
        var info: ProjectInfo?
        try fetch(ProjectInfo.self, db, path: path) { info = $0 }
        guard let info else { throw StoreError.damaged(path: path, detail: "the project row is missing") }
        var snapshot = ProjectSnapshot(info: info)
        try fetch(Member.self, db, path: path) { snapshot.members[$0.id] = $0 }
        try fetch(Board.self, db, path: path) { snapshot.boards[$0.id] = $0 }
        try fetch(Column.self, db, path: path) { snapshot.columns[$0.id] = $0 }
        try fetch(RaidItem.self, db, path: path) { snapshot.raidItems[$0.id] = $0 }
        try fetch(RaidLink.self, db, path: path) { snapshot.raidLinks[$0.id] = $0 }
        try fetch(Sprint.self, db, path: path) { snapshot.sprints[$0.id] = $0 }
        guard schedule else { return snapshot }
        // A plan can hold 100,000 tasks and twice as many links: room first, not rehashing.
        snapshot.tasks.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(Schema.table(for: .task))") ?? 0)
        try fetch(PlanTask.self, db, path: path) { snapshot.tasks[$0.id] = $0 }
        snapshot.taskLinks.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(Schema.table(for: .taskLink))") ?? 0)
        try fetch(TaskLink.self, db, path: path) { snapshot.taskLinks[$0.id] = $0 }
        try fetch(Holiday.self, db, path: path) { snapshot.holidays[$0.id] = $0 }
        try fetch(Baseline.self, db, path: path) { snapshot.baselines[$0.id] = $0 }
        try fetch(TaskCardLink.self, db, path: path) { snapshot.taskCards[$0.id] = $0 }
        try fetch(Leave.self, db, path: path) { snapshot.leaves[$0.id] = $0 }
        try fetch(Assignment.self, db, path: path) { snapshot.assignments[$0.id] = $0 }
        try fetch(TimeEntry.self, db, path: path) { snapshot.timeEntries[$0.id] = $0 }
        try fetch(FixedCost.self, db, path: path) { snapshot.fixedCosts[$0.id] = $0 }
        return snapshot
    }

    static func fetch<E: Entity>(_ type: E.Type, _ db: Database, path: String, where condition: String? = nil,
                                 arguments: StatementArguments = [], order: String? = nil, _ body: (E) throws -> Void) throws {
        let names = E.fieldNames
        var sql = "SELECT \(names.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \(Schema.table(for: E.kind))"
        if let condition { sql += " WHERE \(condition)" }
        if let order { sql += " ORDER BY \(order)" }
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let cursor = try Row.fetchCursor(statement)
        let count = names.count
        var interned: [String: String] = [:]
        // Board and column ids repeat on every card: share one copy of each.
        let references = names.indices.filter { names[$0].hasSuffix("ID") }
        // Cells are read from the statement itself: a row's generic accessors look up type
        // metadata and column names for every cell, which was most of reading 100,000 cards.
        let sqlite = statement.sqliteStatement
        while try cursor.next() != nil {
            var values = (0..<count).map { Value(DatabaseValue(sqliteStatement: sqlite, index: CInt($0))) }
            for i in references {
                if case .text(let s) = values[i] {
                    if let shared = interned[s] { values[i] = .text(shared) } else { interned[s] = s }
                }
            }
            var reader = FieldReader(kind: E.kind, values: values)
            let entity: E
            do {
                entity = try E(from: &reader)
            } catch {
                throw StoreError.damaged(path: path, detail: "\(error)")
            }
            try body(entity)
        }
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
