import Foundation

/// One open session of a project, as other sessions see it. Sessions announce themselves with a
/// heartbeat; one that stops beating (killed, connection dropped) counts as gone after `expiry`,
/// so the list never needs a clean exit to be right.
public struct PresenceSession: Sendable, Equatable {
    public var session: String
    public var actor: String
    public var host: String
    public var pid: Int
    public var screen: String
    public var since: Date
    public var seen: Date
    /// What the session shows, for followers; nil when it shares nothing.
    public var view: SharedView?

    public init(session: String, actor: String, host: String, pid: Int, screen: String, since: Date, seen: Date,
                view: SharedView? = nil) {
        self.session = session
        self.actor = actor
        self.host = host
        self.pid = pid
        self.screen = screen
        self.since = since
        self.seen = seen
        self.view = view
    }
}

/// The timing rules of presence, in one place so the app, the store and the tests agree.
public enum Presence {
    /// How often a session says it is still there.
    public static let heartbeat: TimeInterval = 5
    /// How long after its last heartbeat a session counts as gone (well inside the 30 s promise).
    public static let expiry: TimeInterval = 20

    /// The sessions alive at `now`, one line per session, oldest first.
    public static func live(_ sessions: [PresenceSession], now: Date) -> [PresenceSession] {
        sessions.filter { now.timeIntervalSince($0.seen) <= expiry }
            .sorted { ($0.since, $0.session) < ($1.since, $1.session) }
    }

    /// Distinct people among live sessions, in order of arrival.
    public static func people(_ sessions: [PresenceSession]) -> [String] {
        var seen: Set<String> = []
        return sessions.compactMap { seen.insert($0.actor).inserted ? $0.actor : nil }
    }
}
