/// Someone on the team. The handle is the Unix user name by default, which is how the journal and
/// the live sessions recognise people, so it never changes once created.
public struct Member: DescribedEntity, Hashable {
    public static let kind = EntityKind.member
    public static let stored: [StoredField<Member>] = [
        .text("id", \.handle, required: true), .text("name", \.name), .text("role", \.role), .real("capacity", \.capacity, orElse: 1),
        .optionalReal("costRate", \.costRate),
    ]
    public static let fieldNames = stored.map(\.name)
    public static var blank: Member { Member(handle: "", name: "") }

    public var handle: String
    public var name: String
    public var role: String
    /// Share of a full-time week available to the project, 0–1.
    public var capacity: Double
    public var costRate: Double?

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
        .derivedID { $0.id }, .text("name", \.name, required: true), .text("keyPrefix", \.keyPrefix, required: true),
        .count("bandMedium", \.bands.medium, orElse: RiskBands.standard.medium), .count("bandHigh", \.bands.high, orElse: RiskBands.standard.high),
        .count("bandCritical", \.bands.critical, orElse: RiskBands.standard.critical), .day("startDate", \.startDate),
        .count("workdays", \.workdays, orElse: WorkCalendar.mondayToFriday),
    ]
    public static let fieldNames = stored.map(\.name)
    public static var blank: ProjectInfo { ProjectInfo(name: "", keyPrefix: "") }
    public static let singletonID = "project"

    public var name: String
    public var keyPrefix: String
    public var bands: RiskBands
    /// The timeline's first day (nil until set; schedules then start today).
    public var startDate: Day?
    public var workdays: Int

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
