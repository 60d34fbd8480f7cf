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

/// The board as arranged for display: its columns, and the visible cards of each column split
/// into lanes, in rank order. Rebuilt only when the project, the filter or the lanes change,
/// never for a selection move, so a key press on a 10,000-card board stays cheap.
public struct BoardView: Sendable {
    public struct Lane: Sendable {
        public var title: String
        /// Cards per column (same order as `columns`).
        public var cards: [[Card]]
    }

    public let columns: [Column]
    public let lanes: [Lane]
    public let counts: [Int]

    public init(project: ProjectSnapshot, boardID: String, filter: CardFilter?, swimlanes: Swimlanes) {
        columns = project.columns(of: boardID)
        let index = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.id, $0) })
        var perColumn = [[Card]](repeating: [], count: columns.count)
        var counts = [Int](repeating: 0, count: columns.count)
        for card in project.cards.values where card.boardID == boardID {
            guard let i = index[card.columnID], !card.archived else { continue }
            counts[i] += 1
            if filter?.matches(card) ?? true { perColumn[i].append(card) }
        }
        for i in perColumn.indices { perColumn[i].sort(by: Card.rankOrder) }
        self.counts = counts
        lanes = BoardView.split(perColumn, by: swimlanes, project: project)
    }

    static func split(_ perColumn: [[Card]], by mode: Swimlanes, project: ProjectSnapshot) -> [Lane] {
        guard mode != .none else { return [Lane(title: "", cards: perColumn)] }
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
        for (ci, cards) in perColumn.enumerated() {
            for card in cards {
                let k = key(card)
                var lane = lanes[k.order] ?? Lane(title: k.title, cards: [[Card]](repeating: [], count: perColumn.count))
                lane.cards[ci].append(card)
                lanes[k.order] = lane
            }
        }
        return lanes.keys.sorted().compactMap { lanes[$0] }
    }

    /// The cards of a column across all lanes, in display order (what up and down walk through).
    public func cards(inColumn i: Int) -> [Card] {
        guard columns.indices.contains(i) else { return [] }
        return lanes.flatMap { $0.cards[i] }
    }

    public var isEmpty: Bool { columns.isEmpty }
}
