import Foundation
import Planning
import PlanStore
import TerminalUI

/// How sprints are printed: the JSON fields (README, "JSON output") and the text of `show`.
enum SprintOutput {
    static func cards(of sprint: Sprint, _ p: ProjectSnapshot) -> [Card] {
        // A closed sprint's cards are often archived since; they still were its cards.
        p.cards.values.filter { $0.sprintID == sprint.id && (!$0.archived || sprint.state == .closed) }
            .sorted { (p.columns[$0.columnID]?.position ?? 0, $0.number) < (p.columns[$1.columnID]?.position ?? 0, $1.number) }
    }

    /// "13" or "2.5".
    static func points(_ n: Double) -> String {
        n.rounded() == n ? String(Int(n)) : String(format: "%.1f", n)
    }

    static func tally(_ t: SprintRecord.Tally) -> JSON {
        .object([("cards", .int(t.cards)), ("points", .number(t.points))])
    }

    static func record(_ r: SprintRecord) -> JSON {
        .object([("committed", tally(r.committed)), ("added", tally(r.added)), ("removed", tally(r.removed)),
                 ("completed", tally(r.completed)), ("carriedOver", tally(r.carried))])
    }

    static func json(_ sprint: Sprint, _ p: ProjectSnapshot, today: Day, withCards: Bool = false) -> JSON {
        let held = cards(of: sprint, p)
        var fields: [(String, JSON)] = [
            ("name", .string(sprint.name)), ("board", JSON(p.boards[sprint.boardID]?.name)), ("state", .string(sprint.state.rawValue)),
            ("goal", .string(sprint.goal)), ("start", JSON(sprint.start?.description)), ("end", JSON(sprint.end?.description)),
            ("startedAt", JSON(sprint.startedAt.map(Timestamp.iso))), ("closedAt", JSON(sprint.closedAt.map(Timestamp.iso))),
            ("cards", .int(held.count)), ("points", .number(held.reduce(0) { $0 + ($1.estimate ?? 0) })),
            ("record", sprint.record.map(record) ?? .null),
        ]
        if withCards {
            let load = SprintLoad.compute(sprint, in: p, today: today)
            fields.append(("load", .object([("points", .number(load.points)), ("capacity", .number(load.capacity)),
                                            ("workingDays", .int(load.workingDays)), ("velocity", JSON(load.velocity)),
                                            ("overCapacity", .bool(load.overCapacity)), ("overVelocity", .bool(load.overVelocity))])))
            fields.append(("keys", .array(held.map { .string($0.key) })))
        }
        return .object(fields)
    }

    static func text(_ sprint: Sprint, _ p: ProjectSnapshot, today: Day, now: Date) -> String {
        let held = cards(of: sprint, p)
        var lines = ["\(Sanitizer.clean(sprint.name)) — \(sprint.state.rawValue), \(Sanitizer.clean(p.boards[sprint.boardID]?.name ?? "?"))"]
        if !sprint.goal.isEmpty { lines.append("Goal: \(Sanitizer.clean(sprint.goal))") }
        lines.append("Dates: \(sprint.start?.description ?? "not set") → \(sprint.end?.description ?? "not set")")
        if sprint.state != .closed {
            let load = SprintLoad.compute(sprint, in: p, today: today)
            var line = "Load: \(points(load.points)) points in \(load.cards) cards; capacity \(points(load.capacity)) person-days over \(load.workingDays) working days"
            line += load.velocity.map { "; velocity \(points($0))" } ?? "; no velocity yet (no closed sprint)"
            lines.append(line)
            if load.overCapacity || load.overVelocity {
                lines.append("Over-committed: " + [load.overCapacity ? "more points than capacity" : nil, load.overVelocity ? "more points than recent velocity" : nil]
                    .compactMap { $0 }.joined(separator: " and ") + ".")
            }
        }
        if let record = sprint.record {
            lines.append("Record: " + record.lines.map { "\($0.name) \($0.tally.cards) (\(points($0.tally.points)) pts)" }.joined(separator: ", "))
        }
        var table = TextTable("KEY", "COLUMN", "POINTS", "ASSIGNEE", "TITLE")
        for c in held { table.add([c.key, p.columns[c.columnID]?.name ?? "?", c.estimate.map(points) ?? "-", c.assignee ?? "-", c.title]) }
        lines.append("")
        lines.append(held.isEmpty ? "No cards yet. Add one with: gantry card edit KEY --sprint \"\(sprint.name)\"" : table.rendered())
        return lines.joined(separator: "\n")
    }
}

/// `gantry sprint report`: the record (final once closed, so far while active), the burndown
/// by day, and the cards by outcome, as text, Markdown or JSON.
struct SprintReport {
    let sprint: Sprint
    let record: SprintRecord
    let burn: SprintBurn?
    let project: ProjectSnapshot
    let done: Set<String>

    init(_ sprint: Sprint, in context: FlowContext) throws {
        guard sprint.state != .planned else {
            throw CLIError.refused("\(sprint.name) has not started, so there is nothing to report yet. Start it with: gantry sprint start \"\(sprint.name)\"")
        }
        self.sprint = sprint
        record = sprint.record ?? SprintRecord.compute(sprint, in: context, closing: context.now)
        burn = try SprintBurn.compute(sprint, in: context)
        project = context.project
        done = context.doneColumnIDs
    }

    var json: JSON {
        .object([("sprint", .string(sprint.name)), ("state", .string(sprint.state.rawValue)), ("goal", .string(sprint.goal)),
                 ("start", JSON(sprint.start?.description)), ("end", JSON(sprint.end?.description)), ("record", SprintOutput.record(record)),
                 ("burndown", .array((burn?.points ?? []).map { p in
                     .object([("day", .string(p.day.description)), ("scope", .number(p.scope)), ("completed", .number(p.completed)),
                              ("remaining", .number(p.remaining)), ("ideal", .number(p.ideal))])
                 }))])
    }

    func text(markdown: Bool) -> String {
        let p = SprintOutput.points
        var out: [String] = []
        out.append(markdown ? "# Sprint report: \(Markdown.escape(sprint.name))" : "Sprint report: \(Sanitizer.clean(sprint.name)) (\(sprint.state.rawValue))")
        if !sprint.goal.isEmpty { out.append(markdown ? "\n**Goal:** \(Markdown.escape(sprint.goal))" : "Goal: \(Sanitizer.clean(sprint.goal))") }
        out.append((markdown ? "\n" : "") + "\(sprint.start?.description ?? "?") → \(sprint.end?.description ?? "?")\(sprint.state == .active ? ", so far" : "")")
        out.append("")
        if markdown {
            out += ["| | cards | points |", "| --- | ---: | ---: |"] + record.lines.map { "| \($0.name) | \($0.tally.cards) | \(p($0.tally.points)) |" }
        } else {
            var table = TextTable("", "CARDS", "POINTS")
            for line in record.lines { table.add([line.name, "\(line.tally.cards)", p(line.tally.points)]) }
            out.append(table.rendered())
        }
        if let burn, !burn.points.isEmpty {
            out.append("")
            out.append(markdown ? "## Burndown\n\n| day | scope | completed | remaining | ideal |\n| --- | ---: | ---: | ---: | ---: |" : "Burndown:")
            var table = TextTable("DAY", "SCOPE", "COMPLETED", "REMAINING", "IDEAL")
            for point in burn.points {
                let cells = [point.day.description, p(point.scope), p(point.completed), p(point.remaining), p(point.ideal)]
                if markdown { out.append("| " + cells.joined(separator: " | ") + " |") } else { table.add(cells) }
            }
            if !markdown { out.append(table.rendered()) }
        }
        let held = SprintOutput.cards(of: sprint, project)
        let finished = held.filter { done.contains($0.columnID) }, open = held.filter { !done.contains($0.columnID) }
        for (title, list) in [("Completed", finished), (sprint.state == .closed ? "Carried over" : "Not done yet", open)] where !list.isEmpty {
            out.append("")
            out.append(markdown ? "## \(title)\n" : "\(title):")
            out += list.map { markdown ? "- \($0.key) \(Markdown.escape($0.title)) (\($0.estimate.map(p) ?? "-") pts)" : "  \($0.key)  \(Sanitizer.clean($0.title))  (\($0.estimate.map(p) ?? "-") pts)" }
        }
        return out.joined(separator: "\n")
    }
}
