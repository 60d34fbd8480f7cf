import ArgumentParser
import Foundation
import Interchange
import Planning
import PlanStore

/// `gantry import`: a project brought in from Gantry's own export, or a board, backlog or plan
/// from the tools teams already use.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring work in from a file: Gantry JSON, Trello, Jira CSV, GitHub, Taskwarrior, MS Project XML.",
        discussion: """
            Formats (found from the file; --from names one):
              gantry       Gantry's own export (gantry export --format json): everything, journal included unless the \
            file or --no-history leaves it out. Into a new project or one with no cards, tasks or RAID items.
              trello       A board's JSON export. Lists become columns, cards keep description, labels, members, due \
            date and creation time; checklists go into the description. Archived cards and lists are skipped \
            unless --archived (then imported archived).
              jira         Export → CSV (all fields). Issue key, summary, type, status (as the column), priority, \
            assignee, labels, story points, sprint, epic link or parent, description, due, created and resolved \
            (done issues are created and finished at those times, so lead time carries over; the CSV has no status \
            history, so cycle time counts from creation). Other columns are left out.
              github       gh issue list --json number,title,body,state,labels,assignees,milestone,createdAt,closedAt,url \
            or gh project item-list N --format json (Status becomes the column; estimate and iteration are kept).
              taskwarrior  task export. Pending, waiting and completed tasks; project and tags as labels, due, \
            priority, annotations in the description; depends marks a card blocked by what it waits for. \
            Deleted tasks are skipped.
              mspdi        MS Project XML (also written by ProjectLibre and GanttProject). Tasks with their outline \
            (summary tasks become phases), durations, milestones, progress, start-no-earlier constraints, \
            deadlines, links with type and lag, resources as members, calendar exceptions as holidays. Rates, \
            costs and resource calendars are left out.
            Every item keeps where it came from: importing a newer export of the same source updates those cards \
            and tasks instead of adding them again. --map-user and --map-column rename people and columns on the \
            way in. The project is --project FILE (else $GANTRY_PROJECT, else .gantry/project.sqlite here), created \
            when missing. The import is one transaction: a file with anything wrong in it imports nothing, and the \
            message names the line, row or path.
            """)

    enum Source: String, ExpressibleByArgument, CaseIterable {
        case gantry, trello, jira, github, taskwarrior, mspdi
    }

    @Argument(help: ArgumentHelp("The file to import.", valueName: "file")) var file: String
    @Option(help: "The file's format (default: found from the file): \(Source.allCases.map(\.rawValue).joined(separator: ", ")).") var from: Source?
    @Flag(help: "Show what would be created or updated, and write nothing.") var dryRun = false
    @Option(name: .customLong("map-user"), help: ArgumentHelp("A person in the file as a member here, e.g. jdoe=ana (repeatable).", valueName: "from=to"))
    var mapUser: [String] = []
    @Option(name: .customLong("map-column"), help: ArgumentHelp("A column or status in the file as a column here, e.g. \"Doing=In progress\" (repeatable).", valueName: "from=to"))
    var mapColumn: [String] = []
    @Flag(help: "trello: bring in archived cards and lists too (archived).") var archived = false
    @Flag(help: "gantry: leave the journal out.") var noHistory = false
    @OptionGroup var location: ProjectOption

    func run() throws {
        let context = CLIContext.current
        let source = context.absolute(file)
        func unreadable() -> CLIError {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: source, isDirectory: &isFolder)
            return CLIError.refused("Cannot read \(file): \(!exists ? "no such file" : isFolder.boolValue ? "it is a folder" : "permission denied").")
        }
        // The first bytes tell the format; Gantry's own document is then read mapped, a row at a time.
        guard let handle = FileHandle(forReadingAtPath: source), let head = try? handle.read(upToCount: 4096) ?? Data() else { throw unreadable() }
        try? handle.close()
        let format = try from ?? Self.detect(head, name: file)
        if format == .gantry { return try importArchive(source, context: context) }
        guard let data = FileManager.default.contents(atPath: source) else { throw unreadable() }
        let mapping = ImportMapping(users: try ImportMapping.pairs(mapUser, option: "--map-user"),
                                    columns: try ImportMapping.pairs(mapColumn, option: "--map-column"))
        let batch: ImportBatch
        do {
            switch format {
            case .trello: batch = try TrelloBoard.read(data, archived: archived)
            case .jira: batch = try JiraCSV.read(data)
            case .github: batch = try GitHubItems.read(data)
            case .taskwarrior: batch = try TaskwarriorExport.read(data)
            case .mspdi: batch = try MSProjectXML.read(data)
            case .gantry: return
            }
        } catch let error as ImportError {
            throw CLIError.usage("\(file) (\(format.rawValue)): \(error). Nothing was imported.")
        }
        let path = ProjectLocator.target(explicit: location.project, context: context)
        let existing = try ProjectLocator.exists(path, context: context) ? try ProjectLocator.open(path, context: context) : nil
        let name = batch.boardName ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let now = context.now()
        let start = try existing?.load() ?? Self.newProject(name: name)
        let plan = try ImportPlanner.plan(batch, into: start, mapping: mapping, actor: context.actor, now: now)
        let into = existing != nil ? path : "a new project at \(path)"
        if dryRun {
            context.output.print("Would import \(format.rawValue) \(file) into \(into): \(plan.summary).")
            for note in plan.notes { context.output.print("  \(note)") }
            context.output.print("Nothing was written (--dry-run).")
            return
        }
        if let existing {
            try existing.apply(batch: plan.steps)
        } else {
            try ProjectLocator.build(path, context: context) { store in
                try store.apply(Self.creation(name: name), actor: context.actor, at: min(now, plan.steps.first?.at ?? now))
                try store.apply(batch: plan.steps)
            }
        }
        context.output.print("Imported \(format.rawValue) \(file) into \(into): \(plan.summary).")
        for note in plan.notes { context.output.print("  \(note)") }
    }

    static func creation(name: String) throws -> Change {
        let title = name.isEmpty ? "Imported" : String(name.prefix(Limits.nameLength.upperBound))
        return ProjectSetup.newProject(name: title, keyPrefix: try Limits.keyPrefix(ProjectSetup.keyPrefix(from: title)), board: nil)
    }

    static func newProject(name: String) throws -> ProjectSnapshot {
        let change = try creation(name: name)
        var p = ProjectSnapshot(info: ProjectInfo(name: "", keyPrefix: ""))
        try p.apply(change)
        return p
    }

    func importArchive(_ source: String, context: CLIContext) throws {
        var archive = try ProjectArchive.open(path: source)
        if noHistory { archive.dropHistory() }
        let path = ProjectLocator.target(explicit: location.project, context: context)
        let exists = try ProjectLocator.exists(path, context: context)
        let what = archive.summary
        if dryRun {
            // Every entity and journal row checked, as the import itself would.
            _ = try archive.snapshot()
            try archive.checkJournal()
            context.output.print("Would import \(archive.projectName) into \(exists ? "the empty project at" : "a new project at") \(path): \(what).")
            context.output.print("Nothing was written (--dry-run).")
            return
        }
        if exists {
            try ProjectLocator.open(path, context: context).restore(archive)
        } else {
            try ProjectLocator.build(path, context: context) { try $0.restore(archive) }
        }
        context.output.print("Imported \(archive.projectName) into \(path): \(what).")
    }

    /// The format from the file's name and first bytes; a file that is none of them is refused
    /// with the formats that were looked for.
    static func detect(_ data: Data, name: String) throws -> Source {
        let ext = (name as NSString).pathExtension.lowercased()
        if ext == "csv" { return .jira }
        if ext == "xml" || ext == "mspdi" { return .mspdi }
        let head = String(decoding: data.prefix(4096), as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}").union(.whitespacesAndNewlines))
        if head.hasPrefix("<") { return .mspdi }
        if head.hasPrefix("{") || head.hasPrefix("[") {
            // Gantry's document starts with its entities (keys are sorted); "format" names it.
            if head.contains("\"gantry-project\"") || head.range(of: #"^\{\s*"entities"\s*:"#, options: .regularExpression) != nil { return .gantry }
            if head.hasPrefix("{") && (head.contains("\"idBoard\"") || head.contains("\"lists\"") || head.contains("\"idOrganization\"")) { return .trello }
            if head.hasPrefix("[") && head.contains("\"uuid\"") && head.contains("\"entry\"") { return .taskwarrior }
            if head.contains("\"items\"") || head.contains("\"number\"") || head.contains("\"url\"") { return .github }
            if head.hasPrefix("{") { return .trello }
        }
        if head.lowercased().contains("issue key") { return .jira }
        throw CLIError.usage("Cannot tell what \(name) is; give --from with one of: \(Source.allCases.map(\.rawValue).joined(separator: ", ")).")
    }
}
