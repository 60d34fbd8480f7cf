import Foundation
import Planning

/// Taskwarrior's `task export`: pending, waiting and completed tasks become cards (deleted ones
/// are skipped), the project and tags become labels, due dates and priorities carry over,
/// annotations are appended to the description, and `depends` marks a card blocked by the
/// cards it waits for (Gantry's cards have no dependency links; the timeline's tasks do).
public enum TaskwarriorExport {
    public static func read(_ data: Data) throws -> ImportBatch {
        var batch = ImportBatch(source: "taskwarrior")
        var deleted = 0
        for t in try JSONValue.parse(data).array() {
            let status = try t.at("status").string() ?? "pending"
            if status == "deleted" { deleted += 1; continue }
            let uuid = try t.at("uuid").required()
            var item = ImportBatch.Item(externalID: "taskwarrior:\(uuid)", title: try t.at("description").string() ?? "")
            let notes = try t.at("annotations").array().compactMap { a -> String? in
                guard let text = try a.at("description").string() else { return nil }
                let when = try a.at("entry").date().map { Day.containing($0, in: TimeZone(identifier: "UTC")!).description + ": " } ?? ""
                return "- \(when)\(text)"
            }
            item.description = notes.isEmpty ? "" : "Annotations:\n" + notes.joined(separator: "\n")
            var labels = try t.at("tags").array().compactMap { try $0.string() }
            if let project = try t.at("project").string() { labels.insert(project, at: 0) }
            item.labels = labels
            item.due = try t.at("due").date().map { Day.containing($0) }
            item.createdAt = try t.at("entry").date()
            item.priority = ["H": .high, "M": .medium, "L": .low][try t.at("priority").string() ?? ""] ?? .medium
            switch status {
            case "completed":
                item.done = true
                item.resolvedAt = try t.at("end").date()
            case "waiting":
                item.column = "Backlog"
            default:
                item.column = t.at("start").isNull ? nil : "In progress"
            }
            let depends = t.at("depends")
            if depends.raw is [Any] {
                item.dependsOn = try depends.array().compactMap { try $0.string() }.map { "taskwarrior:\($0)" }
            } else if let list = try depends.string() {
                item.dependsOn = list.split(separator: ",").map { "taskwarrior:\($0.trimmingCharacters(in: .whitespaces))" }
            }
            batch.items.append(item)
        }
        if deleted > 0 { batch.notes.append("\(deleted) deleted task\(deleted == 1 ? " was" : "s were") skipped.") }
        return batch
    }
}
