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
        _ = state.receive(.presenceRead(live))
        return true
    }

    /// Mirrors the followed user's view; true when something changed.
    func mirror(_ leader: String) -> Bool {
        let view = (try? store.sharedView(of: leader, now: clock()))?.view
        if view?.standup != nil, !standupHistoryLoaded, let history = try? standupHistory(now: clock()) {
            _ = state.receive(.standupHistory(previousEndedAt: history.previousEndedAt, since: history.since, starting: false))
        }
        let before = (state.screen, state.selectedCardID, state.raid.selectedID, state.timeline.selectedID, state.standup.clock)
        _ = state.receive(.leaderView(leader: leader, view: view, width: backend.size.width, height: backend.size.height))
        let after = (state.screen, state.selectedCardID, state.raid.selectedID, state.timeline.selectedID, state.standup.clock)
        return view != nil && before != after
    }

    /// Starts this session following `leader` (nil stops); whether they may be followed is update's.
    public func follow(_ leader: String?) {
        let present = leader.map { name in (try? store.presence(now: clock()))?.contains { $0.actor == name } ?? false } ?? false
        _ = state.receive(.followChecked(leader: leader, present: present))
        if let leader, state.sharing.following == leader { _ = mirror(leader) }
        publish(force: true)
    }

    /// The machine's name, without the DNS lookup `ProcessInfo.hostName` may make.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
