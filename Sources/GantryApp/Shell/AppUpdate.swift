import Foundation
import Planning
import TerminalUI

/// Work `update` asks the runtime to do; results come back as a new snapshot and a message.
public enum Effect: Sendable, Equatable {
    case apply(Change)
    case undo
    case redo
    /// Edit a description in $VISUAL/$EDITOR; for a card on the board, or (nil) the open form.
    case editDescription(cardID: String?, text: String)
    /// Open a stand-up: load the previous one and the changes since, start the clock.
    case startStandup
    /// End the running stand-up and save its summary.
    case endStandup
    /// Mirror this user's session (nil: stop following).
    case follow(String?)
    /// Read the whole project again (the journal could not be replayed onto this one).
    case reload
    /// Read the cards' flow history (after the project loads).
    case readFlow
    case quit
}

extension AppState {
    /// Reacts to a terminal event in the current mode. Pure apart from `self`: store writes and
    /// editors are returned as effects.
    public mutating func handle(_ event: Event, size: (width: Int, height: Int)) -> [Effect] {
        switch event {
        case .resize:
            keepSelectionVisible(boardLayout(size))
            return []
        case .mouse(let button, let x, let y):
            guard mode == .board, screen == .board else { return [] }
            handleMouse(button, x: x, y: y, layout: boardLayout(size))
            return []
        case .key(let key):
            switch mode {
            case .board:
                message = nil
                guard let action = keymap.action(for: key, in: screen.keys) else {
                    if key == .escape && sharing.following != nil { return [.follow(nil)] }
                    message = sharing.following.map(followingNotice) ?? notHere(key)
                    return []
                }
                if let effects = performShared(action) { return effects }
                return perform(action, size: size)
            case .help(let scroll):
                let page = max(1, size.height - 6)
                switch keymap.action(for: key, in: HelpAction.context) {
                case .help(.scrollDown): mode = .help(scroll: scroll + 1)
                case .help(.scrollUp): mode = .help(scroll: max(0, scroll - 1))
                case .help(.pageDown): mode = .help(scroll: scroll + page)
                case .help(.pageUp): mode = .help(scroll: max(0, scroll - page))
                default: mode = .board
                }
                return []
            case .confirmDelete(let id):
                mode = .board
                guard key == .char("y") || key == .char("Y"), let card = project.cards[id] else {
                    message = .info("Nothing deleted.")
                    return []
                }
                return [.apply(project.deleteCard(card))]
            case .filterPrompt(let field):
                switch prompt(key, field) {
                case .editing(let f): mode = .filterPrompt(f)
                case .cancelled: mode = .board
                case .submitted(let text): mode = .board; return submitFilter(text)
                }
                return []
            case .commandPrompt(let field):
                switch prompt(key, field) {
                case .editing(let f): mode = .commandPrompt(f)
                case .cancelled: mode = .board
                case .submitted(let text): mode = .board; return submitCommand(text, layout: boardLayout(size))
                }
                return []
            case .blockPrompt(let id, let field):
                switch prompt(key, field) {
                case .editing(let f): mode = .blockPrompt(cardID: id, f)
                case .cancelled: mode = .board
                case .submitted(let reason):
                    mode = .board
                    guard let card = project.cards[id] else { return [] }
                    do { return [.apply(try project.blockCard(card, reason: reason))] } catch {
                        message = .failure(error)
                    }
                }
                return []
            case .timePrompt(let id, let field):
                switch prompt(key, field) {
                case .editing(let f): mode = .timePrompt(taskID: id, f)
                case .cancelled: mode = .board
                case .submitted(let text):
                    guard let task = project.tasks[id] else { mode = .board; return [] }
                    do {
                        let change = try project.logTime(typed: text, on: task, actor: actor, today: today)
                        mode = .board
                        return [.apply(change)]
                    } catch {
                        message = .failure(error)
                    }
                }
                return []
            case .form(var form): return formKey(key, &form)
            case .raidForm(var form): return formKey(key, &form)
            case .confirmEndStandup:
                mode = .board
                guard key == .char("y") || key == .char("Y") else {
                    message = .info("The stand-up goes on.")
                    return []
                }
                return [.endStandup]
            case .confirm(let confirmation):
                return answer(confirmation, with: key)
            case .sprintPrompt(let prompt):
                return sprintPromptKey(key, prompt)
            case .confirmDeleteRaid(let id):
                mode = .board
                guard key == .char("y") || key == .char("Y"), let item = project.raidItems[id] else {
                    message = .info("Nothing deleted.")
                    return []
                }
                return [.apply(project.deleteRaid(item))]
            }
        }
    }

    enum PromptOutcome {
        case editing(TextField), cancelled, submitted(String)
    }

    func prompt(_ key: Key, _ field: TextField) -> PromptOutcome {
        switch keymap.action(for: key, in: PromptAction.context) {
        case .prompt(.cancel): return .cancelled
        case .prompt(.submit): return .submitted(field.value)
        default:
            var f = field
            _ = f.handle(key)
            return .editing(f)
        }
    }

    /// The keys that work on every screen; moves and filters go to the showing screen.
    mutating func perform(_ action: GlobalAction, size: (width: Int, height: Int)) -> [Effect] {
        if let motion = action.motion { return move(motion, size: size) }
        switch action {
        case .undo: return [.undo]
        case .redo: return [.redo]
        case .help: mode = .help(scroll: 0)
        case .command: mode = .commandPrompt(TextField())
        case .quit: return requestQuit()
        case .filter: openFilter()
        case .clearFilter: clearFilter()
        default: break // moves are handled above, and working together in performShared
        }
        return []
    }

    mutating func submitBoardFilter(_ text: String) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            self.filter = nil
            self.filterText = ""
            refreshView()
            message = .info("Filter cleared.")
            return []
        }
        do {
            self.filter = try CardFilter(try Query(trimmed), project: project, now: now, today: today, me: actor)
            self.filterText = trimmed
            refreshView()
            // The selected card no longer shows and its column has no match: select the first
            // match, so the next key acts on a card the user can see.
            if self.selectedCardID == nil { selectFirstCard() }
            let shown = view.shown.reduce(0, +)
            message = .info("\(shown) card\(shown == 1 ? "" : "s") match \(trimmed).")
        } catch {
            reportFilterError(error, text: text)
        }
        return []
    }

    /// A bad filter keeps its prompt open with the reason above it.
    mutating func reportFilterError(_ error: Error, text: String) {
        guard let e = error as? QueryError else {
            message = .failure(error)
            return
        }
        mode = .filterPrompt(TextField(text))
        message = .error("\(e.message) (at column \(e.offset + 1)). Fix it, or \(keyName(.prompt(.cancel))) to cancel.")
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

extension AppState {
    /// The first key of `action` where it applies on this screen, as typed ("?", "S-right"); an
    /// action the user left without a key is named by its config name.
    func keyName(_ action: AppAction, on screen: Screen? = nil) -> String {
        let context: String
        switch action {
        case .form: context = FormAction.context
        case .help: context = HelpAction.context
        case .prompt: context = PromptAction.context
        default: context = (screen ?? self.screen).keys
        }
        return keymap.key(for: action, in: context)
            ?? keymap.bindings.first { $0.action == action }.map { "(no key for \($0.name))" } ?? "(no key)"
    }

    /// What to say for a key this screen has no use for: where it works, or where the keys are.
    func notHere(_ key: Key) -> StatusMessage {
        if let (context, _) = keymap.elsewhere(key, notIn: screen.keys), let there = Screen(rawValue: context) {
            return .info("That key works on the \(there.title); press \(keyName(there.opener)) to open it.")
        }
        return .error("\(key) does nothing here. Press \(keyName(.global(.help))) for the keys.")
    }
}
