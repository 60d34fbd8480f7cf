import Foundation

public enum CardType: String, Sendable, CaseIterable, Codable {
    case feature, bug, chore, spike, epic
}

/// Ordered from most to least urgent, so `priority>=high` reads naturally in filters.
public enum Priority: String, Sendable, CaseIterable, Codable, Comparable {
    case critical, high, medium, low

    public var rank: Int {
        switch self {
        case .critical: return 3
        case .high: return 2
        case .medium: return 1
        case .low: return 0
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}

/// A unit of work on a board.
///
/// `id` is a stable UUID; `key` (`GAN-42`) is what people type and is allocated by the store, so
/// it is unique across processes and never reused. `enteredColumnAt` drives card aging.
public struct Card: Entity, Hashable {
    public static let kind = EntityKind.card
    public static let fieldNames = [
        "id", "key", "number", "boardID", "columnID", "rank", "title", "description", "type", "priority",
        "assignee", "labels", "estimate", "due", "blockedReason", "parentID", "enteredColumnAt",
        "createdAt", "archived",
    ]

    public var id: String
    public var key: String
    public var number: Int
    public var boardID: String
    public var columnID: String
    public var rank: Double
    public var title: String
    public var description: String
    public var type: CardType
    public var priority: Priority
    public var assignee: String?
    public var labels: [String]
    public var estimate: Double?
    public var due: Day?
    public var blockedReason: String?
    public var parentID: String?
    public var enteredColumnAt: Date
    public var createdAt: Date
    public var archived: Bool

    public init(id: String = UUID().uuidString.lowercased(), key: String = "", number: Int = 0,
                boardID: String, columnID: String, rank: Double, title: String, description: String = "",
                type: CardType = .feature, priority: Priority = .medium, assignee: String? = nil,
                labels: [String] = [], estimate: Double? = nil, due: Day? = nil, blockedReason: String? = nil,
                parentID: String? = nil, enteredColumnAt: Date, createdAt: Date, archived: Bool = false) {
        self.id = id
        self.key = key
        self.number = number
        self.boardID = boardID
        self.columnID = columnID
        self.rank = rank
        self.title = title
        self.description = description
        self.type = type
        self.priority = priority
        self.assignee = assignee
        self.labels = labels
        self.estimate = estimate
        self.due = due
        self.blockedReason = blockedReason
        self.parentID = parentID
        self.enteredColumnAt = enteredColumnAt
        self.createdAt = createdAt
        self.archived = archived
    }

    public var isBlocked: Bool { blockedReason != nil }
    /// Stands for the key until the store allocates one; the store puts the key in its place.
    public var label: String { key.isEmpty ? EntityEdit.pendingKey(id) : key }

    /// Whole days the card has spent in its current column at `now`.
    public func daysInColumn(now: Date) -> Int {
        max(0, Int(now.timeIntervalSince(enteredColumnAt) / 86_400))
    }

    public var fields: [String: Value] {
        [
            "id": .text(id), "key": key.isEmpty ? .null : .text(key), "number": number == 0 ? .null : Value(number),
            "boardID": .text(boardID), "columnID": .text(columnID), "rank": .real(rank), "title": .text(title),
            "description": .text(description), "type": .text(type.rawValue), "priority": .text(priority.rawValue),
            "assignee": Value(assignee), "labels": .text(labels.joined(separator: ",")), "estimate": Value(estimate),
            "due": Value(due), "blockedReason": Value(blockedReason), "parentID": Value(parentID),
            "enteredColumnAt": .real(enteredColumnAt.timeIntervalSince1970),
            "createdAt": .real(createdAt.timeIntervalSince1970), "archived": Value(archived),
        ]
    }

    public init(from r: inout FieldReader) throws {
        self.init(
            id: try r.text("id"), key: r.optionalText("key") ?? "", number: r.int("number") ?? 0,
            boardID: try r.text("boardID"), columnID: try r.text("columnID"), rank: r.double("rank") ?? 0,
            title: try r.text("title"), description: r.optionalText("description") ?? "",
            type: CardType(rawValue: r.optionalText("type") ?? "") ?? .feature,
            priority: Priority(rawValue: r.optionalText("priority") ?? "") ?? .medium,
            assignee: r.optionalText("assignee"),
            labels: Card.splitLabels(r.optionalText("labels") ?? ""),
            estimate: r.double("estimate"), due: r.day("due"), blockedReason: r.optionalText("blockedReason"),
            parentID: r.optionalText("parentID"),
            enteredColumnAt: Date(timeIntervalSince1970: r.double("enteredColumnAt") ?? 0),
            createdAt: Date(timeIntervalSince1970: r.double("createdAt") ?? 0),
            archived: r.bool("archived"))
    }

    static func splitLabels(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        var labels: [String] = []
        var start = text.utf8.startIndex
        for i in text.utf8.indices where text.utf8[i] == UInt8(ascii: ",") {
            if start < i { labels.append(String(text[start..<i])) }
            start = text.utf8.index(after: i)
        }
        if start < text.utf8.endIndex { labels.append(String(text[start...])) }
        return labels
    }
}
