import Foundation
import Planning
import TerminalUI

extension AppState {
    /// Actions that work the same on every screen (the side panel, following, the stand-up
    /// screen's key), and the read-only rule while following. nil: the screen handles it.
    mutating func performShared(_ action: AppAction) -> [Effect]? {
        switch action {
        case .global(.togglePanel):
            sharing.panelOpen.toggle()
            return []
        case .global(.activityPerson):
            let people = sharing.people
            if let current = sharing.activityPerson, let i = people.firstIndex(of: current) {
                sharing.activityPerson = i + 1 < people.count ? people[i + 1] : nil
            } else {
                sharing.activityPerson = people.first
            }
            sharing.panelOpen = true
            message = .info("Activity: \(sharing.activityPerson ?? "everyone").")
            return []
        case .global(.follow):
            if sharing.following != nil { return [.follow(nil)] }
            let others = Presence.people(sharing.presence.filter { $0.session != sharing.sessionID && $0.view != nil })
                .filter { $0 != actor }
            guard let first = others.first else {
                message = .info("Nobody else has this project open to follow (:follow NAME names one).")
                return []
            }
            return [.follow(first)]
        case .global(.quit), .global(.help):
            return nil
        default:
            break
        }
        if let leader = sharing.following {
            if action == .global(.clearFilter) { return [.follow(nil)] }
            message = followingNotice(leader)
            return []
        }
        return nil
    }

    /// Follows `leader` (nil stops) when they are someone else who is a member or has the
    /// project open (`present`); otherwise says why not.
    mutating func startFollowing(_ leader: String?, present: Bool) {
        guard let leader else {
            if let was = sharing.following { message = .info("Stopped following \(was).") }
            sharing.following = nil
            return
        }
        guard leader != actor else {
            message = .error("You cannot follow yourself; name someone else (:follow NAME).")
            return
        }
        guard present || project.members.values.contains(where: { $0.handle == leader }) else {
            let members = project.members.values.map(\.handle).sorted().joined(separator: ", ")
            message = .error("Nobody called \(Quote.cut(leader, limit: 32)) is a member or has this project open; members: \(members).")
            return
        }
        sharing.following = leader
        mode = .board
        message = followingNotice(leader)
    }

    /// What a follower is told when a key would change something.
    func followingNotice(_ leader: String) -> StatusMessage {
        .info("Following \(leader): read-only. \(keyName(.global(.follow))) or \(keyName(.global(.clearFilter))) stops following.")
    }

    /// What this session shows, for followers (nil while it follows someone itself).
    public var sharedView: SharedView? {
        guard sharing.following == nil else { return nil }
        return SharedView(screen: screen.rawValue, boardID: boardID, cardID: self.selectedCardID, raidItemID: self.raid.selectedID,
                          taskID: self.timeline.selectedID, standup: screen == .standup ? self.standup.clock : nil)
    }

    /// Shows what the followed session shows: its screen, board, selection and stand-up clock.
    public mutating func mirror(_ view: SharedView) {
        if let target = Screen(rawValue: view.screen) { screen = target }
        if let board = view.boardID, board != boardID, project.boards[board] != nil {
            boardID = board
            refreshView()
        }
        if let card = view.cardID, project.cards[card] != nil { self.selectedCardID = card }
        if let item = view.raidItemID, let raidItem = project.raidItems[item] {
            self.raid.log = raidItem.type
            self.raid.selectedID = item
        }
        if let task = view.taskID, project.tasks[task] != nil { self.timeline.selectedID = task }
        if screen == .standup {
            self.standup.clock = view.standup
            if let card = view.cardID, let i = standupLines.firstIndex(where: { $0.cardID == card }) { self.standup.selected = i }
        }
        keepSelection()
    }
}
