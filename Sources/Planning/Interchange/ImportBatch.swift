import Foundation

/// What a foreign file holds, once read: the same shape whichever tool wrote it (Trello, Jira,
/// GitHub, Taskwarrior, MS Project), so one planner maps people and columns, finds what an
/// earlier import brought in, and turns it into Gantry's changes.
public struct ImportBatch: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// The source's own id, prefixed with the source ("jira:PROJ-12"): kept on the card so a
        /// second import of a newer export updates it.
        public var externalID: String
        public var title: String
        public var description = ""
        /// The source's column or status name, before `--map-column`.
        public var column: String?
        public var done = false
        /// Archived in the source, brought in only when asked (and then archived here).
        public var archived = false
        public var type: CardType = .feature
        public var priority: Priority = .medium
        /// The source's user name, before `--map-user`.
        public var assignee: String?
        public var labels: [String] = []
        public var estimate: Double?
        public var due: Day?
        public var createdAt: Date?
        /// When the work finished, for cycle time.
        public var resolvedAt: Date?
        public var sprint: String?
        /// The external id of the item's epic (or parent), when the source has one.
        public var parent: String?
        public var blockedReason: String?
        /// External ids of items this one waits for.
        public var dependsOn: [String] = []

        public init(externalID: String, title: String) {
            self.externalID = externalID
            self.title = title
        }
    }

    /// A task of a plan (MS Project): outline, duration, links, people.
    public struct PlanItem: Sendable, Equatable {
        public var externalID: String
        public var name: String
        public var duration: Int
        public var parent: String?
        public var isSummary = false
        public var progress = 0
        public var startNoEarlier: Day?
        public var deadline: Day?
        public var actualStart: Day?
        public var actualFinish: Day?
        public var links: [(from: String, type: DependencyType, lag: Int)] = []
        public var assignees: [String] = []

        public init(externalID: String, name: String, duration: Int) {
            self.externalID = externalID
            self.name = name
            self.duration = duration
        }

        public static func == (a: PlanItem, b: PlanItem) -> Bool {
            a.externalID == b.externalID && a.name == b.name && a.duration == b.duration && a.parent == b.parent && a.isSummary == b.isSummary
                && a.progress == b.progress && a.startNoEarlier == b.startNoEarlier && a.deadline == b.deadline
                && a.actualStart == b.actualStart && a.actualFinish == b.actualFinish
                && a.links.map { "\($0.from) \($0.type.rawValue) \($0.lag)" } == b.links.map { "\($0.from) \($0.type.rawValue) \($0.lag)" }
                && a.assignees == b.assignees
        }
    }

    /// "trello", "jira", "github", "taskwarrior", "mspdi".
    public var source: String
    /// The board the items go on (created when missing); nil: the project's first board.
    public var boardName: String?
    /// The source's columns in its order, so new columns keep it.
    public var columns: [String] = []
    public var items: [Item] = []
    public var tasks: [PlanItem] = []
    /// People by the source's user name, with a display name when the file has one.
    public var people: [String: String] = [:]
    public var holidays: [Day] = []
    public var projectStart: Day?
    /// What the file held that Gantry does not keep, said once each ("3 checklists went into descriptions").
    public var notes: [String] = []

    public init(source: String) {
        self.source = source
    }
}

/// A file that cannot be imported, with the place in it: a line, a row or a JSON path.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var place: String
    public var message: String

    public init(_ place: String, _ message: String) {
        self.place = place
        self.message = message
    }

    public var description: String { place.isEmpty ? message : "\(place): \(message)" }
}
