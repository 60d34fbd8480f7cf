import Foundation

/// A piece of scheduled work, `T-n`. Duration is in working days; 0 makes a milestone. A task
/// with children is a phase: its dates and progress roll up from them.
public struct PlanTask: Entity, Hashable {
    public static let kind = EntityKind.task
    public static let fieldNames = ["id", "key", "number", "name", "duration", "parentID", "position", "assignees", "progress",
                                    "startNoEarlier", "deadline", "actualStart", "actualFinish", "createdAt"]

    public var id: String
    public var key: String
    public var number: Int
    public var name: String
    public var duration: Int
    public var parentID: String?
    public var position: Int
    public var assignees: [String]
    public var progress: Int
    public var startNoEarlier: Day?
    public var deadline: Day?
    public var actualStart: Day?
    public var actualFinish: Day?
    public var createdAt: Date

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

    public var fields: [String: Value] {
        ["id": .text(id), "key": key.isEmpty ? .null : .text(key), "number": number == 0 ? .null : Value(number), "name": .text(name),
         "duration": Value(duration), "parentID": Value(parentID), "position": Value(position),
         "assignees": .text(assignees.joined(separator: ",")), "progress": Value(progress), "startNoEarlier": Value(startNoEarlier),
         "deadline": Value(deadline), "actualStart": Value(actualStart), "actualFinish": Value(actualFinish),
         "createdAt": .real(createdAt.timeIntervalSince1970)]
    }

    public init(from r: inout FieldReader) throws {
        id = try r.text("id")
        key = r.optionalText("key") ?? ""
        number = r.int("number") ?? 0
        name = try r.text("name")
        duration = r.int("duration") ?? 0
        parentID = r.optionalText("parentID")
        position = r.int("position") ?? 0
        assignees = Card.splitLabels(r.optionalText("assignees") ?? "")
        progress = r.int("progress") ?? 0
        startNoEarlier = r.day("startNoEarlier")
        deadline = r.day("deadline")
        actualStart = r.day("actualStart")
        actualFinish = r.day("actualFinish")
        createdAt = Date(timeIntervalSince1970: r.double("createdAt") ?? 0)
    }
}

/// How a successor depends on its predecessor (MS Project and TaskJuggler conventions).
public enum DependencyType: String, Sendable, CaseIterable {
    case fs = "FS", ss = "SS", ff = "FF", sf = "SF"
}

/// A dependency between two tasks, with a lag in working days (negative: a lead).
public struct TaskLink: Entity, Hashable {
    public static let kind = EntityKind.taskLink
    public static let fieldNames = ["id", "predID", "succID", "type", "lag"]

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
    public var fields: [String: Value] { ["id": .text(id), "predID": .text(predID), "succID": .text(succID), "type": .text(type.rawValue), "lag": Value(lag)] }

    public init(from r: inout FieldReader) throws {
        _ = r.optionalText("id")
        self.init(predID: try r.text("predID"), succID: try r.text("succID"),
                  type: DependencyType(rawValue: r.optionalText("type") ?? "FS") ?? .fs, lag: r.int("lag") ?? 0)
    }
}

/// A non-working day of the project calendar.
public struct Holiday: Entity, Hashable {
    public static let kind = EntityKind.holiday
    public static let fieldNames = ["id", "name"]

    public var day: Day
    public var name: String

    public init(day: Day, name: String) {
        self.day = day
        self.name = name
    }

    public var id: String { day.description }
    public var label: String { "holiday \(day)" }
    public var fields: [String: Value] { ["id": .text(id), "name": .text(name)] }

    public init(from r: inout FieldReader) throws {
        let id = try r.text("id")
        guard let d = Day(id) else { throw PlanningError.corrupt("holiday \(id)") }
        self.init(day: d, name: r.optionalText("name") ?? "")
    }
}

/// A saved copy of every task's planned dates, to measure slippage against.
public struct Baseline: Entity, Hashable {
    public static let kind = EntityKind.baseline
    public static let fieldNames = ["id", "name", "savedAt", "dates"]

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

    public var fields: [String: Value] {
        let text = dates.keys.sorted().map { k in "\(k)=\(dates[k]!.start),\(dates[k]!.finish)" }.joined(separator: "\n")
        return ["id": .text(id), "name": .text(name), "savedAt": .real(savedAt.timeIntervalSince1970), "dates": .text(text)]
    }

    public init(from r: inout FieldReader) throws {
        _ = r.optionalText("id")
        let name = try r.text("name")
        let savedAt = Date(timeIntervalSince1970: r.double("savedAt") ?? 0)
        var dates: [String: (start: Day, finish: Day)] = [:]
        for line in (r.optionalText("dates") ?? "").split(separator: "\n") {
            let parts = line.split(separator: "=")
            guard parts.count == 2 else { continue }
            let ds = parts[1].split(separator: ",").compactMap { Day(String($0)) }
            if ds.count == 2 { dates[String(parts[0])] = (ds[0], ds[1]) }
        }
        self.init(name: name, savedAt: savedAt, dates: dates)
    }

    public static func == (a: Baseline, b: Baseline) -> Bool { a.fields == b.fields }
    public func hash(into h: inout Hasher) { h.combine(id) }
}

/// A card that carries part of a task's work; its column says how far along it is.
public struct TaskCardLink: Entity, Hashable {
    public static let kind = EntityKind.taskCard
    public static let fieldNames = ["id", "taskID", "cardID"]

    public var taskID: String
    public var cardID: String

    public init(taskID: String, cardID: String) {
        self.taskID = taskID
        self.cardID = cardID
    }

    public var id: String { "\(taskID)|\(cardID)" }
    public var label: String { "card link" }
    public var fields: [String: Value] { ["id": .text(id), "taskID": .text(taskID), "cardID": .text(cardID)] }

    public init(from r: inout FieldReader) throws {
        _ = r.optionalText("id")
        self.init(taskID: try r.text("taskID"), cardID: try r.text("cardID"))
    }
}
