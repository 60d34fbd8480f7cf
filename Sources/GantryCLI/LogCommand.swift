import ArgumentParser
import Foundation
import Planning
import PlanStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Print the journal: who changed what, when, from what to what.")
    @Option(help: "Only changes since: YYYY-MM-DD, an ISO 8601 time, or an age like 30m, 2h, 3d, 1w.") var since: String?
    @Option(help: "Only this person's changes.") var actor: String?
    @Option(help: "At most this many (newest).") var limit: Int?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var time: TimeOption
    @OptionGroup var project: ProjectOption

    func run() throws {
        // Names of columns, boards and epics are all the log shows of the project's state.
        let s = try project.open(cards: .epicsOnly, schedule: false)
        if let limit, limit < 1 { throw CLIError.usage("--limit: use a number of at least 1.") }
        let from = try since.map { try ArgumentValues.since($0, now: s.now, today: s.today) }
        let entries = try s.store.journal(since: from, actor: actor, limit: limit)
        if json {
            JSON.stream(entries, to: s.context.output, JournalOutput.json)
            return
        }
        if entries.isEmpty { s.print("No changes\(since.map { " since \($0)" } ?? "")."); return }
        s.print(entries.map { JournalOutput.text($0, s.snapshot, zone: time.zone) }.joined(separator: "\n"))
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Revert your last change (as a new journalled change).")
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        guard let entry = try s.store.undo(actor: s.context.actor, at: s.now) else {
            throw CLIError.refused("You (\(s.context.actor)) have no change left to undo.")
        }
        s.print("Undid: \(entry.change.summary.replacingOccurrences(of: "undo: ", with: ""))")
    }
}

struct RedoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redo", abstract: "Re-apply what your last undo reverted.")
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        guard let entry = try s.store.redo(actor: s.context.actor, at: s.now) else {
            throw CLIError.refused("Nothing to redo: your last change was not an undo.")
        }
        s.print("Redid: \(entry.change.summary)")
    }
}

/// Journal rows for people and for scripts.
enum JournalOutput {
    static func json(_ e: JournalEntry) -> JSON {
        JSON.object([
            ("seq", .int(Int(e.seq))), ("at", .string(Timestamp.iso(e.at))), ("actor", .string(e.actor)),
            ("kind", .string(e.kind.rawValue)), ("summary", .string(e.change.summary)),
            ("undoes", e.undoes.map { .int(Int($0)) } ?? .null),
            ("edits", .array(e.change.edits.map { edit in
                JSON.object([("entity", .string(edit.kind.rawValue)), ("id", .string(edit.id)), ("label", .string(edit.label)),
                             ("op", .string(edit.operation.rawValue)),
                             ("fields", .array(edit.fields.map { f in
                                 JSON.object([("name", .string(f.name)), ("from", value(f.from)), ("to", value(f.to))])
                             }))])
            })),
        ])
    }

    static func value(_ v: Value) -> JSON {
        switch v {
        case .null: return .null
        case .int(let i): return .int(Int(i))
        case .real(let d): return .number(d)
        case .text(let s): return .string(s)
        }
    }

    static func text(_ e: JournalEntry, _ p: ProjectSnapshot, zone: TimeZone) -> String {
        var lines = ["\(Timestamp.display(e.at, in: zone))  \(e.actor)  \(e.change.summary)"]
        for edit in e.change.edits where edit.operation == .update {
            for f in edit.fields where !hidden.contains(f.name) {
                lines.append("    \(edit.label) \(FieldLabel.words(f.name, of: edit.kind)): \(display(f.from, f.name, p, zone)) → \(display(f.to, f.name, p, zone))")
            }
        }
        return lines.map(Sanitizer.clean).joined(separator: "\n")
    }

    static let hidden: Set<String> = ["rank", "enteredColumnAt", "position"]

    static func display(_ v: Value, _ field: String, _ p: ProjectSnapshot, _ zone: TimeZone) -> String {
        // Times (closedAt, decidedAt…) are stored as seconds since 1970.
        if field.hasSuffix("At"), v.string == nil, let seconds = v.double { return Timestamp.display(Date(timeIntervalSince1970: seconds), in: zone) }
        guard let s = v.string else { return v.description }
        switch field {
        case "columnID": return p.columns[s]?.name ?? "(removed column)"
        case "boardID": return p.boards[s]?.name ?? "(removed board)"
        case "parentID": return p.cards[s]?.key ?? "(removed card)"
        case "sprintID": return p.sprints[s]?.name ?? "(removed sprint)"
        default: return "\"\(s)\""
        }
    }
}

import TerminalUI
