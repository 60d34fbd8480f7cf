/// Every entity of a project by kind, as field values: what a whole-project export writes and
/// an import reads back, without a switch over kinds at each use.
extension ProjectSnapshot {
    /// The entities of one kind, ordered by id.
    public func entityFields(of kind: EntityKind) -> [[String: Value]] {
        entityIDs(of: kind).sorted().compactMap { fields(of: kind, id: $0) }
    }

    /// A project rebuilt from field values by kind; each entity is checked as it is read.
    /// Throws with the kind and position of the first entity that does not read.
    public static func rebuilt(from entities: [EntityKind: [[String: Value]]]) throws -> ProjectSnapshot {
        guard let info = entities[.project]?.first else {
            throw PlanningError.invalid(field: "entities.project", message: "the project itself is missing")
        }
        try checkFields(info, known: Set(EntityKind.project.fieldNames), of: .project, at: "entities.project[0]")
        var snapshot = ProjectSnapshot(info: try ProjectInfo(fields: info))
        for kind in EntityKind.allCases where kind != .project {
            let known = Set(kind.fieldNames)
            for (i, fields) in (entities[kind] ?? []).enumerated() {
                let place = "entities.\(kind.rawValue)[\(i)]"
                guard let id = fields["id"]?.string, !id.isEmpty else { throw PlanningError.invalid(field: place, message: "it has no id") }
                try checkFields(fields, known: known, of: kind, at: place)
                let edit = EntityEdit(kind: kind, id: id, label: id, operation: .create,
                                      fields: fields.filter { $0.key != "id" }.map { FieldChange(name: $0.key, from: .null, to: $0.value) })
                do { try snapshot.apply(edit) } catch { throw PlanningError.invalid(field: place, message: "\(error)") }
            }
        }
        // Each value must read back as itself: a choice Gantry does not know would otherwise
        // quietly become the default.
        for kind in EntityKind.allCases {
            for (i, fields) in (entities[kind] ?? []).enumerated() {
                guard let stored = snapshot.fields(of: kind, id: kind == .project ? ProjectInfo.singletonID : fields["id"]?.string ?? "") else { continue }
                for (name, value) in fields.sorted(by: { $0.key < $1.key }) where !value.isNull && !Self.same(value, stored[name] ?? .null) {
                    throw PlanningError.invalid(field: "entities.\(kind.rawValue)[\(i)].\(name)", message: "\(value) is not a value Gantry keeps here")
                }
            }
        }
        return snapshot
    }

    /// One entity's field values, found by kind and id.
    public func fields(of kind: EntityKind, id: String) -> [String: Value]? {
        switch kind {
        case .project: return info.fields
        case .member: return members[id]?.fields
        case .board: return boards[id]?.fields
        case .column: return columns[id]?.fields
        case .card: return cards[id]?.fields
        case .raid: return raidItems[id]?.fields
        case .raidLink: return raidLinks[id]?.fields
        case .task: return tasks[id]?.fields
        case .taskLink: return taskLinks[id]?.fields
        case .holiday: return holidays[id]?.fields
        case .baseline: return baselines[id]?.fields
        case .taskCard: return taskCards[id]?.fields
        case .sprint: return sprints[id]?.fields
        case .leave: return leaves[id]?.fields
        case .assignment: return assignments[id]?.fields
        case .timeEntry: return timeEntries[id]?.fields
        case .fixedCost: return fixedCosts[id]?.fields
        }
    }

    /// The ids of one kind's entities (unordered).
    public func entityIDs(of kind: EntityKind) -> [String] {
        switch kind {
        case .project: return [ProjectInfo.singletonID]
        case .member: return Array(members.keys)
        case .board: return Array(boards.keys)
        case .column: return Array(columns.keys)
        case .card: return Array(cards.keys)
        case .raid: return Array(raidItems.keys)
        case .raidLink: return Array(raidLinks.keys)
        case .task: return Array(tasks.keys)
        case .taskLink: return Array(taskLinks.keys)
        case .holiday: return Array(holidays.keys)
        case .baseline: return Array(baselines.keys)
        case .taskCard: return Array(taskCards.keys)
        case .sprint: return Array(sprints.keys)
        case .leave: return Array(leaves.keys)
        case .assignment: return Array(assignments.keys)
        case .timeEntry: return Array(timeEntries.keys)
        case .fixedCost: return Array(fixedCosts.keys)
        }
    }

    private static func checkFields(_ fields: [String: Value], known: Set<String>, of kind: EntityKind, at place: String) throws {
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
