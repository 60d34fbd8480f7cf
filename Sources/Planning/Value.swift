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

/// Reads typed fields out of a field dictionary, with errors that name the field.
public struct FieldReader {
    public let kind: EntityKind
    public let fields: [String: Value]

    public init(kind: EntityKind, fields: [String: Value]) {
        self.kind = kind
        self.fields = fields
    }

    public func text(_ name: String) throws -> String {
        guard let s = fields[name]?.string else { throw PlanningError.corrupt("\(kind.rawValue).\(name) is missing") }
        return s
    }

    public func optionalText(_ name: String) -> String? { fields[name]?.string }
    public func int(_ name: String) -> Int? { fields[name]?.int.map { Int($0) } }
    public func double(_ name: String) -> Double? { fields[name]?.double }
    public func bool(_ name: String) -> Bool { (fields[name]?.int ?? 0) != 0 }
    public func day(_ name: String) -> Day? { fields[name]?.string.flatMap(Day.init) }
}
