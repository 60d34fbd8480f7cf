import CSV
import Foundation
import Planning

/// The project as tables a spreadsheet opens: one per kind of thing (cards, tasks, RAID items,
/// members, sprints, logged time), with names and keys where the store keeps ids, dates as
/// ISO 8601 and lists joined by "; ". Written as RFC 4180 CSV (CRLF, quotes doubled) by
/// CSV.swift, so quoting is a library's well-tested job rather than ours.
public struct SpreadsheetTables {
    public struct Table: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[String]]
    }

    public static let entities = ["cards", "tasks", "raid", "members", "sprints", "time"]

    public var tables: [Table]

    public init(_ p: ProjectSnapshot, schedule: Schedule?) {
        func day(_ d: Day?) -> String { d?.description ?? "" }
        func time(_ t: Date?) -> String { t.map { ISO8601DateFormatter.string(from: $0, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withInternetDateTime]) } ?? "" }
        func number(_ v: Double?) -> String { v.map { $0.rounded() == $0 && abs($0) < 1e15 ? String(Int64($0)) : String($0) } ?? "" }
        func list(_ l: [String]) -> String { l.joined(separator: "; ") }
        let cardKey = { (id: String?) in id.flatMap { p.cards[$0]?.key } ?? "" }
        let taskKey = { (id: String?) in id.flatMap { p.tasks[$0]?.key } ?? "" }

        let cards = p.cards.values.sorted { $0.number < $1.number }.map { c in
            [c.key, c.title, p.boards[c.boardID]?.name ?? "", p.columns[c.columnID]?.name ?? "", c.type.rawValue, c.priority.rawValue,
             c.assignee ?? "", list(c.labels), number(c.estimate), day(c.due), c.blockedReason ?? "", cardKey(c.parentID),
             c.sprintID.flatMap { p.sprints[$0]?.name } ?? "", c.severity?.rawValue ?? "", number(c.hours), time(c.createdAt),
             time(c.enteredColumnAt), c.archived ? "yes" : "no", c.externalID ?? "", c.description]
        }
        let links = Dictionary(grouping: p.taskLinks.values, by: \.succID)
        let tasks = (schedule?.order ?? p.tasks.keys.sorted()).compactMap { p.tasks[$0] }.map { t -> [String] in
            let s = schedule?.tasks[t.id]
            let deps = (links[t.id] ?? []).compactMap { l in p.tasks[l.predID].map { "\($0.key) \(l.type.rawValue.uppercased())\(l.lag == 0 ? "" : l.lag > 0 ? "+\(l.lag)" : "\(l.lag)")" } }.sorted()
            return [t.key, t.name, taskKey(t.parentID), s?.isPhase == true ? "phase" : t.isMilestone ? "milestone" : "task", String(t.duration),
                    day(s?.start), day(s?.finish), String(t.progress), list(t.assignees), list(deps), day(t.startNoEarlier), day(t.deadline),
                    day(t.actualStart), day(t.actualFinish), s.map { $0.critical ? "yes" : "no" } ?? "", number(t.budget), t.externalID ?? ""]
        }
        let raid = p.raidItems.values.sorted { ($0.type.rawValue, $0.number) < ($1.type.rawValue, $1.number) }.map { r in
            [r.key, r.type.rawValue, r.title, r.status, r.owner ?? "", r.category, r.probability.map(String.init) ?? "", r.impact.map(String.init) ?? "",
             r.score.map(String.init) ?? "", r.score.map { p.info.bands.band($0).rawValue } ?? "", r.strategy?.rawValue ?? "", day(r.reviewDate),
             day(r.due), day(r.proximity), r.actions, r.contingency, r.resolution, r.decidedBy ?? "", day(r.decidedOn), r.rationale,
             time(r.createdAt), time(r.closedAt), r.description]
        }
        let members = p.sortedMembers.map { m in
            [m.handle, m.name, m.role, number(m.capacity), number(m.costRate), m.rateUnit.rawValue]
        }
        let sprints = p.sprints.values.sorted { ($0.start ?? Day(ordinal: .max), $0.name) < ($1.start ?? Day(ordinal: .max), $1.name) }.map { s in
            [s.name, p.boards[s.boardID]?.name ?? "", s.state.rawValue, day(s.start), day(s.end), s.goal]
        }
        let time = p.timeEntries.values.sorted { ($0.day, $0.member, $0.id) < ($1.day, $1.member, $1.id) }.map { e in
            [day(e.day), e.member, taskKey(e.taskID), number(e.hours)]
        }
        tables = [
            Table(name: "cards", header: ["key", "title", "board", "column", "type", "priority", "assignee", "labels", "estimate", "due", "blocked",
                                          "parent", "sprint", "severity", "hours", "created", "entered_column", "archived", "external_id", "description"], rows: cards),
            Table(name: "tasks", header: ["key", "name", "phase", "kind", "duration", "start", "finish", "progress", "assignees", "depends_on",
                                          "start_no_earlier", "deadline", "actual_start", "actual_finish", "critical", "budget", "external_id"], rows: tasks),
            Table(name: "raid", header: ["key", "type", "title", "status", "owner", "category", "probability", "impact", "score", "band", "response",
                                         "review", "due", "proximity", "actions", "contingency", "resolution", "decided_by", "decided_on",
                                         "rationale", "created", "closed", "description"], rows: raid),
            Table(name: "members", header: ["handle", "name", "role", "capacity", "rate", "rate_unit"], rows: members),
            Table(name: "sprints", header: ["name", "board", "state", "start", "end", "goal"], rows: sprints),
            Table(name: "time", header: ["day", "member", "task", "hours"], rows: time),
        ]
    }

    /// One table as CSV: a header row, then the rows, each line ended by CRLF (RFC 4180).
    public static func csv(_ table: Table) throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: table.header)
        for row in table.rows { try writer.write(row: row.map(inert)) }
        writer.stream.close()
        var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        if !data.isEmpty { data.append(contentsOf: [0x0D, 0x0A]) }
        return data
    }

    /// Text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `@`, or `-` before
    /// something that is not a number) gets a leading apostrophe, which spreadsheets show as text.
    static func inert(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "@", "\t", "\r": return "'" + cell
        case "-": return Double(cell) == nil ? "'" + cell : cell
        default: return cell
        }
    }
}
