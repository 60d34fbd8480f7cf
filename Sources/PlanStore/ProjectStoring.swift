import Foundation
import Planning

/// What the app and the CLI need from wherever a project is kept. Two stores implement it with
/// the same guarantees: the SQLite file (`ProjectStore`, the default, for a team on one server)
/// and PostgreSQL (`PlanStorePostgres`, for teams beyond one). Nothing above this line knows
/// which one it talks to.
///
/// Every write is one transaction with its journal row; updates compare each field with what
/// the writer saw (a `Conflict` otherwise); keys come from the project's sequences without gaps
/// or duplicates; undo and redo are journal rows too.
public protocol ProjectStoring: AnyObject, Sendable {
    /// Where the project is, as people name it: a file path, or a PostgreSQL address without
    /// its password.
    var location: String { get }
    /// True when this session may read but not write (file permissions, or a viewer's role).
    var isReadOnly: Bool { get }
    /// A read-only file read as it stands (see `ProjectStore.isSnapshot`); false elsewhere.
    var isSnapshot: Bool { get }
    /// The network filesystem a project file is on, when it is on one.
    var networkFilesystem: String? { get }
    /// True when the project this store opened is no longer there (a file replaced on disk).
    var wasReplaced: Bool { get }

    func load() throws -> ProjectSnapshot
    /// A second, read-only connection to the same project, for a long read on another thread
    /// (the app's load after its first frame), so this store's own reads and writes never wait
    /// behind it.
    func readingConnection() throws -> any ProjectStoring
    /// Everything but the cards (epics included); without `schedule`, also without the tasks,
    /// their links, calendars, baselines, resources and costs, for commands about cards, which
    /// then cost the same however large the plan is.
    func loadStructure(schedule: Bool) throws -> ProjectSnapshot
    func loadPreview(perColumn: Int) throws -> (snapshot: ProjectSnapshot, totals: [String: Int])
    /// Every card in board order, one at a time; only those `prefilter` lets through.
    func forEachCard(in structure: ProjectSnapshot, matching prefilter: CardPrefilter, _ body: (Card) throws -> Void) throws
    /// The cards with these keys (those that exist), read through the key's index: what a
    /// command about one card needs, whatever the project's size.
    func cards(withKeys keys: [String]) throws -> [Card]

    @discardableResult
    func apply(_ change: Change, actor: String, at: Date) throws -> JournalEntry
    func apply(batch: [TimedChange]) throws
    @discardableResult
    func undo(actor: String, at: Date) throws -> JournalEntry?
    @discardableResult
    func redo(actor: String, at: Date) throws -> JournalEntry?

    func journal(_ query: JournalQuery) throws -> [JournalEntry]
    func journalSummaries(limit: Int) throws -> [(seq: Int64, at: Date, actor: String, summary: String)]
    func latestSeq() throws -> Int64
    func history(of entityID: String, limit: Int) throws -> [JournalEntry]
    func riskTrends(of risks: [RaidItem], now: Date) throws -> [String: RiskTrend]
    func flowHistory() throws -> FlowHistory
    func progressHistory() throws -> ProgressHistory

    func beat(_ session: PresenceSession) throws
    func leave(session: String) throws
    func presence(now: Date) throws -> [PresenceSession]
    func sharedView(of actor: String, now: Date) throws -> PresenceSession?

    func saveStandup(_ record: StandupRecord) throws
    func standups(day: Day?) throws -> [StandupRecord]
    func lastStandup(before date: Date) throws -> StandupRecord?

    /// Tells a session cheaply whether someone else has committed since it last asked.
    func makeWatcher() throws -> any ChangeFeed

    /// Writes the project as a `ProjectArchive` document (see `ProjectStore.exportArchive`).
    @discardableResult
    func exportArchive(history: Bool, to sink: (Data) throws -> Void) throws -> String
    /// Fills an empty project from an archive in one transaction.
    func restore(_ archive: ProjectArchive) throws
}

/// Which journal rows to read: after a sequence number, from a moment, by one person, and only
/// the newest `limit` of them (still oldest first).
public struct JournalQuery: Sendable {
    public var after: Int64
    public var since: Date?
    public var actor: String?
    public var limit: Int?

    public init(after: Int64 = 0, since: Date? = nil, actor: String? = nil, limit: Int? = nil) {
        (self.after, self.since, self.actor, self.limit) = (after, since, actor, limit)
    }
}

/// Someone else's commits, noticed: `poll` is called on every input tick, so it must cost
/// next to nothing (a counter read, a flag set by a notification).
public protocol ChangeFeed: AnyObject {
    /// True when someone committed since the previous call.
    func poll() throws -> Bool
}

extension CardPrefilter {
    /// The prefilter as an SQL condition and its values (`?` or `$n` placeholders from
    /// `placeholder`), nil when it lets everything through. Column names are quoted.
    package func sql(placeholder: (Int) -> String, startingAt first: Int = 1) -> (condition: String, values: [Value])? {
        var parts: [String] = []
        var values: [Value] = []
        func list(_ items: Set<String>) -> String {
            items.sorted().map { item in values.append(.text(item)); return placeholder(first + values.count - 1) }.joined(separator: ", ")
        }
        if activeOnly { parts.append("\"archived\" = 0") }
        if let types { parts.append(types.isEmpty ? "0 = 1" : "\"type\" IN (\(list(types)))") }
        if let keys { parts.append(keys.isEmpty ? "0 = 1" : "\"key\" IN (\(list(keys)))") }
        if let epics {
            parts.append(epics.isEmpty ? "0 = 1" : "(\"parentID\" IN (\(list(epics))) OR \"id\" IN (\(list(epics))))")
        }
        if let assignees {
            let named = assignees.subtracting(["none"])
            var options: [String] = []
            if !named.isEmpty { options.append("\"assignee\" IN (\(list(named)))") }
            if unassigned { options.append("\"assignee\" IS NULL") }
            parts.append(options.isEmpty ? "0 = 1" : "(\(options.joined(separator: " OR ")))")
        }
        return parts.isEmpty ? nil : (parts.joined(separator: " AND "), values)
    }
}

extension ProjectStoring {
    /// Everything but the cards, epics included.
    public func loadStructure() throws -> ProjectSnapshot { try loadStructure(schedule: true) }

    public func journal(after seq: Int64 = 0, since: Date? = nil, actor: String? = nil, limit: Int? = nil) throws -> [JournalEntry] {
        try journal(JournalQuery(after: seq, since: since, actor: actor, limit: limit))
    }

    public func forEachCard(in structure: ProjectSnapshot, _ body: (Card) throws -> Void) throws {
        try forEachCard(in: structure, matching: .everything, body)
    }

    public func history(of entityID: String) throws -> [JournalEntry] {
        try history(of: entityID, limit: 50)
    }

    public func standups() throws -> [StandupRecord] {
        try standups(day: nil)
    }

    /// The whole document in memory (tests and small projects).
    public func archiveDocument(history: Bool) throws -> Data {
        var out = Data()
        try exportArchive(history: history) { out.append($0) }
        return out
    }
}
