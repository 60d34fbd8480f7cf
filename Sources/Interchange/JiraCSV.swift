import CSV
import Foundation
import Planning

/// Jira's "Export → CSV (all fields)": one row per issue, with repeated columns for labels and
/// sprints. Keeps the key, summary, type, status (as the column), priority, assignee, labels,
/// story points, sprint, epic link or parent, description, due date, and created and resolved
/// times, so lead time carries over (the CSV has no status history; cycle time is counted from
/// creation for imported issues).
public enum JiraCSV {
    public static func read(_ data: Data) throws -> ImportBatch {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else { throw ImportError("", "not UTF-8 text; export the CSV again as UTF-8") }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw ImportError("line 1", "no header row")
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        func columns(_ names: String...) -> [Int] {
            let wanted = Set(names.map { $0.lowercased() })
            return header.indices.filter { wanted.contains(header[$0].lowercased()) }
        }
        let key = columns("Issue key"), summary = columns("Summary")
        guard let keyColumn = key.first, let summaryColumn = summary.first else {
            throw ImportError("line 1", "not a Jira CSV export: it needs the columns Issue key and Summary (found \(header.prefix(6).joined(separator: ", "))…)")
        }
        let idColumn = columns("Issue id").first, type = columns("Issue Type").first, status = columns("Status").first
        let priority = columns("Priority").first, assignee = columns("Assignee").first, labels = columns("Labels")
        let points = columns("Custom field (Story Points)", "Custom field (Story point estimate)", "Story Points", "Story point estimate").first
        let sprints = columns("Sprint"), epic = columns("Custom field (Epic Link)", "Epic Link").first, parent = columns("Parent", "Parent id").first
        let description = columns("Description").first, due = columns("Due Date", "Due date").first
        let created = columns("Created").first, resolved = columns("Resolved").first, resolution = columns("Resolution").first
        let statusCategory = columns("Status Category").first

        var batch = ImportBatch(source: "jira")
        let dates = Dates()
        var rows: [(line: Int, fields: [String])] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.count == 1 && row[0].isEmpty { continue }
            guard row.count == header.count else {
                throw ImportError("row \(line)", "has \(row.count) fields, the header has \(header.count) (a quote left open, or a line cut short?)")
            }
            rows.append((line, row))
        }
        var keyByID: [String: String] = [:]
        if let idColumn { for r in rows { keyByID[r.fields[idColumn]] = r.fields[keyColumn] } }
        var statuses: [String] = []
        for r in rows {
            let f = r.fields
            func value(_ c: Int?) -> String? { c.map { f[$0].trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 } }
            let place = "row \(r.line) (\(f[keyColumn]))"
            guard let issue = value(keyColumn) else { throw ImportError("row \(r.line)", "Issue key is empty") }
            var item = ImportBatch.Item(externalID: "jira:\(issue)", title: f[summaryColumn])
            item.description = value(description) ?? ""
            item.column = value(status)
            if let s = item.column, !statuses.contains(s) { statuses.append(s) }
            item.type = Self.type(value(type))
            item.priority = Self.priority(value(priority))
            item.assignee = value(assignee)
            item.labels = labels.compactMap(value).flatMap { $0.split(separator: " ").map(String.init) }
            if let p = value(points) {
                guard let n = Double(p.replacingOccurrences(of: ",", with: ".")) else { throw ImportError("\(place), Story Points", "\"\(p)\" is not a number") }
                item.estimate = n
            }
            item.sprint = sprints.compactMap(value).last
            if let e = value(epic) { item.parent = "jira:\(e)" } else if let p = value(parent) { item.parent = "jira:\(keyByID[p] ?? p)" }
            item.createdAt = try value(created).map { try dates.date($0, place: "\(place), Created") }
            item.resolvedAt = try value(resolved).map { try dates.date($0, place: "\(place), Resolved") }
            item.due = try value(due).map { try dates.date($0, place: "\(place), Due Date") }.map { Day.containing($0) }
            let category = value(statusCategory)?.lowercased()
            item.done = category == "done" || item.resolvedAt != nil || (value(resolution).map { $0.lowercased() != "unresolved" } ?? false)
            if item.type == .bug, let p = value(priority) { item.labels.append("jira-priority-\(p)") }
            batch.items.append(item)
        }
        batch.columns = statuses
        return batch
    }

    static func type(_ s: String?) -> CardType {
        switch s?.lowercased() {
        case "bug", "defect", "incident": return .bug
        case "epic": return .epic
        case "spike", "research": return .spike
        case "task", "sub-task", "subtask", "chore": return .chore
        default: return .feature
        }
    }

    static func priority(_ s: String?) -> Priority {
        switch s?.lowercased() {
        case "highest", "blocker", "urgent", "p0", "p1": return .critical
        case "high", "critical", "major", "p2": return .high
        case "low", "lowest", "minor", "trivial", "p4", "p5": return .low
        default: return .medium
        }
    }

    /// Jira's default "26/Nov/26 10:15 AM", "2026-11-26 10:15", or ISO 8601; the formatters are
    /// made once per file (making one per cell took seconds over 5,000 rows).
    struct Dates {
        let formatters: [DateFormatter] = ["dd/MMM/yy h:mm a", "dd/MMM/yyyy h:mm a", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "dd/MMM/yy", "yyyy-MM-dd"].map {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone.current
            f.dateFormat = $0
            return f
        }

        func date(_ s: String, place: String) throws -> Date {
            if let d = Self.jiraDefault(s) { return d }
            for f in formatters { if let d = f.date(from: s) { return d } }
            if let d = JSONValue.date(s) { return d }
            throw ImportError(place, "\"\(s)\" is not a date Jira writes (such as 26/Nov/26 10:15 AM)")
        }

        static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

        /// Jira's default form, "26/Nov/26 10:15 AM" (every cell of a large export has one or
        /// two), read without a formatter; nil for anything else, which the formatters then try.
        static func jiraDefault(_ s: String) -> Date? {
            let parts = s.split(separator: " ")
            guard parts.count == 3 else { return nil }
            let dmy = parts[0].split(separator: "/"), hm = parts[1].split(separator: ":")
            guard dmy.count == 3, hm.count == 2, let day = Int(dmy[0]), let month = months.firstIndex(of: dmy[1].lowercased()),
                  var year = Int(dmy[2]), var hour = Int(hm[0]), let minute = Int(hm[1]), (1...12).contains(hour), (0...59).contains(minute) else { return nil }
            let meridiem = parts[2].uppercased()
            guard meridiem == "AM" || meridiem == "PM" else { return nil }
            if dmy[2].count == 2 { year += 2000 }
            hour = hour % 12 + (meridiem == "PM" ? 12 : 0)
            guard let date = Day(year: year, month: month + 1, day: day) else { return nil }
            let midnight = date.start(in: TimeZone.current)
            let moment = midnight.addingTimeInterval(Double(hour * 3600 + minute * 60))
            // Across a change of clocks the hours since midnight are not the wall-clock hours.
            let shift = TimeZone.current.secondsFromGMT(for: midnight) - TimeZone.current.secondsFromGMT(for: moment)
            return moment.addingTimeInterval(Double(shift))
        }
    }
}
