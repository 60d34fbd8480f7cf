/// The terminal as the application loop sees it. The ncurses backend implements it for real
/// terminals; `TestTerminal` implements it in memory for key-script tests.
public protocol TerminalBackend: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Shows `buffer`, sending only what changed since the previous frame.
    func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?)
    /// The next key, mouse or resize event, or nil after `timeoutMilliseconds` without one.
    func nextEvent(timeoutMilliseconds: Int) -> Event?
    /// Leaves the full-screen mode while `body` runs (an editor), then repaints everything.
    func suspend(_ body: () throws -> Void) rethrows
    /// A signal that asks the session to end (interrupt, terminate, hang-up), if one arrived.
    func takeExitSignal() -> Int32?
}

/// An in-memory terminal: scripted events in, frames out.
public final class TestTerminal: TerminalBackend {
    public var size: (width: Int, height: Int)
    public private(set) var frames: [Buffer] = []
    public private(set) var cursor: (x: Int, y: Int)?
    public var events: [Event]
    public private(set) var suspensions = 0

    public init(width: Int, height: Int, events: [Event] = []) {
        size = (width, height)
        self.events = events
    }

    public var screen: Buffer? { frames.last }

    public func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        frames.append(buffer)
        self.cursor = cursor
    }

    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        guard !events.isEmpty else { return nil }
        let e = events.removeFirst()
        if case .resize(let w, let h) = e { size = (w, h) }
        return e
    }

    public func suspend(_ body: () throws -> Void) rethrows {
        suspensions += 1
        try body()
    }

    public func takeExitSignal() -> Int32? { nil }
}
