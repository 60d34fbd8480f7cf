import GRDB

/// Tells cheaply whether another connection (another process or session) has committed since the
/// last poll, by reading `PRAGMA data_version` on a connection of its own. GRDB's observation does
/// not see other processes; this does, for about a tenth of a millisecond per poll.
public final class ChangeWatcher {
    private let queue: DatabaseQueue
    private var lastVersion: Int

    init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(ProjectStore.busyTimeout)
        queue = try DatabaseQueue(path: path, configuration: config)
        lastVersion = try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// True when someone committed since the previous call.
    public func poll() throws -> Bool {
        let v = try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        defer { lastVersion = v }
        return v != lastVersion
    }
}

extension ProjectStore {
    public func makeWatcher() throws -> ChangeWatcher {
        try Self.translating(path) { try ChangeWatcher(path: path) }
    }
}
