import Foundation
import Planning
import PlanStore

/// The runtime's side of shared sessions: telling others this session is here and what it shows,
/// reading who else is, and mirroring a followed session.
extension AppRuntime {
    /// Tells the others this session is here, and reads who else is.
    func announce() {
        publish(force: true)
        readPresence()
    }

    /// Takes this session off the presence list (a clean exit).
    public func leave() {
        try? store.leave(session: presence.session)
    }

    /// Writes this session's heartbeat and view when the view changed (or `force`).
    func publish(force: Bool) {
        let view = state.sharedView
        guard force || view != lastPublished else { return }
        var me = presence
        me.screen = state.screen.rawValue
        me.seen = clock()
        me.view = view
        do {
            try store.beat(me)
            lastBeat = me.seen
            lastPublished = view
        } catch {
            lastBeat = me.seen
        }
    }

    /// Reads who is here; true when that changed what the screen shows.
    @discardableResult
    func readPresence() -> Bool {
        lastPresenceRead = clock()
        guard let live = try? store.presence(now: lastPresenceRead), live != state.sharing.presence else { return false }
        state.sharing.presence = live
        return true
    }

    /// Mirrors the followed user's view; true when something changed.
    func mirror(_ leader: String) -> Bool {
        guard let session = try? store.sharedView(of: leader, now: clock()), let view = session.view else {
            if state.message == nil { state.message = .info("\(leader) is not sharing a screen right now; waiting (F stops).") }
            return false
        }
        let before = (state.screen, state.selectedCardID, state.raid.selectedID, state.timeline.selectedID, state.standup.clock)
        if view.standup != nil, !standupHistoryLoaded, let history = try? standupHistory(now: clock()) {
            _ = state.receive(.standupHistory(previousEndedAt: history.previousEndedAt, since: history.since, starting: false))
        }
        state.mirror(view)
        let size = backend.size
        state.keepSelectionVisible(BoardLayout(width: state.contentWidth(size.width), height: size.height, columnCount: state.view.columns.count))
        let after = (state.screen, state.selectedCardID, state.raid.selectedID, state.timeline.selectedID, state.standup.clock)
        return before != after
    }

    /// Starts this session following `leader` (nil stops).
    public func follow(_ leader: String?) {
        guard let leader else {
            if let was = state.sharing.following { state.message = .info("Stopped following \(was).") }
            state.sharing.following = nil
            publish(force: true)
            return
        }
        guard leader != state.actor else {
            state.message = .error("You cannot follow yourself; name someone else (:follow NAME).")
            return
        }
        let present = (try? store.presence(now: clock()))?.contains { $0.actor == leader } ?? false
        guard present || state.project.members.values.contains(where: { $0.handle == leader }) else {
            let members = state.project.members.values.map(\.handle).sorted().joined(separator: ", ")
            state.message = .error("Nobody called \(Quote.cut(leader, limit: 32)) is a member or has this project open; members: \(members).")
            return
        }
        state.sharing.following = leader
        state.mode = .board
        state.message = state.followingNotice(leader)
        _ = mirror(leader)
        publish(force: true)
    }

    /// The machine's name, without the DNS lookup `ProcessInfo.hostName` may make.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
