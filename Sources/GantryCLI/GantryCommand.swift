import ArgumentParser
import Foundation
import Planning
import PlanStore

/// `gantry`: with no subcommand it opens the interactive board; subcommands script everything.
public struct GantryCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gantry",
        abstract: "Kanban boards, a RAID log and timelines for technical project managers, in the terminal.",
        discussion: """
            With no subcommand, opens the project interactively. The project is --project FILE or \
            --project postgres://user@host/database, else $GANTRY_PROJECT, else .gantry/project.toml \
            (url = "postgres://…") or .gantry/project.sqlite in this folder or the nearest parent.
            Exit status: 0 success, 1 refused (conflict, WIP limit, no project), 2 bad input.
            """,
        version: GantryVersion.current,
        subcommands: [
            InitCommand.self, DemoCommand.self, MemberCommand.self, BoardCommand.self, ColumnCommand.self,
            CardCommand.self, SprintCommand.self, RaidGroup<RiskTag>.self, RaidGroup<AssumptionTag>.self, RaidGroup<IssueTag>.self,
            RaidGroup<DependencyTag>.self, RaidGroup<DecisionTag>.self, RaidCommand.self,
            ProjectCommand.self, CalendarCommand.self, TaskCommand.self, ScheduleCommand.self, BaselineCommand.self,
            StandupCommand.self, ReportCommand.self, TimeCommand.self, CostCommand.self, ExportCommand.self, ImportCommand.self, MigrateCommand.self, AccessCommand.self, LogCommand.self, UndoCommand.self, RedoCommand.self,
        ])

    @OptionGroup public var project: ProjectOption
    @OptionGroup public var screen: ScreenOptions

    public init() {}

    public func run() throws {
        let context = CLIContext.current
        let path = try ProjectLocator.locate(explicit: project.project, context: context)
        try screen.launch(path, context)
    }
}

public enum GantryVersion {
    public static let current = "0.1.0"
}

/// Runs the command line in a context and returns the exit status; the executable and the tests
/// both come through here.
public enum GantryCLI {
    public static func run(_ arguments: [String], context: CLIContext) -> Int32 {
        CLIContext.$current.withValue(context) {
            do {
                var command = try GantryCommand.parseAsRoot(arguments)
                try command.run()
                return 0
            } catch let error where ErrorReport.isGantryError(error) {
                // A file found damaged keeps nothing of ours beside it (every store is closed by now).
                if case StoreError.damaged(let path, _)? = error as? StoreError { ProjectStore.removeUnusedSharedFiles(path) }
                let (message, status) = ErrorReport.describe(error)
                context.output.printError("gantry: \(Quote.cutQuoted(message))")
                return status
            } catch {
                let code = GantryCommand.exitCode(for: error)
                let message = GantryCommand.fullMessage(for: error)
                if code.isSuccess {
                    context.output.print(message)
                    return 0
                }
                if code == .validationFailure {
                    context.output.printError("gantry: " + UsageReport.sentence(for: error, arguments: arguments))
                    return 2
                }
                if !message.isEmpty { context.output.printError("gantry: \(message)") }
                return code.rawValue
            }
        }
    }

    /// The process arguments, refusing any that are not valid UTF-8 (they could not be stored or
    /// matched faithfully).
    public static func decodeArguments(_ argv: [UnsafeMutablePointer<CChar>?]) -> Result<[String], CLIError> {
        var args: [String] = []
        for (i, p) in argv.enumerated().dropFirst() {
            guard let p else { continue }
            guard let s = String(validatingCString: p) else {
                return .failure(.usage("Argument \(i) is not valid UTF-8; Gantry stores text as UTF-8. Re-type it or convert it with iconv."))
            }
            args.append(s)
        }
        return .success(args)
    }
}

/// Options of the interactive screen (`gantry` and `gantry demo`).
public struct ScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Colours: auto, never, 16, 256 or truecolor (auto honours NO_COLOR).", valueName: "when"))
    public var color = "auto"

    @Option(help: ArgumentHelp("Theme name: default, light, mono, ansi16, or one in $XDG_CONFIG_HOME/gantry/themes.", valueName: "name"))
    public var theme: String?

    @Option(help: ArgumentHelp("Follow USER's session read-only: their screen, selection and stand-up speaker.", valueName: "user"))
    public var follow: String?

    public init() {}

    public func validate() throws {
        guard ["auto", "never", "16", "256", "truecolor"].contains(color) else {
            throw ValidationError("--color must be auto, never, 16, 256 or truecolor (not \(color)).")
        }
        if let follow, follow.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--follow needs a user name.")
        }
    }

    func launch(_ path: String, _ context: CLIContext) throws {
        guard let launch = context.launchInteractive else {
            throw CLIError.usage("The interactive screen is not available in this build; use a subcommand (see gantry --help).")
        }
        var options = ["color": color]
        if let theme { options["theme"] = theme }
        if let follow { options["follow"] = follow }
        try launch(InteractiveRequest(projectPath: path, options: options))
    }
}
