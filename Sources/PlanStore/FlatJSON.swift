import Foundation
import Planning

/// Entities as JSON, written and read by hand: an entity is a flat object of nulls, numbers and
/// strings, so a writer and reader for exactly that are many times faster than Foundation's
/// coders, which build and sort a tree for 10,000 cards. Numbers read back as `Value.int` when
/// they have no fraction or exponent (and fit), else `.real`: what the store's own coding does.
package enum FlatJSON {
    // MARK: Writing

    static func write(_ value: Value, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .real(let d):
            // Whole numbers as integers, as Foundation's encoder writes them; the reader makes
            // them .int, and every real field accepts an integer.
            if d.rounded() == d && abs(d) < 1e15 { out.append(contentsOf: String(Int64(d)).utf8) } else { out.append(contentsOf: "\(d)".utf8) }
        case .text(let s): string(s, into: &out)
        }
    }

    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x08: out.append(contentsOf: [0x5C, 0x62])
            case 0x0C: out.append(contentsOf: [0x5C, 0x66])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }

    /// One entity on one line, keys in the order given (sorted by the caller).
    static func object(_ fields: [String: Value], keys: [String], into out: inout [UInt8]) {
        out.append(0x7B)
        var first = true
        for key in keys {
            guard let value = fields[key] else { continue }
            if !first { out.append(0x2C) }
            first = false
            string(key, into: &out)
            out.append(0x3A)
            write(value, into: &out)
        }
        out.append(0x7D)
    }

    // MARK: Reading

    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let message: String

        var description: String { "a change in the journal cannot be read: \(message) (at byte \(offset))" }
    }

    /// Reads `{ "kind": [ {flat}, … ], … }`; the path of anything else is named.
    /// With `only`, the other kinds are skipped without being built.
    static func entities(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, only: String? = nil) throws -> [String: [[String: Value]]] {
        var r = Reader(bytes: bytes, i: range.lowerBound, end: range.upperBound)
        var out: [String: [[String: Value]]] = [:]
        try r.object { kind, r in
            if let only, kind != only {
                r.space()
                do { r.i = try JSONScan(bytes: bytes).endOfValue(r.i) } catch let f as JSONScan.Failure { throw Failure(offset: f.offset, message: f.message) }
                return
            }
            var rows: [[String: Value]] = []
            try r.list(path: "entities.\(kind)") { index, r in
                var fields: [String: Value] = [:]
                try r.object { name, r in fields[name] = try r.value(path: "entities.\(kind)[\(index)].\(name)") }
                rows.append(fields)
            }
            out[kind] = rows
        }
        return out
    }

    /// One journal row as the export writes it: its columns, the change decoded, and where the
    /// change's own text lies (stored again as it is, so the round trip is exact).
    package struct JournalRow {
        package var seq: Int64 = 0, at: Double = 0, actor = "", kind = ""
        package var undoes: Int64?, undoneBy: Int64?
        package var change = Change(summary: "", edits: [])
        var changeText: Range<Int> = 0..<0
    }

    static func journalRow(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, path: String) throws -> JournalRow {
        var r = Reader(bytes: bytes, i: range.lowerBound, end: range.upperBound)
        var row = JournalRow()
        var seen = Set<String>()
        try r.object { key, r in
            seen.insert(key)
            let at = r.i
            func int(_ v: Value, _ name: String) throws -> Int64? {
                if v.isNull { return nil }
                guard case .int(let n) = v else { throw Failure(offset: at, message: "\(path).\(name): expected a whole number") }
                return n
            }
            func text(_ v: Value, _ name: String) throws -> String {
                guard case .text(let s) = v else { throw Failure(offset: at, message: "\(path).\(name): expected text") }
                return s
            }
            switch key {
            case "change":
                r.space()
                let start = r.i
                row.change = try r.change(path: "\(path).change")
                row.changeText = start..<r.i
            case "seq": row.seq = try int(try r.value(path: "\(path).seq"), "seq") ?? 0
            case "at":
                let v = try r.value(path: "\(path).at")
                guard let d = v.double else { throw Failure(offset: r.i, message: "\(path).at: expected a number") }
                row.at = d
            case "actor": row.actor = try text(try r.value(path: "\(path).actor"), "actor")
            case "kind": row.kind = try text(try r.value(path: "\(path).kind"), "kind")
            case "undoes": row.undoes = try int(try r.value(path: "\(path).undoes"), "undoes")
            case "undoneBy": row.undoneBy = try int(try r.value(path: "\(path).undoneBy"), "undoneBy")
            default: throw Failure(offset: r.i, message: "\(path): \"\(key)\" is not a field of a journal row")
            }
        }
        for name in ["seq", "at", "actor", "kind", "change"] where !seen.contains(name) {
            throw Failure(offset: range.lowerBound, message: "\(path).\(name) is missing")
        }
        return row
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var i: Int
        let end: Int

        mutating func space() {
            while i < end, JSONScan.isSpace(bytes[i]) { i += 1 }
        }

        mutating func expect(_ c: UInt8, _ what: String) throws {
            space()
            guard i < end, bytes[i] == c else { throw Failure(offset: i, message: "expected \(what)") }
            i += 1
        }

        mutating func peek(_ c: UInt8) -> Bool {
            space()
            return i < end && bytes[i] == c
        }

        mutating func object(_ member: (String, inout Reader) throws -> Void) throws {
            try expect(0x7B, "an object")
            if peek(0x7D) { i += 1; return }
            while true {
                space()
                let key = try string()
                try expect(0x3A, "\":\"")
                try member(key, &self)
                if peek(0x2C) { i += 1; continue }
                try expect(0x7D, "\",\" or \"}\"")
                return
            }
        }

        mutating func list(path: String, _ element: (Int, inout Reader) throws -> Void) throws {
            space()
            guard i < end, bytes[i] == 0x5B else { throw Failure(offset: i, message: "\(path) is not a list") }
            i += 1
            if peek(0x5D) { i += 1; return }
            var n = 0
            while true {
                try element(n, &self)
                n += 1
                if peek(0x2C) { i += 1; continue }
                try expect(0x5D, "\",\" or \"]\"")
                return
            }
        }

        mutating func value(path: String) throws -> Value {
            space()
            guard i < end else { throw Failure(offset: i, message: "\(path) has no value") }
            switch bytes[i] {
            case 0x22: return .text(try string())
            case UInt8(ascii: "n"):
                guard i + 4 <= end, bytes[i + 1] == UInt8(ascii: "u"), bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l") else { break }
                i += 4
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                var whole = true
                while i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") || (0x30...0x39).contains(bytes[i])
                        || bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                    if bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") { whole = false }
                    i += 1
                }
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                if whole, let n = Int64(text) { return .int(n) }
                if let d = Double(text) { return .real(d) }
                throw Failure(offset: start, message: "\(path): \"\(text)\" is not a number")
            default: break
            }
            throw Failure(offset: i, message: "\(path): expected null, a number or text")
        }

        /// A change as the store encodes it: `{"edits":[{"fields":[{"from":…,"name":…,"to":…}],"id":…,"kind":…,"label":…,"op":…}],"summary":…}`.
        mutating func change(path: String) throws -> Change {
            var summary: String?
            var edits: [EntityEdit] = []
            try object { key, r in
                switch key {
                case "summary":
                    guard case .text(let s) = try r.value(path: "\(path).summary") else { throw Failure(offset: r.i, message: "\(path).summary: expected text") }
                    summary = s
                case "edits":
                    try r.list(path: "\(path).edits") { n, r in edits.append(try r.edit(path: "\(path).edits[\(n)]")) }
                default: throw Failure(offset: r.i, message: "\(path): \"\(key)\" is not part of a change")
                }
            }
            guard let summary else { throw Failure(offset: i, message: "\(path).summary is missing") }
            return Change(summary: summary, edits: edits)
        }

        mutating func edit(path: String) throws -> EntityEdit {
            var kind: EntityKind?, id: String?, label: String?, op: EntityEdit.Operation?
            var fields: [FieldChange] = []
            try object { key, r in
                func text() throws -> String {
                    guard case .text(let s) = try r.value(path: "\(path).\(key)") else { throw Failure(offset: r.i, message: "\(path).\(key): expected text") }
                    return s
                }
                switch key {
                case "kind":
                    let k = try text()
                    guard let known = EntityKind(rawValue: k) else { throw Failure(offset: r.i, message: "\(path).kind: \"\(k)\" is not a kind of thing Gantry keeps") }
                    kind = known
                case "id": id = try text()
                case "label": label = try text()
                case "op":
                    let o = try text()
                    guard let known = EntityEdit.Operation(rawValue: o) else { throw Failure(offset: r.i, message: "\(path).op: \"\(o)\" is not create, update or delete") }
                    op = known
                case "fields":
                    try r.list(path: "\(path).fields") { n, r in
                        var name: String?, from: Value = .null, to: Value = .null
                        try r.object { k, r in
                            let v = try r.value(path: "\(path).fields[\(n)].\(k)")
                            switch k {
                            case "name":
                                guard case .text(let s) = v else { throw Failure(offset: r.i, message: "\(path).fields[\(n)].name: expected text") }
                                name = s
                            case "from": from = v
                            case "to": to = v
                            default: throw Failure(offset: r.i, message: "\(path).fields[\(n)]: \"\(k)\" is not part of a field change")
                            }
                        }
                        guard let name else { throw Failure(offset: r.i, message: "\(path).fields[\(n)].name is missing") }
                        fields.append(FieldChange(name: name, from: from, to: to))
                    }
                default: throw Failure(offset: r.i, message: "\(path): \"\(key)\" is not part of an edit")
                }
            }
            guard let kind, let id, let op else { throw Failure(offset: i, message: "\(path) needs kind, id and op") }
            return EntityEdit(kind: kind, id: id, label: label ?? id, operation: op, fields: fields)
        }

        mutating func string() throws -> String {
            guard i < end, bytes[i] == 0x22 else { throw Failure(offset: i, message: "expected text in quotes") }
            let start = i
            i += 1
            var plain = true
            var j = i
            while j < end, bytes[j] != 0x22 {
                if bytes[j] == 0x5C { plain = false; break }
                j += 1
            }
            if plain {
                guard j < end else { throw Failure(offset: start, message: "a string is not closed") }
                defer { i = j + 1 }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
            }
            var out: [UInt8] = []
            while i < end {
                let b = bytes[i]
                if b == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
                if b != 0x5C { out.append(b); i += 1; continue }
                guard i + 1 < end else { break }
                i += 2
                switch bytes[i - 1] {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), i + 1 < end, bytes[i] == 0x5C, bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Failure(offset: i, message: "a broken \\u surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw Failure(offset: i, message: "\\u\(String(scalar, radix: 16)) is not a character") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: out.append(bytes[i - 1])
                }
            }
            throw Failure(offset: start, message: "a string is not closed")
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= end, let v = UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<i + 4]), as: UTF8.self), radix: 16) else {
                throw Failure(offset: i, message: "a broken \\u escape")
            }
            i += 4
            return v
        }
    }
}
