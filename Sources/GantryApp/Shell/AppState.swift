import Foundation
import Planning
import TerminalUI

/// What the screen is doing besides showing the board.
public enum Mode: Sendable, Equatable {
    case board
    case filterPrompt(TextField)
    case commandPrompt(TextField)
    case blockPrompt(cardID: String, TextField)
    /// Logging time on a task: hours, then who and the day.
    case timePrompt(taskID: String, TextField)
    case confirmDelete(cardID: String)
    case form(CardForm)
    case raidForm(RaidForm)
    case confirmDeleteRaid(itemID: String)
    case confirmEndStandup
    case confirm(Confirmation)
    /// Starting a sprint: its goal, then its end.
    case sprintPrompt(SprintPrompt)
    case help(scroll: Int)
}

/// A line for the status bar: information, or an error that says what to do.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool

    public static func info(_ t: String) -> StatusMessage { StatusMessage(text: t, isError: false) }
    public static func error(_ t: String) -> StatusMessage { StatusMessage(text: t, isError: true) }

    /// A refusal as the app says it: the reason, then the way out in the app's own keys and
    /// commands (never the command line's options).
    public static func failure(_ error: Error) -> StatusMessage {
        let remedy = (error as? PlanningError)?.remedy?.inTheApp.map { " " + $0 } ?? ""
        return .error("\(error)" + remedy)
    }
}

extension Remedy {
    /// The way out as the app offers it; nil where the app has none to offer.
    var inTheApp: String? {
        switch self {
        case .unlinkTasks: return "Remove one with :undep T-n on the timeline."
        case .startSprint: return "Start it from the planning screen."
        case .closeActiveSprint: return "Close it first from the planning screen."
        case .listCards, .listTasks, .listRaidItems, .listHolidays, .addBoard, .addColumn, .addMember, .unassign, .moveCardsElsewhere,
             .listSprints, .addSprint: return nil
        }
    }
}

/// The whole state of an interactive session. `update` changes it in response to actions; the
/// runtime performs the effects `update` asks for; `render` draws it. Each screen's own state
/// is in `screens` and read as if it were here (`state.raid`, `state.selectedCardID`).
@dynamicMemberLookup
public struct AppState: Sendable {
    public var project: ProjectSnapshot
    public var boardID: String
    public var actor: String
    public var projectPath: String
    public var now: Date
    public var mode: Mode = .board
    public var message: StatusMessage?
    public var thresholds = AgeThresholds.standard
    public var screen = Screen.board
    /// The live key bindings (defaults and the user's config): every key hint is read from here.
    public var keymap = AppAction.defaultKeyMap
    /// Each screen's own state (see `Screen.swift`).
    public var screens = ScreenStates()
    public var sharing = SharingState()
    /// Every card's flow over time, for the charts and closing sprints: read once after the
    /// project loads, then kept up to date from the journal rows this session replays.
    public var flow: FlowHistory?
    /// Each task's percent complete over time, for the budget burn's earned line: read and kept
    /// up to date with `flow`.
    public var progress: ProgressHistory?
    /// Plain-ASCII drawing for terminals without box and block glyphs (vt100, the Linux console).
    public var asciiGlyphs = false
    public var shouldQuit = false
    /// Active cards per column while only a preview of the project is loaded (first frame).
    public var previewTotals: [String: Int]?
    public private(set) var view: BoardView
    /// The generator update draws from (the stand-up shuffle): seeded from the time the session
    /// started, so a test with a fixed clock always sees the same order.
    public var random: SplitMix
    /// Where new cards' and items' ids come from: seeded by whoever builds the state (the
    /// runtime from the system's randomness, so two sessions never collide; tests fixed).
    public var ids: SplitMix

    public init(project: ProjectSnapshot, actor: String, projectPath: String, now: Date, keymap: KeyMap<AppAction> = AppAction.defaultKeyMap,
                idSeed: UInt64 = 0, boardID: String? = nil, previewTotals: [String: Int]? = nil) {
        ids = SplitMix(seed: idSeed)
        self.project = project
        self.keymap = keymap
        self.actor = actor
        self.projectPath = projectPath
        self.now = now
        self.previewTotals = previewTotals
        random = SplitMix(seed: UInt64(max(0, now.timeIntervalSince1970 * 1000)))
        self.boardID = boardID ?? project.sortedBoards.first?.id ?? ""
        view = BoardView(project: project, boardID: self.boardID, filter: nil, swimlanes: .none, totals: previewTotals)
        selectFirstCard()
        reschedule()
    }

    public subscript<T>(dynamicMember path: WritableKeyPath<ScreenStates, T>) -> T {
        get { screens[keyPath: path] }
        _modify { yield &screens[keyPath: path] }
    }

    /// The board's state, read as the app's own (`state.selectedCardID`).
    public subscript<T>(dynamicMember path: WritableKeyPath<BoardScreenState, T>) -> T {
        get { screens.board[keyPath: path] }
        _modify { yield &screens.board[keyPath: path] }
    }

    public var today: Day { Day.containing(now) }

    /// The next new entity's id.
    mutating func newID() -> String { NewID.next(from: &ids) }
    public var board: Board? { project.boards[boardID] }

    /// Applies a change (ours or another session's) to the project and to what depends on it:
    /// card-only changes update just the board columns they touch, other board changes rebuild
    /// the board, and timeline or calendar changes reschedule. Nothing else is recomputed.
    /// `actor` made the change; an open form on an item it touches merges it or shows the clash.
    public mutating func apply(_ change: Change, by actor: String? = nil) throws {
        let kinds = Set(change.edits.map(\.kind))
        var before: [String: Card?] = [:]
        for edit in change.edits where edit.kind == .card { before[edit.id] = project.cards[edit.id] }
        let standupCard = screen == .standup ? standupLines[safe: self.standup.selected]?.cardID : nil
        defer { if let standupCard { keepStandupSelection(on: standupCard) } }
        try project.apply(change)
        if let actor { mergeIntoOpenForm(change, by: actor) }
        if !kinds.isDisjoint(with: [.task, .taskLink, .holiday, .project]) { reschedule(after: change) }
        if kinds == [.card], view.update(cards: before, in: project, filter: self.filter) {
            keepSelection()
        } else if !kinds.isDisjoint(with: [.card, .column, .board, .member]) {
            refreshView()
        } else {
            keepSelection()
        }
    }

    /// An open form on an item the change touched takes it in (see `FormBase`).
    mutating func mergeIntoOpenForm(_ change: Change, by actor: String) {
        func report(_ notice: String?, _ base: FormBase) {
            guard let notice else { return }
            message = base.clashes.isEmpty && base.deletedBy == nil ? .info(notice) : .error(notice)
        }
        switch mode {
        case .form(var form):
            guard let id = form.cardID, change.edits.contains(where: { $0.id == id }) else { return }
            report(form.merge(project.cards[id], by: actor, project: project, keys: formKeys), form.base)
            mode = .form(form)
        case .raidForm(var form):
            guard let id = form.itemID, change.edits.contains(where: { $0.id == id || ($0.kind == .raidLink && $0.fields.contains { $0.to == .text(id) || $0.from == .text(id) }) }) else { return }
            report(form.merge(project.raidItems[id], by: actor, project: project, keys: formKeys), form.base)
            mode = .raidForm(form)
        default:
            break
        }
    }

    /// Whether a preview (the top of each column) can answer `event` as the whole project
    /// would: a resize, help, quitting, or moving the selection on the board short of its last rows.
    func previewAnswers(_ event: Event) -> Bool {
        switch event {
        case .resize: return true
        case .key(let key):
            guard mode == .board, screen == .board, case .global(let action)? = keymap.action(for: key, in: screen.keys) else { return false }
            if action == .quit || action == .help { return true }
            guard let motion = action.motion else { return false }
            return motion != .bottom && motion != .pageDown
        case .mouse: return false
        }
    }

    /// Takes a freshly loaded project (after a preview, or when the journal could not be replayed).
    /// `scheduleStands` when it replaces a preview read with it: the preview held every task,
    /// calendar and baseline, so the schedule computed for it stands. `view`, when given, is
    /// the board already arranged from `fresh` for this board, filter and lanes.
    public mutating func replaceProject(_ fresh: ProjectSnapshot, scheduleStands: Bool = false, view arranged: BoardView? = nil) {
        project = fresh
        if !scheduleStands { reschedule() }
        previewTotals = nil
        if let arranged, project.boards[boardID] != nil {
            view = arranged
            keepSelection()
        } else {
            refreshView()
        }
    }

    /// Rebuilds the arranged board after the project, filter, lanes or board changed, keeping the
    /// selection on the same card when it is still visible.
    public mutating func refreshView() {
        if project.boards[boardID] == nil { boardID = project.sortedBoards.first?.id ?? "" }
        view = BoardView(project: project, boardID: boardID, filter: self.filter, swimlanes: self.swimlanes, totals: previewTotals)
        keepSelection()
    }

    /// Keeps the selection on the same card, or on the nearest card of its column when it left.
    mutating func keepSelection() {
        keepRaidSelection()
        if let id = self.selectedCardID, let position = view.position(of: id, in: project) {
            self.selectedColumn = position.column
            return
        }
        self.selectedColumn = min(max(0, self.selectedColumn), max(0, view.columns.count - 1))
        let ids = view.ids(inColumn: self.selectedColumn)
        self.selectedCardID = ids.isEmpty ? nil : ids[min(self.selectedRowHint, ids.count - 1)]
    }

    /// Keeps the stand-up list's selection on the same card when lines above it come or go.
    mutating func keepStandupSelection(on cardID: String) {
        guard let i = standupLines.firstIndex(where: { $0.cardID == cardID }) else { return }
        self.standup.selected = i
        self.selectedCardID = cardID
    }

    mutating func selectFirstCard() {
        for i in view.columns.indices where !view.ids(inColumn: i).isEmpty {
            self.selectedColumn = i
            self.selectedCardID = view.ids(inColumn: i).first
            return
        }
    }

    public var selectedCard: Card? { self.selectedCardID.flatMap { project.cards[$0] } }

    public var selectedRow: Int? {
        guard let id = self.selectedCardID, let position = view.position(of: id, in: project), position.column == self.selectedColumn else { return nil }
        return position.row
    }
}
