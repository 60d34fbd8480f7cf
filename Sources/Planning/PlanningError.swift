/// Why the domain refused something. The CLI turns `invalid` and `notFound` into usage errors
/// (exit 2) and `refused` into a refused operation (exit 1); the TUI shows the same sentence.
public enum PlanningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Bad input: names the field and what would be valid.
    case invalid(field: String, message: String)
    /// A named thing does not exist.
    case notFound(what: String, name: String, hint: String)
    /// The request is well-formed but a rule forbids it (WIP limit, duplicate name, …).
    case refused(String)
    /// A column has no room under its WIP limit for `card` (nil: a new card). Each front end adds
    /// how to go ahead anyway (`--force`, or the app's keys).
    case wipLimitReached(column: String, count: Int, limit: Int, card: String?)
    /// Stored data that the domain cannot read.
    case corrupt(String)

    public var description: String {
        switch self {
        case .invalid(let field, let message): return "\(field): \(message)"
        case .notFound(let what, let name, let hint): return "No \(what) named \"\(name)\". \(hint)"
        case .refused(let message): return message
        case .wipLimitReached(let column, let count, let limit, let card):
            let what = card.map { "moving \($0) there" } ?? "a new card"
            return "\(column) \(ProjectSnapshot.WIPState.phrase(count: count, limit: limit)); \(what) would make \(count + 1)."
        case .corrupt(let message): return "The project holds data Gantry cannot read (\(message))."
        }
    }
}
