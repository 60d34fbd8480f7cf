import ArgumentParser
import Planning
import PlanStore
import PlanStorePostgres

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
        error is CLIError || error is PlanningError || error is QueryError || error is StoreError || error is PostgresStoreError
    }

    /// The message and exit status for any error a command can throw.
    static func describe(_ error: Error) -> (message: String, status: Int32) {
        switch error {
        case let e as CLIError:
            if case .usage = e { return (e.description, 2) }
            return (e.description, 1)
        case let e as PlanningError:
            let remedy = e.remedy.map { " " + $0.onTheCommandLine } ?? ""
            switch e {
            case .invalid, .notFound: return (e.description + remedy, 2)
            case .refused, .corrupt: return (e.description + remedy, 1)
            case .wipLimitReached: return (e.description + " Use --force to do it anyway.", 1)
            }
        case let e as QueryError: return (e.description, 2)
        case let e as StoreError:
            if case .badInput = e { return (e.description, 2) }
            return (e.description, 1)
        case let e as PostgresStoreError:
            if case .badAddress = e { return (e.description, 2) }
            return (e.description, 1)
        default: return ("\(error)", 1)
        }
    }
}

extension Remedy {
    /// The way out as the command line offers it.
    var onTheCommandLine: String {
        switch self {
        case .listCards: return "List cards with: gantry card list"
        case .listTasks: return "List tasks with: gantry task list"
        case .listRaidItems: return "List them with: gantry raid summary, or gantry risk list"
        case .listHolidays: return "See them with: gantry calendar show"
        case .addBoard: return "Add one with: gantry board add NAME"
        case .addColumn: return "Add one with: gantry column add NAME"
        case .addMember: return "Add one with: gantry member add HANDLE"
        case .unlinkTasks: return "Remove one with gantry task unlink."
        case .unassign: return "Or use --unassign to leave them without one."
        case .moveCardsElsewhere: return "Or use --to COLUMN to move them there."
        case .listSprints: return "List sprints with: gantry sprint list"
        case .addSprint: return "Add one with: gantry sprint add NAME"
        case .startSprint: return "Start it with: gantry sprint start NAME --end DATE"
        case .closeActiveSprint: return "Close it first with: gantry sprint close NAME"
        }
    }
}
