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
    /// The connection listened on, and when a lost one was last tried again.
    private var generation = -1
    private var lastTry = Date.distantPast

    init(store: PostgresStore) throws {
        self.store = store
        try listen()
    }

    private func listen() throws {
        context?.stop()
        let link = store.link
        generation = link.generation
        context = link.connection.addListener(channel: Self.channel) { [weak self] _, _ in
            guard let self else { return }
            self.lock.lock()
            self.pending = true
            self.lock.unlock()
        }
        try link.query("LISTEN \(Self.channel)")
    }

    /// A lost connection is tried again every few seconds; once back, this says "changed", since
    /// notifications sent meanwhile were missed and the journal must be read.
    func poll() throws -> Bool {
        let link = store.link
        if link.connection.isClosed {
            guard Date().timeIntervalSince(lastTry) > 3 else { return false }
            lastTry = Date()
            guard link.reconnectIfClosed() else { return false }
        }
        if link.generation != generation {
            try listen()
            return true
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
