import ArgumentParser
import Foundation
import PlanStore
import PlanStorePostgres

/// `gantry migrate --to postgres://…` or `--to FILE.sqlite`: the whole project, journal and all,
/// copied into a new store; then both ends are exported and compared byte for byte.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy the project, with its whole journal, to PostgreSQL or to a project file.",
        discussion: """
            --to postgres://user@host/database copies into that database, which must exist and hold no Gantry project \
            (createdb it first); the login that copies becomes the project's admin. --to FILE.sqlite copies into a new \
            file. Both ends are then exported as JSON and compared; the command fails if they differ. The source is \
            only read.
            """)

    @Option(help: ArgumentHelp("Where to copy the project: a PostgreSQL address or a new file.", valueName: "url|file"))
    var to: String

    @OptionGroup var project: ProjectOption

    func run() throws {
        let context = CLIContext.current
        let source = try ProjectLocator.locate(explicit: project.project, context: context)
        let target = PostgresAddress.isAddress(to) ? to : context.absolute(to)
        let shown = { (s: String) in PostgresAddress.isAddress(s) ? PostgresStoreError.hidingPassword(s) : s }
        guard source != target else { throw CLIError.usage("--to names the project itself (\(shown(source))); copy it somewhere else.") }
        if try ProjectLocator.exists(target, context: context) {
            throw CLIError.refused("\(shown(target)) already holds a project (or a file); nothing was copied. Copy into an empty database or a new file.")
        }
        let store = try ProjectLocator.open(source, context: context)
        let dir = NSTemporaryDirectory() + "gantry-migrate-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = dir + "/source.json", after = dir + "/target.json"
        let summary = try Self.export(store, to: before)
        let archive = try ProjectArchive.open(path: before)
        try ProjectLocator.build(target, context: context) { try $0.restore(archive) }
        _ = try Self.export(try ProjectLocator.open(target, context: context), to: after)
        guard let a = FileManager.default.contents(atPath: before), let b = FileManager.default.contents(atPath: after) else {
            throw CLIError.refused("Cannot read back the exports in \(dir) to compare them.")
        }
        guard a == b else {
            let offset = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            throw CLIError.refused("The copy at \(shown(target)) differs from \(shown(source)) (their JSON exports part at byte \(offset)). The source is unchanged; remove the copy and report this.")
        }
        context.output.print("Copied \(summary) from \(shown(source)) to \(shown(target)).")
        context.output.print("Both export the same document (\(a.count) bytes). Use it with: gantry --project \(shown(target))")
    }

    private static func export(_ store: any ProjectStoring, to path: String) throws -> String {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else { throw CLIError.refused("Cannot write \(path).") }
        defer { try? handle.close() }
        return try store.exportArchive(history: true) { try handle.write(contentsOf: $0) }
    }
}
