/// Why the domain refused something. The CLI turns `invalid` and `notFound` into usage errors
/// (exit 2) and `refused` into a refused operation (exit 1); the TUI shows the same sentence.
public enum PlanningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Bad input: names the field and what would be valid.
    case invalid(field: String, message: String)
    /// A named thing does not exist.
    case notFound(what: String, name: String, hint: String)
    /// The request is well-formed but a rule forbids it (WIP limit, duplicate name, …).
    case refused(String)
    /// Stored data that the domain cannot read.
    case corrupt(String)

    public var description: String {
        switch self {
        case .invalid(let field, let message): return "\(field): \(message)"
        case .notFound(let what, let name, let hint): return "No \(what) named \"\(name)\". \(hint)"
        case .refused(let message): return message
        case .corrupt(let message): return "The project holds data Gantry cannot read (\(message))."
        }
    }
}
