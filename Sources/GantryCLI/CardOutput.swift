import Foundation
import Planning
import PlanStore

/// How cards are printed: the documented JSON fields (README, "JSON output") and the table.
enum CardOutput {
    /// `raid` is the keys of the RAID items linked to the card (`ProjectSnapshot.raidKeysByCard`).
    static func json(_ c: Card, _ p: ProjectSnapshot, now: Date, raid: [String], into o: inout JSONObjectWriter) {
        o.string("key", c.key); o.string("id", c.id); o.string("title", c.title)
        o.string("description", c.description); o.string("type", c.type.rawValue)
        o.string("priority", c.priority.rawValue); o.string("board", p.boards[c.boardID]?.name)
        o.string("column", p.columns[c.columnID]?.name); o.string("assignee", c.assignee)
        o.strings("labels", c.labels); o.number("estimate", c.estimate)
        o.string("due", c.due?.description); o.bool("blocked", c.isBlocked); o.string("blockedReason", c.blockedReason)
        o.string("epic", c.parentID.flatMap { p.cards[$0]?.key }); o.number("rank", c.rank)
        o.string("enteredColumnAt", Timestamp.iso(c.enteredColumnAt)); o.int("daysInColumn", c.daysInColumn(now: now))
        o.string("createdAt", Timestamp.iso(c.createdAt)); o.bool("archived", c.archived)
        o.strings("raid", raid)
        o.string("sprint", c.sprintID.flatMap { p.sprints[$0]?.name }); o.string("severity", c.severity?.rawValue)
        o.string("foundIn", c.foundIn); o.string("fixedIn", c.fixedIn); o.number("hours", c.hours)
    }

    /// One card as a JSON object on its own.
    static func json(_ c: Card, _ p: ProjectSnapshot, now: Date) -> String {
        var o = JSONObjectWriter()
        json(c, p, now: now, raid: p.raidItems(linkedTo: c).map(\.key), into: &o)
        return String(decoding: o.finished(), as: UTF8.self)
    }

    static var table: TextTable { TextTable("KEY", "COLUMN", "TYPE", "PRIORITY", "ASSIGNEE", "AGE", "DUE", "TITLE") }

    static func row(_ c: Card, _ p: ProjectSnapshot, now: Date) -> [String] {
        [c.key, p.columns[c.columnID]?.name ?? "?", c.type.rawValue, c.priority.rawValue, c.assignee ?? "-",
         "\(c.daysInColumn(now: now))d", c.due?.description ?? "-",
         (c.isBlocked ? "[BLOCKED] " : "") + (c.archived ? "[archived] " : "") + c.title]
    }
}
