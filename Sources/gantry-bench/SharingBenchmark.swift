import Foundation
import GantryApp
import Planning
import PlanStore
import TerminalUI

/// Live sharing's costs on a large project: the CPU an idle session spends per poll while ten
/// sessions have the project open (heartbeats and presence reads included, on a clock that
/// advances 100 ms per tick as the real loop does), and the delay from a commit in one session
/// to the finished frame in another polling at its real interval.
enum SharingBenchmark {
    static func run(path: String) throws {
        print("Ten sessions on one project (in process, release):")
        let clock = SimulatedClock()
        let sessions = try (0..<10).map { i in
            let runtime = try AppRuntime(store: try ProjectStore.open(at: path), backend: TestTerminal(width: 120, height: 40),
                                         theme: AppTheme.fallback(depth: .ansi256), keymap: AppAction.defaultKeyMap, actor: "user\(i)",
                                         clock: { clock.now }, editor: DescriptionEditor(environment: [:]))
            runtime.redraw()
            return runtime
        }
        for s in sessions { s.tick() }
        var samples: [Double] = []
        let seconds = 30
        for _ in 0..<(seconds * 10) {
            clock.now = clock.now.addingTimeInterval(0.1)
            for s in sessions { samples.append(threadCPUMilliseconds { s.tick() }) }
        }
        let mean = samples.reduce(0, +) / Double(samples.count)
        samples.sort()
        print("  idle tick CPU, mean over \(seconds) simulated s " + Measure.format(mean, "ms", target: 0.5))
        print(String(format: "  idle tick CPU, median %.3f ms, p99 %.3f ms, max %.3f ms", samples[samples.count / 2],
                     samples[samples.count * 99 / 100], samples.last ?? 0))
        for s in sessions { s.leave() }
        try delay(path: path)
    }

    /// A commits card moves; B runs its poll loop (tick, then wait 100 ms) on its own thread
    /// and notes when its frame first shows each move.
    static func delay(path: String) throws {
        let watcherSide = try Follower(path: path)
        let thread = Thread { watcherSide.loop() }
        thread.start()
        let delays = try moves(by: try ProjectStore.open(at: path), shownTo: watcherSide, count: 25)
        watcherSide.stop()
        let sorted = delays.sorted()
        guard !sorted.isEmpty else { return }
        print("  commit in one session to finished frame in another, poll every 100 ms:")
        print("    median " + Measure.format(sorted[sorted.count / 2], "ms", target: 300))
        print("    max    " + Measure.format(sorted.last ?? 0, "ms", target: 1000))
    }

    /// `count` card moves committed through `store`, at irregular intervals, each timed from its
    /// commit until `follower`'s frame shows it; in milliseconds, in the order made.
    static func moves(by store: any ProjectStoring, shownTo follower: Follower, count: Int) throws -> [Double] {
        var snapshot = try store.load()
        let board = try snapshot.board(named: nil)
        let columns = snapshot.columns(of: board.id)
        var delays: [Double] = []
        for (i, card) in snapshot.cards.values.sorted(by: { $0.number < $1.number }).prefix(count).enumerated() {
            usleep(useconds_t(37_000 + (i * 53_000) % 150_000))
            let target = columns[(columns.firstIndex { $0.id == card.columnID }! + 1) % columns.count]
            let change = try snapshot.moveCard(card, to: target, force: true, now: Date())
            follower.expect(card: card.id, column: target.id)
            let committed = DispatchTime.now().uptimeNanoseconds
            try store.apply(change, actor: "bench", at: Date())
            try snapshot.apply(change)
            guard let shown = follower.waitUntilShown(timeout: 5) else { print("  a move never showed"); break }
            delays.append(Double(shown - committed) / 1_000_000)
        }
        return delays
    }

    /// The commit time of 60 card moves through `store`, each one to two columns on, in milliseconds.
    static func moveCommits(_ store: any ProjectStoring) throws -> [Double] {
        var snapshot = try store.load()
        let board = try snapshot.board(named: nil)
        let columns = snapshot.columns(of: board.id)
        var samples: [Double] = []
        for (i, card) in snapshot.cards.values.sorted(by: { $0.number < $1.number }).prefix(60).enumerated() {
            let target = columns[(columns.firstIndex { $0.id == card.columnID }! + 1 + i % 3) % columns.count]
            let change = try snapshot.moveCard(card, to: target, force: true, now: Date())
            samples.append(try Measure.milliseconds { _ = try store.apply(change, actor: "bench", at: Date()) })
            try snapshot.apply(change)
        }
        return samples
    }

    static func threadCPUMilliseconds(_ body: () -> Void) -> Double {
        var a = timespec(), b = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b)
        return Double(b.tv_sec - a.tv_sec) * 1000 + Double(b.tv_nsec - a.tv_nsec) / 1_000_000
    }
}

/// A clock the benchmark moves by hand.
final class SimulatedClock: @unchecked Sendable {
    var now = Date()
}

/// The receiving session: its own runtime, ticking every 100 ms on its own thread, reporting
/// when a frame drawn after a tick shows the expected card in the expected column.
final class Follower: @unchecked Sendable {
    private let runtime: AppRuntime
    private let lock = NSCondition()
    private var expected: (card: String, column: String)?
    private var shownAt: UInt64?
    private var running = true

    convenience init(path: String) throws {
        try self.init(store: try ProjectStore.open(at: path))
    }

    init(store: any ProjectStoring) throws {
        runtime = try AppRuntime(store: store, backend: TestTerminal(width: 120, height: 40),
                                 theme: AppTheme.fallback(depth: .ansi256), keymap: AppAction.defaultKeyMap, actor: "follower",
                                 clock: Date.init, editor: DescriptionEditor(environment: [:]))
        runtime.redraw()
    }

    func loop() {
        while true {
            lock.lock()
            let go = running
            lock.unlock()
            guard go else { return }
            runtime.tick()
            lock.lock()
            if let e = expected, shownAt == nil, runtime.state.project.cards[e.card]?.columnID == e.column {
                shownAt = DispatchTime.now().uptimeNanoseconds
                lock.broadcast()
            }
            lock.unlock()
            usleep(UInt32(runtime.tickMilliseconds * 1000))
        }
    }

    func expect(card: String, column: String) {
        lock.lock()
        expected = (card, column)
        shownAt = nil
        lock.unlock()
    }

    func waitUntilShown(timeout: TimeInterval) -> UInt64? {
        lock.lock()
        defer { lock.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while shownAt == nil, lock.wait(until: deadline) {}
        return shownAt
    }

    func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }
}
