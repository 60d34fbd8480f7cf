import Foundation

/// A card's flow-relevant values at one moment: where it was and what it was worth.
public struct FlowState: Hashable, Sendable {
    public var boardID: String?
    public var columnID: String?
    public var sprintID: String?
    public var estimate: Double?
    /// Archived cards have left the board; the charts count them only where they are done.
    public var archived: Bool

    public init(boardID: String?, columnID: String?, sprintID: String?, estimate: Double?, archived: Bool = false) {
        self.boardID = boardID
        self.columnID = columnID
        self.sprintID = sprintID
        self.estimate = estimate
        self.archived = archived
    }
}

/// One step of a card's history: its state from `at` on (nil: deleted).
public struct FlowEvent: Hashable, Sendable {
    public var at: Date
    public var state: FlowState?
}

/// Every card's history of columns, sprints and estimates, in time order: what burndowns,
/// cumulative flow, cycle times and forecasts are computed from. The store keeps it beside the
/// journal (one row per change that moved a card); a live session appends the changes it sees.
public struct FlowHistory: Sendable {
    public private(set) var events: [String: [FlowEvent]] = [:]

    public init() {}

    public var cardCount: Int { events.count }

    public mutating func append(cardID: String, at: Date, state: FlowState?) {
        events[cardID, default: []].append(FlowEvent(at: at, state: state))
    }

    /// Adds what a change did to cards' flow, as the store records it.
    public mutating func record(_ change: Change, at: Date) {
        for edit in change.edits where edit.kind == .card && Self.touchesFlow(edit) {
            append(cardID: edit.id, at: at, state: Self.state(after: edit, from: events[edit.id]?.last?.state))
        }
    }

    /// The card's state at `moment` (nil before it existed or after it was deleted).
    public func state(of cardID: String, at moment: Date) -> FlowState? {
        guard let list = events[cardID] else { return nil }
        return Self.state(in: list, at: moment)
    }

    static func state(in list: [FlowEvent], at moment: Date) -> FlowState? {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].at <= moment { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : list[lo - 1].state
    }

    static let flowFields: Set<String> = ["boardID", "columnID", "sprintID", "estimate", "archived"]

    /// Whether an edit of a card changes anything flow charts read.
    public static func touchesFlow(_ edit: EntityEdit) -> Bool {
        edit.operation != .update || edit.fields.contains { flowFields.contains($0.name) }
    }

    /// The state an edit leaves a card in, given the state before it.
    public static func state(after edit: EntityEdit, from previous: FlowState?) -> FlowState? {
        if edit.operation == .delete { return nil }
        var state = edit.operation == .create ? FlowState(boardID: nil, columnID: nil, sprintID: nil, estimate: nil)
            : previous ?? FlowState(boardID: nil, columnID: nil, sprintID: nil, estimate: nil)
        for field in edit.fields {
            switch field.name {
            case "boardID": state.boardID = field.to.string
            case "columnID": state.columnID = field.to.string
            case "sprintID": state.sprintID = field.to.string
            case "estimate": state.estimate = field.to.double
            case "archived": state.archived = (field.to.int ?? 0) != 0
            default: break
            }
        }
        return state
    }
}
