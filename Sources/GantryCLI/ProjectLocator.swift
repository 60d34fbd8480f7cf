import Foundation
import PlanStore

/// Finds the project a command means: `--project FILE`, else `GANTRY_PROJECT`, else
/// `.gantry/project.sqlite` in the current folder or the nearest parent (as git finds `.git`).
public enum ProjectLocator {
    public static let folderName = ".gantry"
    public static let fileName = "project.sqlite"

    /// Where a command that creates a project puts it: `--project FILE`, else `GANTRY_PROJECT`,
    /// else `.gantry/project.sqlite` in the current folder (never a parent's).
    public static func target(explicit: String?, context: CLIContext) -> String {
        if let explicit = explicit ?? context.environment["GANTRY_PROJECT"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return context.absolute(explicit)
        }
        let folder = (context.currentDirectory as NSString).appendingPathComponent(folderName)
        return (folder as NSString).appendingPathComponent(fileName)
    }

    public static func locate(explicit: String?, context: CLIContext) throws -> String {
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
}
