import Foundation
import PlanStore
import PlanStorePostgres
import TOMLKit

/// Finds the project a command means: `--project FILE|postgres://…`, else `GANTRY_PROJECT`,
/// else, in the current folder or the nearest parent (as git finds `.git`),
/// `.gantry/project.toml` naming a PostgreSQL project (`url = "postgres://…"`) or
/// `.gantry/project.sqlite`.
public enum ProjectLocator {
    public static let folderName = ".gantry"
    public static let fileName = "project.sqlite"
    public static let pointerName = "project.toml"

    /// Where a command that creates a project puts it: `--project FILE`, else `GANTRY_PROJECT`,
    /// else `.gantry/project.sqlite` in the current folder (never a parent's).
    public static func target(explicit: String?, context: CLIContext) -> String {
        if let explicit = explicit ?? context.environment["GANTRY_PROJECT"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return PostgresAddress.isAddress(explicit) ? explicit : context.absolute(explicit)
        }
        let folder = (context.currentDirectory as NSString).appendingPathComponent(folderName)
        return (folder as NSString).appendingPathComponent(fileName)
    }

    public static func locate(explicit: String?, context: CLIContext) throws -> String {
        if let explicit, PostgresAddress.isAddress(explicit) { return explicit }
        if let env = context.environment["GANTRY_PROJECT"], explicit?.isEmpty ?? true, PostgresAddress.isAddress(env) { return env }
        if let explicit, !explicit.isEmpty {
            let path = context.absolute(explicit)
            // A link that loops or points nowhere is named as such by the store, not "no project".
            var link = stat()
            guard lstat(path, &link) == 0 else { throw StoreError.notFound(path: path) }
            return path
        }
        if let env = context.environment["GANTRY_PROJECT"], !env.isEmpty {
            let path = context.absolute(env)
            var link = stat()
            guard lstat(path, &link) == 0 else {
                throw CLIError.refused("GANTRY_PROJECT names \(path), which does not exist. Unset it, or create a project with `gantry init`.")
            }
            return path
        }
        var dir = URL(fileURLWithPath: context.currentDirectory).standardizedFileURL.path
        while true {
            let pointer = (dir as NSString).appendingPathComponent("\(folderName)/\(pointerName)")
            if FileManager.default.fileExists(atPath: pointer) { return try address(in: pointer) }
            let candidate = (dir as NSString).appendingPathComponent("\(folderName)/\(fileName)")
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
        }
        let sample = DemoCommand.defaultPath(context)
        if FileManager.default.fileExists(atPath: sample) {
            throw CLIError.refused("No Gantry project in this folder or any parent. The sample from `gantry demo` is \(sample): add --project \(sample) (or export GANTRY_PROJECT=\(sample)), or create a project here with `gantry init`.")
        }
        throw CLIError.refused("No Gantry project in this folder or any parent. Create one with `gantry init`, or try the sample with `gantry demo`.")
    }

    /// The `url` a `.gantry/project.toml` names.
    static func address(in pointer: String) throws -> String {
        let text: String
        do { text = try String(contentsOfFile: pointer, encoding: .utf8) } catch {
            throw CLIError.refused("Cannot read \(pointer): \(error.localizedDescription)")
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw CLIError.refused("\(pointer), line \(error.source.begin.line): \(error.description)")
        }
        guard let url = table["url"]?.string, PostgresAddress.isAddress(url) else {
            throw CLIError.refused("\(pointer) must say where the project is: url = \"postgres://user@host/database\"")
        }
        return url
    }

    /// Opens the project at `location`: a PostgreSQL address or a project file.
    public static func open(_ location: String, context: CLIContext) throws -> any ProjectStoring {
        if PostgresAddress.isAddress(location) {
            return try PostgresStore.open(PostgresAddress(parsing: location, environment: context.environment))
        }
        return try ProjectStore.open(at: location)
    }

    /// Whether a project (or anything in the way of one) is already at `location`.
    static func exists(_ location: String, context: CLIContext) throws -> Bool {
        if PostgresAddress.isAddress(location) {
            return try PostgresStore.holdsProject(PostgresAddress(parsing: location, environment: context.environment))
        }
        return FileManager.default.fileExists(atPath: location)
    }

    /// Makes a new project at `location` and fills it, all or nothing: a file is built aside and
    /// renamed into place; a database is filled in the transaction that creates its tables.
    static func build(_ location: String, context: CLIContext, _ fill: (any ProjectStoring) throws -> Void) throws {
        if PostgresAddress.isAddress(location) {
            _ = try PostgresStore.create(PostgresAddress(parsing: location, environment: context.environment), fill)
            return
        }
        try ProjectStore.prepareDirectory(for: location)
        try ProjectStore.build(at: location) { try fill($0) }
    }
}
