import Foundation
import Planning

/// A value in a foreign JSON file with its path (`cards[3].idList`), so a field of the wrong
/// kind is reported where it is. Unknown fields are ignored: real exports carry many.
struct JSONValue {
    let raw: Any?
    let path: String

    /// Parses `data` (a UTF-8 byte-order mark allowed); a syntax error names the line.
    static func parse(_ data: Data) throws -> JSONValue {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        do {
            return JSONValue(raw: try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]), path: "")
        } catch {
            let info = (error as NSError).userInfo
            let offset = (info["NSJSONSerializationErrorIndex"] as? Int) ?? (info["NSDebugDescription"] as? String).flatMap(Self.index(in:))
            let line = offset.map { o in 1 + bytes.prefix(o).filter { $0 == 0x0A }.count }
            throw ImportError(line.map { "line \($0)" } ?? "", "not valid JSON" + ((info["NSDebugDescription"] as? String).map { " (\($0))" } ?? ""))
        }
    }

    private static func index(in text: String) -> Int? {
        guard let r = text.range(of: "character ") else { return nil }
        return Int(text[r.upperBound...].prefix { $0.isNumber })
    }

    func at(_ key: String) -> JSONValue {
        JSONValue(raw: (raw as? [String: Any])?[key], path: path.isEmpty ? key : "\(path).\(key)")
    }

    var isNull: Bool { raw == nil || raw is NSNull }

    func array() throws -> [JSONValue] {
        if isNull { return [] }
        guard let list = raw as? [Any] else { throw ImportError(path.isEmpty ? "top level" : path, "expected a list") }
        return list.enumerated().map { JSONValue(raw: $1, path: "\(path)[\($0)]") }
    }

    func object() throws -> JSONValue {
        guard raw is [String: Any] else { throw ImportError(path.isEmpty ? "top level" : path, "expected an object") }
        return self
    }

    func string() throws -> String? {
        if isNull { return nil }
        if let s = raw as? String { return s }
        if let n = raw as? NSNumber, !(raw is Bool) { return n.stringValue }
        throw ImportError(path, "expected text")
    }

    func required() throws -> String {
        guard let s = try string(), !s.isEmpty else { throw ImportError(path, "missing") }
        return s
    }

    func bool() throws -> Bool {
        if isNull { return false }
        if let b = raw as? Bool { return b }
        if let n = raw as? NSNumber { return n.intValue != 0 }
        throw ImportError(path, "expected true or false")
    }

    func number() throws -> Double? {
        if isNull { return nil }
        if let n = raw as? NSNumber, !(raw is Bool) { return n.doubleValue }
        if let s = raw as? String, let d = Double(s) { return d }
        throw ImportError(path, "expected a number")
    }

    /// A moment as ISO 8601 with or without fractional seconds, or Taskwarrior's 20261130T120000Z.
    func date() throws -> Date? {
        guard let s = try string(), !s.isEmpty else { return nil }
        guard let d = Self.date(s) else { throw ImportError(path, "\"\(s)\" is not a date and time") }
        return d
    }

    static func date(_ s: String) -> Date? {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = plain.date(from: s) ?? fractional.date(from: s) { return d }
        let basic = ISO8601DateFormatter()
        basic.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        if let d = basic.date(from: s) { return d }
        if let day = Day(String(s.prefix(10))), s.count == 10 { return day.start(in: TimeZone(identifier: "UTC")!) }
        return nil
    }
}
