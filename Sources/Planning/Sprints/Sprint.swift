import Foundation

/// Where a sprint is in its life: planned sprints take cards, one active sprint per board is
/// being worked, a closed sprint keeps its record and takes no more changes of membership.
public enum SprintState: String, Sendable, CaseIterable, Codable {
    case planned, active, closed
}

/// What a sprint did, fixed when it closes: the sprint report and velocity read it, so a card
/// edited later never rewrites a past sprint. Points are story points (card estimates).
public struct SprintRecord: Sendable, Hashable {
    public var committed: Tally
    public var added: Tally
    public var removed: Tally
    public var completed: Tally
    public var carried: Tally

    /// A number of cards and their points.
    public struct Tally: Sendable, Hashable {
        public var cards: Int
        public var points: Double

        public init(cards: Int = 0, points: Double = 0) {
            self.cards = cards
            self.points = points
        }

        public mutating func add(_ estimate: Double?) {
            cards += 1
            points += estimate ?? 0
        }
    }

    public init(committed: Tally = .init(), added: Tally = .init(), removed: Tally = .init(), completed: Tally = .init(), carried: Tally = .init()) {
        self.committed = committed
        self.added = added
        self.removed = removed
        self.completed = completed
        self.carried = carried
    }

    /// The record's lines in the order people read a sprint report.
    public var lines: [(name: String, tally: Tally)] {
        [("committed", committed), ("added after start", added), ("removed", removed), ("completed", completed), ("carried over", carried)]
    }
}

/// A time-box on one board: cards belong to at most one sprint (`Card.sprintID`). Start and
/// end are civil days of the project calendar; `startedAt`/`closedAt` are the moments it was
/// started and closed, which bound its burndown.
public struct Sprint: DescribedEntity, Hashable {
    public static let kind = EntityKind.sprint
    public static let stored: [StoredField<Sprint>] = [
        .text("id", get: { $0.id }, set: { $0.id = $1 }, required: true),
        .text("boardID", get: { $0.boardID }, set: { $0.boardID = $1 }, required: true),
        .text("name", get: { $0.name }, set: { $0.name = $1 }, required: true),
        .text("goal", get: { $0.goal }, set: { $0.goal = $1 }),
        .day("start", get: { $0.start }, set: { $0.start = $1 }),
        .day("end", get: { $0.end }, set: { $0.end = $1 }),
        .choice("state", get: { $0.state }, set: { $0.state = $1 }, orElse: .planned),
        .optionalTime("startedAt", get: { $0.startedAt }, set: { $0.startedAt = $1 }),
        .optionalTime("closedAt", get: { $0.closedAt }, set: { $0.closedAt = $1 }),
        .time("createdAt", get: { $0.createdAt }, set: { $0.createdAt = $1 }),
    ] + SprintRecord.fields
    public static let fieldNames = stored.map(\.name)
    public static let blank = Sprint(id: "", boardID: "", name: "", createdAt: .distantPast)

    public var id: String
    public var boardID: String
    public var name: String
    public var goal: String
    public var start: Day?
    public var end: Day?
    public var state: SprintState
    public var startedAt: Date?
    public var closedAt: Date?
    public var createdAt: Date
    /// Set when the sprint closes.
    public var record: SprintRecord?

    public init(id: String, boardID: String, name: String, goal: String = "", start: Day? = nil, end: Day? = nil,
                state: SprintState = .planned, startedAt: Date? = nil, closedAt: Date? = nil, createdAt: Date, record: SprintRecord? = nil) {
        self.id = id
        self.boardID = boardID
        self.name = name
        self.goal = goal
        self.start = start
        self.end = end
        self.state = state
        self.startedAt = startedAt
        self.closedAt = closedAt
        self.createdAt = createdAt
        self.record = record
    }

    public var label: String { name }

    /// Sprints of a board in the order they run: by start day, unscheduled last, then by creation.
    public static func order(_ a: Sprint, _ b: Sprint) -> Bool {
        let da = a.start?.ordinal ?? Int.max, db = b.start?.ordinal ?? Int.max
        return da != db ? da < db : a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.name < b.name
    }
}

extension SprintRecord {
    /// The record's ten stored numbers (`committedCards`, `committedPoints`, …), none until closed.
    static var fields: [StoredField<Sprint>] {
        tally("committed", { $0.committed }, { $0.committed = $1 }) + tally("added", { $0.added }, { $0.added = $1 })
            + tally("removed", { $0.removed }, { $0.removed = $1 }) + tally("completed", { $0.completed }, { $0.completed = $1 })
            + tally("carried", { $0.carried }, { $0.carried = $1 })
    }

    private static func tally(_ name: String, _ get: @escaping @Sendable (SprintRecord) -> Tally,
                              _ set: @escaping @Sendable (inout SprintRecord, Tally) -> Void) -> [StoredField<Sprint>] {
        [StoredField("\(name)Cards", read: { Value($0.record.map(get)?.cards) }, write: { sprint, value in
            guard let n = value.int else { return }
            var record = sprint.record ?? SprintRecord()
            var t = get(record)
            t.cards = Int(n)
            set(&record, t)
            sprint.record = record
        }),
         StoredField("\(name)Points", read: { Value($0.record.map(get)?.points) }, write: { sprint, value in
            guard let p = value.double else { return }
            var record = sprint.record ?? SprintRecord()
            var t = get(record)
            t.points = p
            set(&record, t)
            sprint.record = record
        })]
    }
}
