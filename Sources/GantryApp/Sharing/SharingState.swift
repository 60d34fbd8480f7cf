import Foundation
import Planning

/// One line of the activity feed: a journal row as people read it. The change itself is kept
/// when it is at hand (rows that arrived while the app ran); older rows come from the journal
/// as summaries only, so a long history never slows the start.
public struct ActivityEntry: Sendable, Equatable {
    public var seq: Int64
    public var at: Date
    public var actor: String
    public var summary: String
    public var change: Change?

    public init(seq: Int64, at: Date, actor: String, summary: String, change: Change? = nil) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.summary = summary
        self.change = change
    }

    /// "ana moved GAN-12 In progress → Review".
    public var sentence: String {
        if summary.hasPrefix("undo: ") { return "\(actor) undid: \(summary.dropFirst(6))" }
        return "\(actor) \(summary)"
    }

    /// "just now", "4 min ago", "3 h ago", "2 days ago".
    public static func ago(_ date: Date, now: Date) -> String {
        let s = Int(now.timeIntervalSince(date))
        if s < 60 { return "just now" }
        if s < 3600 { return "\(s / 60) min ago" }
        if s < 86_400 { return "\(s / 3600) h ago" }
        let days = s / 86_400
        return days == 1 ? "yesterday" : "\(days) days ago"
    }
}

/// The shared-session side of the app: who else is here, what they did, and whom this session
/// follows. Filled by the runtime from the store; drawn by the title bar and the side panel.
public struct SharingState: Sendable {
    /// Live sessions of the project, this one included.
    public var presence: [PresenceSession] = []
    /// The newest journal rows, oldest first (the feed shows them newest first).
    public var activity: [ActivityEntry] = []
    public var panelOpen = false
    /// The feed shows only this person's changes when set.
    public var activityPerson: String?
    /// The user whose screen this session mirrors, read-only.
    public var following: String?
    /// This session's id in the presence table.
    public var sessionID = ""

    public static let activityLimit = 300

    /// Adds journal rows to the feed; rows it already has (replayed again onto a freshly read
    /// project) are skipped.
    public mutating func record(_ entries: [ActivityEntry]) {
        let newest = activity.last?.seq ?? 0
        activity += entries.filter { $0.seq > newest }
        if activity.count > Self.activityLimit { activity.removeFirst(activity.count - Self.activityLimit) }
    }

    /// The people the feed can be narrowed to: everyone in it, and everyone here.
    public var people: [String] {
        Array(Set(activity.map(\.actor) + presence.map(\.actor))).sorted()
    }

    /// The feed as shown, newest first.
    public var feed: [ActivityEntry] {
        activity.reversed().filter { activityPerson == nil || $0.actor == activityPerson }
    }
}

extension AppState {
    /// Width of the panel beside the screen when it is open.
    static func panelWidth(total: Int) -> Int { min(46, max(30, total / 3)) }

    /// The columns a screen may draw in: all of them, or what the side panel leaves.
    public func contentWidth(_ total: Int) -> Int {
        guard sharing.panelOpen else { return total }
        return max(BoardLayout.minimumWidth, total - Self.panelWidth(total: total))
    }
}
