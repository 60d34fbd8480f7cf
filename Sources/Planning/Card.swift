import Foundation

public enum CardType: String, Sendable, CaseIterable, Codable {
    case feature, bug, chore, spike, epic
}

/// How bad a bug is: S1 stops people working, S4 is cosmetic. Each has an age past which an
/// open bug stands out (`BugAgeLimits`).
public enum BugSeverity: String, Sendable, CaseIterable, Codable, Comparable {
    case s1 = "S1", s2 = "S2", s3 = "S3", s4 = "S4"

    public init?(text: String) { self.init(rawValue: text.uppercased()) }

    public static func < (lhs: BugSeverity, rhs: BugSeverity) -> Bool { lhs.rawValue < rhs.rawValue }
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
        .text("id", get: { $0.id }, set: { $0.id = $1 }, required: true),
        .text("key", get: { $0.key }, set: { $0.key = $1 }, emptyIsNull: true),
        .count("number", get: { $0.number }, set: { $0.number = $1 }, zeroIsNull: true),
        .text("boardID", get: { $0.boardID }, set: { $0.boardID = $1 }, required: true),
        .text("columnID", get: { $0.columnID }, set: { $0.columnID = $1 }, required: true),
        .real("rank", get: { $0.rank }, set: { $0.rank = $1 }),
        .text("title", get: { $0.title }, set: { $0.title = $1 }, required: true),
        .text("description", get: { $0.description }, set: { $0.description = $1 }),
        .choice("type", get: { $0.type }, set: { $0.type = $1 }, orElse: .feature),
        .choice("priority", get: { $0.priority }, set: { $0.priority = $1 }, orElse: .medium),
        .optionalText("assignee", get: { $0.assignee }, set: { $0.assignee = $1 }),
        .list("labels", get: { $0.labels }, set: { $0.labels = $1 }),
        .optionalReal("estimate", get: { $0.estimate }, set: { $0.estimate = $1 }),
        .day("due", get: { $0.due }, set: { $0.due = $1 }),
        .optionalText("blockedReason", get: { $0.blockedReason }, set: { $0.blockedReason = $1 }),
        .optionalText("parentID", get: { $0.parentID }, set: { $0.parentID = $1 }),
        .time("enteredColumnAt", get: { $0.enteredColumnAt }, set: { $0.enteredColumnAt = $1 }),
        .time("createdAt", get: { $0.createdAt }, set: { $0.createdAt = $1 }),
        .flag("archived", get: { $0.archived }, set: { $0.archived = $1 }),
        .optionalText("sprintID", get: { $0.sprintID }, set: { $0.sprintID = $1 }),
        StoredField("severity", read: { Value($0.severity?.rawValue) }, write: { $0.severity = $1.string.flatMap { BugSeverity(rawValue: $0) } }),
        .optionalText("foundIn", get: { $0.foundIn }, set: { $0.foundIn = $1 }),
        .optionalText("fixedIn", get: { $0.fixedIn }, set: { $0.fixedIn = $1 }),
        .optionalReal("hours", get: { $0.hours }, set: { $0.hours = $1 }),
        .optionalText("externalID", get: { $0.externalID }, set: { $0.externalID = $1 }),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = Card(id: "", boardID: "", columnID: "", rank: 0, title: "", enteredColumnAt: .distantPast, createdAt: .distantPast)

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
    /// The sprint the card is planned in; none for the backlog.
    public var sprintID: String?
    /// Bugs only: how bad, S1 (worst) to S4, and the versions it was found and fixed in.
    public var severity: BugSeverity?
    public var foundIn: String?
    public var fixedIn: String?
    /// Work left in hours, when someone estimated it so: counted in its assignee's workload
    /// while the card is in the active sprint.
    public var hours: Double?
    /// Where an imported card came from ("jira:PROJ-12", "trello:5f…"): a later import of a newer
    /// export updates this card instead of adding a second.
    public var externalID: String?

    public init(id: String = UUID().uuidString.lowercased(), key: String = "", number: Int = 0,
                boardID: String, columnID: String, rank: Double, title: String, description: String = "",
                type: CardType = .feature, priority: Priority = .medium, assignee: String? = nil,
                labels: [String] = [], estimate: Double? = nil, due: Day? = nil, blockedReason: String? = nil,
                parentID: String? = nil, enteredColumnAt: Date, createdAt: Date, archived: Bool = false,
                sprintID: String? = nil, severity: BugSeverity? = nil, foundIn: String? = nil, fixedIn: String? = nil) {
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
        self.sprintID = sprintID
        self.severity = severity
        self.foundIn = foundIn
        self.fixedIn = fixedIn
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
        var text = text
        // Over the bytes: on every card of a large board, this is most of reading a card.
        text.withUTF8 { bytes in
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: ",") {
                if start < i { labels.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
        }
        return labels
    }
}
