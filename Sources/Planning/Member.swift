/// What a member's cost rate is per.
public enum RateUnit: String, Sendable, CaseIterable, Codable {
    case hour, day
}

/// Someone on the team. The handle is the Unix user name by default, which is how the journal and
/// the live sessions recognise people, so it never changes once created.
public struct Member: DescribedEntity, Hashable {
    public static let kind = EntityKind.member
    public static let stored: [StoredField<Member>] = [
        .text("id", get: { $0.handle }, set: { $0.handle = $1 }, required: true),
        .text("name", get: { $0.name }, set: { $0.name = $1 }),
        .text("role", get: { $0.role }, set: { $0.role = $1 }),
        .real("capacity", get: { $0.capacity }, set: { $0.capacity = $1 }, orElse: 1),
        .optionalReal("costRate", get: { $0.costRate }, set: { $0.costRate = $1 }),
        .count("workdays", get: { $0.workdays }, set: { $0.workdays = $1 }),
        .choice("rateUnit", get: { $0.rateUnit }, set: { $0.rateUnit = $1 }, orElse: .hour),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = Member(handle: "", name: "")

    public var handle: String
    public var name: String
    public var role: String
    /// Share of a full-time week available to the project, 0–1.
    public var capacity: Double
    public var costRate: Double?
    /// The weekdays this person works (`WorkCalendar` bits); 0: the project's working days.
    public var workdays: Int = 0
    /// What `costRate` is per: an hour or a working day.
    public var rateUnit: RateUnit = .hour

    public init(handle: String, name: String, role: String = "", capacity: Double = 1, costRate: Double? = nil) {
        self.handle = handle
        self.name = name
        self.role = role
        self.capacity = capacity
        self.costRate = costRate
    }

    public var id: String { handle }
    public var label: String { handle }
}

public struct ProjectInfo: DescribedEntity, Hashable {
    public static let kind = EntityKind.project
    public static let stored: [StoredField<ProjectInfo>] = [
        .derivedID { $0.id },
        .text("name", get: { $0.name }, set: { $0.name = $1 }, required: true),
        .text("keyPrefix", get: { $0.keyPrefix }, set: { $0.keyPrefix = $1 }, required: true),
        .count("bandMedium", get: { $0.bands.medium }, set: { $0.bands.medium = $1 }, orElse: RiskBands.standard.medium),
        .count("bandHigh", get: { $0.bands.high }, set: { $0.bands.high = $1 }, orElse: RiskBands.standard.high),
        .count("bandCritical", get: { $0.bands.critical }, set: { $0.bands.critical = $1 }, orElse: RiskBands.standard.critical),
        .day("startDate", get: { $0.startDate }, set: { $0.startDate = $1 }),
        .count("workdays", get: { $0.workdays }, set: { $0.workdays = $1 }, orElse: WorkCalendar.mondayToFriday),
        .text("bugAgeLimits", get: { $0.bugAgeLimits.stored }, set: { $0.bugAgeLimits = BugAgeLimits(stored: $1) }),
        .real("hoursPerDay", get: { $0.hoursPerDay }, set: { $0.hoursPerDay = $1 }, orElse: 8),
        .text("currency", get: { $0.currency }, set: { $0.currency = $1.isEmpty ? "EUR" : $1 }),
        .optionalReal("budget", get: { $0.budget }, set: { $0.budget = $1 }),
        .optionalCount("riskAppetite", get: { $0.riskAppetite }, set: { $0.riskAppetite = $1 }),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = ProjectInfo(name: "", keyPrefix: "")
    public static let singletonID = "project"

    public var name: String
    public var keyPrefix: String
    public var bands: RiskBands
    /// The timeline's first day (nil until set; schedules then start today).
    public var startDate: Day?
    public var workdays: Int
    public var bugAgeLimits: BugAgeLimits = .standard
    /// A full working day, in hours: efforts in days and availability are counted with it.
    public var hoursPerDay: Double = 8
    /// ISO 4217 code costs are in.
    public var currency = "EUR"
    /// What the whole project may cost.
    public var budget: Double?
    /// The highest risk score the sponsors accept without escalation; an open risk above it
    /// turns the status report's risk area red. Nil: the high band's lowest score.
    public var riskAppetite: Int?

    public init(name: String, keyPrefix: String, bands: RiskBands = .standard, startDate: Day? = nil, workdays: Int = WorkCalendar.mondayToFriday) {
        self.name = name
        self.keyPrefix = keyPrefix
        self.bands = bands
        self.startDate = startDate
        self.workdays = workdays
    }

    public var id: String { Self.singletonID }
    public var label: String { "project" }
}
