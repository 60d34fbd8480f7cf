import Foundation
import Planning

/// How the board groups cards into horizontal lanes.
public enum Swimlanes: String, Sendable, CaseIterable {
    case none, assignee, priority, epic

    var next: Swimlanes {
        let all = Swimlanes.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// The board as arranged for display: its columns, and the ids of the visible cards of each
/// column split into lanes, in rank order, with an index from card to position. Rebuilt only
/// when the project, the filter or the lanes change, never for a selection move; it holds ids,
/// not cards, so building it for 10,000 cards sorts small values and copies no card.
public struct BoardView: Sendable {
    public struct Lane: Sendable {
        public var title: String
        /// Card ids per column (same order as `columns`).
        public var ids: [[String]]
    }

    public let columns: [Column]
    public private(set) var lanes: [Lane]
    /// Active cards per column, whatever the filter (what WIP limits count).
    public private(set) var counts: [Int]
    /// Cards per column that pass the filter; more than `ids` holds while only a preview is loaded.
    public private(set) var shown: [Int]
    private var index: [String: (column: Int, row: Int)]
    private var flattened: [[String]]
    private let boardID: String

    public init(project: ProjectSnapshot, boardID: String, filter: CardFilter?, swimlanes: Swimlanes,
                totals: [String: Int]? = nil) {
        columns = project.columns(of: boardID)
        self.boardID = boardID
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.id, $0) })
        var perColumn = [[(rank: Double, number: Int, id: String)]](repeating: [], count: columns.count)
        var counts = [Int](repeating: 0, count: columns.count)
        for card in project.cards.values where card.boardID == boardID {
            guard let i = position[card.columnID], !card.archived else { continue }
            counts[i] += 1
            if filter?.matches(card) ?? true { perColumn[i].append((card.rank, card.number, card.id)) }
        }
        let sorted = perColumn.map { list in list.sorted { ($0.rank, $0.number) < ($1.rank, $1.number) }.map(\.id) }
        if let totals {
            counts = columns.map { totals[$0.id] ?? 0 }
        }
        self.counts = counts
        shown = totals == nil ? sorted.map(\.count) : counts
        lanes = BoardView.split(sorted, by: swimlanes, project: project)
        let laneList = lanes
        let flat = laneList.count == 1 ? laneList[0].ids : (0..<columns.count).map { c in laneList.flatMap { $0.ids[c] } }
        flattened = flat
        var positions: [String: (column: Int, row: Int)] = [:]
        positions.reserveCapacity(flat.reduce(0) { $0 + $1.count })
        for (c, ids) in flat.enumerated() {
            for (r, id) in ids.enumerated() { positions[id] = (c, r) }
        }
        index = positions
    }

    static func split(_ perColumn: [[String]], by mode: Swimlanes, project: ProjectSnapshot) -> [Lane] {
        guard mode != .none else { return [Lane(title: "", ids: perColumn)] }
        func key(_ c: Card) -> (order: String, title: String) {
            switch mode {
            case .none: return ("", "")
            case .assignee:
                guard let a = c.assignee else { return ("~", "Unassigned") }
                return (a, project.members[a].map { "\($0.name) (@\(a))" } ?? "@\(a)")
            case .priority: return ("\(3 - c.priority.rank)", c.priority.rawValue.capitalized)
            case .epic:
                guard let p = c.parentID, let epic = project.cards[p] else {
                    return c.type == .epic ? ("0" + c.key, "\(c.key) \(c.title)") : ("~", "No epic")
                }
                return ("0" + epic.key, "\(epic.key) \(epic.title)")
            }
        }
        var lanes: [String: Lane] = [:]
        for (ci, ids) in perColumn.enumerated() {
            for id in ids {
                guard let card = project.cards[id] else { continue }
                let k = key(card)
                var lane = lanes[k.order] ?? Lane(title: k.title, ids: [[String]](repeating: [], count: perColumn.count))
                lane.ids[ci].append(id)
                lanes[k.order] = lane
            }
        }
        return lanes.keys.sorted().compactMap { lanes[$0] }
    }

    /// The same view after cards changed, updating only the columns they left or entered;
    /// nil when a full rebuild is needed (lanes on, or a preview).
    /// `before` holds each changed card as it was (nil if it did not exist).
    public func updating(cards before: [String: Card?], in project: ProjectSnapshot, filter: CardFilter?) -> BoardView? {
        guard lanes.count == 1, shown == flattened.map(\.count) else { return nil }
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.id, $0) })
        func column(of card: Card?) -> Int? {
            guard let card, card.boardID == boardID, !card.archived else { return nil }
            return position[card.columnID]
        }
        var next = self
        var touched = Set<Int>()
        // Every changed card leaves first: a change that re-spaces a whole column moves many
        // ranks at once, and inserting among cards still placed by their old ranks misorders them.
        var leaving: [Int: Set<String>] = [:]
        for (id, old) in before {
            if let c = column(of: old) { next.counts[c] -= 1 }
            if let (c, _) = index[id] {
                leaving[c, default: []].insert(id)
                next.index[id] = nil
                touched.insert(c)
            }
        }
        for (c, ids) in leaving { next.flattened[c].removeAll { ids.contains($0) } }
        for id in before.keys {
            let now = project.cards[id]
            guard let c = column(of: now), let card = now else { continue }
            next.counts[c] += 1
            guard filter?.matches(card) ?? true else { continue }
            let key = (card.rank, card.number)
            let ids = next.flattened[c]
            var lo = 0, hi = ids.count
            while lo < hi {
                let mid = (lo + hi) / 2
                let other = project.cards[ids[mid]].map { ($0.rank, $0.number) } ?? (0, 0)
                if other < key { lo = mid + 1 } else { hi = mid }
            }
            next.flattened[c].insert(id, at: lo)
            touched.insert(c)
        }
        for c in touched {
            for (r, id) in next.flattened[c].enumerated() { next.index[id] = (c, r) }
            next.shown[c] = next.flattened[c].count
        }
        next.lanes = [Lane(title: "", ids: next.flattened)]
        return next
    }

    /// Card ids of a column across all lanes, in display order (what up and down walk through).
    public func ids(inColumn i: Int) -> [String] {
        flattened.indices.contains(i) ? flattened[i] : []
    }

    /// Where a card is shown, if it is.
    public func position(of id: String) -> (column: Int, row: Int)? { index[id] }
}
