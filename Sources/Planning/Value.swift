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

/// Reads typed fields by name out of values laid out in an entity's `fieldNames` order, with
/// errors that name the field. Entities read their fields in that order, so each lookup is
/// normally one comparison: this is what keeps loading 10,000 cards fast.
public struct FieldReader {
    public let kind: EntityKind
    private let names: [String]
    /// The values in `kind.fieldNames` order.
    public let values: [Value]
    private var next = 0

    public init(kind: EntityKind, values: [Value]) {
        self.kind = kind
        self.names = kind.fieldNames
        self.values = values
    }

    public init(kind: EntityKind, fields: [String: Value]) {
        self.init(kind: kind, values: kind.fieldNames.map { fields[$0] ?? .null })
    }

    public mutating func value(_ name: String) -> Value {
        if next < names.count, names[next] == name {
            next += 1
            return next - 1 < values.count ? values[next - 1] : .null
        }
        guard let i = names.firstIndex(of: name), i < values.count else { return .null }
        next = i + 1
        return values[i]
    }

    public mutating func text(_ name: String) throws -> String {
        guard let s = value(name).string else { throw PlanningError.corrupt("\(kind.rawValue).\(name) is missing") }
        return s
    }

    public mutating func optionalText(_ name: String) -> String? { value(name).string }
    public mutating func int(_ name: String) -> Int? { value(name).int.map { Int($0) } }
    public mutating func double(_ name: String) -> Double? { value(name).double }
    public mutating func bool(_ name: String) -> Bool { (value(name).int ?? 0) != 0 }
    public mutating func day(_ name: String) -> Day? { value(name).string.flatMap(Day.init) }
}
