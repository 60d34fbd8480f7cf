import Foundation

/// Finds where JSON values start and end without building them, so a 40 MB project document is
/// read section by section and its journal row by row instead of as one tree in memory. It checks
/// structure (brackets, strings, literals); what a value means is left to the decoder of its slice.
struct JSONScan {
    let bytes: UnsafeRawBufferPointer

    struct Failure: Error {
        let offset: Int
        let message: String
    }

    /// The line of a byte offset, for messages.
    func line(of offset: Int) -> Int {
        var n = 1
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { n += 1 }
        return n
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    func skipSpace(_ i: Int) -> Int {
        var i = i
        while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
        return i
    }

    /// The end (exclusive) of the value starting at `i`.
    func endOfValue(_ start: Int) throws -> Int {
        var i = skipSpace(start)
        guard i < bytes.count else { throw Failure(offset: i, message: "the document ends where a value should be") }
        var depth = 0
        repeat {
            i = skipSpace(i)
            guard i < bytes.count else { throw Failure(offset: i, message: "the document ends inside an object or list") }
            switch bytes[i] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { throw Failure(offset: i, message: "a closing bracket without its opening one") }
                depth -= 1
                i += 1
            case UInt8(ascii: "\""):
                i = try endOfString(i)
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard depth > 0 else { throw Failure(offset: i, message: "unexpected \"\(Character(UnicodeScalar(bytes[i])))\"") }
                i += 1
            default:
                let begin = i
                while i < bytes.count, !(bytes[i] == 0x2C || bytes[i] == 0x5D || bytes[i] == 0x7D || bytes[i] == 0x3A || Self.isSpace(bytes[i])) { i += 1 }
                let word = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[begin..<i]), as: UTF8.self)
                guard word == "true" || word == "false" || word == "null" || Double(word) != nil else {
                    throw Failure(offset: begin, message: "\"\(word.prefix(20))\" is not a JSON value")
                }
            }
        } while depth > 0
        return i
    }

    func endOfString(_ start: Int) throws -> Int {
        var i = start + 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""): return i + 1
            case UInt8(ascii: "\\"): i += 2
            default: i += 1
            }
        }
        throw Failure(offset: start, message: "a string is not closed")
    }

    /// The members of the object at `start`: each key with the byte range of its value.
    func members(_ start: Int) throws -> [(key: String, range: Range<Int>)] {
        var i = skipSpace(start)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { throw Failure(offset: i, message: "expected an object") }
        i = skipSpace(i + 1)
        var out: [(String, Range<Int>)] = []
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return out }
        while true {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Failure(offset: i, message: "expected a key in quotes") }
            let keyEnd = try endOfString(i)
            let key = try JSONDecoder().decode(String.self, from: Data(UnsafeRawBufferPointer(rebasing: bytes[i..<keyEnd])))
            i = skipSpace(keyEnd)
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw Failure(offset: i, message: "expected \":\" after \"\(key)\"") }
            let valueStart = skipSpace(i + 1)
            let valueEnd = try endOfValue(valueStart)
            out.append((key, valueStart..<valueEnd))
            i = skipSpace(valueEnd)
            guard i < bytes.count else { throw Failure(offset: i, message: "the document ends inside an object") }
            if bytes[i] == UInt8(ascii: "}") { return out }
            guard bytes[i] == UInt8(ascii: ",") else { throw Failure(offset: i, message: "expected \",\" or \"}\"") }
            i = skipSpace(i + 1)
        }
    }

    /// The byte ranges of the elements of the list at `start`.
    func elements(_ start: Int) throws -> [Range<Int>] {
        var i = skipSpace(start)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { throw Failure(offset: i, message: "expected a list") }
        i = skipSpace(i + 1)
        var out: [Range<Int>] = []
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { return out }
        while true {
            let end = try endOfValue(i)
            out.append(i..<end)
            i = skipSpace(end)
            guard i < bytes.count else { throw Failure(offset: i, message: "the document ends inside a list") }
            if bytes[i] == UInt8(ascii: "]") { return out }
            guard bytes[i] == UInt8(ascii: ",") else { throw Failure(offset: i, message: "expected \",\" or \"]\"") }
            i = skipSpace(i + 1)
        }
    }
}
