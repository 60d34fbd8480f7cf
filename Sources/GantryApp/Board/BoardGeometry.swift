import Planning

/// Where each card and lane heading of the board lies, in rows counted from the top of the card
/// area before scrolling. Without lanes each column scrolls on its own; with lanes the lanes
/// stack and the whole board scrolls together.
struct BoardGeometry {
    enum Item {
        case lane(title: String, row: Int)
        case card(Card, row: Int)
    }

    let state: AppState
    let layout: BoardLayout

    /// Items of board column `column` with their rows relative to the visible card area.
    func items(column: Int) -> [Item] {
        let h = BoardLayout.cardHeight
        let cards = state.project.cards
        if state.swimlanes == .none {
            // Only the cards on screen: a column may hold thousands.
            let ids = state.view.ids(inColumn: column)
            let offset = min(state.rowScroll[column] ?? 0, ids.count)
            let end = min(ids.count, offset + layout.cardsPerColumn)
            return (offset..<end).compactMap { i in cards[ids[i]].map { .card($0, row: (i - offset) * h) } }
        }
        var items: [Item] = []
        var y = -state.laneScroll
        for lane in state.view.lanes {
            items.append(.lane(title: lane.title, row: y))
            for (i, id) in lane.ids[column].enumerated() {
                let row = y + 1 + i * h
                if row + h > 0, row < layout.rows, let card = cards[id] { items.append(.card(card, row: row)) }
            }
            y += 1 + max(1, lane.ids.map(\.count).max() ?? 0) * h
        }
        return items
    }

    func card(atColumn column: Int, y: Int) -> Card? {
        let rel = y - layout.top
        for case let .card(card, row) in items(column: column) where rel >= row && rel < row + BoardLayout.cardHeight - 1 {
            return card
        }
        return nil
    }

    /// Unscrolled rows spanned by the selected card (lane mode).
    func selectedSpan() -> Range<Int>? {
        guard let id = state.selectedCardID else { return nil }
        var y = 0
        for lane in state.view.lanes {
            if let i = lane.ids[state.selectedColumn].firstIndex(of: id) {
                let top = y + 1 + i * BoardLayout.cardHeight
                return top..<(top + BoardLayout.cardHeight - 1)
            }
            y += 1 + max(1, lane.ids.map(\.count).max() ?? 0) * BoardLayout.cardHeight
        }
        return nil
    }

    /// Cards hidden above and below the card area in a column (no-lane mode).
    func hidden(column: Int) -> (above: Int, below: Int) {
        let count = state.view.shown[safe: column] ?? 0
        let offset = state.rowScroll[column] ?? 0
        return (offset, max(0, count - offset - layout.cardsPerColumn))
    }
}
