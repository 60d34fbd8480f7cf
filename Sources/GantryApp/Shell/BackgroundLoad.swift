import Foundation
import Planning
import PlanStore

/// The whole project read on its own thread and connection after a preview's first frame, so
/// keys pressed meanwhile are answered from the preview at once instead of waiting for it. The
/// board is arranged there too, so taking the project in costs the UI thread no sort.
final class BackgroundLoad: @unchecked Sendable {
    /// What the read produced: the project as of journal row `seq`, and its flow history.
    struct Loaded: Sendable {
        var seq: Int64
        var project: ProjectSnapshot
        var flow: FlowHistory
        var progress: ProgressHistory
        var view: BoardView
    }

    private let lock = NSLock()
    private var result: Result<Loaded, Error>?
    private let done = DispatchSemaphore(value: 0)

    /// `gate`, when given, holds the finished read back until it is signalled (tests use it to
    /// act while the read is in flight).
    init(from store: any ProjectStoring, gate: DispatchSemaphore? = nil, arrange: @escaping @Sendable (ProjectSnapshot) -> BoardView) {
        let thread = Thread { [self] in
            let outcome = Result { () throws -> Loaded in
                let source = (try? store.readingConnection()) ?? store
                let seq = try source.latestSeq()
                let project = try source.load()
                return Loaded(seq: seq, project: project, flow: try source.flowHistory(), progress: try source.progressHistory(),
                              view: arrange(project))
            }
            gate?.wait()
            lock.lock()
            result = outcome
            lock.unlock()
            done.signal()
        }
        thread.name = "gantry-load"
        thread.start()
    }

    /// The result once the read finished, nil while it runs.
    func take() -> Result<Loaded, Error>? {
        lock.lock()
        defer { lock.unlock() }
        return result
    }

    /// Waits for the read to finish.
    func wait() -> Result<Loaded, Error> {
        done.wait()
        done.signal()
        return take()!
    }
}
