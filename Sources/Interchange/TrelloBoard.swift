import Foundation
import Planning

/// A Trello board's JSON export (board menu → Print, export and share → Export as JSON): lists
/// become columns in their order, cards keep their description, labels (by name, else colour),
/// members, due date and creation time (which Trello keeps in the card id); checklists are
/// written into the description as task lists. Archived cards and lists are skipped unless asked.
public enum TrelloBoard {
    public static func read(_ data: Data, archived: Bool) throws -> ImportBatch {
        let root = try JSONValue.parse(data).object()
        var batch = ImportBatch(source: "trello")
        batch.boardName = try root.at("name").string()
        var lists: [String: (name: String, closed: Bool, pos: Double)] = [:]
        for l in try root.at("lists").array() {
            lists[try l.at("id").required()] = (try l.at("name").string() ?? "List", try l.at("closed").bool(), try l.at("pos").number() ?? 0)
        }
        batch.columns = lists.values.filter { archived || !$0.closed }.sorted { $0.pos < $1.pos }.map(\.name)
        var members: [String: String] = [:]
        for m in try root.at("members").array() {
            let id = try m.at("id").required()
            let user = try m.at("username").string() ?? id
            members[id] = user
            batch.people[user] = try m.at("fullName").string() ?? user
        }
        var labels: [String: String] = [:]
        for l in try root.at("labels").array() {
            let name = try l.at("name").string() ?? ""
            labels[try l.at("id").required()] = name.isEmpty ? (try l.at("color").string() ?? "") : name
        }
        var checklists: [String: [String]] = [:]
        var checklistCount = 0
        for c in try root.at("checklists").array() {
            guard let card = try c.at("idCard").string() else { continue }
            var text = ["", "", "### \(try c.at("name").string() ?? "Checklist")"]
            let items = try c.at("checkItems").array().sorted { (try? $0.at("pos").number() ?? 0) ?? 0 < (try? $1.at("pos").number() ?? 0) ?? 0 }
            for item in items {
                text.append("- [\(try item.at("state").string() == "complete" ? "x" : " ")] \(try item.at("name").string() ?? "")")
            }
            checklists[card, default: []] += checklists[card] == nil ? text : Array(text.dropFirst())
            checklistCount += 1
        }
        var skipped = 0
        let cards = try root.at("cards").array().sorted { a, b in
            let pa = (try? a.at("pos").number()) ?? nil, pb = (try? b.at("pos").number()) ?? nil
            return (pa ?? 0) < (pb ?? 0)
        }
        for c in cards {
            let id = try c.at("id").required()
            let list = try c.at("idList").string().flatMap { lists[$0] }
            let closed = try c.at("closed").bool()
            if !archived && (closed || list?.closed == true) { skipped += 1; continue }
            var item = ImportBatch.Item(externalID: "trello:\(id)", title: try c.at("name").string() ?? "")
            let description = (try c.at("desc").string() ?? "") + (checklists[id].map { $0.joined(separator: "\n") } ?? "")
            item.description = String(description.drop { $0 == "\n" })
            item.column = list?.name
            item.archived = closed || list?.closed == true
            let byID = try c.at("idLabels").array().compactMap { try $0.string().flatMap { labels[$0] } }
            let embedded = try c.at("labels").array().compactMap { l -> String? in
                let name = try l.at("name").string() ?? ""
                return name.isEmpty ? try l.at("color").string() : name
            }
            item.labels = byID.isEmpty ? embedded : byID
            let people = try c.at("idMembers").array().compactMap { try $0.string().flatMap { members[$0] } }
            item.assignee = people.first
            if people.count > 1 { item.description += "\n\nAlso on this card in Trello: \(people.dropFirst().joined(separator: ", "))" }
            item.due = try c.at("due").date().map { Day.containing($0, in: TimeZone(identifier: "UTC")!) }
            item.createdAt = Self.created(fromID: id)
            if try c.at("dueComplete").bool() { item.done = true }
            if ["done", "complete", "completed", "shipped", "closed"].contains(list?.name.lowercased() ?? "") {
                item.done = true
                item.resolvedAt = try c.at("dateLastActivity").date()
            }
            batch.items.append(item)
        }
        if skipped > 0 { batch.notes.append("\(skipped) archived card\(skipped == 1 ? " was" : "s were") skipped (--archived brings them in).") }
        if checklistCount > 0 { batch.notes.append("\(checklistCount) checklist\(checklistCount == 1 ? " was" : "s were") written into card descriptions.") }
        return batch
    }

    /// Trello ids are MongoDB object ids: the first 8 hex digits are the creation time.
    static func created(fromID id: String) -> Date? {
        guard id.count >= 8, let seconds = UInt32(id.prefix(8), radix: 16) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
