import Foundation
import Planning
import PlanStore
import TerminalUI

/// The interactive loop: events in, `update`, effects performed against the store, `render`,
/// and the frame out. Between events it polls the store so other sessions' changes appear.
public final class AppRuntime {
    public internal(set) var state: AppState
    let store: any ProjectStoring
    let backend: TerminalBackend
    public var theme: Theme
    let clock: () -> Date
    let editor: DescriptionEditor
    private let watcher: (any ChangeFeed)?
    private var lastSeq: Int64
    /// Poll interval: also how long a change from another session takes to appear at most.
    public var tickMilliseconds = 100
    /// This session in the presence table, and when it last told the others.
    let presence: PresenceSession
    var lastBeat: Date?
    var lastPublished: SharedView?
    var lastPresenceRead = Date.distantPast
    private var lastTimerSecond = -1
    /// Whether the stand-up's history is loaded (a follower loads it when the leader starts one).
    var standupHistoryLoaded = false
    /// The day the cached RAID trends were read on.
    private var trendsDay: Day?
    /// Risks the journal touched since the trends were read: only they are read again.
    private var trendsTouched: Set<String> = []
    private var fileReplacedNoticed = false
    /// The whole project's read behind a preview, while it runs.
    private var loading: BackgroundLoad?
    /// The board, filter and lanes the read arranged the board for.
    private var arrangedFor: (boardID: String, filter: String, lanes: Swimlanes)?
    /// Holds the finished read back until signalled (tests act while it is in flight).
    var loadGate: DispatchSemaphore?

    /// With `preview`, the first frame is drawn from the top of each column and the rest of the
    /// project loads right after it, so a large project opens at once.
    public init(store: any ProjectStoring, backend: TerminalBackend, theme: Theme, keymap: KeyMap<AppAction>,
                actor: String, clock: @escaping () -> Date, editor: DescriptionEditor, preview: Bool = false) throws {
        self.store = store
        self.backend = backend
        self.theme = theme
        self.clock = clock
        self.editor = editor
        lastSeq = try store.latestSeq()
        if preview {
            let (snapshot, totals) = try store.loadPreview(perColumn: backend.size.height / BoardLayout.cardHeight + 2)
            state = AppState(project: snapshot, actor: actor, projectPath: store.location, now: clock(), keymap: keymap, idSeed: .random(in: .min ... .max), previewTotals: totals)
        } else {
            state = AppState(project: try store.load(), actor: actor, projectPath: store.location, now: clock(), keymap: keymap, idSeed: .random(in: .min ... .max))
        }
        watcher = try? store.makeWatcher()
        let started = clock()
        presence = PresenceSession(session: UUID().uuidString, actor: actor, host: Self.hostName(),
                                   pid: Int(getpid()), screen: Screen.board.rawValue, since: started, seen: started)
        let activity = ((try? store.journalSummaries(limit: SharingState.activityLimit)) ?? []).map {
            ActivityEntry(seq: $0.seq, at: $0.at, actor: $0.actor, summary: $0.summary)
        }
        _ = state.receive(.sessionOpened(session: presence.session, activity: activity))
        if let fs = store.networkFilesystem {
            notify("On a network filesystem (\(fs)): saving with a rollback journal, which is safe there but slower.", isError: false)
        }
        if store.isReadOnly {
            let frozen = store.isSnapshot ? " Nobody else has it open, so this is the file as it stands; reopen to see later changes." : ""
            notify("Read-only: you can look but not change (no write access to \(store.location)).\(frozen)", isError: false)
        }
    }

    /// Draws with plain ASCII instead of block and box glyphs (for vt100 and the Linux console).
    public func setASCII(_ on: Bool) {
        _ = state.receive(.settings(.asciiGlyphs(on)))
        redraw()
    }

    /// Seconds each stand-up speaker gets (from the config file).
    public func setTimebox(_ seconds: Double) {
        _ = state.receive(.settings(.timebox(seconds)))
    }

    /// Shows a notice in the status line (theme or config problems found at start-up), after
    /// any notice already there (read-only, network filesystem), so neither hides the other.
    public func notify(_ text: String, isError: Bool) {
        _ = state.receive(.notice(isError ? .error(text) : .info(text)))
    }

    /// Runs until the user quits or an exit signal arrives; returns that signal, if any.
    public func run() -> Int32? {
        redraw()
        startLoad()
        announce()
        defer { leave() }
        while !state.shouldQuit {
            if let signal = backend.takeExitSignal() { return signal }
            // While the project loads, wake often to take it in as soon as it is read.
            if let event = backend.nextEvent(timeoutMilliseconds: loading == nil ? tickMilliseconds : 10) {
                handle(event)
            } else {
                tick()
            }
            takeLoadIfDone()
        }
        return nil
    }

    /// Starts reading the whole project behind a preview, on its own thread and connection
    /// (no-op without a preview, or when the read is already running).
    public func startLoad() {
        guard state.previewTotals != nil, loading == nil else { return }
        let (boardID, filter, lanes) = (state.boardID, state.filter, state.swimlanes)
        arrangedFor = (boardID, state.filterText, lanes)
        loading = BackgroundLoad(from: store, gate: loadGate) { BoardView(project: $0, boardID: boardID, filter: filter, swimlanes: lanes) }
    }

    /// Replaces a preview with the whole project, waiting for its read (started here if need
    /// be); the frame is redrawn, and since the preview showed the same top of each column,
    /// nothing visible changes.
    public func completeLoad() {
        startLoad()
        guard let loading else { return }
        finishLoad(loading.wait())
    }

    /// Whether the whole project is still being read behind a preview.
    public var isLoading: Bool { loading != nil }

    /// Takes the whole project in once its read finished.
    public func takeLoadIfDone() {
        guard let result = loading?.take() else { return }
        finishLoad(result)
    }

    private func finishLoad(_ result: Result<BackgroundLoad.Loaded, Error>) {
        loading = nil
        switch result {
        case .success(let loaded):
            // The read may be older than rows this session replayed onto the preview meanwhile:
            // they are replayed again onto the whole project (the feed skips rows it has).
            lastSeq = loaded.seq
            let arranged = arrangedFor.map { $0 == (state.boardID, state.filterText, state.swimlanes) } ?? false
            state.replaceProject(loaded.project, scheduleStands: true, view: arranged ? loaded.view : nil)
            _ = state.receive(.flowRead(loaded.flow, loaded.progress))
            syncFromJournal()
        case .failure(let error):
            _ = state.receive(.failed(StatusMessage.failure(error).text))
        }
        redraw()
    }

    /// One event: update, effects, frame.
    public func handle(_ event: Event) {
        // A preview answers selection moves near the top of the board; anything else needs
        // every card (a rank between neighbours, a count, a search), so it waits for the read.
        if loading != nil, !state.previewAnswers(event) { completeLoad() }
        _ = state.receive(.timePassed(clock()))
        let effects = state.handle(event, size: backend.size)
        for effect in effects { perform(effect) }
        refreshTrendsIfStale()
        redraw()
    }

    /// No event arrived: pick up other sessions' commits, follow the leader, keep the presence
    /// list fresh, and let ages and timers advance. When nothing changed this is one
    /// `PRAGMA data_version` read.
    public func tick() {
        let changed = (try? watcher?.poll()) ?? false
        let now = clock()
        let dayChanged = Day.containing(now) != Day.containing(state.now)
        _ = state.receive(.timePassed(now))
        var dirty = changed || dayChanged
        if changed {
            syncFromJournal()
            refreshTrendsIfStale()
        }
        if let leader = state.sharing.following { dirty = mirror(leader) || dirty }
        // What this session shows goes out when the keys pause, so typing never waits for it.
        publish(force: now.timeIntervalSince(lastBeat ?? .distantPast) >= Presence.heartbeat)
        if changed || now.timeIntervalSince(lastPresenceRead) >= 1 {
            dirty = noticeReplacedFile() || dirty
            dirty = readPresence() || dirty
        }
        if state.screen == .standup, state.standup.clock != nil {
            let second = Int(now.timeIntervalSince1970)
            if second != lastTimerSecond { lastTimerSecond = second; dirty = true }
        }
        if dirty { redraw() }
    }

    /// Says once, and stays said, that the project file was replaced on disk under this session.
    private func noticeReplacedFile() -> Bool {
        guard !fileReplacedNoticed, store.wasReplaced else { return false }
        fileReplacedNoticed = true
        _ = state.receive(.notice(.error("The project file was replaced or removed on disk since you opened it; nothing more can be saved here. Quit and open it again.")))
        return true
    }

    public func redraw() {
        let size = backend.size
        let frame = state.render(theme: theme, width: size.width, height: size.height)
        backend.draw(frame.buffer, cursor: frame.cursor)
    }

    /// Performs an effect and feeds what came of it back to update, then performs what update
    /// asks for next (an edited description becomes a change to apply).
    func perform(_ effect: Effect) {
        let outcome: Outcome?
        do {
            switch effect {
            case .quit:
                outcome = .stopped
            case .reload:
                let seq = try store.latestSeq()
                outcome = .loaded(try store.load())
                lastSeq = seq
            case .readFlow:
                outcome = .flowRead(try store.flowHistory(), try store.progressHistory())
            case .startStandup:
                guard state.standup.clock == nil else { return }
                let history = try standupHistory(now: clock())
                outcome = .standupHistory(previousEndedAt: history.previousEndedAt, since: history.since, starting: true)
            case .endStandup:
                outcome = try saveStandup().map { .standupSaved(speakers: $0.speakers.count, captured: $0.captured.count) }
            case .follow(let leader):
                follow(leader)
                outcome = nil
            case .apply(let change):
                let entry = try store.apply(change, actor: state.actor, at: clock())
                syncFromJournal()
                outcome = .applied(summary: entry.change.summary)
            case .undo:
                let entry = try store.undo(actor: state.actor, at: clock())
                syncFromJournal()
                outcome = .undone(summary: entry?.change.summary)
            case .redo:
                let entry = try store.redo(actor: state.actor, at: clock())
                syncFromJournal()
                outcome = .redone(summary: entry?.change.summary)
            case .editDescription(let cardID, let text):
                var edited: String?
                var failure: Error?
                DescriptionEditor.withInterruptsIgnored {
                    backend.suspend {
                        do { edited = try editor.edit(text) } catch { failure = error }
                    }
                }
                if let failure { throw failure }
                outcome = .editorFinished(cardID: cardID, original: text, edited: edited)
            }
        } catch {
            // A refused write may be a conflict: what the others saved comes in first, so
            // the screen shows why. A failed reload has nothing to read again.
            if effect != .reload { syncFromJournal() }
            outcome = .failed(StatusMessage.failure(error).text)
        }
        if let outcome {
            for next in state.receive(outcome) { perform(next) }
        }
    }

    /// Applies journal rows written since we last looked (ours and everyone else's), keeping
    /// the selection and scroll; falls back to a full reload if a row cannot be replayed.
    func syncFromJournal() {
        guard let entries = try? store.journal(after: lastSeq) else {
            perform(.reload)
            return
        }
        guard let last = entries.last else { return }
        lastSeq = last.seq
        for entry in entries { for edit in entry.change.edits where edit.kind == .raid { trendsTouched.insert(edit.id) } }
        for next in state.receive(.journalRead(entries.map(Self.activity))) { perform(next) }
    }

    static func activity(_ entry: JournalEntry) -> ActivityEntry {
        ActivityEntry(seq: entry.seq, at: entry.at, actor: entry.actor, summary: entry.change.summary, change: entry.change)
    }

    /// Keeps the trend arrows of the risks on screen read, cached per risk: opening the RAID log
    /// reads a screenful however many risks there are, scrolling reads the rows that come into
    /// view, and another session's change reads again only the risks its journal rows touched.
    /// On a new day the cache is dropped, since a trend looks back two weeks from today.
    func refreshTrendsIfStale() {
        guard state.screen == .raid, state.raid.log == .risk else { return }
        let day = Day.containing(state.now)
        var cache = trendsDay == day ? state.raid.trends : [:]
        trendsDay = day
        for id in trendsTouched { cache[id] = nil }
        trendsTouched = []
        cache = cache.filter { state.project.raidItems[$0.key]?.isClosed == false }
        let missing = trendWindow().filter { cache[$0.id] == nil }
        if !missing.isEmpty {
            cache.merge((try? store.riskTrends(of: missing, now: state.now)) ?? [:]) { _, new in new }
        }
        guard cache != state.raid.trends else { return }
        _ = state.receive(.trendsRead(cache))
    }

    /// The open risks the table can show: a screen's height either side of the selected row, so
    /// every row drawn is among them whatever the table's height and scroll.
    private func trendWindow() -> [RaidItem] {
        let rows = state.raidRows
        let height = max(1, backend.size.height)
        let selected = rows.firstIndex { $0.id == state.raid.selectedID } ?? 0
        return rows[max(0, selected - height)..<min(rows.count, selected + height)].filter { $0.type == .risk && !$0.isClosed }
    }

    /// Forgets every cached trend and reads those on screen again.
    func refreshTrends() {
        _ = state.receive(.trendsRead([:]))
        trendsTouched = []
        refreshTrendsIfStale()
    }
}
