/// JSON for scripts: objects keep the documented field order, output is stable between runs.
enum JSON {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    init(_ s: String?) { self = s.map(JSON.string) ?? .null }
    init(_ d: Double?) { self = d.map(JSON.number) ?? .null }

    func rendered() -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes a JSON array element by element; the bytes are the same as
    /// `JSON.array(items).rendered()`.
    static func stream<S: Sequence>(_ items: S, to sink: OutputSink, _ transform: (S.Element) -> JSON) {
        var writer = JSONArrayWriter(sink: sink)
        for item in items { writer.append(transform(item)) }
        writer.finish()
    }

    /// Whole numbers without a fraction, others as Swift prints them.
    fileprivate static func numberText(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    /// Ends an array or object begun at `indent`: `[]` or `{}` when nothing went in, else the
    /// closing bracket on its own line.
    fileprivate static func close(_ open: Unicode.Scalar, _ closing: Unicode.Scalar, empty: Bool, indent: Int, into out: inout [UInt8]) {
        if empty {
            out.append(UInt8(ascii: open))
        } else {
            out.append(UInt8(ascii: "\n"))
            spaces(indent, into: &out)
        }
        out.append(UInt8(ascii: closing))
    }

    /// Byte by byte: appending a `repeatElement` takes the slow, generic path.
    fileprivate static func spaces(_ n: Int, into out: inout [UInt8]) {
        for _ in 0..<n { out.append(UInt8(ascii: " ")) }
    }

    fileprivate func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .number(let d): out.append(contentsOf: JSON.numberText(d).utf8)
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                JSON.spaces(indent + 2, into: &out)
                item.write(into: &out, indent: indent + 2)
                out.append(contentsOf: (i == items.count - 1 ? "\n" : ",\n").utf8)
            }
            JSON.spaces(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (i, (key, value)) in pairs.enumerated() {
                JSON.spaces(indent + 2, into: &out)
                JSON.escape(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(into: &out, indent: indent + 2)
                out.append(contentsOf: (i == pairs.count - 1 ? "\n" : ",\n").utf8)
            }
            JSON.spaces(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    fileprivate static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most text needs no escaping: copy its bytes (C1 controls start with 0xC2, checked below).
        // `withUTF8` hands out the bytes of any string, small ones (keys, dates, statuses) too,
        // so this is one scan and one copy.
        var text = s
        let copied = text.withUTF8 { bytes -> Bool in
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied {
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".utf8)
            case "\\": out.append(contentsOf: "\\\\".utf8)
            case "\n": out.append(contentsOf: "\\n".utf8)
            case "\r": out.append(contentsOf: "\\r".utf8)
            case "\t": out.append(contentsOf: "\\t".utf8)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else if scalar.value < 0x80 {
                    out.append(UInt8(scalar.value))
                } else {
                    out.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Streams a JSON array to the output in chunks, so a long list never exists whole in memory.
struct JSONArrayWriter {
    let sink: OutputSink
    private var buffer: [UInt8] = []
    private var first = true
    /// The indent of the line the array starts on (2 for the value of a top-level field).
    private let indent: Int

    init(sink: OutputSink, indent: Int = 0) {
        self.sink = sink
        self.indent = indent
        buffer.reserveCapacity(80_000)
    }

    private mutating func startItem() {
        buffer.append(contentsOf: (first ? "[\n" : ",\n").utf8)
        first = false
        JSON.spaces(indent + 2, into: &buffer)
    }

    mutating func append(_ item: JSON) {
        startItem()
        item.write(into: &buffer, indent: indent + 2)
        if buffer.count > 65_536 {
            sink.write(bytes: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Appends an object written field by field (see `JSONObjectWriter`).
    mutating func appendObject(_ fill: (inout JSONObjectWriter) -> Void) {
        startItem()
        // The buffer moves into the object and back, never shared, so nothing is copied.
        var object = JSONObjectWriter(indent: indent + 2)
        swap(&object.out, &buffer)
        fill(&object)
        object.close()
        swap(&object.out, &buffer)
        if buffer.count > 65_536 {
            sink.write(bytes: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Closes the array; `then` follows it (the end of the line, or of an enclosing object).
    mutating func finish(then trailer: String = "\n") {
        JSON.close("[", "]", empty: first, indent: indent, into: &buffer)
        buffer.append(contentsOf: trailer.utf8)
        sink.write(bytes: buffer)
        buffer = []
    }
}

/// Writes one object's fields straight into bytes, laid out exactly as `JSON.object` renders at
/// the same indent: for long lists (100,000 cards), where building `JSON` values first and then
/// walking them was most of the command's time.
struct JSONObjectWriter {
    fileprivate var out: [UInt8] = []
    private let indent: Int
    private var empty = true

    init(indent: Int = 0) {
        self.indent = indent
    }

    /// Starts a field. Names are this program's own plain words, so they are written as they
    /// are, from static bytes like the punctuation (appending a string's `utf8` view takes a
    /// slow, generic path, and this runs two dozen times per card).
    private mutating func key(_ name: StaticString) {
        out.append(empty ? UInt8(ascii: "{") : UInt8(ascii: ","))
        out.append(UInt8(ascii: "\n"))
        empty = false
        JSON.spaces(indent + 2, into: &out)
        out.append(UInt8(ascii: "\""))
        raw(name)
        raw("\": ")
    }

    private mutating func raw(_ text: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func null() { raw("null") }

    mutating func string(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { JSON.escape(value, into: &out) } else { null() }
    }

    mutating func number(_ name: StaticString, _ value: Double?) {
        key(name)
        if let value { out.append(contentsOf: JSON.numberText(value).utf8) } else { null() }
    }

    mutating func int(_ name: StaticString, _ value: Int) {
        key(name)
        out.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ name: StaticString, _ value: Bool) {
        key(name)
        raw(value ? "true" : "false")
    }

    mutating func strings(_ name: StaticString, _ values: [String]) {
        key(name)
        guard !values.isEmpty else { raw("[]"); return }
        raw("[\n")
        for (i, value) in values.enumerated() {
            JSON.spaces(indent + 4, into: &out)
            JSON.escape(value, into: &out)
            raw(i == values.count - 1 ? "\n" : ",\n")
        }
        JSON.spaces(indent + 2, into: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// Closes the object.
    mutating func close() {
        JSON.close("{", "}", empty: empty, indent: indent, into: &out)
    }

    /// The bytes, with the object closed.
    consuming func finished() -> [UInt8] {
        close()
        return out
    }
}
