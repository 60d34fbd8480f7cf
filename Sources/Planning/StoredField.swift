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

    /// Text; with `emptyIsNull`, an empty string is stored as none (keys before allocation).
    public static func text(_ name: String, _ path: WritableKeyPath<Root, String> & Sendable, required: Bool = false, emptyIsNull: Bool = false) -> Self {
        Self(name, required: required, read: { emptyIsNull && $0[keyPath: path].isEmpty ? .null : .text($0[keyPath: path]) },
             write: { $0[keyPath: path] = $1.string ?? "" })
    }

    public static func optionalText(_ name: String, _ path: WritableKeyPath<Root, String?> & Sendable) -> Self {
        Self(name, read: { Value($0[keyPath: path]) }, write: { $0[keyPath: path] = $1.string })
    }

    /// A whole number; `orElse` when none is stored; with `zeroIsNull`, 0 is stored as none.
    public static func count(_ name: String, _ path: WritableKeyPath<Root, Int> & Sendable, orElse fallback: Int = 0, zeroIsNull: Bool = false) -> Self {
        Self(name, read: { zeroIsNull && $0[keyPath: path] == 0 ? .null : Value($0[keyPath: path]) },
             write: { $0[keyPath: path] = $1.int.map { Int($0) } ?? fallback })
    }

    public static func optionalCount(_ name: String, _ path: WritableKeyPath<Root, Int?> & Sendable) -> Self {
        Self(name, read: { Value($0[keyPath: path]) }, write: { $0[keyPath: path] = $1.int.map { Int($0) } })
    }

    public static func real(_ name: String, _ path: WritableKeyPath<Root, Double> & Sendable, orElse fallback: Double = 0) -> Self {
        Self(name, read: { .real($0[keyPath: path]) }, write: { $0[keyPath: path] = $1.double ?? fallback })
    }

    public static func optionalReal(_ name: String, _ path: WritableKeyPath<Root, Double?> & Sendable) -> Self {
        Self(name, read: { Value($0[keyPath: path]) }, write: { $0[keyPath: path] = $1.double })
    }

    public static func flag(_ name: String, _ path: WritableKeyPath<Root, Bool> & Sendable) -> Self {
        Self(name, read: { Value($0[keyPath: path]) }, write: { $0[keyPath: path] = ($1.int ?? 0) != 0 })
    }

    public static func day(_ name: String, _ path: WritableKeyPath<Root, Day?> & Sendable) -> Self {
        Self(name, read: { Value($0[keyPath: path]) }, write: { $0[keyPath: path] = $1.string.flatMap(Day.init) })
    }

    /// A moment, stored as seconds since 1970.
    public static func time(_ name: String, _ path: WritableKeyPath<Root, Date> & Sendable) -> Self {
        Self(name, read: { .real($0[keyPath: path].timeIntervalSince1970) },
             write: { $0[keyPath: path] = Date(timeIntervalSince1970: $1.double ?? 0) })
    }

    public static func optionalTime(_ name: String, _ path: WritableKeyPath<Root, Date?> & Sendable) -> Self {
        Self(name, read: { Value($0[keyPath: path]?.timeIntervalSince1970) },
             write: { $0[keyPath: path] = $1.double.map { Date(timeIntervalSince1970: $0) } })
    }

    /// One of an enumeration's words; `orElse` when none or an unknown one is stored.
    public static func choice<E: RawRepresentable & Sendable>(_ name: String, _ path: WritableKeyPath<Root, E> & Sendable, orElse fallback: E) -> Self where E.RawValue == String {
        Self(name, read: { .text($0[keyPath: path].rawValue) }, write: { $0[keyPath: path] = $1.string.flatMap(E.init) ?? fallback })
    }

    /// A list of words, stored comma-separated (labels, assignees).
    public static func list(_ name: String, _ path: WritableKeyPath<Root, [String]> & Sendable) -> Self {
        Self(name, read: { .text($0[keyPath: path].joined(separator: ",")) }, write: { $0[keyPath: path] = Card.splitLabels($1.string ?? "") })
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

    public init(from reader: inout FieldReader) throws {
        var entity = Self.blank
        for field in Self.stored {
            let value = reader.value(field.name)
            if field.required, value.isNull { throw PlanningError.corrupt("\(Self.kind.rawValue).\(field.name) is missing") }
            try field.write(&entity, value)
        }
        self = entity
    }
}
