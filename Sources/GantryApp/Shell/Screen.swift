/// Which of the app's views is showing; the screens, in tab order. Adding one means a case here (its title, tab and opener key), a
/// folder with its state, update and render, and its keys in the keymap under its own context.
public enum Screen: String, Sendable, CaseIterable {
    case board, raid, timeline, standup

    /// As the tabs and the help name it.
    public var title: String {
        switch self {
        case .board: return "Board"
        case .raid: return "RAID log"
        case .timeline: return "Timeline"
        case .standup: return "Stand-up"
        }
    }

    /// Its tab's label.
    var tab: String { self == .raid ? "RAID" : title }

    /// The keymap context of the screen's own keys (`[keys.board]` in the config file).
    public var keys: String { rawValue }

    /// The action that opens the screen.
    var opener: AppAction {
        switch self {
        case .board: return .showBoard
        case .raid: return .showRaid
        case .timeline: return .showTimeline
        case .standup: return .showStandup
        }
    }
}
