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
    func loadStructure() throws -> ProjectSnapshot
    func loadPreview(perColumn: Int) throws -> (snapshot: ProjectSnapshot, totals: [String: Int])
    func forEachCard(in structure: ProjectSnapshot, _ body: (Card) throws -> Void) throws

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

extension ProjectStoring {
    public func journal(after seq: Int64 = 0, since: Date? = nil, actor: String? = nil, limit: Int? = nil) throws -> [JournalEntry] {
        try journal(JournalQuery(after: seq, since: since, actor: actor, limit: limit))
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
