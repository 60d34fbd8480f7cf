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
public struct Card: DescribedEntity, Hashable {
    public static let kind = EntityKind.card
    public static let stored: [StoredField<Card>] = [
        .text("id", \.id, required: true), .text("key", \.key, emptyIsNull: true), .count("number", \.number, zeroIsNull: true),
        .text("boardID", \.boardID, required: true), .text("columnID", \.columnID, required: true), .real("rank", \.rank),
        .text("title", \.title, required: true), .text("description", \.description), .choice("type", \.type, orElse: .feature),
        .choice("priority", \.priority, orElse: .medium), .optionalText("assignee", \.assignee), .list("labels", \.labels),
        .optionalReal("estimate", \.estimate), .day("due", \.due), .optionalText("blockedReason", \.blockedReason),
        .optionalText("parentID", \.parentID), .time("enteredColumnAt", \.enteredColumnAt), .time("createdAt", \.createdAt),
        .flag("archived", \.archived),
    ]
    public static let fieldNames = stored.map(\.name)
    public static var blank: Card { Card(id: "", boardID: "", columnID: "", rank: 0, title: "", enteredColumnAt: .distantPast, createdAt: .distantPast) }

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
