import ArgumentParser
import Planning
import PlanStore

/// A command-line failure: usage errors exit 2, refused operations exit 1.
public enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case refused(String)

    public var description: String {
        switch self {
        case .usage(let m), .refused(let m): return m
        }
    }
}

enum ErrorReport {
    static func isGantryError(_ error: Error) -> Bool {
        error is CLIError || error is PlanningError || error is QueryError || error is StoreError
    }

    /// The message and exit status for any error a command can throw.
    static func describe(_ error: Error) -> (message: String, status: Int32) {
        switch error {
        case let e as CLIError:
            if case .usage = e { return (e.description, 2) }
            return (e.description, 1)
        case let e as PlanningError:
            switch e {
            case .invalid, .notFound: return (e.description, 2)
            case .refused, .corrupt: return (e.description, 1)
            case .wipLimitReached: return (e.description + " Use --force to do it anyway.", 1)
            }
        case let e as QueryError: return (e.description, 2)
        case let e as StoreError: return (e.description, 1)
        default: return ("\(error)", 1)
        }
    }
}
