import Foundation

/// One stored field of an entity: its name (the store's column, the journal's and JSON's key)
/// and how it is read from and written into the entity. Each entity lists its fields once
/// (`DescribedEntity.stored`); its field names, its values and its reading come from that list.
public struct StoredField<Root>: Sendable {
    public let name: String
    /// Reading fails when a required field is missing (a damaged row).
    public let required: Bool
    let read: @Sendable (Root) -> Value
    let write: @Sendable (inout Root, Value) throws -> Void

    public init(_ name: String, required: Bool = false, read: @escaping @Sendable (Root) -> Value,
                write: @escaping @Sendable (inout Root, Value) throws -> Void) {
        self.name = name
        self.required = required
        self.read = read
        self.write = write
    }

    // The helpers take closures, not key paths: writing through a key path costs a generic
    // runtime call per field, which made loading 10,000 cards 7–9% slower (callgrind).

    /// Text; with `emptyIsNull`, an empty string is stored as none (keys before allocation).
    public static func text(_ name: String, get: @escaping @Sendable (Root) -> String, set: @escaping @Sendable (inout Root, String) -> Void,
                            required: Bool = false, emptyIsNull: Bool = false) -> Self {
        Self(name, required: required, read: { emptyIsNull && get($0).isEmpty ? .null : .text(get($0)) }, write: { set(&$0, $1.string ?? "") })
    }

    public static func optionalText(_ name: String, get: @escaping @Sendable (Root) -> String?, set: @escaping @Sendable (inout Root, String?) -> Void) -> Self {
        Self(name, read: { Value(get($0)) }, write: { set(&$0, $1.string) })
    }

    /// A whole number; `orElse` when none is stored; with `zeroIsNull`, 0 is stored as none.
    public static func count(_ name: String, get: @escaping @Sendable (Root) -> Int, set: @escaping @Sendable (inout Root, Int) -> Void,
                             orElse fallback: Int = 0, zeroIsNull: Bool = false) -> Self {
        Self(name, read: { zeroIsNull && get($0) == 0 ? .null : Value(get($0)) }, write: { set(&$0, $1.int.map { Int($0) } ?? fallback) })
    }

    public static func optionalCount(_ name: String, get: @escaping @Sendable (Root) -> Int?, set: @escaping @Sendable (inout Root, Int?) -> Void) -> Self {
        Self(name, read: { Value(get($0)) }, write: { set(&$0, $1.int.map { Int($0) }) })
    }

    public static func real(_ name: String, get: @escaping @Sendable (Root) -> Double, set: @escaping @Sendable (inout Root, Double) -> Void,
                            orElse fallback: Double = 0) -> Self {
        Self(name, read: { .real(get($0)) }, write: { set(&$0, $1.double ?? fallback) })
    }

    public static func optionalReal(_ name: String, get: @escaping @Sendable (Root) -> Double?, set: @escaping @Sendable (inout Root, Double?) -> Void) -> Self {
        Self(name, read: { Value(get($0)) }, write: { set(&$0, $1.double) })
    }

    public static func flag(_ name: String, get: @escaping @Sendable (Root) -> Bool, set: @escaping @Sendable (inout Root, Bool) -> Void) -> Self {
        Self(name, read: { Value(get($0)) }, write: { set(&$0, ($1.int ?? 0) != 0) })
    }

    public static func day(_ name: String, get: @escaping @Sendable (Root) -> Day?, set: @escaping @Sendable (inout Root, Day?) -> Void) -> Self {
        Self(name, read: { Value(get($0)) }, write: { set(&$0, $1.string.flatMap(Day.init)) })
    }

    /// A moment, stored as seconds since 1970.
    public static func time(_ name: String, get: @escaping @Sendable (Root) -> Date, set: @escaping @Sendable (inout Root, Date) -> Void) -> Self {
        Self(name, read: { .real(get($0).timeIntervalSince1970) }, write: { set(&$0, Date(timeIntervalSince1970: $1.double ?? 0)) })
    }

    public static func optionalTime(_ name: String, get: @escaping @Sendable (Root) -> Date?, set: @escaping @Sendable (inout Root, Date?) -> Void) -> Self {
        Self(name, read: { Value(get($0)?.timeIntervalSince1970) }, write: { set(&$0, $1.double.map { Date(timeIntervalSince1970: $0) }) })
    }

    /// One of an enumeration's words; `orElse` when none or an unknown one is stored.
    public static func choice<E: RawRepresentable & Sendable>(_ name: String, get: @escaping @Sendable (Root) -> E, set: @escaping @Sendable (inout Root, E) -> Void,
                                                          orElse fallback: E) -> Self where E.RawValue == String {
        Self(name, read: { .text(get($0).rawValue) }, write: { set(&$0, $1.string.flatMap(E.init) ?? fallback) })
    }

    /// A list of words, stored comma-separated (labels, assignees).
    public static func list(_ name: String, get: @escaping @Sendable (Root) -> [String], set: @escaping @Sendable (inout Root, [String]) -> Void) -> Self {
        Self(name, read: { .text(get($0).joined(separator: ",")) }, write: { set(&$0, Card.splitLabels($1.string ?? "")) })
    }

    /// An id made from other fields (a link's ends): written out, never read back.
    public static func derivedID(_ id: @escaping @Sendable (Root) -> String) -> Self {
        Self("id", read: { .text(id($0)) }, write: { _, _ in })
    }
}

/// An entity whose fields are listed once, as `StoredField`s: its values and its reading are
/// the list's. `blank` is what reading starts from before every field is written.
public protocol DescribedEntity: Entity {
    static var stored: [StoredField<Self>] { get }
    static var blank: Self { get }
}

extension DescribedEntity {
    public var fields: [String: Value] {
        var out = [String: Value](minimumCapacity: Self.stored.count)
        for field in Self.stored { out[field.name] = field.read(self) }
        return out
    }

    /// Reads the fields in their listed order, which is the reader's (`kind.fieldNames`).
    public init(from reader: inout FieldReader) throws {
        var entity = Self.blank
        let values = reader.values
        try Self.stored.withUnsafeBufferPointer { fields in
            guard values.count >= fields.count else { throw PlanningError.corrupt("\(Self.kind.rawValue) has \(values.count) of its \(fields.count) fields") }
            for index in fields.indices {
                if fields[index].required, values[index].isNull { throw PlanningError.corrupt("\(Self.kind.rawValue).\(fields[index].name) is missing") }
                try fields[index].write(&entity, values[index])
            }
        }
        self = entity
    }
}
