import Foundation
import Testing
import Planning
import TerminalUI
@testable import GantryApp

/// The app with no database: the sample project in memory, keys through keymap, update and
/// render as in the app, and the effects update asks for carried out against an in-memory
/// journal whose outcomes go back to update, as the runtime does with the store. Keys are
/// allocated as the store allocates them (`Change.allocatingKeys`); undo and redo walk this
/// session's own changes. Tests of what the store itself does (conflicts, other sessions,
/// the journal on disk) use `AppHarness`.
final class MemoryHarness {
    private(set) var state: AppState
    let terminal: TestTerminal
    let theme: Theme
    /// What the "editor" returns for a description, given the text it opened with.
    var editor: (String) -> String? = { $0 }
    /// Every effect update asked for, in order.
    private(set) var effects: [Effect] = []
    private var sequences: [String: Int64] = [:]
    private var done: [Change] = []
    private var undone: [Change] = []

    init(width: Int = 120, height: Int = 40, theme: Theme = AppHarness.testTheme, actor: String = "ana",
         keymap: KeyMap<AppAction> = AppAction.defaultKeyMap) throws {
        let project = try SampleProject.snapshot(now: AppHarness.now)
        state = AppState(project: project, actor: actor, projectPath: "sample.sqlite", now: AppHarness.now)
        var flow = FlowHistory()
        var progress = ProgressHistory()
        for step in try SampleProject.history(now: AppHarness.now) {
            flow.record(step.change, at: step.at)
            progress.record(step.change, at: step.at)
        }
        state.flow = flow
        state.progress = progress
        state.keymap = keymap
        terminal = TestTerminal(width: width, height: height)
        self.theme = theme
        for card in project.cards.values { sequences["card", default: 1] = max(sequences["card", default: 1], Int64(card.number) + 1) }
        for item in project.raidItems.values { sequences["raid.\(item.type.rawValue)", default: 1] = max(sequences["raid.\(item.type.rawValue)", default: 1], Int64(item.number) + 1) }
        for task in project.tasks.values { sequences["task", default: 1] = max(sequences["task", default: 1], Int64(task.number) + 1) }
        redraw()
    }

    /// Sends keys by keymap name or literal text: "L", "enter", "S-right", "C-r".
    func press(_ keys: String...) {
        for k in keys {
            if let key = Key(name: k) { handle(.key(key)) } else { type(k) }
        }
    }

    func type(_ text: String) {
        for c in text { handle(.key(.char(c))) }
    }

    /// The session's clock: fixed at `AppHarness.now` until a test moves it.
    private(set) var now = AppHarness.now

    /// Moves the clock on; the next event sees the new time, as in the runtime.
    func advance(_ seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }

    /// One event: update, its effects, the frame.
    func handle(_ event: Event) {
        if case .resize(let w, let h) = event { terminal.size = (w, h) }
        _ = state.receive(.timePassed(now))
        for effect in state.handle(event, size: terminal.size) { perform(effect) }
        redraw()
    }

    /// Time passes with no key: the clock moves and the screen is drawn again.
    func tick() {
        _ = state.receive(.timePassed(now))
        redraw()
    }

    /// Plain-ASCII drawing, as for a vt100.
    func setASCII(_ on: Bool) {
        _ = state.receive(.settings(.asciiGlyphs(on)))
        redraw()
    }

    func redraw() {
        let frame = state.render(theme: theme, width: terminal.size.width, height: terminal.size.height)
        terminal.draw(frame.buffer, cursor: frame.cursor)
    }

    func perform(_ effect: Effect) {
        effects.append(effect)
        let outcome: Outcome?
        do {
            switch effect {
            case .apply(let change):
                let applied = try commit(change)
                done.append(applied)
                undone = []
                outcome = .applied(summary: applied.summary)
            case .undo:
                guard let last = done.popLast() else { outcome = .undone(summary: nil); break }
                let inverse = try commit(last.inverse)
                undone.append(last)
                outcome = .undone(summary: inverse.summary)
            case .redo:
                guard let last = undone.popLast() else { outcome = .redone(summary: nil); break }
                done.append(try commit(last))
                outcome = .redone(summary: last.summary)
            case .editDescription(let cardID, let text):
                outcome = .editorFinished(cardID: cardID, original: text, edited: editor(text))
            case .startStandup:
                outcome = .standupHistory(previousEndedAt: nil, since: [], starting: true)
            case .endStandup:
                outcome = .standupSaved(speakers: state.standup.clock?.speakers.count ?? 0, captured: 0)
            case .follow(let leader):
                outcome = .followChecked(leader: leader, present: false)
            case .quit:
                outcome = .stopped
            case .reload:
                outcome = .loaded(state.project)
            case .readFlow:
                outcome = state.flow.map { Outcome.flowRead($0, state.progress ?? ProgressHistory()) }
            }
        } catch {
            outcome = .failed("\(error)")
        }
        if let outcome { for next in state.receive(outcome) { perform(next) } }
    }

    /// Applies a change as the store would: keys allocated, then the project and what shows.
    private func commit(_ change: Change) throws -> Change {
        let prefix = state.project.info.keyPrefix
        let applied = change.allocatingKeys(projectPrefix: { prefix }, next: { sequence in
            defer { sequences[sequence, default: 1] += 1 }
            return sequences[sequence, default: 1]
        })
        try state.apply(applied, by: state.actor)
        state.flow?.record(applied, at: now)
        state.progress?.record(applied, at: now)
        state.changesArrived()
        return applied
    }

    var screen: [String] { terminal.screen?.lines ?? [] }
    var text: String { screen.joined(separator: "\n") }

    /// The project as saved: here, what the in-memory journal holds.
    func load() throws -> ProjectSnapshot { state.project }

    func card(_ key: String) throws -> Card { try state.project.card(key: key) }

    func column(of key: String) throws -> String {
        state.project.columns[try card(key).columnID]?.name ?? "?"
    }

    /// One letter per cell naming the role that coloured it (see `AppHarness.styleGrid`).
    var styleGrid: [String] { AppHarness.styleGrid(terminal.screen) }
}
