import Foundation
import Planning
import PlanStore

/// How cards are printed: the documented JSON fields (README, "JSON output") and the table.
enum CardOutput {
    static func json(_ c: Card, _ p: ProjectSnapshot, now: Date) -> JSON {
        JSON.object([
            ("key", .string(c.key)), ("id", .string(c.id)), ("title", .string(c.title)),
            ("description", .string(c.description)), ("type", .string(c.type.rawValue)),
            ("priority", .string(c.priority.rawValue)), ("board", JSON(p.boards[c.boardID]?.name)),
            ("column", JSON(p.columns[c.columnID]?.name)), ("assignee", JSON(c.assignee)),
            ("labels", .array(c.labels.map(JSON.string))), ("estimate", JSON(c.estimate)),
            ("due", JSON(c.due?.description)), ("blocked", .bool(c.isBlocked)), ("blockedReason", JSON(c.blockedReason)),
            ("epic", JSON(c.parentID.flatMap { p.cards[$0]?.key })), ("rank", .number(c.rank)),
            ("enteredColumnAt", .string(Timestamp.iso(c.enteredColumnAt))), ("daysInColumn", .int(c.daysInColumn(now: now))),
            ("createdAt", .string(Timestamp.iso(c.createdAt))), ("archived", .bool(c.archived)),
            ("raid", .array(p.raidItems(linkedTo: c).map { .string($0.key) })),
            ("sprint", JSON(c.sprintID.flatMap { p.sprints[$0]?.name })), ("severity", JSON(c.severity?.rawValue)),
            ("foundIn", JSON(c.foundIn)), ("fixedIn", JSON(c.fixedIn)), ("hours", JSON(c.hours)),
        ])
    }

    static var table: TextTable { TextTable("KEY", "COLUMN", "TYPE", "PRIORITY", "ASSIGNEE", "AGE", "DUE", "TITLE") }

    static func row(_ c: Card, _ p: ProjectSnapshot, now: Date) -> [String] {
        [c.key, p.columns[c.columnID]?.name ?? "?", c.type.rawValue, c.priority.rawValue, c.assignee ?? "-",
         "\(c.daysInColumn(now: now))d", c.due?.description ?? "-",
         (c.isBlocked ? "[BLOCKED] " : "") + (c.archived ? "[archived] " : "") + c.title]
    }
}
