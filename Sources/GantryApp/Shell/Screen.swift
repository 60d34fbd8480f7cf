import TerminalUI

/// Which of the app's views is showing; the screens, in tab order. This file is where a screen
/// is registered, and the only one outside its folder that a new screen touches: a case here,
/// with its title, tab, opener key and the lines that route to its folder (its actions, keys,
/// update, render and status line), and its state in `ScreenStates`, below.
public enum Screen: String, Sendable, CaseIterable {
    case board, raid, timeline, standup, sprints, reports, workload

    /// As the tabs and the help name it.
    public var title: String {
        switch self {
        case .board: return "Board"
        case .raid: return "RAID log"
        case .timeline: return "Timeline"
        case .standup: return "Stand-up"
        case .sprints: return "Sprints"
        case .reports: return "Reports"
        case .workload: return "Workload"
        }
    }

    /// Its tab's label.
    var tab: String { self == .raid ? "RAID" : title }

    /// The keymap context of the screen's own keys (`[keys.board]` in the config file).
    public var keys: String { rawValue }

    /// The action that opens the screen.
    var opener: AppAction { .open(self) }

    /// The opener's default key and what the help says of it.
    private var openerBinding: KeyMap<AppAction>.Binding {
        switch self {
        case .board: return .init([.char("1")], opener, name: "show-board", help: "The board", group: "Screens")
        case .raid: return .init([.char("2")], opener, name: "show-raid", help: "The RAID log (risks, assumptions, issues, …)", group: "Screens")
        case .timeline: return .init([.char("3")], opener, name: "show-timeline", help: "The timeline (Gantt chart)", group: "Screens")
        case .standup: return .init([.char("4")], opener, name: "show-standup", help: "Stand-up: walk the board with a timer per speaker", group: "Screens")
        case .sprints: return .init([.char("5")], opener, name: "show-sprints", help: "Sprint planning: backlog against the next sprint", group: "Screens")
        case .reports: return .init([.char("6")], opener, name: "show-reports", help: "Reports: sprint, flow and forecast charts", group: "Screens")
        case .workload: return .init([.char("7")], opener, name: "show-workload", help: "Workload: hours asked and there, per person", group: "Screens")
        }
    }

    /// The screen's own default keys, from its folder.
    var bindings: [KeyMap<AppAction>.Binding] {
        switch self {
        case .board: return BoardAction.bindings
        case .raid: return RaidAction.bindings
        case .timeline: return TimelineAction.bindings
        case .standup: return StandupAction.bindings
        case .sprints: return SprintsAction.bindings
        case .reports: return ReportsAction.bindings
        case .workload: return WorkloadAction.bindings
        }
    }

    /// Every default binding: the global keys, each screen's opener, working together, each
    /// screen's own keys and the forms'.
    static var defaultBindings: [KeyMap<AppAction>.Binding] {
        GlobalAction.bindings + allCases.map(\.openerBinding) + GlobalAction.sharingBindings + allCases.flatMap(\.bindings) + FormAction.bindings + HelpAction.bindings + PromptAction.bindings
    }
}

/// Each screen's own state, held by `AppState.screens`.
public struct ScreenStates: Sendable {
    public var board = BoardScreenState()
    public var raid = RaidScreenState()
    public var timeline = TimelineState()
    public var standup = StandupState()
    public var sprints = SprintsState()
    public var reports = ReportsState()
    public var workload = WorkloadState()
}

/// Everything a key can ask for: an action that works on every screen, opening a screen, a
/// screen's own action, or a form's, the help's or a prompt's.
public enum AppAction: Hashable, Sendable {
    case global(GlobalAction)
    case open(Screen)
    case board(BoardAction)
    case raid(RaidAction)
    case timeline(TimelineAction)
    case standup(StandupAction)
    case sprints(SprintsAction)
    case reports(ReportsAction)
    case workload(WorkloadAction)
    case form(FormAction)
    case help(HelpAction)
    case prompt(PromptAction)

    /// The default bindings, built from each screen's keys.
    public static let defaultKeyMap = KeyMap<AppAction>(Screen.defaultBindings, modal: [FormAction.context, HelpAction.context, PromptAction.context])

    /// Every action, for checks that each has a key.
    static var allCases: [AppAction] {
        GlobalAction.allCases.map(AppAction.global) + Screen.allCases.map(AppAction.open) + BoardAction.allCases.map(AppAction.board)
            + RaidAction.allCases.map(AppAction.raid) + TimelineAction.allCases.map(AppAction.timeline)
            + StandupAction.allCases.map(AppAction.standup) + SprintsAction.allCases.map(AppAction.sprints)
            + ReportsAction.allCases.map(AppAction.reports) + WorkloadAction.allCases.map(AppAction.workload) + FormAction.allCases.map(AppAction.form) + HelpAction.allCases.map(AppAction.help)
            + PromptAction.allCases.map(AppAction.prompt)
    }
}

extension AppState {
    /// A screen's own action, on the screen it belongs to (keys are looked up per screen, so
    /// another screen's action never arrives here).
    mutating func perform(_ action: AppAction, size: (width: Int, height: Int)) -> [Effect] {
        switch action {
        case .open(let target): return target == screen ? [] : show(target)
        case .global(let global): return perform(global, size: size)
        case .board(let a):
            let effects = performBoard(a, layout: boardLayout(size))
            settleSelection(boardLayout(size))
            return effects
        case .raid(let a): return performRaid(a)
        case .timeline(let a): return performTimeline(a)
        case .standup(let a): return performStandup(a, height: size.height)
        case .sprints(let a): return performSprints(a)
        case .reports(let a): performReports(a); return []
        case .workload(let a): performWorkload(a); return []
        case .form, .help, .prompt: return []
        }
    }

    /// Opens `target`: the RAID log settles its selection, the stand-up starts its clock.
    mutating func show(_ target: Screen) -> [Effect] {
        screen = target
        message = nil
        switch target {
        case .raid: keepRaidSelection()
        case .standup where self.standup.clock == nil: return [.startStandup]
        case .sprints: refreshPlanning()
        case .reports: refreshReport()
        case .workload: refreshWorkload()
        default: break
        }
        return []
    }

    /// A move of the selection, as the showing screen reads it.
    mutating func move(_ motion: Motion, size: (width: Int, height: Int)) -> [Effect] {
        switch screen {
        case .board: moveOnBoard(motion, layout: boardLayout(size))
        case .raid: moveInRaid(motion, height: size.height)
        case .timeline: moveOnTimeline(motion, height: size.height)
        case .standup: return moveInStandup(motion, height: size.height)
        case .sprints: moveInSprints(motion, height: size.height)
        case .reports: moveInReports(motion)
        case .workload: moveInWorkload(motion)
        }
        return []
    }

    /// The showing screen's filter prompt, or why it has none.
    mutating func openFilter() {
        switch screen {
        case .board: mode = .filterPrompt(TextField(self.filterText, selected: true))
        case .raid: mode = .filterPrompt(TextField(self.raid.filterText, selected: true))
        case .timeline, .standup, .sprints, .reports, .workload: message = .info("The \(screen.title.lowercased()) screen has no filter; \(keyName(.global(.help))) lists its keys.")
        }
    }

    /// Clears the showing screen's filter.
    mutating func clearFilter() {
        switch screen {
        case .board: if self.filter != nil { _ = submitFilter("") }
        case .raid: clearRaidFilter()
        case .timeline, .standup, .sprints, .reports, .workload: break
        }
    }

    /// Applies a submitted filter on the showing screen.
    mutating func submitFilter(_ text: String) -> [Effect] {
        screen == .raid ? submitRaidFilter(text) : submitBoardFilter(text)
    }

    /// Draws the showing screen into the content area.
    func drawScreen(theme: Theme, width: Int, height: Int, into buffer: inout Buffer) {
        switch screen {
        case .board: BoardScreen(state: self, theme: theme, layout: BoardLayout(width: width, height: height, columnCount: view.columns.count)).draw(into: &buffer)
        case .raid: RaidScreen(state: self, theme: theme, width: width, height: height).draw(into: &buffer)
        case .timeline: TimelineScreen(state: self, theme: theme, width: width, height: height).draw(into: &buffer)
        case .standup: StandupScreen(state: self, theme: theme, width: width, height: height).draw(into: &buffer)
        case .sprints: SprintsScreen(state: self, theme: theme, width: width, height: height).draw(into: &buffer)
        case .reports: ReportsScreen(state: self, theme: theme, width: width, height: height).draw(into: &buffer)
        case .workload: WorkloadScreen(state: self, theme: theme, width: width, height: height).draw(into: &buffer)
        }
    }

    /// The status line's left part on the showing screen, when no message holds it.
    var statusLine: String {
        switch screen {
        case .board: return boardStatus
        case .raid: return raidStatus
        case .timeline: return timelineStatus
        case .standup: return standupStatus
        case .sprints: return sprintsStatus
        case .reports: return reportsStatus
        case .workload: return workloadStatus
        }
    }
}
