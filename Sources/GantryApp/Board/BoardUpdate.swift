import Foundation
import Planning
import TerminalUI

/// The board's side of update: the card form, WIP refusals, and the board's own keys and mouse.
extension AppState {
    mutating func save(_ form: CardForm) -> [Effect] {
        var form = form
        switch form.draft(project: project, today: today) {
        case .failure(let e):
            form.errors = e.errors
            if let first = CardForm.Field.allCases.first(where: { e.errors[$0] != nil }) { form.focus = first }
            mode = .form(form)
            message = fixTheMarked(e.errors.count)
            return []
        case .success(let draft):
            if let reason = form.base.blockingSave(keys: formKeys, label: { CardForm.Field.allCases[$0].label }) {
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
                        message = .error(refusal + " Press \(keyName(.form(.save))) again to add it anyway; \(keyName(.form(.cancel))) cancels.")
                        return []
                    }
                    change = try project.addCard(draft, board: board, column: column, force: true, now: now, id: newID())
                    // Selected once the store has it, as in every board tool.
                    self.selectedCardID = change.edits.first { $0.kind == .card && $0.operation == .create }?.id ?? self.selectedCardID
                }
                mode = .board
                return change.isEmpty ? [] : [.apply(change)]
            } catch {
                mode = .form(form)
                message = .failure(error)
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
    /// For a new card from the command line, the form is a way round the limit too.
    func wipWayOut(newCard: Bool = false) -> String {
        newCard ? " Finish something first, :wip N, or \(keyName(.board(.newCard))) to add it through the form anyway." : " Finish something first, or :wip N."
    }

    /// The board's layout in a window of `size`, less the side panel.
    func boardLayout(_ size: (width: Int, height: Int)) -> BoardLayout {
        BoardLayout(width: contentWidth(size.width), height: size.height, columnCount: view.columns.count)
    }

    /// Moves the selection: across columns, or along the selected one.
    mutating func moveOnBoard(_ motion: Motion, layout: BoardLayout) {
        defer { settleSelection(layout) }
        let ids = view.ids(inColumn: self.selectedColumn)
        let row = selectedRow
        switch motion {
        case .left, .right:
            let target = self.selectedColumn + (motion == .left ? -1 : 1)
            guard view.columns.indices.contains(target) else { return }
            let index = row ?? self.selectedRowHint
            self.selectedColumn = target
            let next = view.ids(inColumn: target)
            self.selectedCardID = next.isEmpty ? nil : next[min(index, next.count - 1)]
        case .up, .down, .top, .bottom, .pageUp, .pageDown:
            guard !ids.isEmpty else { return }
            let current = row ?? 0
            let page = max(1, layout.cardsPerColumn)
            let target: Int
            switch motion {
            case .up: target = current - 1
            case .down: target = current + 1
            case .top: target = 0
            case .bottom: target = ids.count - 1
            case .pageUp: target = current - page
            default: target = current + page
            }
            self.selectedCardID = ids[min(max(0, target), ids.count - 1)]
        }
    }

    /// Keeps the selection in view and remembers its row for when its card leaves.
    mutating func settleSelection(_ layout: BoardLayout) {
        if let r = selectedRow { self.selectedRowHint = r }
        keepSelectionVisible(layout)
    }

    /// The board's own keys: move and edit cards, lanes.
    mutating func performBoard(_ action: BoardAction, layout: BoardLayout) -> [Effect] {
        let ids = view.ids(inColumn: self.selectedColumn)
        let row = selectedRow
        switch action {
        case .moveCardLeft, .moveCardRight:
            guard let card = selectedCard else { message = .error("No card selected."); return [] }
            let target = self.selectedColumn + (action == .moveCardLeft ? -1 : 1)
            guard view.columns.indices.contains(target) else {
                message = .info("\(card.key) is already in the \(action == .moveCardLeft ? "first" : "last") column.")
                return []
            }
            let column = view.columns[target]
            if let refusal = wipRefusal(adding: column, card: card.key) {
                message = .error(refusal + wipWayOut())
                return []
            }
            do { return [.apply(try project.moveCard(card, to: column, at: .top, force: true, now: now, order: view.order(ofColumn: target)))] } catch {
                message = .failure(error)
                return []
            }
        case .moveCardUp, .moveCardDown:
            guard let card = selectedCard, let r = row else { return [] }
            let neighbour = action == .moveCardUp ? r - 1 : r + 1
            guard ids.indices.contains(neighbour) else { return [] }
            let placement: Placement = action == .moveCardUp ? .before(cardID: ids[neighbour]) : .after(cardID: ids[neighbour])
            do { return [.apply(try project.rankCard(card, at: placement, order: view.order(ofColumn: self.selectedColumn)))] } catch { message = .failure(error); return [] }
        case .newCard:
            guard let column = view.columns[safe: self.selectedColumn] else { message = .error("This board has no columns."); return [] }
            mode = .form(CardForm(card: nil, columnID: column.id, project: project))
        case .editCard:
            guard let card = selectedCard else { message = .error("No card selected; \(keyName(.board(.newCard))) makes one."); return [] }
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
                do { return [.apply(try project.unblockCard(card))] } catch { message = .failure(error) }
            } else {
                mode = .blockPrompt(cardID: card.id, TextField())
            }
        case .cycleSwimlanes:
            self.swimlanes = self.swimlanes.next
            self.laneScroll = 0
            refreshView()
            message = .info("Swimlanes: \(self.swimlanes.rawValue).")
        }
        return []
    }

    mutating func handleMouse(_ button: MouseButton, x: Int, y: Int, layout: BoardLayout) {
        switch button {
        case .wheelUp: moveOnBoard(.up, layout: layout)
        case .wheelDown: moveOnBoard(.down, layout: layout)
        case .left:
            guard let slot = layout.slot(atX: x) else { return }
            let col = self.columnScroll + slot
            guard view.columns.indices.contains(col) else { return }
            if let card = BoardGeometry(state: self, layout: layout).card(atColumn: col, y: y) {
                self.selectedColumn = col
                self.selectedCardID = card.id
            } else {
                self.selectedColumn = col
                self.selectedCardID = view.ids(inColumn: col).first
            }
        }
        keepSelectionVisible(layout)
    }

    /// Scrolls so that the selected column and card are on screen.
    mutating func keepSelectionVisible(_ layout: BoardLayout) {
        if self.selectedColumn < self.columnScroll { self.columnScroll = self.selectedColumn }
        if self.selectedColumn >= self.columnScroll + layout.visibleColumns { self.columnScroll = self.selectedColumn - layout.visibleColumns + 1 }
        self.columnScroll = max(0, min(self.columnScroll, max(0, view.columns.count - layout.visibleColumns)))
        guard let row = selectedRow else { return }
        if self.swimlanes == .none {
            var first = self.rowScroll[self.selectedColumn] ?? 0
            if row < first { first = row }
            if row >= first + layout.cardsPerColumn { first = row - layout.cardsPerColumn + 1 }
            self.rowScroll[self.selectedColumn] = first
        } else if let span = BoardGeometry(state: self, layout: layout).selectedSpan() {
            if span.lowerBound < self.laneScroll { self.laneScroll = span.lowerBound }
            if span.upperBound > self.laneScroll + layout.rows { self.laneScroll = span.upperBound - layout.rows }
        }
    }
}
