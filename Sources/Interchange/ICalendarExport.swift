import Foundation
import Planning

/// The project's dates as an iCalendar file (RFC 5545) that a calendar subscribes to or imports:
/// milestones on their forecast day, task deadlines, sprints from start to end, RAID review and
/// due dates, card due dates. All-day events; each UID is stable (the entity's id and what the
/// date is), so a re-import updates events instead of doubling them.
public enum ICalendarExport {
    public static func render(_ p: ProjectSnapshot, schedule: Schedule?, stamp: Date) -> String {
        var events: [(uid: String, day: Day, end: Day?, summary: String, description: String, categories: String)] = []
        if let schedule {
            for id in schedule.order {
                guard let t = schedule.tasks[id], let task = p.tasks[id] else { continue }
                if t.isMilestone && !t.isPhase {
                    events.append(("\(id)-milestone", t.finish, nil, "◆ \(t.key) \(t.name)", "Milestone of \(p.info.name)" + (task.deadline.map { ", deadline \($0)" } ?? ""), "Milestone"))
                }
                if let deadline = task.deadline {
                    events.append(("\(id)-deadline", deadline, nil, "Deadline: \(t.key) \(t.name)", "Forecast finish \(t.finish)\(t.deadlineBroken ? ", after the deadline" : "")", "Deadline"))
                }
            }
        }
        for s in p.sprints.values.sorted(by: { $0.name < $1.name }) {
            guard let start = s.start, let end = s.end else { continue }
            events.append(("\(s.id)-sprint", start, end.adding(days: 1), s.name, s.goal.isEmpty ? "Sprint of \(p.boards[s.boardID]?.name ?? "the board")" : "Goal: \(s.goal)", "Sprint"))
        }
        for r in p.raidItems.values.sorted(by: { ($0.type.rawValue, $0.number) < ($1.type.rawValue, $1.number) }) where !r.isClosed {
            if let review = r.reviewDate {
                events.append(("\(r.id)-review", review, nil, "Review \(r.key) \(r.title)", "Review of \(r.type.withArticle)" + (r.owner.map { ", owner \($0)" } ?? ""), "Review"))
            }
            if let due = r.due {
                events.append(("\(r.id)-due", due, nil, "Due: \(r.key) \(r.title)", "\(r.type.rawValue.capitalized) due" + (r.owner.map { ", owner \($0)" } ?? ""), "Due"))
            }
        }
        for c in p.cards.values.sorted(by: { $0.number < $1.number }) where !c.archived {
            guard let due = c.due else { continue }
            events.append(("\(c.id)-due", due, nil, "Due: \(c.key) \(c.title)", c.assignee.map { "Assigned to \($0)" } ?? "", "Due"))
        }
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Gantry//Gantry project export//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:\(text(p.info.name))"]
        let dtstamp = utc(stamp)
        for e in events {
            lines += ["BEGIN:VEVENT", "UID:\(e.uid)@gantry", "DTSTAMP:\(dtstamp)", "DTSTART;VALUE=DATE:\(compact(e.day))",
                      "DTEND;VALUE=DATE:\(compact(e.end ?? e.day.adding(days: 1)))", "SUMMARY:\(text(e.summary))"]
            if !e.description.isEmpty { lines.append("DESCRIPTION:\(text(e.description))") }
            lines += ["CATEGORIES:\(text(e.categories))", "TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ d: Day) -> String { d.description.replacingOccurrences(of: "-", with: "") }

    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(compact(Day(ordinal: days)))T\(two(rest / 3600))\(two(rest % 3600 / 60))\(two(rest % 60))Z"
    }

    /// TEXT as RFC 5545 §3.3.11 escapes it; control characters other than line breaks dropped.
    static func text(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": out += "\\n"
            default:
                if c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) { out.append(c) }
            }
        }
        return out
    }

    /// Folds a content line at 75 octets (§3.1), never inside a UTF-8 sequence: the rest goes on
    /// lines that start with a space.
    static func fold(_ line: String) -> String {
        var out: [String] = []
        var current = "", octets = 0
        for c in line {
            let n = String(c).utf8.count
            let limit = out.isEmpty ? 75 : 74
            if octets + n > limit {
                out.append(current)
                current = ""
                octets = 0
            }
            current.append(c)
            octets += n
        }
        out.append(current)
        return out.joined(separator: "\r\n ")
    }
}
