import Foundation

/// Where a card goes within its column.
public enum Placement: Sendable, Equatable {
    case top, bottom
    case before(cardID: String)
    case after(cardID: String)
}

/// A column's active cards in rank order (rank, then number), as a caller that keeps them
/// (the board) hands them to a card placement, so that placing reads the neighbours instead of
/// scanning every card of the project.
public struct ColumnOrder: Sendable {
    public let columnID: String
    public let ids: [String]

    public init(columnID: String, ids: [String]) {
        self.columnID = columnID
        self.ids = ids
    }

    /// Where `card` is, by binary search on (rank, number).
    public func row(of card: Card, in project: ProjectSnapshot) -> Int? {
        let row = Self.lowerBound(ids, (card.rank, card.number)) { project.cards[$0].map { ($0.rank, $0.number) } }
        return ids.indices.contains(row) && ids[row] == card.id ? row : nil
    }

    /// The first of `ids` (in (rank, number) order) whose card sorts at or after `key`;
    /// `keyOf` gives a card's (rank, number).
    public static func lowerBound(_ ids: [String], _ key: (Double, Int), keyOf: (String) -> (Double, Int)?) -> Int {
        var lo = 0, hi = ids.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if let other = keyOf(ids[mid]), other < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Intent-named card changes. Each checks the domain rules (limits, WIP) against the snapshot
/// and returns a `Change` whose field expectations are the values seen here.
extension ProjectSnapshot {
    public func addCard(_ draft: CardDraft, board: Board, column: Column? = nil, force: Bool = false, now: Date, id: String = NewID.random()) throws -> Change {
        guard draft.title != nil else { throw PlanningError.invalid(field: "title", message: "must not be empty") }
        let cols = columns(of: board.id)
        guard let target = column ?? cols.first else {
            throw PlanningError.refused("Board \(board.name) has no columns.", remedy: .addColumn)
        }
        try checkWIP(target, force: force, card: nil)
        let placed = ranked(into: target, excluding: nil, at: .bottom)
        let blank = Card(id: id, boardID: board.id, columnID: target.id, rank: placed.rank, title: "", enteredColumnAt: now, createdAt: now)
        let card = try draft.applied(to: blank, in: self)
        return Change(summary: "added \(card.label) \"\(card.title)\" to \(target.name)", edits: placed.renumbering + [card.creation()])
    }

    public func editCard(_ card: Card, _ draft: CardDraft) throws -> Change {
        let updated = try draft.applied(to: card, in: self)
        guard let edit = card.update(Card.fieldNames.compactMap { name in
            name == "id" ? nil : (name, updated.fields[name] ?? .null)
        }) else { return Change(summary: "no change to \(card.key)", edits: []) }
        return Change.edited(card.key, edit)
    }

    /// `order`, when the caller holds it (the board does), is the target column's active cards
    /// in rank order: the card's neighbours are then read from it instead of found by a scan.
    public func moveCard(_ card: Card, to column: Column, at placement: Placement = .bottom, force: Bool = false, now: Date,
                         order: ColumnOrder? = nil) throws -> Change {
        guard column.boardID == card.boardID else {
            throw PlanningError.invalid(field: "column", message: "\(column.name) is on another board than \(card.key)")
        }
        let from = columns[card.columnID]?.name ?? "?"
        if column.id == card.columnID {
            return try rankCard(card, at: placement, order: order)
        }
        try checkClosedSprintMove(of: card, to: column)
        try checkWIP(column, force: force, card: card.key)
        let placed = ranked(into: column, excluding: card.id, at: placement, order: order)
        let edit = card.update([("columnID", .text(column.id)), ("rank", .real(placed.rank)),
                                ("enteredColumnAt", .real(now.timeIntervalSince1970))])
        return Change(summary: "moved \(card.key) \(from) → \(column.name)", edits: placed.renumbering + [edit].compactMap { $0 })
    }

    public func rankCard(_ card: Card, at placement: Placement, order: ColumnOrder? = nil) throws -> Change {
        guard let column = columns[card.columnID] else { throw PlanningError.corrupt("card \(card.key) has no column") }
        let placed = ranked(into: column, excluding: card.id, at: placement, order: order)
        guard let edit = card.update([("rank", .real(placed.rank))]) else {
            return Change(summary: "no change to \(card.key)", edits: [])
        }
        return Change(summary: "reordered \(card.key) in \(column.name)", edits: placed.renumbering + [edit])
    }

    /// The card one step up (`-1`) or down (`+1`) in its column, as a placement.
    public func neighbourPlacement(of card: Card, step: Int) -> Placement? {
        let list = cards(inColumn: card.columnID)
        guard let i = list.firstIndex(where: { $0.id == card.id }) else { return nil }
        let j = i + step
        guard list.indices.contains(j) else { return nil }
        return step < 0 ? .before(cardID: list[j].id) : .after(cardID: list[j].id)
    }

    public func blockCard(_ card: Card, reason: String) throws -> Change {
        let reason = try Limits.line(reason, field: "blocked reason", length: Limits.blockedReasonLength)
        guard let edit = card.update([("blockedReason", .text(reason))]) else { return Change(summary: "no change", edits: []) }
        return Change(summary: "blocked \(card.key): \(reason)", edits: [edit])
    }

    public func unblockCard(_ card: Card) throws -> Change {
        guard card.isBlocked else { throw PlanningError.refused("\(card.key) is not blocked.") }
        return Change(summary: "unblocked \(card.key)", edits: [card.update([("blockedReason", .null)])].compactMap { $0 })
    }

    public func archiveCard(_ card: Card, archived: Bool = true) throws -> Change {
        guard card.archived != archived else { throw PlanningError.refused("\(card.key) is \(archived ? "already" : "not") archived.") }
        return Change(summary: "\(archived ? "archived" : "restored") \(card.key)", edits: [card.update([("archived", Value(archived))])].compactMap { $0 })
    }

    public func deleteCard(_ card: Card) -> Change {
        let children = cards.values.filter { $0.parentID == card.id }.sorted { $0.number < $1.number }
        let detach = children.compactMap { $0.update([("parentID", .null)]) }
        return Change(summary: "deleted \(card.key) \"\(card.title)\"", edits: detach + [card.deletion()])
    }

    /// How full a column is, in one wording for every front end.
    public enum WIPState {
        /// "is at its WIP limit (4 of 4)", or "is over its WIP limit (5, limit 4)".
        public static func phrase(count: Int, limit: Int) -> String {
            count > limit ? "is over its WIP limit (\(count), limit \(limit))" : "is at its WIP limit (\(count) of \(limit))"
        }
    }

    func checkWIP(_ column: Column, force: Bool, card: String?) throws {
        guard let limit = column.wipLimit, !force else { return }
        let count = activeCount(inColumn: column.id)
        if count + 1 > limit { throw PlanningError.wipLimitReached(column: column.name, count: count, limit: limit, card: card) }
    }

    /// The rank for a card placed in `column`, plus edits that re-space the column's ranks when
    /// repeated insertions have left no room between neighbours. Finds the two neighbours in one
    /// pass over (rank, number) pairs, so placing a card in a column of thousands sorts nothing
    /// and copies no card; only re-spacing puts the column in order.
    func ranked(into column: Column, excluding cardID: String?, at placement: Placement, order: ColumnOrder? = nil) -> (rank: Double, renumbering: [EntityEdit]) {
        if let order, order.columnID == column.id, let placed = ranked(along: order, in: column, excluding: cardID, at: placement) { return placed }
        let step = 1024.0
        let anchorID: String
        let before: Bool
        switch placement {
        // The ends need only the lowest or highest rank, not the column sorted.
        case .bottom: return (edgeRank(of: column, excluding: cardID, highest: true).map { $0 + step } ?? step, [])
        case .top: return (edgeRank(of: column, excluding: cardID, highest: false).map { $0 - step } ?? step, [])
        case .before(let id): anchorID = id; before = true
        case .after(let id): anchorID = id; before = false
        }
        func inColumn(_ c: Card) -> Bool { c.columnID == column.id && !c.archived && c.id != cardID }
        guard let anchor = cards[anchorID], inColumn(anchor) else { return ranked(into: column, excluding: cardID, at: .bottom) }
        let key = (anchor.rank, anchor.number)
        // The card on the other side of the anchor: the last one before it, or the first after it.
        var other: (rank: Double, number: Int)?
        for c in cards.values where inColumn(c) {
            let k = (c.rank, c.number)
            if before, k < key, other.map({ k > ($0.rank, $0.number) }) ?? true { other = k }
            if !before, k > key, other.map({ k < ($0.rank, $0.number) }) ?? true { other = k }
        }
        return slot(between: before ? other?.rank : anchor.rank, and: before ? anchor.rank : other?.rank,
                    in: column, excluding: cardID, at: placement)
    }

    /// The rank between two neighbours' (nil: the column's end), or the column re-spaced when
    /// there is no room left between them.
    private func slot(between lower: Double?, and upper: Double?, in column: Column, excluding cardID: String?,
                      at placement: Placement) -> (rank: Double, renumbering: [EntityEdit]) {
        let step = 1024.0
        switch (lower, upper) {
        case (let l?, nil): return (l + step, [])
        case (nil, let u?): return (u - step, [])
        case (let l?, let u?):
            let mid = (l + u) / 2
            if mid > l && mid < u && u - l > 1e-6 { return (mid, []) }
        case (nil, nil): return (step, [])
        }
        return respaced(column, excluding: cardID, at: placement)
    }

    /// The rank from a column's known order: the neighbours are looked up, nothing is scanned.
    /// Nil when the order does not hold the anchor (the caller's order is then not trusted).
    private func ranked(along order: ColumnOrder, in column: Column, excluding cardID: String?, at placement: Placement) -> (rank: Double, renumbering: [EntityEdit])? {
        let step = 1024.0
        let ids = order.ids
        func rank(at i: Int, towards direction: Int) -> Double? {
            var j = i
            while ids.indices.contains(j) {
                if ids[j] != cardID { return cards[ids[j]]?.rank }
                j += direction
            }
            return nil
        }
        let lower: Double?, upper: Double?
        switch placement {
        case .top: return ((rank(at: 0, towards: 1)).map { $0 - step } ?? step, [])
        case .bottom: return ((rank(at: ids.count - 1, towards: -1)).map { $0 + step } ?? step, [])
        case .before(let id), .after(let id):
            guard let anchor = cards[id], id != cardID, let i = order.row(of: anchor, in: self) else { return nil }
            if case .before = placement {
                (lower, upper) = (rank(at: i - 1, towards: -1), anchor.rank)
            } else {
                (lower, upper) = (anchor.rank, rank(at: i + 1, towards: 1))
            }
        }
        return slot(between: lower, and: upper, in: column, excluding: cardID, at: placement)
    }

    /// No room left between two neighbours: every card of the column gets an evenly spaced rank
    /// again, leaving a gap where the placed card goes.
    private func respaced(_ column: Column, excluding cardID: String?, at placement: Placement) -> (rank: Double, renumbering: [EntityEdit]) {
        let step = 1024.0
        let list = cards.values.compactMap { c -> (rank: Double, number: Int, id: String)? in
            c.columnID == column.id && !c.archived && c.id != cardID ? (c.rank, c.number, c.id) : nil
        }.sorted { ($0.rank, $0.number) < ($1.rank, $1.number) }
        let index: Int
        switch placement {
        case .top: index = 0
        case .bottom: index = list.count
        case .before(let id): index = list.firstIndex { $0.id == id } ?? list.count
        case .after(let id): index = (list.firstIndex { $0.id == id }).map { $0 + 1 } ?? list.count
        }
        let renumbering = list.enumerated().compactMap { i, entry in
            cards[entry.id]?.update([("rank", .real(Double(i + (i >= index ? 2 : 1)) * step))])
        }
        return (Double(index + 1) * step, renumbering)
    }

    private func edgeRank(of column: Column, excluding cardID: String?, highest: Bool) -> Double? {
        var edge: Double?
        for c in cards.values where c.columnID == column.id && !c.archived && c.id != cardID {
            if let e = edge { edge = highest ? max(e, c.rank) : min(e, c.rank) } else { edge = c.rank }
        }
        return edge
    }
}
