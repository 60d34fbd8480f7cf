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
        if state.swimlanes == .none {
            let offset = state.rowScroll[column] ?? 0
            return state.view.cards(inColumn: column).enumerated().map { .card($1, row: ($0 - offset) * h) }
        }
        var items: [Item] = []
        var y = -state.laneScroll
        for lane in state.view.lanes {
            items.append(.lane(title: lane.title, row: y))
            let cards = lane.cards[column]
            for (i, card) in cards.enumerated() { items.append(.card(card, row: y + 1 + i * h)) }
            y += 1 + max(1, lane.cards.map(\.count).max() ?? 0) * h
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
        for case let .card(card, row) in items(column: state.selectedColumn) where card.id == id {
            let top = row + state.laneScroll
            return top..<(top + BoardLayout.cardHeight - 1)
        }
        return nil
    }

    /// Cards hidden above and below the card area in a column (no-lane mode).
    func hidden(column: Int) -> (above: Int, below: Int) {
        let count = state.view.cards(inColumn: column).count
        let offset = state.rowScroll[column] ?? 0
        return (offset, max(0, count - offset - layout.cardsPerColumn))
    }
}
