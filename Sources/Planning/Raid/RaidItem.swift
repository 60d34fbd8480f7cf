import Foundation

/// The five logs of a RAID log. One entity type serves them all, so the change mechanism, the
/// store, the filter and the CLI treat every entry alike; fields a type does not use stay empty.
public enum RaidType: String, Sendable, CaseIterable, Codable {
    case risk, assumption, issue, dependency, decision

    /// Key prefix: R-1, A-1, I-1, D-1, DEC-1.
    public var prefix: String {
        switch self {
        case .risk: return "R"
        case .assumption: return "A"
        case .issue: return "I"
        case .dependency: return "D"
        case .decision: return "DEC"
        }
    }

    /// "a risk", "an issue".
    public var withArticle: String { (self == .assumption || self == .issue ? "an " : "a ") + rawValue }

    public var plural: String { self == .dependency ? "dependencies" : rawValue + "s" }

    public var statuses: [String] {
        switch self {
        case .risk: return ["open", "monitoring", "closed", "occurred"]
        case .assumption: return ["open", "validated", "invalid"]
        case .issue: return ["open", "in-progress", "resolved", "closed"]
        case .dependency: return ["open", "at-risk", "delivered", "closed"]
        case .decision: return ["proposed", "decided", "superseded"]
        }
    }

    /// Statuses that count as finished (what `close` sets first).
    public var closedStatuses: [String] { Self.closed[self] ?? [] }

    /// Read for every item on every RAID frame (`isClosed`): built once.
    private static let closed: [RaidType: [String]] = [
        .risk: ["closed", "occurred"], .assumption: ["validated", "invalid"], .issue: ["resolved", "closed"],
        .dependency: ["delivered", "closed"], .decision: ["superseded"],
    ]

    /// What `close` sets unless told otherwise. A decision stays in force until superseded.
    public var closeStatus: String {
        switch self {
        case .risk, .issue, .dependency: return "closed"
        case .assumption: return "validated"
        case .decision: return "superseded"
        }
    }

    public static func fromPrefix(ofKey key: String) -> RaidType? {
        let prefix = key.uppercased().prefix { $0 != "-" }
        return allCases.first { $0.prefix == prefix }
    }
}

/// A response to a risk. Threats and opportunities have different strategies (PMBOK).
public enum RiskStrategy: String, Sendable, CaseIterable {
    case avoid, mitigate, transfer, accept, escalate, exploit, enhance, share

    public static let threat: [RiskStrategy] = [.avoid, .mitigate, .transfer, .accept, .escalate]
    public static let opportunity: [RiskStrategy] = [.exploit, .enhance, .share, .accept, .escalate]
}

/// One RAID entry: a risk (threat or opportunity), an assumption, an issue, a dependency or a
/// decision. Keys come from the store, per type (`R-4`, `DEC-2`).
public struct RaidItem: DescribedEntity, Hashable {
    public static let kind = EntityKind.raid
    /// Its stored fields are its descriptors' (`RaidField`), which the form and the command line also read.
    public static let stored: [StoredField<RaidItem>] = RaidField.stored.map(\.storage)
    public static let fieldNames = stored.map(\.name)
    public static let blank = RaidItem(id: "", type: .risk, title: "", createdAt: .distantPast)

    public var id: String
    public var key: String
    public var number: Int
    public var type: RaidType
    public var title: String
    public var description: String
    public var owner: String?
    public var status: String
    public var category: String
    public var cause: String
    public var event: String
    public var effect: String
    public var probability: Int?
    public var impact: Int?
    public var residualProbability: Int?
    public var residualImpact: Int?
    public var opportunity: Bool
    public var strategy: RiskStrategy?
    public var actions: String
    public var trigger: String
    public var contingency: String
    public var proximity: Day?
    public var reviewDate: Day?
    /// Issues: low, medium, high, critical.
    public var severity: String?
    /// Issues: due; assumptions: validate by; dependencies: needed by.
    public var due: Day?
    public var resolution: String
    /// Dependencies: on whom or what (a team, a vendor, a system).
    public var dependsOn: String
    public var decidedBy: String?
    public var decidedOn: Day?
    public var rationale: String
    public var alternatives: String
    /// For an issue that was a risk: the risk's id.
    public var origin: String?
    public var createdAt: Date
    public var closedAt: Date?

    public init(id: String = UUID().uuidString.lowercased(), type: RaidType, title: String, createdAt: Date) {
        self.id = id
        key = ""
        number = 0
        self.type = type
        self.title = title
        description = ""
        owner = nil
        status = type.statuses[0]
        category = ""
        cause = ""
        event = ""
        effect = ""
        opportunity = false
        actions = ""
        trigger = ""
        contingency = ""
        resolution = ""
        dependsOn = ""
        rationale = ""
        alternatives = ""
        self.createdAt = createdAt
    }

    public var label: String { key.isEmpty ? EntityEdit.pendingKey(id) : key }
    public var isClosed: Bool { type.closedStatuses.contains(status) }

    /// Inherent score: probability × impact (nil unless both are set).
    public var score: Int? { probability.flatMap { p in impact.map { p * $0 } } }

    /// Days ahead within which a risk's proximity makes it stand out (the `!`, `is:near`).
    public static let nearWindow = 14

    /// The risk may happen within `nearWindow` days of `today` (or its proximity has passed).
    public func isNear(today: Day) -> Bool { proximity.map { $0 - today <= Self.nearWindow } ?? false }
    public var residualScore: Int? { residualProbability.flatMap { p in residualImpact.map { p * $0 } } }
}

/// A link from a RAID item to the work it concerns (a card now; timeline tasks later).
public struct RaidLink: DescribedEntity, Hashable {
    public static let kind = EntityKind.raidLink
    public static let stored: [StoredField<RaidLink>] = [
        .derivedID { $0.id },
        .text("itemID", get: { $0.itemID }, set: { $0.itemID = $1 }, required: true),
        .text("targetID", get: { $0.targetID }, set: { $0.targetID = $1 }, required: true),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = RaidLink(itemID: "", targetID: "")

    public var itemID: String
    public var targetID: String

    public init(itemID: String, targetID: String) {
        self.itemID = itemID
        self.targetID = targetID
    }

    public var id: String { "\(itemID)|\(targetID)" }
    public var label: String { "link" }
}
