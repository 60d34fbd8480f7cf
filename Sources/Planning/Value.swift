/// A single stored field value. Changes, the journal and the store all speak in these, which is
/// what lets one change mechanism serve cards, RAID items, tasks and sprints alike.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case int(Int64)
    case real(Double)
    case text(String)

    public var string: String? { if case .text(let s) = self { return s } else { return nil } }

    public var int: Int64? {
        switch self {
        case .int(let i): return i
        case .real(let d): return d.rounded() == d ? Int64(exactly: d) : nil
        default: return nil
        }
    }

    public var double: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .real(let d): return d
        default: return nil
        }
    }

    public var isNull: Bool { self == .null }

    /// Equality as the store sees it: SQLite compares 3 and 3.0 as equal.
    public func sameStoredValue(as other: Value) -> Bool {
        if let a = double, let b = other.double { return a == b }
        return self == other
    }

    public var description: String {
        switch self {
        case .null: return "none"
        case .int(let i): return String(i)
        case .real(let d): return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .text(let s): return s
        }
    }

    public init(_ string: String?) { self = string.map(Value.text) ?? .null }
    public init(_ int: Int?) { self = int.map { .int(Int64($0)) } ?? .null }
    public init(_ double: Double?) { self = double.map(Value.real) ?? .null }
    public init(_ bool: Bool) { self = .int(bool ? 1 : 0) }
    public init(_ day: Day?) { self = day.map { .text($0.description) } ?? .null }
}

/// One stored row of an entity: its values in the entity's `fieldNames` order, which is the
/// order `DescribedEntity` reads them in, so reading a field is one array access.
public struct FieldReader {
    public let kind: EntityKind
    /// The values in `kind.fieldNames` order.
    public let values: [Value]

    public init(kind: EntityKind, values: [Value]) {
        self.kind = kind
        self.values = values
    }

    public init(kind: EntityKind, fields: [String: Value]) {
        self.init(kind: kind, values: kind.fieldNames.map { fields[$0] ?? .null })
    }
}
