import Foundation

/// A piece of scheduled work, `T-n`. Duration is in working days; 0 makes a milestone. A task
/// with children is a phase: its dates and progress roll up from them.
public struct PlanTask: DescribedEntity, Hashable {
    public static let kind = EntityKind.task
    public static let stored: [StoredField<PlanTask>] = [
        .text("id", get: { $0.id }, set: { $0.id = $1 }, required: true),
        .text("key", get: { $0.key }, set: { $0.key = $1 }, emptyIsNull: true),
        .count("number", get: { $0.number }, set: { $0.number = $1 }, zeroIsNull: true),
        .text("name", get: { $0.name }, set: { $0.name = $1 }, required: true),
        .count("duration", get: { $0.duration }, set: { $0.duration = $1 }),
        .optionalText("parentID", get: { $0.parentID }, set: { $0.parentID = $1 }),
        .count("position", get: { $0.position }, set: { $0.position = $1 }),
        .list("assignees", get: { $0.assignees }, set: { $0.assignees = $1 }),
        .count("progress", get: { $0.progress }, set: { $0.progress = $1 }),
        .day("startNoEarlier", get: { $0.startNoEarlier }, set: { $0.startNoEarlier = $1 }),
        .day("deadline", get: { $0.deadline }, set: { $0.deadline = $1 }),
        .day("actualStart", get: { $0.actualStart }, set: { $0.actualStart = $1 }),
        .day("actualFinish", get: { $0.actualFinish }, set: { $0.actualFinish = $1 }),
        .time("createdAt", get: { $0.createdAt }, set: { $0.createdAt = $1 }),
        .optionalReal("budget", get: { $0.budget }, set: { $0.budget = $1 }),
        .optionalText("externalID", get: { $0.externalID }, set: { $0.externalID = $1 }),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = PlanTask(id: "", name: "", duration: 0, createdAt: .distantPast)

    public var id: String
    public var key: String
    public var number: Int
    public var name: String
    public var duration: Int
    public var parentID: String?
    public var position: Int
    public var assignees: [String]
    public var progress: Int
    /// What a phase (or task) may cost, to compare with its planned and actual cost.
    public var budget: Double?
    public var startNoEarlier: Day?
    public var deadline: Day?
    public var actualStart: Day?
    public var actualFinish: Day?
    public var createdAt: Date
    /// Where an imported task came from ("mspdi:12"): a later import updates it in place.
    public var externalID: String?

    public init(id: String = UUID().uuidString.lowercased(), name: String, duration: Int, parentID: String? = nil, position: Int = 0,
                createdAt: Date) {
        self.id = id
        key = ""
        number = 0
        self.name = name
        self.duration = duration
        self.parentID = parentID
        self.position = position
        assignees = []
        progress = 0
        self.createdAt = createdAt
    }

    public var label: String { key.isEmpty ? EntityEdit.pendingKey(id) : key }
    /// Task keys: T-1, T-2, …
    public static let keyPrefix = "T"
    public var isMilestone: Bool { duration == 0 }


}

/// How a successor depends on its predecessor (MS Project and TaskJuggler conventions).
public enum DependencyType: String, Sendable, CaseIterable {
    case fs = "FS", ss = "SS", ff = "FF", sf = "SF"
}

/// A dependency between two tasks, with a lag in working days (negative: a lead).
public struct TaskLink: DescribedEntity, Hashable {
    public static let kind = EntityKind.taskLink
    public static let stored: [StoredField<TaskLink>] = [
        .derivedID { $0.id },
        .text("predID", get: { $0.predID }, set: { $0.predID = $1 }, required: true),
        .text("succID", get: { $0.succID }, set: { $0.succID = $1 }, required: true),
        .choice("type", get: { $0.type }, set: { $0.type = $1 }, orElse: .fs),
        .count("lag", get: { $0.lag }, set: { $0.lag = $1 }),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = TaskLink(predID: "", succID: "")

    public var predID: String
    public var succID: String
    public var type: DependencyType
    public var lag: Int

    public init(predID: String, succID: String, type: DependencyType = .fs, lag: Int = 0) {
        self.predID = predID
        self.succID = succID
        self.type = type
        self.lag = lag
    }

    public var id: String { "\(predID)>\(succID)" }
    public var label: String { "dependency" }

}

/// A non-working day of the project calendar.
public struct Holiday: DescribedEntity, Hashable {
    public static let kind = EntityKind.holiday
    public static let stored: [StoredField<Holiday>] = [
        StoredField("id", required: true, read: { .text($0.id) }, write: { holiday, value in
            guard let day = value.string.flatMap(Day.init) else { throw PlanningError.corrupt("holiday \(value)") }
            holiday.day = day
        }),
        .text("name", get: { $0.name }, set: { $0.name = $1 }),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = Holiday(day: Day(year: 1970, month: 1, day: 1)!, name: "")

    public var day: Day
    public var name: String

    public init(day: Day, name: String) {
        self.day = day
        self.name = name
    }

    public var id: String { day.description }
    public var label: String { "holiday \(day)" }

}

/// A saved copy of every task's planned dates, to measure slippage against.
public struct Baseline: DescribedEntity, Hashable {
    public static let kind = EntityKind.baseline
    public static let stored: [StoredField<Baseline>] = [
        .derivedID { $0.id },
        .text("name", get: { $0.name }, set: { $0.name = $1 }, required: true),
        .time("savedAt", get: { $0.savedAt }, set: { $0.savedAt = $1 }),
        StoredField("dates", read: { b in .text(b.dates.keys.sorted().map { k in "\(k)=\(b.dates[k]!.start),\(b.dates[k]!.finish)" }.joined(separator: "\n")) },
                    write: { b, value in
                        b.dates = [:]
                        for line in (value.string ?? "").split(separator: "\n") {
                            let parts = line.split(separator: "=")
                            guard parts.count == 2 else { continue }
                            let ds = parts[1].split(separator: ",").compactMap { Day(String($0)) }
                            if ds.count == 2 { b.dates[String(parts[0])] = (ds[0], ds[1]) }
                        }
                    }),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = Baseline(name: "", savedAt: .distantPast, dates: [:])

    public var name: String
    public var savedAt: Date
    /// task id → (start, finish) as "start,finish" days, one per line: "id=YYYY-MM-DD,YYYY-MM-DD".
    public var dates: [String: (start: Day, finish: Day)]

    public init(name: String, savedAt: Date, dates: [String: (start: Day, finish: Day)]) {
        self.name = name
        self.savedAt = savedAt
        self.dates = dates
    }

    public var id: String { "baseline:" + name.lowercased() }
    public var label: String { "baseline \(name)" }



    public static func == (a: Baseline, b: Baseline) -> Bool { a.fields == b.fields }
    public func hash(into h: inout Hasher) { h.combine(id) }
}

/// A card that carries part of a task's work; its column says how far along it is.
public struct TaskCardLink: DescribedEntity, Hashable {
    public static let kind = EntityKind.taskCard
    public static let stored: [StoredField<TaskCardLink>] = [
        .derivedID { $0.id },
        .text("taskID", get: { $0.taskID }, set: { $0.taskID = $1 }, required: true),
        .text("cardID", get: { $0.cardID }, set: { $0.cardID = $1 }, required: true),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = TaskCardLink(taskID: "", cardID: "")

    public var taskID: String
    public var cardID: String

    public init(taskID: String, cardID: String) {
        self.taskID = taskID
        self.cardID = cardID
    }

    public var id: String { "\(taskID)|\(cardID)" }
    public var label: String { "card link" }

}
