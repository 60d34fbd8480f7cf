import Foundation
import Planning
import TerminalUI

/// Draws the kanban board: columns side by side with count/WIP headers, cards with key, type,
/// priority, age, title, assignee, labels and blocked marker, lanes when chosen, and markers
/// where columns or cards lie off screen.
struct BoardScreen {
    let state: AppState
    let theme: Theme
    let layout: BoardLayout

    func draw(into buffer: inout Buffer) {
        let base = theme.style("board")
        buffer.fill(Rect(x: 0, y: 1, width: layout.width, height: layout.height - 2), style: base)
        guard !state.view.columns.isEmpty else {
            buffer.put("This board has no columns. Add one with: gantry column add NAME", x: 2, y: 3, style: theme.style("ui.muted"))
            return
        }
        let geometry = BoardGeometry(state: state, layout: layout)
        for slot in 0..<layout.visibleColumns {
            let index = state.columnScroll + slot
            guard state.view.columns.indices.contains(index) else { break }
            let (x, width) = layout.column(slot)
            let above = state.swimlanes == .none ? geometry.hidden(column: index).above : 0
            drawHeader(index, x: x, width: width, hiddenAbove: above, into: &buffer)
            drawCards(index, x: x, width: width, geometry: geometry, into: &buffer)
        }
        drawColumnMarkers(into: &buffer)
    }

    /// The column's name and count; "↑ N" before the count when cards are scrolled off the top,
    /// so the marker never covers the first visible card.
    private func drawHeader(_ index: Int, x: Int, width: Int, hiddenAbove: Int, into buffer: inout Buffer) {
        let column = state.view.columns[index]
        let count = state.view.counts[index]
        var countText = "\(count)"
        var countRole = "board.column.header"
        if let limit = column.wipLimit {
            countText = "\(count)/\(limit)"
            if count > limit { countText += " over"; countRole = "board.column.wip.breach" } else if count == limit { countRole = "board.column.wip.full" }
        }
        let header = theme.style("board.column.header")
        let countWidth = DisplayWidth.of(countText) + 2
        buffer.putPadded(" " + column.name, x: x, y: 1, width: max(0, width - countWidth), style: header)
        var underline = header
        underline.attributes.insert(.underline)
        buffer.restyle(Rect(x: x, y: 1, width: max(0, width - countWidth), height: 1)) { _ in underline }
        buffer.putPadded(" " + countText + " ", x: x + width - countWidth, y: 1, width: countWidth, style: theme.style(countRole))
        if hiddenAbove > 0 {
            let text = "↑ \(hiddenAbove) "
            let w = DisplayWidth.of(text)
            if width - countWidth - w > 4 { buffer.put(text, x: x + width - countWidth - w, y: 1, style: theme.style("board.more")) }
        }
    }

    private func drawCards(_ index: Int, x: Int, width: Int, geometry: BoardGeometry, into buffer: inout Buffer) {
        let top = layout.top, bottom = layout.top + layout.rows
        for item in geometry.items(column: index) {
            switch item {
            case .lane(let title, let row):
                // The first visible column writes the lane's title across the whole board.
                let y = top + row
                guard index == state.columnScroll, y >= top, y < bottom else { continue }
                buffer.putPadded("▸ " + title, x: x, y: y, width: layout.width - layout.margin - x, style: theme.style("board.swimlane"))
            case .card(let card, let row):
                let y = top + row
                guard y >= top, y + BoardLayout.cardHeight - 1 <= bottom else { continue }
                drawCard(card, x: x, y: y, width: width, column: state.view.columns[index], into: &buffer)
            }
        }
        if state.swimlanes == .none {
            let below = geometry.hidden(column: index).below
            guard below > 0 else { return }
            let text = "↓ \(below) more"
            let w = min(width, max(10, DisplayWidth.of(text) + 1))
            buffer.putPadded(text, x: x + width - w, y: bottom - 1, width: w, style: theme.style("board.more"))
        }
    }

    private func drawCard(_ card: Card, x: Int, y: Int, width: Int, column: Column, into buffer: inout Buffer) {
        // The selection is a bar down the card's left edge, not a recoloured card: moving it
        // rewrites six cells instead of two whole cards.
        let selected = card.id == state.selectedCardID
        let cardStyle = theme.style("board.card")
        func role(_ name: String) -> Style {
            var s = theme.style(name)
            s.background = cardStyle.background
            s.attributes.formUnion(cardStyle.attributes)
            return s
        }
        buffer.fill(Rect(x: x, y: y, width: width, height: 3), style: cardStyle)
        var bar = theme.style("board.card.selected")
        if bar.background == .default { bar.background = cardStyle.background }
        if selected {
            for line in 0..<3 { buffer.put("▌", x: x, y: y + line, style: bar) }
        } else if bar.background == cardStyle.background, bar.attributes.isDisjoint(with: [.reverse, .underline]) {
            // The bar's cells hold a blank in the bar's own style, which looks the same as the
            // card's blank: moving the selection then changes characters only, and the terminal
            // gets no colour or attribute switches for the six cells.
            for line in 0..<3 { buffer.put(" ", x: x, y: y + line, style: bar) }
        }
        // Line 1: key, type, priority … age. The age always shows; the rest is cut to fit.
        let days = card.daysInColumn(now: state.now)
        let grade = state.thresholds.grade(days: days, category: column.category)
        let age = "\(days)d"
        let ageRole = column.category == .todo || column.category == .doing ? "board.card.age.\(grade.rawValue)" : "ui.muted"
        let ageX = x + width - DisplayWidth.of(age) - 1
        buffer.put(age, x: ageX, y: y, style: role(ageRole))
        var cx = x + 1
        func part(_ text: String, _ name: String, cut: Bool = false) {
            let room = max(0, ageX - 1 - cx)
            guard cut || DisplayWidth.of(text) <= room else { return }
            cx += buffer.put(text, x: cx, y: y, style: role(name), maxWidth: room)
        }
        // What matters most is cut last: blocked, the key, priority (critical, high, low), then type.
        if card.isBlocked { part("⊘ ", "board.card.blocked", cut: true) }
        part(card.key, "board.card.key", cut: true)
        if card.priority != .medium { part(" " + card.priority.rawValue, "board.card.priority.\(card.priority.rawValue)") }
        part(" " + card.type.rawValue, "board.card.type")
        // Line 2: title.
        buffer.putPadded(card.title, x: x + 1, y: y + 1, width: width - 2, style: role("board.card"))
        // Line 3, most important first: overdue, assignee, the blocked reason, open RAID items,
        // a due date still ahead, labels; each whole or not at all, but the reason and labels
        // are cut to fit.
        let limit = x + width - 1
        var lx = x + 1
        let overdue = card.due.map { $0 < state.today && column.category != .done } ?? false
        func due() {
            guard let day = card.due else { return }
            let text = (overdue ? "overdue " : "due ") + Self.shortDate(day, today: state.today) + " "
            if DisplayWidth.of(text) <= limit - lx {
                lx += buffer.put(text, x: lx, y: y + 2, style: role(overdue ? "board.card.overdue" : "ui.muted"))
            }
        }
        if overdue { due() }
        if let a = card.assignee, DisplayWidth.of(a) + 2 <= limit - lx {
            lx += buffer.put("@" + a + " ", x: lx, y: y + 2, style: role("board.card.assignee"))
        }
        if let reason = card.blockedReason {
            buffer.putPadded("blocked: " + reason, x: lx, y: y + 2, width: limit - lx, style: role("board.card.blocked"))
            return
        }
        // Open RAID items that concern the card, as many whole keys as fit.
        for item in state.project.raidItems(linkedTo: card) where !item.isClosed && DisplayWidth.of(item.key) + 1 <= limit - lx {
            lx += buffer.put(item.key + " ", x: lx, y: y + 2, style: role("board.card.raid"))
        }
        if !overdue { due() }
        let labels = card.labels.map { "#" + $0 }.joined(separator: " ")
        if lx < limit { buffer.putPadded(labels, x: lx, y: y + 2, width: limit - lx, style: role("board.card.label")) }
    }

    /// `12-20` this year, `2027-01-05` otherwise.
    static func shortDate(_ day: Day, today: Day) -> String {
        let d = day.description
        return day.components.year == today.components.year ? String(d.dropFirst(5)) : d
    }

    /// "◀2" and "3▶" in the side margins when columns lie off screen.
    private func drawColumnMarkers(into buffer: inout Buffer) {
        guard layout.margin > 0 else { return }
        let hiddenLeft = state.columnScroll
        let hiddenRight = state.view.columns.count - state.columnScroll - layout.visibleColumns
        let style = theme.style("board.more")
        if hiddenLeft > 0 { buffer.putPadded("◀\(min(hiddenLeft, 9))", x: 0, y: 1, width: layout.margin - 1, style: style) }
        if hiddenRight > 0 {
            buffer.putPadded("\(min(hiddenRight, 9))▶", x: layout.width - layout.margin + 1, y: 1, width: layout.margin - 1, style: style)
        }
    }
}

extension AppState {
    /// The status line on the board: project, board, lanes and filter.
    var boardStatus: String {
        var left = " \(project.info.name) › \(board?.name ?? "no board")  @\(actor)"
        if self.swimlanes != .none { left += "  lanes: \(self.swimlanes.rawValue)" }
        if !self.filterText.isEmpty { left += "  filter: \(self.filterText)" }
        return left
    }
}
