import ArgumentParser
import Foundation
import Interchange
import Planning
import PlanStore

/// `gantry export`: the project in another tool's format, to standard output or a file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the project in another tool's format.",
        discussion: """
            Formats:
              json  The whole project, lossless and versioned ("format": "gantry-project", "version": 1): every \
            entity with every field, key sequences, saved stand-ups and the journal (--no-history leaves the journal \
            out). `gantry import FILE.json` into a new project gives the same project back.
              tjp   TaskJuggler 3 project (tj3 schedules it). Keeps phases, tasks, milestones, progress, \
            people with their effort, part-time shares, working days, leave and rates, holidays, FS and SS \
            dependencies with lags, start-no-earlier dates (as dated milestones) and priorities from linked cards. \
            Drops FF and SF dependencies and leads (listed at the top of the file and here); cards, sprints and \
            the RAID log have no TaskJuggler form.
              csv   One RFC 4180 file per kind: cards, tasks, raid, members, sprints, time (--output DIR writes \
            DIR/cards.csv and the rest; --entity KIND writes one to standard output or --output FILE). Names and keys \
            instead of ids, dates as ISO 8601, lists joined by "; ". Leaves out leave, assignments' effort, fixed \
            costs, baselines, links between RAID items and work, and the journal (json keeps them).
              mermaid  A Mermaid gantt diagram: a section per phase, tasks on their scheduled dates, milestones, \
            critical tasks (crit) and finished ones (done). Leaves out dependencies (the dates already follow them), \
            people, cards and the RAID log.
              ical  An iCalendar file (RFC 5545) of all-day events: milestones, task deadlines, sprints, RAID review \
            and due dates, card due dates. Stable UIDs, so a calendar that re-imports it updates its events.
              mspdi MS Project XML, read by MS Project, ProjectLibre and GanttProject: tasks with outline, \
            scheduled dates, durations, milestones, progress, start-no-earlier constraints, deadlines, all four \
            link types with lags, the working week and holidays, people as resources with rates and their \
            assignments. Leaves out cards, sprints, the RAID log, leave and logged time.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, tjp, csv, mermaid, ical, mspdi
    }

    @Option(help: "The format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).") var format: Format
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?
    @Flag(help: "json: leave the journal out (the project as it stands, without its history).") var noHistory = false
    @Option(help: "csv: only this table (\(SpreadsheetTables.entities.joined(separator: ", "))).") var entity: String?
    @OptionGroup var project: ProjectOption

    func validate() throws {
        if entity != nil && format != .csv { throw ValidationError("--entity chooses a table of the csv export; add --format csv.") }
        if noHistory && format != .json { throw ValidationError("--no-history is for --format json (the other formats have no journal).") }
    }

    func run() throws {
        let s = try project.open(cards: .all)
        let text: String
        var notes: [String] = []
        var what = "\(s.snapshot.tasks.count) task\(s.snapshot.tasks.count == 1 ? "" : "s")"
        switch format {
        case .json:
            return try writeJSON(s)
        case .tjp:
            let export = try TaskJugglerProject(s.snapshot, today: s.today)
            text = export.text
            notes = export.dropped.map { "Left out (no TaskJuggler form): \($0)" }
        case .csv:
            return try writeCSV(s)
        case .mermaid:
            let schedule = try Scheduler.schedule(s.snapshot, today: s.today)
            text = "```mermaid\n" + MermaidGantt.render(s.snapshot, schedule: schedule) + "```\n"
        case .ical:
            text = ICalendarExport.render(s.snapshot, schedule: s.snapshot.tasks.isEmpty ? nil : try Scheduler.schedule(s.snapshot, today: s.today), stamp: s.now)
            let events = text.components(separatedBy: "BEGIN:VEVENT").count - 1
            what = "\(events) event\(events == 1 ? "" : "s")"
        case .mspdi:
            text = try MSProjectXML.export(s.snapshot, schedule: try Scheduler.schedule(s.snapshot, today: s.today))
        }
        guard let output else {
            s.context.output.write(bytes: Array(text.utf8))
            for note in notes { s.context.output.printError(note) }
            return
        }
        try OutputFile.write(Data(text.utf8), to: output, context: s.context)
        for note in notes { s.context.output.printError(note) }
        s.print("Wrote \(output) (\(format.rawValue): \(what)).")
    }

    /// json: streamed, the journal a row at a time, to standard output or (atomically) a file.
    func writeJSON(_ s: Session) throws {
        guard let output else {
            try s.store.exportArchive(history: !noHistory) { s.context.output.write(bytes: Array($0)) }
            return
        }
        let summary = try OutputFile.stream(to: output, context: s.context) { sink in try s.store.exportArchive(history: !noHistory, to: sink) }
        s.print("Wrote \(output) (json: \(summary)).")
    }

    /// csv: every table into a folder, or one table (`--entity`) to standard output or a file.
    func writeCSV(_ s: Session) throws {
        let tables = SpreadsheetTables(s.snapshot, schedule: s.snapshot.tasks.isEmpty ? nil : try Scheduler.schedule(s.snapshot, today: s.today)).tables
        if let entity {
            guard let table = tables.first(where: { $0.name == entity.lowercased() }) else {
                throw CLIError.usage("--entity \(entity): choose one of \(SpreadsheetTables.entities.joined(separator: ", ")).")
            }
            let data = try SpreadsheetTables.csv(table)
            guard let output else { return s.context.output.write(bytes: Array(data)) }
            try OutputFile.write(data, to: output, context: s.context)
            return s.print("Wrote \(output) (csv: \(table.rows.count) \(table.name)).")
        }
        guard let output else {
            throw CLIError.usage("csv writes one file per table: give --output DIR (a folder), or --entity KIND for one table.")
        }
        let folder = s.context.absolute(output)
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false) } catch {
                throw CLIError.refused("Cannot create the folder \(output): \((error as NSError).localizedDescription)")
            }
        } else if !isFolder.boolValue {
            throw CLIError.refused("\(output) is a file; csv writes one file per table into a folder. Give a folder, or --entity KIND for one table.")
        }
        for table in tables {
            try OutputFile.write(try SpreadsheetTables.csv(table), to: (output as NSString).appendingPathComponent(table.name + ".csv"), context: s.context)
        }
        s.print("Wrote \(tables.map { "\($0.name).csv (\($0.rows.count))" }.joined(separator: ", ")) to \(output).")
    }
}
