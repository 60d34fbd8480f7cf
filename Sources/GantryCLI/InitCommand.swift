import ArgumentParser
import Foundation
import Planning
import PlanStore
import PlanStorePostgres

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a project at .gantry/project.sqlite in the current folder, or where --project says (a file, or postgres://… for PostgreSQL).")

    @Option(help: "The project's name (default: the folder's name).")
    var name: String?

    @Option(help: "Prefix of card keys, 1–8 letters (default: the name's first three letters).")
    var key: String?

    @Option(help: "Name of the first board.")
    var board = "Board"

    /// `--project FILE` (else $GANTRY_PROJECT) names the file to create.
    @OptionGroup var location: ProjectOption

    func run() throws {
        let context = CLIContext.current
        let path = ProjectLocator.target(explicit: location.project, context: context)
        let projectName = try Limits.line(name ?? (context.currentDirectory as NSString).lastPathComponent, field: "name", length: Limits.nameLength)
        let prefix = try Limits.keyPrefix(key ?? ProjectSetup.keyPrefix(from: projectName))
        let boardName = try Limits.line(board, field: "board", length: Limits.nameLength)
        if PostgresAddress.isAddress(path) {
            if try ProjectLocator.exists(path, context: context) {
                throw CLIError.refused("\(PostgresStoreError.hidingPassword(path)) already holds a Gantry project; nothing was changed.")
            }
        } else if FileManager.default.fileExists(atPath: path) {
            do { try ProjectStore.check(path) } catch let error as StoreError {
                throw CLIError.refused("\(error) Move it away to start a project here.")
            }
            throw CLIError.refused("A Gantry project already exists at \(path); nothing was changed.")
        }
        try ProjectLocator.build(path, context: context) { store in
            try store.apply(ProjectSetup.newProject(name: projectName, keyPrefix: prefix, board: boardName), actor: context.actor, at: context.now())
        }
        let shown = PostgresAddress.isAddress(path) ? PostgresStoreError.hidingPassword(path) : path
        context.output.print("Created project \(projectName) at \(shown) (card keys \(prefix)-1, \(prefix)-2, …).")
        context.output.print("Next: gantry member add \(context.actor), then gantry card add \"First card\".")
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write the sample project and open it.",
        discussion: "Without --output, a fresh copy is written to $XDG_DATA_HOME/gantry/demo.sqlite (replacing the previous one) and opened.")

    @Option(help: ArgumentHelp("Write the sample here instead, and do not open it.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace --output if it is an existing Gantry project; it is moved aside to FILE.bak-<time>.")
    var force = false

    @OptionGroup var screen: ScreenOptions

    func run() throws {
        let context = CLIContext.current
        let path: String
        var movedAside: String?
        if let output {
            path = context.absolute(output)
            if FileManager.default.fileExists(atPath: path) {
                guard force else { throw CLIError.refused("\(path) already exists; use --force to replace it (it is moved aside first).") }
                movedAside = try ProjectStore.moveAside(path, now: context.now())
            }
        } else {
            path = Self.defaultPath(context)
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // The previous sample's own -wal and -shm must not be taken for the new file's.
            for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
        }
        try ProjectStore.build(at: path, replacing: output == nil) { store in
            try store.apply(batch: try SampleProject.history(now: context.now()))
        }
        if let movedAside { context.output.print("Moved the previous \(path) aside to \(movedAside).") }
        if output == nil, context.launchInteractive != nil {
            try screen.launch(path, context)
            return
        }
        context.output.print("Wrote the sample project \"\(SampleProject.name)\" to \(path).")
        context.output.print("Try: gantry card list --project \(path)")
    }

    static func defaultPath(_ context: CLIContext) -> String {
        let base = context.environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((context.environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("gantry/demo.sqlite")
    }
}
