import GRDB

/// Tells cheaply whether another connection (another process or session) has committed since the
/// last poll, by reading `PRAGMA data_version` on a connection of its own. GRDB's observation does
/// not see other processes; this does, for about a tenth of a millisecond per poll.
public final class ChangeWatcher: ChangeFeed {
    private var queue: DatabaseQueue?
    private var lastVersion = 0
    private let store: ProjectStore
    private var snapshotStamp: FileStamp?

    init(store: ProjectStore) throws {
        self.store = store
        if store.isSnapshot { snapshotStamp = FileStamp(store.path) } else { try connect() }
    }

    private func connect() throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(ProjectStore.busyTimeout)
        let queue = try DatabaseQueue(path: store.path, configuration: config)
        lastVersion = try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        self.queue = queue
    }

    /// True when someone committed since the previous call. A snapshot reader looks for a writer
    /// (two `access` calls and a `stat`), and reads live once one has the project open.
    public func poll() throws -> Bool {
        guard let queue else {
            guard store.followSnapshot(lastSeen: &snapshotStamp) else { return false }
            if !store.isSnapshot { try connect() }
            return true
        }
        let v = try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        defer { lastVersion = v }
        return v != lastVersion
    }
}

extension ProjectStore {
    public func makeWatcher() throws -> any ChangeFeed {
        try Self.translating(path) { try ChangeWatcher(store: self) }
    }
}
