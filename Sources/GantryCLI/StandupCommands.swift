import ArgumentParser
import Foundation
import Planning
import PlanStore
import TerminalUI

/// `gantry standup`: the summaries the stand-up screen saves when a meeting ends.
struct StandupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standup", abstract: "Stand-up summaries (run a stand-up in the app: key 4).",
        subcommands: [StandupReport.self, StandupList.self])
}

struct StandupReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a stand-up's summary as Markdown: who spoke and how long, what moved since the previous one, blockers, captured items.",
        discussion: "Without --date, the most recent stand-up. A day with several stand-ups prints the last; --all prints each.")
    @Option(help: "The stand-up of this day: YYYY-MM-DD, today, yesterday, -2d.") var date: String?
    @Flag(help: "Every stand-up of that day, not only the last.") var all = false
    @Flag(help: "Print JSON instead of Markdown.") var json = false
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        let day = try date.map { try ArgumentValues.day($0, "--date", today: s.today) }
        let records = try s.store.standups(day: day)
        guard let last = records.last else {
            throw CLIError.refused(day.map { "No stand-up was saved on \($0)." }
                ?? "No stand-up has been saved yet: run one in the app (key 4) and end it with X.")
        }
        let chosen = all ? records : [last]
        if json {
            s.print(JSON.array(chosen.map(StandupOutput.json)).rendered())
            return
        }
        let text = chosen.map { $0.markdown() }.joined(separator: "\n")
        // Sanitised line by line: names and titles are user text and must not drive the terminal.
        s.print(text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { Sanitizer.clean(String($0)) }
            .joined(separator: "\n"))
    }
}

struct StandupList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List saved stand-ups.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        let records = try s.store.standups()
        if json {
            s.print(JSON.array(records.map(StandupOutput.json)).rendered())
            return
        }
        if records.isEmpty { s.print("No stand-ups saved yet."); return }
        var table = TextTable("DAY", "STARTED", "FACILITATOR", "SPEAKERS", "LENGTH", "CAPTURED")
        for r in records {
            table.add([r.day, Timestamp.display(r.startedAt), r.facilitator, "\(r.speakers.count)",
             "\(Int((r.endedAt.timeIntervalSince(r.startedAt) / 60).rounded())) min", "\(r.captured.count)"])
        }
        s.print(table.rendered())
    }
}

/// Stand-up records for scripts; times as ISO 8601 UTC, durations in seconds.
enum StandupOutput {
    static func json(_ r: StandupRecord) -> JSON {
        .object([
            ("day", .string(r.day)), ("facilitator", .string(r.facilitator)), ("board", .string(r.board)),
            ("started_at", .string(Timestamp.iso(r.startedAt))), ("ended_at", .string(Timestamp.iso(r.endedAt))),
            ("timebox_seconds", .number(r.timebox)),
            ("speakers", .array(r.speakers.map { .object([("name", .string($0.name)), ("seconds", .number($0.seconds.rounded(.down)))]) })),
            ("previous_ended_at", JSON(r.previousEndedAt.map(Timestamp.iso))),
            ("moved", .array(r.moved.map(JSON.string))), ("blockers", .array(r.blockers.map(JSON.string))),
            ("captured", .array(r.captured.map(JSON.string))),
        ])
    }
}
