/// Why the domain refused something. The CLI turns `invalid` and `notFound` into usage errors
/// (exit 2) and `refused` into a refused operation (exit 1); the TUI shows the same sentence.
public enum PlanningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Bad input: names the field and what would be valid.
    case invalid(field: String, message: String)
    /// A named thing does not exist; `hint` says what does, `remedy` what to do.
    case notFound(what: String, name: String, hint: String, remedy: Remedy? = nil)
    /// The request is well-formed but a rule forbids it (duplicate name, a member still
    /// assigned, …); `remedy` names the way out, which each front end words for itself.
    case refused(String, remedy: Remedy? = nil)
    /// A column has no room under its WIP limit for `card` (nil: a new card). Each front end adds
    /// how to go ahead anyway (`--force`, or the app's keys).
    case wipLimitReached(column: String, count: Int, limit: Int, card: String?)
    /// Stored data that the domain cannot read.
    case corrupt(String)

    public var description: String {
        switch self {
        case .invalid(let field, let message): return "\(field): \(message)"
        case .notFound(let what, let name, let hint, _): return "No \(what) named \"\(name)\"." + (hint.isEmpty ? "" : " \(hint)")
        case .refused(let message, _): return message
        case .wipLimitReached(let column, let count, let limit, let card):
            let what = card.map { "moving \($0) there" } ?? "a new card"
            return "\(column) \(ProjectSnapshot.WIPState.phrase(count: count, limit: limit)); \(what) would make \(count + 1)."
        case .corrupt(let message): return "The project holds data Gantry cannot read (\(message))."
        }
    }
}

extension PlanningError {
    /// What the person can do about it, if there is something to name.
    public var remedy: Remedy? {
        switch self {
        case .notFound(_, _, _, let remedy), .refused(_, let remedy): return remedy
        default: return nil
        }
    }
}

/// A way out of a refusal, named by intent, so the domain never speaks in one front end's words:
/// the command line says it as a command or option, the app as its keys and `:` commands.
public enum Remedy: Sendable, Equatable {
    case listCards, listTasks, listRaidItems, listHolidays
    case addBoard, addColumn, addMember
    /// Remove a dependency to break a cycle.
    case unlinkTasks
    /// Leave the member's cards, items and tasks without one.
    case unassign
    /// Move a removed column's cards to another column.
    case moveCardsElsewhere
    case listSprints, addSprint, startSprint
    /// Close the board's active sprint before starting another.
    case closeActiveSprint
}
