import Foundation
import GantryApp
import Planning
import PlanStore
import PlanStorePostgres
import TerminalUI

/// The PostgreSQL store beside the SQLite file, in the same run on the same generated project:
/// open and load, one card move's commit, `gantry card list --json`, 50 sessions each making 100
/// edits at once (nothing lost, no error), and the delay from a commit to another session's
/// frame while 50 sessions have the project open.
enum PostgresBenchmark {
    static func run(server: String, cards: Int, sessions: Int, edits: Int) throws {
        try Measure.inTemporaryFolder("postgres") { dir in
            let file = dir + "/big.sqlite"
            print("Generating \(cards) cards…")
            let source = try BigProject.create(at: file, cards: cards)
            let database = "gantry_bench_\(getpid())"
            try admin(server, "CREATE DATABASE \(database)")
            defer { _ = try? admin(server, "DROP DATABASE \(database) WITH (FORCE)") }
            let url = try with(database: database, server)
            let address = try PostgresAddress(parsing: url, environment: ProcessInfo.processInfo.environment)
            let document = try source.archiveDocument(history: true)
            let archive = try ProjectArchive.decode(document)
            let copy = try Measure.milliseconds { try PostgresStore.create(address) { try $0.restore(archive) } }
            print(String(format: "  copied into PostgreSQL (gantry migrate's restore) in %.0f ms", copy))
            let stores: [(String, () throws -> any ProjectStoring, String)] = [
                ("SQLite", { try ProjectStore.open(at: file) }, file),
                ("PostgreSQL", { try PostgresStore.open(address) }, url),
            ]
            for (name, open, location) in stores {
                print("\(name):")
                try single(open: open, location: location)
            }
            for (name, open, _) in stores {
                print("\(name), \(sessions) sessions × \(edits) edits at once:")
                try storm(open: open, sessions: sessions, edits: edits)
            }
            for (name, open, _) in stores {
                print("\(name), commit to another session's frame with \(sessions) sessions open:")
                try delay(open: open, sessions: sessions)
            }
        }
    }

    /// Open and load, a card move's commit, and the CLI's JSON card list.
    static func single(open: () throws -> any ProjectStoring, location: String) throws {
        let openLoad = try Measure.median(runs: 15) { _ = try open().load() }
        print("  open + load                " + Measure.format(openLoad, "ms", target: 150))
        let samples = try SharingBenchmark.moveCommits(try open()).sorted()
        print("  card move commit, median   " + Measure.format(samples[samples.count / 2], "ms", target: 10))
        let gantry = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gantry").path
        guard FileManager.default.isExecutableFile(atPath: gantry) else { return }
        var runs: [Double] = []
        for _ in 0..<7 {
            let r = try Measure.runProcess(gantry, ["card", "list", "--json", "--project", location])
            guard r.status == 0 else { throw BenchError("gantry card list failed with status \(r.status)") }
            runs.append(r.ms)
        }
        runs.sort()
        print("  gantry card list --json    " + Measure.format(runs[runs.count / 2], "ms", target: 250))
    }

    /// Every session edits its own cards' titles, all sessions at once; then every last title and
    /// every journal row is checked.
    static func storm(open: () throws -> any ProjectStoring, sessions: Int, edits: Int) throws {
        let check = try open()
        let before = try check.latestSeq()
        let cards = try check.load().cards.values.filter { $0.type != .epic }.sorted { $0.number < $1.number }
        guard cards.count >= sessions * 2 else { throw BenchError("too few cards for \(sessions) sessions") }
        let opened = try (0..<sessions).map { _ in try open() }
        let errors = ErrorLog()
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: sessions) { s in
            do {
                let store = opened[s]
                var snapshot = try store.load()
                for e in 0..<edits {
                    let card = try snapshot.card(key: cards[s * 2 + e % 2].key)
                    let change = try snapshot.editCard(card, CardDraft(title: "session \(s) edit \(e)"))
                    try store.apply(change, actor: "s\(s)", at: Date())
                    try snapshot.apply(change)
                }
            } catch {
                errors.add("\(error)")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        let after = try check.load()
        var lost = 0
        for s in 0..<sessions {
            // Card k got the edits e with e % 2 == k; the last of them must be what it shows.
            for k in 0..<min(2, edits) {
                let last = (edits - 1) - ((edits - 1 - k) % 2)
                if after.cards.values.first(where: { $0.key == cards[s * 2 + k].key })?.title != "session \(s) edit \(last)" { lost += 1 }
            }
        }
        let rows = try check.latestSeq() - before
        print(String(format: "  %d edits in %.1f s (%.0f a second); journal rows %d of %d; cards with a lost last edit %d; errors %d",
                     sessions * edits, seconds, Double(sessions * edits) / seconds, rows, sessions * edits, lost, errors.count))
        if let first = errors.first { print("  first error: \(first)") }
    }

    /// One writer moves cards; one full session (app runtime, 100 ms tick) notes when its frame
    /// shows each move; the other sessions listen and replay as the app does.
    static func delay(open: () throws -> any ProjectStoring, sessions: Int) throws {
        let listeners = try (0..<(sessions - 1)).map { _ in try Listener(store: try open()) }
        let threads = listeners.map { l in Thread { l.loop() } }
        for t in threads { t.start() }
        defer { for l in listeners { l.stop() } }
        let follower = try Follower(store: try open())
        Thread { follower.loop() }.start()
        defer { follower.stop() }
        var delays = try SharingBenchmark.moves(by: try open(), shownTo: follower, count: 100)
        delays.sort()
        guard !delays.isEmpty else { return }
        print("  median " + Measure.format(delays[delays.count / 2], "ms", target: 200))
        print("  p99    " + Measure.format(delays[min(delays.count - 1, delays.count * 99 / 100)], "ms", target: 500))
    }

    /// Runs SQL on the server's maintenance database through the store's own driver.
    static func admin(_ server: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [server, "-qc", sql]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("psql failed: \(sql)") }
    }

    static func with(database: String, _ server: String) throws -> String {
        guard let scheme = server.range(of: "://"), let slash = server[scheme.upperBound...].firstIndex(of: "/") else {
            throw BenchError("--server must be a postgres:// address with a database (postgres://user@host/postgres)")
        }
        let rest = server[slash...].dropFirst()
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        return String(server[..<slash]) + "/" + database + query
    }
}

/// A session with the project open that only listens: on a notification (or a changed file)
/// it reads the new journal rows, as the app's replay does, on a 100 ms tick.
final class Listener: @unchecked Sendable {
    private let store: any ProjectStoring
    private let feed: any ChangeFeed
    private var seq: Int64
    private let lock = NSLock()
    private var running = true

    init(store: any ProjectStoring) throws {
        self.store = store
        feed = try store.makeWatcher()
        seq = try store.latestSeq()
    }

    func loop() {
        while true {
            lock.lock()
            let go = running
            lock.unlock()
            guard go else { return }
            if (try? feed.poll()) == true, let rows = try? store.journal(after: seq) { seq = rows.last?.seq ?? seq }
            usleep(100_000)
        }
    }

    func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }
}

/// Errors from many threads.
final class ErrorLog: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ m: String) { lock.lock(); messages.append(m); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return messages.count }
    var first: String? { lock.lock(); defer { lock.unlock() }; return messages.first }
}
