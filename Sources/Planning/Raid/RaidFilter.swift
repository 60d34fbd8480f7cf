import Foundation

/// A `Query` compiled against RAID items: `owner:ana score>=10 status:open band:high is:overdue`.
public struct RaidFilter: Sendable {
    /// Fields with their own meaning here, then every other described field (`RaidField`), so a
    /// new field can be filtered on with no code here: `severity:high`, `strategy:mitigate`.
    public static let fields = ["type", "owner", "status", "score", "residual", "band", "category", "is", "proximity", "review", "due", "key", "text"]
        + RaidField.stored.filter { $0.kind != .system && !["owner", "status", "category", "proximity", "due"].contains($0.name) }.map(\.name)
    private let predicates: [@Sendable (RaidItem) -> Bool]

    public init(_ query: Query, project: ProjectSnapshot, today: Day, me: String? = nil) throws {
        var preds: [@Sendable (RaidItem) -> Bool] = []
        for term in query.terms {
            let p = try Self.predicate(term, query: query, bands: project.info.bands, today: today, me: me)
            preds.append(term.negated ? { @Sendable item in !p(item) } : p)
        }
        predicates = preds
    }

    public func matches(_ item: RaidItem) -> Bool { predicates.allSatisfy { $0(item) } }

    private static func predicate(_ term: Query.Term, query: Query, bands: RiskBands, today: Day, me: String?) throws -> @Sendable (RaidItem) -> Bool {
        let values = term.values.map { $0.lowercased() }
        let op = term.op
        func onlyEquals() throws {
            guard op == .equals else { throw query.error("\(term.field ?? "") only takes ':'", at: term) }
        }
        func days() throws -> [Day] {
            try values.map { v in
                guard let d = Day.parse(v, today: today) else { throw query.error("\"\(v)\" is not a date; use YYYY-MM-DD, today, +14d", at: term) }
                return d
            }
        }
        guard let field = term.field else {
            let needle = term.values.joined(separator: ",").lowercased()
            return { $0.title.lowercased().contains(needle) || $0.key.lowercased() == needle || $0.description.lowercased().contains(needle) }
        }
        switch field {
        case "type":
            try onlyEquals()
            let types = try values.map { v -> RaidType in
                guard let t = RaidType(rawValue: v) else { throw query.error("unknown type \"\(v)\"; use \(RaidType.allCases.map(\.rawValue).joined(separator: ", "))", at: term) }
                return t
            }
            return { types.contains($0.type) }
        case "owner", "assignee":
            try onlyEquals()
            let wanted = Set(values.map { $0 == "me" ? (me ?? $0) : $0 })
            return { item in item.owner.map(wanted.contains) ?? wanted.contains("none") }
        case "status":
            try onlyEquals()
            let wanted = Set(values)
            return { wanted.contains($0.status) }
        case "score", "residual":
            let numbers = try values.map { v -> Int in
                guard let n = Int(v) else { throw query.error("\"\(v)\" is not a score (1–25)", at: term) }
                return n
            }
            let residual = field == "residual"
            return { item in
                guard let s = residual ? item.residualScore : item.score else { return false }
                return numbers.contains { CardFilter.compare(s, op, $0) }
            }
        case "band":
            let wanted = try values.map { v -> RiskBands.Band in
                guard let b = RiskBands.Band(rawValue: v) else { throw query.error("unknown band \"\(v)\"; use low, medium, high, critical", at: term) }
                return b
            }
            return { item in item.score.map { s in wanted.contains { CardFilter.compare(bands.band(s), op, $0) } } ?? false }
        case "category":
            try onlyEquals()
            let wanted = Set(values)
            return { wanted.contains($0.category.lowercased()) }
        case "is":
            try onlyEquals()
            let checks = try values.map { v -> @Sendable (RaidItem) -> Bool in
                switch v {
                case "open": return { !$0.isClosed }
                case "closed": return { $0.isClosed }
                case "opportunity": return { $0.type == .risk && $0.opportunity }
                case "threat": return { $0.type == .risk && !$0.opportunity }
                case "overdue": return { item in !item.isClosed && ([item.reviewDate, item.due].compactMap { $0 }.contains { $0 < today }) }
                case "near": return { item in !item.isClosed && item.isNear(today: today) }
                default: throw query.error("is:\(v) is not a state; use open, closed, overdue, near, threat, opportunity", at: term)
                }
            }
            return { item in checks.contains { $0(item) } }
        case "proximity", "review", "due":
            let ds = try days()
            return { item in
                let value = field == "proximity" ? item.proximity : field == "review" ? item.reviewDate : item.due
                return value.map { d in ds.contains { CardFilter.compare(d.ordinal, op, $0.ordinal) } } ?? false
            }
        case "key":
            try onlyEquals()
            let keys = Set(values.map { $0.uppercased() })
            return { keys.contains($0.key) }
        case "text":
            let needle = term.values.joined(separator: ",").lowercased()
            return { $0.title.lowercased().contains(needle) || $0.description.lowercased().contains(needle) }
        default:
            guard let described = RaidField.stored.first(where: { $0.kind != .system && $0.name.lowercased() == field.lowercased() }) else {
                throw query.error("unknown field \"\(field)\"; use \(fields.joined(separator: ", "))", at: term)
            }
            return try Self.predicate(on: described, term, query: query, today: today)
        }
    }

    /// A term on a described field, by its kind: numbers and dates compare, the rest match a word.
    private static func predicate(on field: RaidField, _ term: Query.Term, query: Query, today: Day) throws -> @Sendable (RaidItem) -> Bool {
        let values = term.values.map { $0.lowercased() }
        let op = term.op
        switch field.kind {
        case .scale:
            let numbers = try values.map { v -> Int64 in
                guard let n = Int64(v) else { throw query.error("\"\(v)\" is not a number from 1 to 5", at: term) }
                return n
            }
            return { item in field.value(of: item).int.map { n in numbers.contains { CardFilter.compare(n, op, $0) } } ?? false }
        case .day:
            let days = try values.map { v -> Day in
                guard let d = Day.parse(v, today: today) else { throw query.error("\"\(v)\" is not a date; use YYYY-MM-DD, today, +14d", at: term) }
                return d
            }
            return { item in field.value(of: item).string.flatMap(Day.init).map { d in days.contains { CardFilter.compare(d.ordinal, op, $0.ordinal) } } ?? false }
        default:
            guard op == .equals else { throw query.error("\(field.name) only takes ':'", at: term) }
            let wanted = Set(values.map { v in field.kind == .flag ? (["yes", "true", "y"].contains(v) ? "1" : "0") : v })
            return { item in
                let value = field.value(of: item)
                let text = value.isNull || value.string == "" ? "none" : (value.string?.lowercased() ?? value.description)
                return wanted.contains(text)
            }
        }
    }
}
