import Foundation
import Planning

/// The journal's JSON form of a `Change`. Field values are plain JSON (null, number, string).
struct StoredChange: Codable {
    struct Edit: Codable {
        var kind: EntityKind
        var id: String
        var label: String
        var op: EntityEdit.Operation
        var fields: [Field]
    }

    struct Field: Codable {
        var name: String
        var from: StoredValue
        var to: StoredValue
    }

    var summary: String
    var edits: [Edit]

    init(_ change: Change) {
        summary = change.summary
        edits = change.edits.map { e in
            Edit(kind: e.kind, id: e.id, label: e.label, op: e.operation,
                 fields: e.fields.map { Field(name: $0.name, from: StoredValue($0.from), to: StoredValue($0.to)) })
        }
    }

    var change: Change {
        Change(summary: summary, edits: edits.map { e in
            EntityEdit(kind: e.kind, id: e.id, label: e.label, operation: e.op,
                       fields: e.fields.map { FieldChange(name: $0.name, from: $0.from.value, to: $0.to.value) })
        })
    }

    static func encode(_ change: Change) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(StoredChange(change)), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> Change {
        try JSONDecoder().decode(StoredChange.self, from: Data(text.utf8)).change
    }
}

struct StoredValue: Codable {
    var value: Value

    init(_ value: Value) { self.value = value }

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = .null }
        else if let i = try? c.decode(Int64.self) { value = .int(i) }
        else if let d = try? c.decode(Double.self) { value = .real(d) }
        else { value = .text(try c.decode(String.self)) }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch value {
        case .null: try c.encodeNil()
        case .int(let i): try c.encode(i)
        case .real(let d): try c.encode(d)
        case .text(let s): try c.encode(s)
        }
    }
}
