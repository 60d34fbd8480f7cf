import ArgumentParser
import Foundation
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
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, tjp
    }

    @Option(help: "The format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).") var format: Format
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?
    @Flag(help: "json: leave the journal out (the project as it stands, without its history).") var noHistory = false
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open(cards: .all)
        let text: String
        var notes: [String] = []
        var what = "\(s.snapshot.tasks.count) task\(s.snapshot.tasks.count == 1 ? "" : "s")"
        switch format {
        case .json:
            let archive = try s.store.archive(history: !noHistory)
            text = String(decoding: try archive.encoded(), as: UTF8.self) + "\n"
            what = archive.summary
        case .tjp:
            let export = try TaskJugglerProject(s.snapshot, today: s.today)
            text = export.text
            notes = export.dropped.map { "Left out (no TaskJuggler form): \($0)" }
        }
        guard let output else {
            s.context.output.write(text, error: false)
            for note in notes { s.context.output.printError(note) }
            return
        }
        try OutputFile.write(Data(text.utf8), to: output, context: s.context)
        for note in notes { s.context.output.printError(note) }
        s.print("Wrote \(output) (\(format.rawValue): \(what)).")
    }
}
