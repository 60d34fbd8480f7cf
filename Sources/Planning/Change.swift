/// One field's old and new value. The old value is what the writer saw: the store refuses the
/// change when the stored value is neither the old nor the new one (someone else changed it).
public struct FieldChange: Hashable, Sendable {
    public var name: String
    public var from: Value
    public var to: Value

    public init(name: String, from: Value, to: Value) {
        self.name = name
        self.from = from
        self.to = to
    }

    public var inverse: FieldChange { FieldChange(name: name, from: to, to: from) }
}

/// A create, update or delete of one entity.
public struct EntityEdit: Hashable, Sendable {
    public enum Operation: String, Sendable, Codable {
        case create, update, delete

        var inverse: Operation {
            switch self {
            case .create: return .delete
            case .update: return .update
            case .delete: return .create
            }
        }
    }

    public var kind: EntityKind
    public var id: String
    public var label: String
    public var operation: Operation
    public var fields: [FieldChange]

    public init(kind: EntityKind, id: String, label: String, operation: Operation, fields: [FieldChange]) {
        self.kind = kind
        self.id = id
        self.label = label
        self.operation = operation
        self.fields = fields
    }

    public var inverse: EntityEdit {
        EntityEdit(kind: kind, id: id, label: label, operation: operation.inverse, fields: fields.map(\.inverse))
    }

    /// The values this edit leaves behind, by field name.
    public var newValues: [String: Value] {
        Dictionary(fields.map { ($0.name, $0.to) }, uniquingKeysWith: { _, last in last })
    }

    public func field(_ name: String) -> FieldChange? { fields.first { $0.name == name } }

    /// Stands for the key of a new entity in a change's summary until the store allocates it.
    /// Made of the entity's id between control characters, which no title or name may hold
    /// (`Limits` refuses them), so filling it in can never touch what a person typed.
    public static func pendingKey(_ id: String) -> String { "\u{1}key:\(id)\u{1}" }
}

/// Every mutation of a project: a sentence for people and the edits that carry it out.
/// Applied by the domain to a snapshot and by the store in one transaction with its journal row;
/// undo applies the inverse.
public struct Change: Hashable, Sendable {
    public var summary: String
    public var edits: [EntityEdit]

    public init(summary: String, edits: [EntityEdit]) {
        self.summary = summary
        self.edits = edits
    }

    public var inverse: Change {
        Change(summary: "undo: \(summary)", edits: edits.reversed().map(\.inverse))
    }

    public var isEmpty: Bool { edits.isEmpty }

    /// "edited GAN-4 (title, blocked reason)": one entity's fields changed in place, named as
    /// people say them (JSON keeps the field names).
    public static func edited(_ key: String, _ edit: EntityEdit) -> Change {
        Change(summary: "edited \(key) (\(edit.fields.map { FieldLabel.words($0.name, of: edit.kind) }.joined(separator: ", ")))", edits: [edit])
    }
}
