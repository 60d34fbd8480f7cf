/// The one small filter language shared by `gantry card list`, the board's `/` filter and the
/// RAID register: `assignee:ana label:backend is:blocked due<2026-12-20 "login page"`.
///
/// Terms are ANDed; a comma inside a value means "any of" (`assignee:ana,ben`); `-` before a
/// term negates it; bare or quoted words match text. Parsing is separate from meaning, so each
/// entity compiles the same terms against its own fields.
public struct Query: Sendable, Equatable {
    public enum Operator: String, Sendable {
        case equals = ":", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    public struct Term: Sendable, Equatable {
        /// Lower-cased field name; nil for free text.
        public var field: String?
        public var op: Operator
        public var values: [String]
        public var negated: Bool
        /// Character offset and length of the term in the query text, for error carets.
        public var offset: Int
        public var length: Int
    }

    public let text: String
    public let terms: [Term]

    public init(_ text: String) throws {
        self.text = text
        var parser = QueryParser(text)
        self.terms = try parser.parse()
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// An error pointing at a term.
    public func error(_ message: String, at term: Term) -> QueryError {
        QueryError(query: text, message: message, offset: term.offset, length: term.length)
    }
}

/// A filter the user must fix; `description` shows the query with a caret under the bad token.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    public let query: String
    public let message: String
    public let offset: Int
    public let length: Int

    public var description: String {
        let caret = String(repeating: " ", count: offset) + String(repeating: "^", count: max(1, length))
        return "Invalid filter: \(message)\n  \(query)\n  \(caret)"
    }
}

struct QueryParser {
    let chars: [Character]
    let text: String
    var i = 0

    init(_ text: String) {
        self.text = text
        self.chars = Array(text)
    }

    mutating func parse() throws -> [Query.Term] {
        var terms: [Query.Term] = []
        while true {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            guard i < chars.count else { return terms }
            terms.append(try term())
        }
    }

    private mutating func term() throws -> Query.Term {
        let start = i
        var negated = false
        if chars[i] == "-", i + 1 < chars.count, !chars[i + 1].isWhitespace {
            negated = true
            i += 1
        }
        if chars[i] == "\"" {
            let value = try quoted()
            return Query.Term(field: nil, op: .equals, values: [value], negated: negated, offset: start, length: i - start)
        }
        var name = ""
        while i < chars.count, chars[i].isLetter || chars[i] == "_" { name.append(chars[i]); i += 1 }
        if !name.isEmpty, i < chars.count, let op = operatorHere() {
            i += op.rawValue.count
            let valueStart = i
            let raw: String
            if i < chars.count, chars[i] == "\"" { raw = try quoted() } else { raw = word() }
            guard !raw.isEmpty else {
                throw QueryError(query: text, message: "\(name)\(op.rawValue) needs a value", offset: start, length: max(1, valueStart - start))
            }
            let values = raw.split(separator: ",", omittingEmptySubsequences: true).map(String.init)
            guard !values.isEmpty else {
                throw QueryError(query: text, message: "\(name)\(op.rawValue) needs a value", offset: start, length: i - start)
            }
            return Query.Term(field: name.lowercased(), op: op, values: values, negated: negated, offset: start, length: i - start)
        }
        i = negated ? start + 1 : start
        let w = word()
        if w.contains("\"") {
            throw QueryError(query: text, message: "a quote must start a word or a value", offset: start, length: i - start)
        }
        return Query.Term(field: nil, op: .equals, values: [w], negated: negated, offset: start, length: i - start)
    }

    private func operatorHere() -> Query.Operator? {
        let next = i + 1 < chars.count ? chars[i + 1] : " "
        switch chars[i] {
        case ":": return .equals
        case "=": return .equals
        case "<": return next == "=" ? .lessOrEqual : .less
        case ">": return next == "=" ? .greaterOrEqual : .greater
        default: return nil
        }
    }

    private mutating func word() -> String {
        var w = ""
        while i < chars.count, !chars[i].isWhitespace { w.append(chars[i]); i += 1 }
        return w
    }

    private mutating func quoted() throws -> String {
        let start = i
        i += 1
        var value = ""
        while i < chars.count, chars[i] != "\"" { value.append(chars[i]); i += 1 }
        guard i < chars.count else {
            throw QueryError(query: text, message: "this quote is never closed", offset: start, length: 1)
        }
        i += 1
        return value
    }
}
