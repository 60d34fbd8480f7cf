import PlanStore
import Planning

extension PostgresStore {
    public func load() throws -> ProjectSnapshot {
        try reading {
            var snapshot = try structure()
            try fetch(Card.self) { snapshot.cards[$0.id] = $0 }
            return snapshot
        }
    }

    public func loadStructure(schedule: Bool) throws -> ProjectSnapshot {
        try reading {
            var snapshot = try structure(schedule: schedule)
            try fetch(Card.self, where: "\"type\" = 'epic'") { snapshot.cards[$0.id] = $0 }
            return snapshot
        }
    }

    public func loadPreview(perColumn: Int) throws -> (snapshot: ProjectSnapshot, totals: [String: Int]) {
        try reading {
            var snapshot = try structure()
            for column in snapshot.columns.keys {
                try fetch(Card.self, where: "\"columnID\" = $1 AND archived = 0", [.text(column)],
                          order: "rank, number LIMIT \(max(1, perColumn))") { snapshot.cards[$0.id] = $0 }
            }
            let parents = Set(snapshot.cards.values.compactMap(\.parentID)).subtracting(snapshot.cards.keys)
            if !parents.isEmpty {
                try fetch(Card.self, where: "id = ANY(string_to_array($1, chr(31)))", [.text(parents.joined(separator: "\u{1F}"))]) {
                    snapshot.cards[$0.id] = $0
                }
            }
            var totals: [String: Int] = [:]
            for row in try link.query("SELECT \"columnID\", count(*) FROM card WHERE archived = 0 GROUP BY \"columnID\"") {
                if let column = row[0].string, let n = row[1].int { totals[column] = Int(n) }
            }
            return (snapshot, totals)
        }
    }

    public func forEachCard(in structure: ProjectSnapshot, matching prefilter: CardPrefilter, _ body: (Card) throws -> Void) throws {
        let extra = prefilter.sql(placeholder: { "$\($0)" }, startingAt: 2)
        let condition = extra.map { " AND \($0.condition)" } ?? ""
        let values = extra?.values ?? []
        try reading {
            for board in structure.sortedBoards {
                for column in structure.columns(of: board.id) where prefilter.columnIDs?.contains(column.id) ?? true {
                    try fetch(Card.self, where: "\"columnID\" = $1\(condition)", [.text(column.id)] + values, order: "rank, number", body)
                }
            }
            guard prefilter.columnIDs == nil else { return }
            try fetch(Card.self, where: "NOT (\"columnID\" = ANY(string_to_array($1, chr(31))))\(condition)",
                      [.text(structure.columns.keys.joined(separator: "\u{1F}"))] + values, order: "number", body)
        }
    }

    public func cards(withKeys keys: [String]) throws -> [Card] {
        guard !keys.isEmpty else { return [] }
        var cards: [Card] = []
        try fetch(Card.self, where: "key = ANY(string_to_array($1, chr(31)))", [.text(keys.joined(separator: "\u{1F}"))]) { cards.append($0) }
        return cards
    }

    private func structure(schedule: Bool = true) throws -> ProjectSnapshot {
        var info: ProjectInfo?
        try fetch(ProjectInfo.self) { info = $0 }
        guard let info else { throw StoreError.damaged(path: location, detail: "the project row is missing") }
        var snapshot = ProjectSnapshot(info: info)
        try fetch(Member.self) { snapshot.members[$0.id] = $0 }
        try fetch(Board.self) { snapshot.boards[$0.id] = $0 }
        try fetch(Column.self) { snapshot.columns[$0.id] = $0 }
        try fetch(RaidItem.self) { snapshot.raidItems[$0.id] = $0 }
        try fetch(RaidLink.self) { snapshot.raidLinks[$0.id] = $0 }
        try fetch(Sprint.self) { snapshot.sprints[$0.id] = $0 }
        guard schedule else { return snapshot }
        try fetch(PlanTask.self) { snapshot.tasks[$0.id] = $0 }
        try fetch(TaskLink.self) { snapshot.taskLinks[$0.id] = $0 }
        try fetch(Holiday.self) { snapshot.holidays[$0.id] = $0 }
        try fetch(Baseline.self) { snapshot.baselines[$0.id] = $0 }
        try fetch(TaskCardLink.self) { snapshot.taskCards[$0.id] = $0 }
        try fetch(Leave.self) { snapshot.leaves[$0.id] = $0 }
        try fetch(Assignment.self) { snapshot.assignments[$0.id] = $0 }
        try fetch(TimeEntry.self) { snapshot.timeEntries[$0.id] = $0 }
        try fetch(FixedCost.self) { snapshot.fixedCosts[$0.id] = $0 }
        return snapshot
    }

    private func fetch<E: Entity>(_ type: E.Type, where condition: String? = nil, _ binds: [Value] = [], order: String? = nil,
                                  _ body: (E) throws -> Void) throws {
        var sql = "SELECT \(E.fieldNames.map(PostgresSchema.quote).joined(separator: ", ")) FROM \(Schema.tableName(for: E.kind))"
        if let condition { sql += " WHERE \(condition)" }
        if let order { sql += " ORDER BY \(order)" }
        for values in try link.query(sql, binds) {
            var reader = FieldReader(kind: E.kind, values: values)
            let entity: E
            do { entity = try E(from: &reader) } catch {
                throw StoreError.damaged(path: location, detail: "\(error)")
            }
            try body(entity)
        }
    }
}
