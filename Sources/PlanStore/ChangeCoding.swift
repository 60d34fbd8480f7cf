import Foundation
import Planning

/// The journal's JSON form of a `Change`: `{"edits":[{"fields":[{"from":…,"name":…,"to":…}],
/// "id":…,"kind":…,"label":…,"op":…}],"summary":…}`, field values plain JSON (null, number,
/// string). Written and read by hand (`FlatJSON`): every change is written once and read by
/// every session that replays it.
package enum StoredChange {
    /// The journal's text of a change: keys sorted, no spaces (what Foundation's encoder wrote
    /// with sorted keys; written by hand, once per change, at a fraction of the cost).
    package static func encode(_ change: Change) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: "{\"edits\":[".utf8)
        for (i, e) in change.edits.enumerated() {
            if i > 0 { out.append(0x2C) }
            out.append(contentsOf: "{\"fields\":[".utf8)
            for (j, f) in e.fields.enumerated() {
                if j > 0 { out.append(0x2C) }
                out.append(contentsOf: "{\"from\":".utf8)
                FlatJSON.write(f.from, into: &out)
                out.append(contentsOf: ",\"name\":".utf8)
                FlatJSON.string(f.name, into: &out)
                out.append(contentsOf: ",\"to\":".utf8)
                FlatJSON.write(f.to, into: &out)
                out.append(0x7D)
            }
            out.append(contentsOf: "],\"id\":".utf8)
            FlatJSON.string(e.id, into: &out)
            out.append(contentsOf: ",\"kind\":".utf8)
            FlatJSON.string(e.kind.rawValue, into: &out)
            out.append(contentsOf: ",\"label\":".utf8)
            FlatJSON.string(e.label, into: &out)
            out.append(contentsOf: ",\"op\":".utf8)
            FlatJSON.string(e.operation.rawValue, into: &out)
            out.append(0x7D)
        }
        out.append(contentsOf: "],\"summary\":".utf8)
        FlatJSON.string(change.summary, into: &out)
        out.append(0x7D)
        return String(decoding: out, as: UTF8.self)
    }

    package static func decode(_ text: String) throws -> Change {
        var text = text
        return try text.withUTF8 { utf8 in
            var reader = FlatJSON.Reader(bytes: UnsafeRawBufferPointer(utf8), i: 0, end: utf8.count)
            return try reader.change(path: "change")
        }
    }
}

package struct StoredValue: Codable {
    package var value: Value

    package init(_ value: Value) { self.value = value }

    package init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = .null }
        else if let i = try? c.decode(Int64.self) { value = .int(i) }
        else if let d = try? c.decode(Double.self) { value = .real(d) }
        else { value = .text(try c.decode(String.self)) }
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch value {
        case .null: try c.encodeNil()
        case .int(let i): try c.encode(i)
        case .real(let d): try c.encode(d)
        case .text(let s): try c.encode(s)
        }
    }
}
