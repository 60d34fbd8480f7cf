import Foundation
import Planning

/// GitHub issues and Projects as the `gh` CLI prints them: `gh issue list --json …` (a list of
/// issues) or `gh project item-list N --format json` (an object with `items`). An issue keeps the
/// same external id in both (`github:owner/repo#12`), so importing the issues and then the project
/// updates the same cards; the project's Status field becomes the column.
public enum GitHubItems {
    public static func read(_ data: Data) throws -> ImportBatch {
        let root = try JSONValue.parse(data)
        var batch = ImportBatch(source: "github")
        if root.raw is [Any] {
            for issue in try root.array() { batch.items.append(try Self.issue(issue)) }
        } else {
            let items = root.at("items")
            guard !items.isNull else { throw ImportError("top level", "expected gh issue list's list of issues or gh project item-list's object with items") }
            var statuses: [String] = []
            for entry in try items.array() {
                let item = try Self.projectItem(entry)
                if let s = item.column, !statuses.contains(s) { statuses.append(s) }
                batch.items.append(item)
            }
            batch.columns = statuses
        }
        return batch
    }

    static func external(url: String?, fallback: String) -> String {
        guard let url, let r = url.range(of: "github.com/") else { return "github:\(fallback)" }
        let parts = url[r.upperBound...].split(separator: "/")
        guard parts.count >= 4, let n = Int(parts[3]) else { return "github:\(fallback)" }
        return "github:\(parts[0])/\(parts[1])#\(n)"
    }

    static func issue(_ v: JSONValue) throws -> ImportBatch.Item {
        let number = try v.at("number").string() ?? ""
        var item = ImportBatch.Item(externalID: external(url: try v.at("url").string(), fallback: "#\(number)"), title: try v.at("title").string() ?? "")
        item.description = try v.at("body").string() ?? ""
        let state = try v.at("state").string()?.uppercased()
        item.done = state == "CLOSED" || state == "MERGED"
        item.labels = try v.at("labels").array().compactMap { l in try l.raw is String ? l.string() : l.at("name").string() }
        item.assignee = try v.at("assignees").array().first.flatMap { a in try a.raw is String ? a.string() : a.at("login").string() }
        item.createdAt = try v.at("createdAt").date()
        item.resolvedAt = try v.at("closedAt").date()
        item.due = try v.at("milestone").at("dueOn").date().map { Day.containing($0, in: TimeZone(identifier: "UTC")!) }
        item.sprint = try v.at("milestone").at("title").string()
        item.type = item.labels.contains { $0.lowercased() == "bug" } ? .bug : .feature
        return item
    }

    static func projectItem(_ v: JSONValue) throws -> ImportBatch.Item {
        let content = v.at("content")
        let id = try v.at("id").string() ?? ""
        let url = try content.at("url").string()
        var item = ImportBatch.Item(externalID: url == nil ? "github-item:\(id)" : external(url: url, fallback: id),
                                    title: try v.at("title").string() ?? content.at("title").string() ?? "")
        item.description = try content.at("body").string() ?? ""
        item.column = try v.at("status").string()
        item.done = ["done", "closed", "complete", "completed", "shipped"].contains(item.column?.lowercased() ?? "")
        item.labels = try v.at("labels").array().compactMap { l in try l.raw is String ? l.string() : l.at("name").string() }
        item.assignee = try v.at("assignees").array().first.flatMap { a in try a.raw is String ? a.string() : a.at("login").string() }
        for field in ["estimate", "points", "story points", "size"] {
            if let n = try? v.at(field).number() { item.estimate = n; break }
        }
        item.sprint = try v.at("iteration").at("title").string() ?? v.at("milestone").at("title").string()
        if let due = try? v.at("due date").date() ?? v.at("target date").date() { item.due = Day.containing(due, in: TimeZone(identifier: "UTC")!) }
        item.type = item.labels.contains { $0.lowercased() == "bug" } ? .bug : .feature
        return item
    }
}
