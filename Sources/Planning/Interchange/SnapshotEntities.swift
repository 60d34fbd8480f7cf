/// Every entity of a project by kind, as field values: what a whole-project export writes and
/// an import reads back, without a switch over kinds at each use.
extension ProjectSnapshot {
    /// The entities of one kind, ordered by id.
    public func entityFields(of kind: EntityKind) -> [[String: Value]] {
        func rows<E: Entity>(_ table: [String: E]) -> [[String: Value]] {
            table.keys.sorted().map { table[$0]!.fields }
        }
        switch kind {
        case .project: return [info.fields]
        case .member: return rows(members)
        case .board: return rows(boards)
        case .column: return rows(columns)
        case .card: return rows(cards)
        case .raid: return rows(raidItems)
        case .raidLink: return rows(raidLinks)
        case .task: return rows(tasks)
        case .taskLink: return rows(taskLinks)
        case .holiday: return rows(holidays)
        case .baseline: return rows(baselines)
        case .taskCard: return rows(taskCards)
        case .sprint: return rows(sprints)
        case .leave: return rows(leaves)
        case .assignment: return rows(assignments)
        case .timeEntry: return rows(timeEntries)
        case .fixedCost: return rows(fixedCosts)
        }
    }

    /// A project rebuilt from field values by kind; each entity is checked as it is read.
    /// Throws with the kind and position of the first entity that does not read.
    public static func rebuilt(from entities: [EntityKind: [[String: Value]]]) throws -> ProjectSnapshot {
        guard let info = entities[.project]?.first else {
            throw PlanningError.invalid(field: "entities.project", message: "the project itself is missing")
        }
        try checkFields(info, of: .project, at: "entities.project[0]")
        var snapshot = ProjectSnapshot(info: try ProjectInfo(fields: info))
        for kind in EntityKind.allCases where kind != .project {
            for (i, fields) in (entities[kind] ?? []).enumerated() {
                let place = "entities.\(kind.rawValue)[\(i)]"
                guard let id = fields["id"]?.string, !id.isEmpty else { throw PlanningError.invalid(field: place, message: "it has no id") }
                try checkFields(fields, of: kind, at: place)
                let edit = EntityEdit(kind: kind, id: id, label: id, operation: .create,
                                      fields: fields.filter { $0.key != "id" }.map { FieldChange(name: $0.key, from: .null, to: $0.value) })
                do { try snapshot.apply(edit) } catch { throw PlanningError.invalid(field: place, message: "\(error)") }
            }
        }
        // Each value must read back as itself: a choice Gantry does not know would otherwise
        // quietly become the default.
        for kind in EntityKind.allCases {
            let read = Dictionary(snapshot.entityFields(of: kind).map { ($0["id"]?.string ?? "", $0) }, uniquingKeysWith: { a, _ in a })
            for (i, fields) in (entities[kind] ?? []).enumerated() {
                guard let stored = read[kind == .project ? ProjectInfo.singletonID : fields["id"]?.string ?? ""] else { continue }
                for (name, value) in fields.sorted(by: { $0.key < $1.key }) where !value.isNull && !Self.same(value, stored[name] ?? .null) {
                    throw PlanningError.invalid(field: "entities.\(kind.rawValue)[\(i)].\(name)", message: "\(value) is not a value Gantry keeps here")
                }
            }
        }
        return snapshot
    }

    private static func checkFields(_ fields: [String: Value], of kind: EntityKind, at place: String) throws {
        let known = Set(kind.fieldNames)
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw PlanningError.invalid(field: place, message: "\"\(unknown)\" is not a field of a \(kind.rawValue)")
        }
    }

    private static func same(_ a: Value, _ b: Value) -> Bool {
        if a == b { return true }
        if let x = a.double, let y = b.double { return x == y }
        return false
    }
}
