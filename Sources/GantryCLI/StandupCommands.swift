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
        discussion: """
            Without --date, the most recent stand-up. A day with several stand-ups prints the last; --all prints each. \
            With no stand-up saved (or none on --date's day when it is today), prints a digest instead: what moved since \
            the start of the last working day, the blockers, and each person's cards in the order the walk takes them.
            """)
    @Option(help: "The stand-up of this day: YYYY-MM-DD, today, yesterday, -2d.") var date: String?
    @Option(help: "Board for the digest (default: the first).") var board: String?
    @Flag(help: "Every stand-up of that day, not only the last.") var all = false
    @Flag(help: "Print JSON instead of Markdown.") var json = false
    @OptionGroup var time: TimeOption
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        let day = try date.map { try ArgumentValues.day($0, "--date", today: s.today) }
        let records = try s.store.standups(day: day)
        guard let last = records.last else {
            guard day == nil || day == s.today else { throw CLIError.refused("No stand-up was saved on \(day!).") }
            try printDigest(s)
            return
        }
        let chosen = all ? records : [last]
        if json {
            s.print(JSON.array(chosen.map(StandupOutput.json)).rendered())
            return
        }
        s.print(chosen.map { $0.markdown(timeZone: time.zone) }.joined(separator: "\n").dropLast().description)
    }

    /// What the walk would show, when no stand-up was recorded.
    private func printDigest(_ s: Session) throws {
        let boardID = try s.snapshot.board(named: board).id
        let since = StandupDigest.lastWorkingDayStart(s.snapshot, today: s.today, timeZone: time.zone)
        let entries = try s.store.journal(since: since).map { (actor: $0.actor, at: $0.at, change: $0.change) }
        let digest = StandupDigest.make(s.snapshot, boardID: boardID, since: since, entries: entries, now: s.now, timeZone: time.zone)
        if json {
            s.print(StandupOutput.json(digest).rendered())
            return
        }
        s.print(digest.markdown(timeZone: time.zone).dropLast().description)
    }
}

struct StandupList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List saved stand-ups.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var time: TimeOption
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
            table.add([r.day, Timestamp.display(r.startedAt, in: time.zone), r.facilitator, "\(r.speakers.count)",
             "\(Int((r.endedAt.timeIntervalSince(r.startedAt) / 60).rounded())) min", "\(r.captured.count)"])
        }
        s.print(table.rendered())
    }
}

/// Stand-up records for scripts; keys in the camelCase of every other JSON output, times as
/// ISO 8601 UTC, durations in seconds.
enum StandupOutput {
    static func json(_ r: StandupRecord) -> JSON {
        .object([
            ("recorded", .bool(true)), ("day", .string(r.day)), ("facilitator", .string(r.facilitator)), ("board", .string(r.board)),
            ("startedAt", .string(Timestamp.iso(r.startedAt))), ("endedAt", .string(Timestamp.iso(r.endedAt))),
            ("timeboxSeconds", .number(r.timebox)),
            ("speakers", .array(r.speakers.map { .object([("name", .string($0.name)), ("seconds", .number($0.seconds.rounded(.down)))]) })),
            ("previousEndedAt", JSON(r.previousEndedAt.map(Timestamp.iso))),
            ("moved", .array(r.moved.map(JSON.string))), ("blockers", .array(r.blockers.map(JSON.string))),
            ("captured", .array(r.captured.map(JSON.string))),
        ])
    }

    /// The digest printed when no stand-up was recorded: `recorded` is false.
    static func json(_ d: StandupDigest) -> JSON {
        .object([
            ("recorded", .bool(false)), ("day", .string(d.day.description)), ("board", .string(d.board)),
            ("since", .string(Timestamp.iso(d.since))),
            ("moved", .array(d.moved.map(JSON.string))), ("blockers", .array(d.blockers.map(JSON.string))),
            ("people", .array(d.people.map { .object([("name", .string($0.name)), ("work", .array($0.work.map(JSON.string)))]) })),
        ])
    }
}
