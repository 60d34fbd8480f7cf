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
        let path = ProjectLocator.target(explicit: location.project, context: context)
        let exists = FileManager.default.fileExists(atPath: path)
        let what = archive.summary
        if dryRun {
            // Every entity checked, as the import itself would.
            _ = try archive.snapshot()
            context.output.print("Would import \(archive.projectName) into \(exists ? "the empty project at" : "a new project at") \(path): \(what).")
            context.output.print("Nothing was written (--dry-run).")
            return
        }
        if exists {
            try ProjectStore.open(at: path).restore(archive)
        } else {
            try ProjectStore.prepareDirectory(for: path)
            try ProjectStore.build(at: path) { try $0.restore(archive) }
        }
        context.output.print("Imported \(archive.projectName) into \(path): \(what).")
    }
}
