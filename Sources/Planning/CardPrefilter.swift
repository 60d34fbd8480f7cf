/// What a store can rule out before it builds a single card: the columns, assignees, types,
/// keys and epics a filter allows, and whether archived cards can match. Every card the filter
/// would match passes it (the filter still decides); it only saves reading the cards that cannot.
public struct CardPrefilter: Sendable, Equatable {
    /// Column ids; nil: any.
    public var columnIDs: Set<String>?
    /// Assignee handles; nil: any. `unassigned` lets cards with none through.
    public var assignees: Set<String>?
    public var unassigned = false
    /// Card types by raw value; nil: any.
    public var types: Set<String>?
    /// Card keys (upper case); nil: any.
    public var keys: Set<String>?
    /// Epic ids: only these epics and their children; nil: any.
    public var epics: Set<String>?
    /// Archived cards cannot match.
    public var activeOnly = false

    public static let everything = CardPrefilter()

    public init() {}
}

extension CardFilter {
    /// The part of this filter a store can apply to its rows: the plain (not negated) column,
    /// assignee, type, key and epic terms, and the hidden archive.
    public func prefilter(project: ProjectSnapshot, me: String?) -> CardPrefilter {
        var out = CardPrefilter()
        out.activeOnly = !includesArchived
        for term in query.terms where !term.negated && term.op == .equals {
            let values = term.values.map { $0.lowercased() }
            switch term.field {
            case "assignee", "owner":
                let wanted = Set(values.map { $0 == "me" ? (me ?? $0) : $0 })
                out.assignees = out.assignees.map { $0.intersection(wanted) } ?? wanted
                out.unassigned = out.unassigned || wanted.contains("none")
            case "type":
                let wanted = Set(values)
                out.types = out.types.map { $0.intersection(wanted) } ?? wanted
            case "key":
                let wanted = Set(values.map { $0.uppercased() })
                out.keys = out.keys.map { $0.intersection(wanted) } ?? wanted
            case "epic":
                // Epics are in the structure a list reads first; an unknown key matches nothing.
                let ids = Set(values.compactMap { try? project.card(key: $0).id })
                out.epics = out.epics.map { $0.intersection(ids) } ?? ids
            case "column", "status":
                let ids = Set(project.columns.values.filter { values.contains($0.name.lowercased()) }.map(\.id))
                out.columnIDs = out.columnIDs.map { $0.intersection(ids) } ?? ids
            default:
                break
            }
        }
        return out
    }
}
