import Foundation
import PlanStore
import PostgresNIO

/// Other sessions' commits, pushed by the server: every write notifies `gantry_journal` with its
/// journal number, and this session listens on its own connection. `poll` reads a flag the
/// notification set, so checking on every input tick costs nothing and nothing polls the server.
final class PostgresFeed: ChangeFeed, @unchecked Sendable {
    static let channel = "gantry_journal"

    private let lock = NSLock()
    private var pending = false
    private var context: PostgresListenContext?
    private let store: PostgresStore

    init(store: PostgresStore) throws {
        self.store = store
        try listen()
    }

    private func listen() throws {
        context = store.link.connection.addListener(channel: Self.channel) { [weak self] _, _ in
            guard let self else { return }
            self.lock.lock()
            self.pending = true
            self.lock.unlock()
        }
        try store.link.query("LISTEN \(Self.channel)")
    }

    func poll() throws -> Bool {
        if store.link.connection.isClosed {
            throw PostgresStoreError.unreachable(store.location, "the connection was lost")
        }
        lock.lock()
        defer { lock.unlock() }
        let changed = pending
        pending = false
        return changed
    }

    deinit { context?.stop() }
}

extension PostgresStore {
    public func makeWatcher() throws -> any ChangeFeed {
        try PostgresFeed(store: self)
    }
}
