import ArgumentParser
import Foundation
import Planning
import PlanStore

/// `gantry import`: a project brought in from a file, into a new project (or an empty one).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring a project in from a file.",
        discussion: """
            Formats:
              json  Gantry's own export (gantry export --format json): everything, journal included unless the \\
            file or --no-history leaves it out.
            The project is created at --project FILE (else $GANTRY_PROJECT, else .gantry/project.sqlite here); an \\
            existing one must hold no cards, tasks or RAID items. The import is one transaction: a file with \\
            anything wrong in it imports nothing, and the message names the place.
            """)

    @Argument(help: ArgumentHelp("The file to import.", valueName: "file")) var file: String
    @Flag(help: "Show what would be created, and create nothing.") var dryRun = false
    @Flag(help: "Leave the journal out.") var noHistory = false
    @OptionGroup var location: ProjectOption

    func run() throws {
        let context = CLIContext.current
        let source = context.absolute(file)
        guard let data = FileManager.default.contents(atPath: source) else {
            throw CLIError.refused("Cannot read \(file): \(FileManager.default.fileExists(atPath: source) ? "permission denied" : "no such file").")
        }
        var archive = try ProjectArchive.decode(data)
        if noHistory { archive.dropHistory() }
        let project = try archive.snapshot()
        let path: String
        if let explicit = location.project ?? context.environment["GANTRY_PROJECT"].flatMap({ $0.isEmpty ? nil : $0 }) {
            path = context.absolute(explicit)
        } else {
            path = ((context.currentDirectory as NSString).appendingPathComponent(ProjectLocator.folderName) as NSString).appendingPathComponent(ProjectLocator.fileName)
        }
        let exists = FileManager.default.fileExists(atPath: path)
        let what = archive.summary
        if dryRun {
            context.output.print("Would import \(project.info.name) into \(exists ? "the empty project at" : "a new project at") \(path): \(what).")
            context.output.print("Nothing was written (--dry-run).")
            return
        }
        if exists {
            try ProjectStore.open(at: path).restore(archive)
        } else {
            try ProjectStore.prepareDirectory(for: path)
            try ProjectStore.build(at: path) { try $0.restore(archive) }
        }
        context.output.print("Imported \(project.info.name) into \(path): \(what).")
    }
}
