/// The kinds of things a project stores. Each kind is one table in the store and one collection
/// in `ProjectSnapshot`; the change mechanism only needs the kind, an id and field values.
public enum EntityKind: String, Sendable, CaseIterable, Codable {
    case project, member, board, column, card, raid, raidLink, task, taskLink, holiday, baseline, taskCard, sprint, leave, assignment, timeEntry, fixedCost

    /// Persisted field names, in the order the store and JSON present them.
    public var fieldNames: [String] {
        switch self {
        case .project: return ProjectInfo.fieldNames
        case .member: return Member.fieldNames
        case .board: return Board.fieldNames
        case .column: return Column.fieldNames
        case .card: return Card.fieldNames
        case .raid: return RaidItem.fieldNames
        case .raidLink: return RaidLink.fieldNames
        case .task: return PlanTask.fieldNames
        case .taskLink: return TaskLink.fieldNames
        case .holiday: return Holiday.fieldNames
        case .baseline: return Baseline.fieldNames
        case .taskCard: return TaskCardLink.fieldNames
        case .sprint: return Sprint.fieldNames
        case .leave: return Leave.fieldNames
        case .assignment: return Assignment.fieldNames
        case .timeEntry: return TimeEntry.fieldNames
        case .fixedCost: return FixedCost.fieldNames
        }
    }

    /// How the store names a new entity of this kind: the sequence its number comes from and
    /// the key prefix (nil: the project's own, as in `GAN-42`). Nil for kinds without keys.
    /// Prefixes that other kinds' keys use; a project's card prefix may be none of them, so a
    /// key always names one thing.
    public static var reservedPrefixes: [String] { [PlanTask.keyPrefix] + RaidType.allCases.map(\.prefix) }

    public func keyScheme(_ fields: [String: Value]) -> (sequence: String, prefix: String?)? {
        switch self {
        case .card: return ("card", nil)
        case .raid:
            let type = RaidType(rawValue: fields["type"]?.string ?? "") ?? .risk
            return ("raid.\(type.rawValue)", type.prefix)
        case .task: return ("task", PlanTask.keyPrefix)
        default: return nil
        }
    }
}

/// A stored thing that can be rebuilt from, and flattened to, field values.
public protocol Entity: Sendable {
    static var kind: EntityKind { get }
    static var fieldNames: [String] { get }
    var id: String { get }
    /// How the journal names this entity to people (a card key, a handle, a column name).
    var label: String { get }
    var fields: [String: Value] { get }
    /// Rebuilds the entity; the reader yields values by field name.
    init(from reader: inout FieldReader) throws
}

extension Entity {
    public init(fields: [String: Value]) throws {
        var reader = FieldReader(kind: Self.kind, fields: fields)
        try self.init(from: &reader)
    }

    /// A change that creates this entity.
    public func creation() -> EntityEdit {
        EntityEdit(kind: Self.kind, id: id, label: label, operation: .create,
                   fields: Self.fieldNames.compactMap { name in
                       let v = fields[name] ?? .null
                       return name == "id" ? nil : FieldChange(name: name, from: .null, to: v)
                   })
    }

    /// A change that deletes this entity, remembering every field so undo can restore it.
    public func deletion() -> EntityEdit {
        creation().inverse
    }

    /// A change that sets the given fields, recording their current values as the expectation.
    public func update(_ newValues: [(String, Value)]) -> EntityEdit? {
        let current = fields
        let changes = newValues.compactMap { name, value -> FieldChange? in
            let old = current[name] ?? .null
            return old.sameStoredValue(as: value) ? nil : FieldChange(name: name, from: old, to: value)
        }
        guard !changes.isEmpty else { return nil }
        return EntityEdit(kind: Self.kind, id: id, label: label, operation: .update, fields: changes)
    }
}
