/// Someone on the team. The handle is the Unix user name by default, which is how the journal and
/// the live sessions recognise people, so it never changes once created.
public struct Member: Entity, Hashable {
    public static let kind = EntityKind.member
    public static let fieldNames = ["id", "name", "role", "capacity", "costRate"]

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

    public var fields: [String: Value] {
        ["id": .text(handle), "name": .text(name), "role": .text(role),
         "capacity": .real(capacity), "costRate": Value(costRate)]
    }

    public init(from r: inout FieldReader) throws {
        self.init(handle: try r.text("id"), name: r.optionalText("name") ?? "", role: r.optionalText("role") ?? "",
                  capacity: r.double("capacity") ?? 1, costRate: r.double("costRate"))
    }
}

/// Project-wide settings: one row, so project edits travel through the same change mechanism.
public struct ProjectInfo: Entity, Hashable {
    public static let kind = EntityKind.project
    public static let fieldNames = ["id", "name", "keyPrefix", "bandMedium", "bandHigh", "bandCritical", "startDate", "workdays"]
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
    public var fields: [String: Value] {
        ["id": .text(id), "name": .text(name), "keyPrefix": .text(keyPrefix), "bandMedium": Value(bands.medium),
         "bandHigh": Value(bands.high), "bandCritical": Value(bands.critical), "startDate": Value(startDate), "workdays": Value(workdays)]
    }

    public init(from r: inout FieldReader) throws {
        _ = r.optionalText("id")
        let name = try r.text("name"), prefix = try r.text("keyPrefix")
        let standard = RiskBands.standard
        let bands = RiskBands(medium: r.int("bandMedium") ?? standard.medium, high: r.int("bandHigh") ?? standard.high,
                              critical: r.int("bandCritical") ?? standard.critical)
        self.init(name: name, keyPrefix: prefix, bands: bands, startDate: r.day("startDate"),
                  workdays: r.int("workdays") ?? WorkCalendar.mondayToFriday)
    }
}
