import Foundation

/// A `Query` compiled against card fields. Unknown fields and bad values are reported with a
/// caret under the term, so the board's filter prompt and the CLI give the same help.
public struct CardFilter: Sendable {
    public static let fields = ["assignee", "label", "type", "priority", "column", "is", "due", "age", "estimate", "key", "epic", "sprint", "severity", "text"]
    public static let states = ["blocked", "unblocked", "overdue", "archived", "active", "unassigned", "assigned"]

    private let predicates: [@Sendable (Card) -> Bool]
    public let query: Query
    /// Whether the query asks for archived cards explicitly (otherwise they are hidden).
    public let includesArchived: Bool

    public init(_ query: Query, project: ProjectSnapshot, now: Date, today: Day, me: String? = nil) throws {
        self.query = query
        var preds: [@Sendable (Card) -> Bool] = []
        var archived = false
        for term in query.terms {
            let p = try Self.predicate(term, query: query, project: project, now: now, today: today, me: me)
            if term.field == "is", term.values.contains("archived"), !term.negated { archived = true }
            preds.append(term.negated ? { @Sendable card in !p(card) } : p)
        }
        predicates = preds
        includesArchived = archived
    }

    public func matches(_ card: Card) -> Bool {
        if card.archived && !includesArchived { return false }
        for p in predicates where !p(card) { return false }
        return true
    }

    private static func predicate(_ term: Query.Term, query: Query, project: ProjectSnapshot, now: Date, today: Day, me: String?) throws -> @Sendable (Card) -> Bool {
        let values = term.values.map { $0.lowercased() }
        func onlyEquals() throws {
            guard term.op == .equals else { throw query.error("\(term.field ?? "") only takes ':' (not \(term.op.rawValue))", at: term) }
        }
        guard let field = term.field else {
            let needle = term.values.joined(separator: ",").lowercased()
            return { $0.title.lowercased().contains(needle) || $0.key.lowercased() == needle || $0.description.lowercased().contains(needle) }
        }
        switch field {
        case "assignee", "owner":
            try onlyEquals()
            let wanted = Set(values.map { $0 == "me" ? (me ?? $0) : $0 })
            return { card in
                if let a = card.assignee { return wanted.contains(a) }
                return wanted.contains("none")
            }
        case "label":
            try onlyEquals()
            let wanted = Set(values)
            return { card in card.labels.contains(where: wanted.contains) || (wanted.contains("none") && card.labels.isEmpty) }
        case "type":
            try onlyEquals()
            let types = try values.map { v -> CardType in
                guard let t = CardType(rawValue: v) else {
                    throw query.error("unknown type \"\(v)\"; use \(CardType.allCases.map(\.rawValue).joined(separator: ", "))", at: term)
                }
                return t
            }
            return { types.contains($0.type) }
        case "priority":
            let levels = try values.map { v -> Priority in
                guard let p = Priority(rawValue: v) else {
                    throw query.error("unknown priority \"\(v)\"; use \(Priority.allCases.map(\.rawValue).joined(separator: ", "))", at: term)
                }
                return p
            }
            let op = term.op
            return { card in levels.contains { compare(card.priority.rank, op, $0.rank) } }
        case "column", "status":
            try onlyEquals()
            let names = Set(values)
            let ids = Set(project.columns.values.filter { names.contains($0.name.lowercased()) }.map(\.id))
            guard !ids.isEmpty else {
                let known = Set(project.columns.values.map(\.name)).sorted().joined(separator: ", ")
                throw query.error("no column named \(term.values.joined(separator: ",")); columns: \(known)", at: term)
            }
            return { ids.contains($0.columnID) }
        case "is":
            try onlyEquals()
            let checks = try values.map { v -> @Sendable (Card) -> Bool in
                switch v {
                case "blocked": return { $0.isBlocked }
                case "unblocked": return { !$0.isBlocked }
                case "overdue": return { card in card.due.map { $0 < today } ?? false }
                case "archived": return { $0.archived }
                case "active": return { !$0.archived }
                case "unassigned": return { $0.assignee == nil }
                case "assigned": return { $0.assignee != nil }
                default: throw query.error("is:\(v) is not a state; use \(states.joined(separator: ", "))", at: term)
                }
            }
            return { card in checks.contains { $0(card) } }
        case "due":
            if values == ["none"] { try onlyEquals(); return { $0.due == nil } }
            let days = try values.map { v -> Day in
                guard let d = Day.parse(v, today: today) else {
                    throw query.error("\"\(v)\" is not a date; use YYYY-MM-DD, today, +3d, -1w", at: term)
                }
                return d
            }
            let op = term.op
            return { card in card.due.map { due in days.contains { compare(due.ordinal, op, $0.ordinal) } } ?? false }
        case "age", "estimate":
            let numbers = try values.map { v -> Double in
                let digits = field == "age" && v.hasSuffix("d") ? String(v.dropLast()) : v
                guard let n = Double(digits), n.isFinite else {
                    throw query.error("\"\(v)\" is not a number\(field == "age" ? " of days" : "")", at: term)
                }
                return n
            }
            let op = term.op
            if field == "age" {
                return { card in numbers.contains { compare(Double(card.daysInColumn(now: now)), op, $0) } }
            }
            return { card in card.estimate.map { e in numbers.contains { compare(e, op, $0) } } ?? false }
        case "key":
            try onlyEquals()
            let keys = Set(values.map { $0.uppercased() })
            return { keys.contains($0.key) }
        case "epic":
            try onlyEquals()
            let ids = Set(try values.map { try project.card(key: $0).id })
            return { card in card.parentID.map(ids.contains) ?? false || ids.contains(card.id) }
        case "sprint":
            try onlyEquals()
            var ids = Set<String>()
            var backlog = false
            for (raw, v) in zip(term.values, values) {
                switch v {
                case "none", "backlog": backlog = true
                case "current", "active": ids.formUnion(project.sprints.values.filter { $0.state == .active }.map(\.id))
                case "next": ids.formUnion(project.boards.keys.compactMap { project.nextSprint(on: $0)?.id })
                default:
                    let named = project.sprints.values.filter { $0.name.caseInsensitiveCompare(raw) == .orderedSame }
                    guard !named.isEmpty else {
                        let known = project.sprints.values.sorted(by: Sprint.order).map(\.name)
                        throw query.error("no sprint named \(raw); use current, next, none\(known.isEmpty ? "" : " or one of: " + known.joined(separator: ", "))", at: term)
                    }
                    ids.formUnion(named.map(\.id))
                }
            }
            let wanted = ids, orBacklog = backlog
            return { card in card.sprintID.map(wanted.contains) ?? orBacklog }
        case "severity":
            try onlyEquals()
            var levels = Set<BugSeverity?>()
            for v in values {
                if v == "none" { levels.insert(nil); continue }
                guard let level = BugSeverity(text: v) else { throw query.error("unknown severity \"\(v)\"; use S1, S2, S3, S4 or none", at: term) }
                levels.insert(level)
            }
            let wanted = levels
            return { card in card.type == .bug && wanted.contains(card.severity) }
        case "text":
            try onlyEquals()
            let needle = term.values.joined(separator: ",").lowercased()
            return { $0.title.lowercased().contains(needle) || $0.description.lowercased().contains(needle) }
        default:
            throw query.error("unknown field \"\(field)\"; use \(fields.joined(separator: ", "))", at: term)
        }
    }

    static func compare<T: Comparable>(_ a: T, _ op: Query.Operator, _ b: T) -> Bool {
        switch op {
        case .equals: return a == b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }
}
