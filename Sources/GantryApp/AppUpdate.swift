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
    case quit
}

extension AppState {
    /// Reacts to a terminal event in the current mode. Pure apart from `self`: store writes and
    /// editors are returned as effects.
    public mutating func handle(_ event: Event, size: (width: Int, height: Int)) -> [Effect] {
        let layout = BoardLayout(width: contentWidth(size.width), height: size.height, columnCount: view.columns.count)
        switch event {
        case .resize:
            keepSelectionVisible(layout)
            return []
        case .mouse(let button, let x, let y):
            guard mode == .board else { return [] }
            handleMouse(button, x: x, y: y, layout: layout)
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
                if screen == .standup { return performStandup(action, height: size.height) }
                if screen == .raid { return performRaid(action, height: size.height) }
                if screen == .timeline { return performTimeline(action, height: size.height) }
                let effects = perform(action, layout: layout)
                keepSelectionVisible(layout)
                return effects
            case .help(let scroll):
                switch key {
                case .down, .char("j"): mode = .help(scroll: scroll + 1)
                case .up, .char("k"): mode = .help(scroll: max(0, scroll - 1))
                case .pageDown, .char(" "): mode = .help(scroll: scroll + max(1, size.height - 6))
                case .pageUp: mode = .help(scroll: max(0, scroll - max(1, size.height - 6)))
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
                switch Self.prompt(key, field) {
                case .editing(let f): mode = .filterPrompt(f)
                case .cancelled: mode = .board
                case .submitted(let text): mode = .board; return submitFilter(text)
                }
                return []
            case .commandPrompt(let field):
                switch Self.prompt(key, field) {
                case .editing(let f): mode = .commandPrompt(f)
                case .cancelled: mode = .board
                case .submitted(let text): mode = .board; return submitCommand(text, layout: layout)
                }
                return []
            case .blockPrompt(let id, let field):
                switch Self.prompt(key, field) {
                case .editing(let f): mode = .blockPrompt(cardID: id, f)
                case .cancelled: mode = .board
                case .submitted(let reason):
                    mode = .board
                    guard let card = project.cards[id] else { return [] }
                    do { return [.apply(try project.blockCard(card, reason: reason))] } catch {
                        message = .error("\(error)")
                    }
                }
                return []
            case .form(var form): return formKey(key, &form)
            case .raidForm(var form): return raidFormKey(key, &form)
            case .confirmEndStandup:
                mode = .board
                guard key == .char("y") || key == .char("Y") else {
                    message = .info("The stand-up goes on.")
                    return []
                }
                return [.endStandup]
            case .confirm(let confirmation):
                return answer(confirmation, with: key)
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

    static func prompt(_ key: Key, _ field: TextField) -> PromptOutcome {
        switch key {
        case .escape: return .cancelled
        case .enter: return .submitted(field.value)
        default:
            var f = field
            _ = f.handle(key)
            return .editing(f)
        }
    }

    mutating func submitFilter(_ text: String) -> [Effect] {
        if screen == .raid { return submitRaidFilter(text) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            filter = nil
            filterText = ""
            refreshView()
            message = .info("Filter cleared.")
            return []
        }
        do {
            filter = try CardFilter(try Query(trimmed), project: project, now: now, today: today, me: actor)
            filterText = trimmed
            refreshView()
            // The selected card no longer shows and its column has no match: select the first
            // match, so the next key acts on a card the user can see.
            if selectedCardID == nil { selectFirstCard() }
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
            message = .error("\(error)")
            return
        }
        mode = .filterPrompt(TextField(text))
        message = .error("\(e.message) (at column \(e.offset + 1)). Fix it, or Esc to cancel.")
    }

    private mutating func formKey(_ key: Key, _ form: inout CardForm) -> [Effect] {
        switch key {
        case .escape:
            mode = .board
            message = .info(form.isNew ? "New card discarded." : "Edit cancelled; nothing changed.")
            return []
        case .tab, .down:
            form.focusNext(1)
        case .backTab, .up:
            form.focusNext(-1)
        case .ctrl("e"):
            mode = .form(form)
            return [.editDescription(cardID: nil, text: form[.description])]
        case .enter, .ctrl("s"):
            return save(form)
        case .ctrl("t"), .ctrl("y"):
            guard !form.base.clashes.isEmpty else { break }
            let theirs = key == .ctrl("t")
            form.settle(takeTheirs: theirs)
            message = .info(theirs ? "Took their values; Enter saves the rest of your edits." : "Kept your values; Enter saves them over theirs.")
        default:
            _ = form.edit(key)
        }
        mode = .form(form)
        return []
    }

    private mutating func save(_ form: CardForm) -> [Effect] {
        var form = form
        switch form.draft(project: project, today: today) {
        case .failure(let e):
            form.errors = e.errors
            if let first = CardForm.Field.allCases.first(where: { e.errors[$0] != nil }) { form.focus = first }
            mode = .form(form)
            message = .error("Fix the marked field\(e.errors.count == 1 ? "" : "s"), or Esc to cancel.")
            return []
        case .success(let draft):
            if let reason = form.base.blockingSave(label: { CardForm.Field.allCases[$0].label }) {
                mode = .form(form)
                message = .error(reason)
                return []
            }
            do {
                let change: Change
                if let id = form.cardID, let card = project.cards[id] {
                    change = try project.editCard(card, CardForm.restrict(draft, to: form.edited))
                } else {
                    guard let board, let column = project.columns[form.columnID] else { return [] }
                    if let refusal = wipRefusal(adding: column), !form.overLimitConfirmed {
                        form.overLimitConfirmed = true
                        mode = .form(form)
                        message = .error(refusal + " Enter again adds it anyway; Esc cancels.")
                        return []
                    }
                    change = try project.addCard(draft, board: board, column: column, force: true, now: now)
                    // Selected once the store has it, as in every board tool.
                    selectedCardID = change.edits.first { $0.kind == .card && $0.operation == .create }?.id ?? selectedCardID
                }
                mode = .board
                return change.isEmpty ? [] : [.apply(change)]
            } catch {
                mode = .form(form)
                message = .error("\(error)")
                return []
            }
        }
    }

    /// Why `card` (nil: a new card) may not go into `column`, or nil when it has room. Counts
    /// come from the board, which holds them even while only a preview is loaded.
    func wipRefusal(adding column: Column, card: String? = nil) -> String? {
        guard let limit = column.wipLimit else { return nil }
        let count = view.columns.firstIndex { $0.id == column.id }.map { view.counts[$0] } ?? project.activeCount(inColumn: column.id)
        guard count >= limit else { return nil }
        return PlanningError.wipLimitReached(column: column.name, count: count, limit: limit, card: card).description
    }

    /// What the app says when a move is refused at a WIP limit: the rule, then the way out.
    static let wipWayOut = " Finish something first, or :wip N."

    // MARK: Board actions

    mutating func perform(_ action: AppAction, layout: BoardLayout) -> [Effect] {
        let ids = view.ids(inColumn: selectedColumn)
        let row = selectedRow
        switch action {
        case .selectLeft, .selectRight:
            let target = selectedColumn + (action == .selectLeft ? -1 : 1)
            guard view.columns.indices.contains(target) else { return [] }
            let index = row ?? selectedRowHint
            selectedColumn = target
            let next = view.ids(inColumn: target)
            selectedCardID = next.isEmpty ? nil : next[min(index, next.count - 1)]
        case .selectUp, .selectDown, .selectTop, .selectBottom, .pageUp, .pageDown:
            guard !ids.isEmpty else { return [] }
            let current = row ?? 0
            let page = max(1, layout.cardsPerColumn)
            let target: Int
            switch action {
            case .selectUp: target = current - 1
            case .selectDown: target = current + 1
            case .selectTop: target = 0
            case .selectBottom: target = ids.count - 1
            case .pageUp: target = current - page
            default: target = current + page
            }
            selectedCardID = ids[min(max(0, target), ids.count - 1)]
        case .moveCardLeft, .moveCardRight:
            guard let card = selectedCard else { message = .error("No card selected."); return [] }
            let target = selectedColumn + (action == .moveCardLeft ? -1 : 1)
            guard view.columns.indices.contains(target) else {
                message = .info("\(card.key) is already in the \(action == .moveCardLeft ? "first" : "last") column.")
                return []
            }
            let column = view.columns[target]
            if let refusal = wipRefusal(adding: column, card: card.key) {
                message = .error(refusal + Self.wipWayOut)
                return []
            }
            do { return [.apply(try project.moveCard(card, to: column, at: .top, force: true, now: now))] } catch {
                message = .error("\(error)")
                return []
            }
        case .moveCardUp, .moveCardDown:
            guard let card = selectedCard, let r = row else { return [] }
            let neighbour = action == .moveCardUp ? r - 1 : r + 1
            guard ids.indices.contains(neighbour) else { return [] }
            let placement: Placement = action == .moveCardUp ? .before(cardID: ids[neighbour]) : .after(cardID: ids[neighbour])
            do { return [.apply(try project.rankCard(card, at: placement))] } catch { message = .error("\(error)"); return [] }
        case .newCard:
            guard let column = view.columns[safe: selectedColumn] else { message = .error("This board has no columns."); return [] }
            mode = .form(CardForm(card: nil, columnID: column.id, project: project))
        case .editCard:
            guard let card = selectedCard else { message = .error("No card selected; \(keyName(.newCard)) makes one."); return [] }
            mode = .form(CardForm(card: card, columnID: card.columnID, project: project))
        case .editDescription:
            guard let card = selectedCard else { message = .error("No card selected."); return [] }
            return [.editDescription(cardID: card.id, text: card.description)]
        case .deleteCard:
            guard let card = selectedCard else { message = .error("No card selected."); return [] }
            mode = .confirmDelete(cardID: card.id)
        case .toggleBlocked:
            guard let card = selectedCard else { message = .error("No card selected."); return [] }
            if card.isBlocked {
                do { return [.apply(try project.unblockCard(card))] } catch { message = .error("\(error)") }
            } else {
                mode = .blockPrompt(cardID: card.id, TextField())
            }
        case .filter: mode = .filterPrompt(TextField(filterText, selected: true))
        case .clearFilter:
            if filter != nil { _ = submitFilter("") }
        case .cycleSwimlanes:
            swimlanes = swimlanes.next
            laneScroll = 0
            refreshView()
            message = .info("Swimlanes: \(swimlanes.rawValue).")
        case .undo: return [.undo]
        case .redo: return [.redo]
        case .help: mode = .help(scroll: 0)
        case .command: mode = .commandPrompt(TextField())
        case .quit: return requestQuit()
        case .showBoard: break
        case .showRaid: return show(.raid)
        case .showTimeline: return show(.timeline)
        default:
            break // other screens' keys are looked up in their own keymaps and never reach the board
        }
        if let r = selectedRow { selectedRowHint = r }
        return []
    }

    mutating func handleMouse(_ button: MouseButton, x: Int, y: Int, layout: BoardLayout) {
        switch button {
        case .wheelUp: _ = perform(.selectUp, layout: layout)
        case .wheelDown: _ = perform(.selectDown, layout: layout)
        case .left:
            guard let slot = layout.slot(atX: x) else { return }
            let col = columnScroll + slot
            guard view.columns.indices.contains(col) else { return }
            if let card = BoardGeometry(state: self, layout: layout).card(atColumn: col, y: y) {
                selectedColumn = col
                selectedCardID = card.id
            } else {
                selectedColumn = col
                selectedCardID = view.ids(inColumn: col).first
            }
        }
        keepSelectionVisible(layout)
    }

    /// Scrolls so that the selected column and card are on screen.
    mutating func keepSelectionVisible(_ layout: BoardLayout) {
        if selectedColumn < columnScroll { columnScroll = selectedColumn }
        if selectedColumn >= columnScroll + layout.visibleColumns { columnScroll = selectedColumn - layout.visibleColumns + 1 }
        columnScroll = max(0, min(columnScroll, max(0, view.columns.count - layout.visibleColumns)))
        guard let row = selectedRow else { return }
        if swimlanes == .none {
            var first = rowScroll[selectedColumn] ?? 0
            if row < first { first = row }
            if row >= first + layout.cardsPerColumn { first = row - layout.cardsPerColumn + 1 }
            rowScroll[selectedColumn] = first
        } else if let span = BoardGeometry(state: self, layout: layout).selectedSpan() {
            if span.lowerBound < laneScroll { laneScroll = span.lowerBound }
            if span.upperBound > laneScroll + layout.rows { laneScroll = span.upperBound - layout.rows }
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

extension AppState {
    /// The first key of `action` where it applies on this screen, as typed ("?", "S-right"); an
    /// action the user left without a key is named by its config name.
    func keyName(_ action: AppAction, on screen: Screen? = nil) -> String {
        keymap.key(for: action, in: (screen ?? self.screen).keys)
            ?? keymap.bindings.first { $0.action == action }.map { "(no key for \($0.name))" } ?? "(no key)"
    }

    /// What to say for a key this screen has no use for: where it works, or where the keys are.
    func notHere(_ key: Key) -> StatusMessage {
        if let (context, _) = keymap.elsewhere(key, notIn: screen.keys), let there = Screen(rawValue: context) {
            return .info("That key works on the \(there.title); press \(keyName(there.opener)) to open it.")
        }
        return .error("\(key) does nothing here. Press \(keyName(.help)) for the keys.")
    }
}
