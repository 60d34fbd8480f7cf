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
/// column split into lanes, in rank order. Rebuilt only when the filter, the lanes or the board's
/// structure change, never for a selection move; a card change updates the columns it touched
/// in place. It holds ids, not cards, so building it for 100,000 cards sorts small values and
/// copies no card; without lanes a column is in (rank, number) order, so a card's row is found
/// by binary search and no index from card to row has to be kept up to date.
public struct BoardView: Sendable {
    public struct Lane: Sendable {
        public var title: String
        /// Card ids per column (same order as `columns`).
        public var ids: [[String]]
    }

    public let columns: [Column]
    /// The lanes; without lanes, one untitled lane holding every column.
    public var lanes: [Lane] { laneList.isEmpty ? [Lane(title: "", ids: flattened)] : laneList }
    /// Active cards per column, whatever the filter (what WIP limits count).
    public private(set) var counts: [Int]
    /// Cards per column that pass the filter; more than `ids` holds while only a preview is loaded.
    public private(set) var shown: [Int]
    /// Lanes when the board is split into them (empty otherwise), and with them an index from
    /// card to position, since lanes break the rank order of a column.
    private var laneList: [Lane]
    private var laneIndex: [String: (column: Int, row: Int)]
    private var flattened: [[String]]
    private let columnPosition: [String: Int]
    private let boardID: String
    /// Every active card is in `flattened`, in rank order: no filter, no lanes, no preview.
    private let whole: Bool

    public init(project: ProjectSnapshot, boardID: String, filter: CardFilter?, swimlanes: Swimlanes,
                totals: [String: Int]? = nil) {
        columns = project.columns(of: boardID)
        self.boardID = boardID
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.id, $0) })
        columnPosition = position
        whole = filter == nil && swimlanes == .none && totals == nil
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
        guard swimlanes != .none else {
            laneList = []
            laneIndex = [:]
            flattened = sorted
            return
        }
        let lanes = BoardView.split(sorted, by: swimlanes, project: project)
        laneList = lanes
        let flat = (0..<columns.count).map { c in lanes.flatMap { $0.ids[c] } }
        flattened = flat
        var positions: [String: (column: Int, row: Int)] = [:]
        positions.reserveCapacity(flat.reduce(0) { $0 + $1.count })
        for (c, ids) in flat.enumerated() {
            for (r, id) in ids.enumerated() { positions[id] = (c, r) }
        }
        laneIndex = positions
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

    /// Brings the view up to date after cards changed, in place, touching only the columns they
    /// left or entered; false when a full rebuild is needed (lanes on, or a preview).
    /// `before` holds each changed card as it was (nil if it did not exist); `project` is the
    /// project after the change.
    public mutating func update(cards before: [String: Card?], in project: ProjectSnapshot, filter: CardFilter?) -> Bool {
        guard laneList.isEmpty, shown == flattened.map(\.count) else { return false }
        func column(of card: Card?) -> Int? {
            guard let card, card.boardID == boardID, !card.archived else { return nil }
            return columnPosition[card.columnID]
        }
        // Every changed card leaves first, found where it sat (by its old rank): a change that
        // re-spaces a whole column moves many ranks at once, and inserting among cards still
        // placed by their old ranks would misorder them.
        var leaving: [Int: Set<String>] = [:]
        for (id, old) in before {
            guard let c = column(of: old) else { continue }
            counts[c] -= 1
            leaving[c, default: []].insert(id)
        }
        for (c, ids) in leaving {
            if ids.count <= 16 {
                for id in ids {
                    guard let old = before[id] ?? nil else { continue }
                    let row = ColumnOrder.lowerBound(flattened[c], (old.rank, old.number)) { other in
                        (before[other] ?? project.cards[other]).map { ($0.rank, $0.number) }
                    }
                    if flattened[c].indices.contains(row), flattened[c][row] == id {
                        flattened[c].remove(at: row)
                    } else {
                        flattened[c].removeAll { $0 == id }
                    }
                }
            } else {
                flattened[c].removeAll { ids.contains($0) }
            }
            shown[c] = flattened[c].count
        }
        for id in before.keys {
            let now = project.cards[id]
            guard let c = column(of: now), let card = now else { continue }
            counts[c] += 1
            guard filter?.matches(card) ?? true else { continue }
            let row = ColumnOrder.lowerBound(flattened[c], (card.rank, card.number)) { other in
                project.cards[other].map { ($0.rank, $0.number) }
            }
            flattened[c].insert(id, at: row)
            shown[c] = flattened[c].count
        }
        return true
    }

    /// Card ids of a column across all lanes, in display order (what up and down walk through).
    public func ids(inColumn i: Int) -> [String] {
        flattened.indices.contains(i) ? flattened[i] : []
    }

    /// A column's active cards in rank order, for placing a card among them without a scan;
    /// nil when a filter, lanes or a preview leave cards out of the view.
    public func order(ofColumn i: Int) -> ColumnOrder? {
        whole && columns.indices.contains(i) ? ColumnOrder(columnID: columns[i].id, ids: flattened[i]) : nil
    }

    /// Where a card is shown, if it is; `project` is the one the view was built or updated from.
    public func position(of id: String, in project: ProjectSnapshot) -> (column: Int, row: Int)? {
        guard laneList.isEmpty else { return laneIndex[id] }
        guard let card = project.cards[id], card.boardID == boardID, !card.archived, let c = columnPosition[card.columnID] else { return nil }
        return ColumnOrder(columnID: card.columnID, ids: flattened[c]).row(of: card, in: project).map { (c, $0) }
    }
}
