import Foundation

/// Why a card comes up where it does in a stand-up.
public enum StandupReason: String, Sendable {
    case blocked, ageing, normal
}

/// A card on the stand-up's walk and why it is there.
public struct StandupItem: Sendable, Equatable {
    public var card: Card
    public var column: Column
    public var reason: StandupReason
}

/// The order a stand-up takes through the work, the one a facilitator would choose by hand:
/// columns right to left (the work nearest done first), and within a column the blocked cards,
/// then the cards over the ageing threshold, then the rest in board order. Backlog and done
/// columns are not walked: nobody is working on them.
public enum StandupAgenda {
    public static func walk(_ project: ProjectSnapshot, boardID: String, now: Date,
                            thresholds: AgeThresholds = .standard, assignee: String? = nil) -> [StandupItem] {
        var items: [StandupItem] = []
        for column in project.columns(of: boardID).reversed() where column.category == .todo || column.category == .doing {
            let cards = project.cards(inColumn: column.id).filter { !$0.archived && (assignee == nil || $0.assignee == assignee) }
            let graded = cards.map { card -> StandupItem in
                let reason: StandupReason = card.isBlocked ? .blocked
                    : thresholds.grade(days: card.daysInColumn(now: now), category: column.category) != .fresh ? .ageing : .normal
                return StandupItem(card: card, column: column, reason: reason)
            }
            for reason in [StandupReason.blocked, .ageing, .normal] { items += graded.filter { $0.reason == reason } }
        }
        return items
    }

    /// Who speaks: the project's members, those with work on the board walk first (in the order
    /// their first card comes up), then the others by handle.
    public static func speakers(_ project: ProjectSnapshot, boardID: String, now: Date, thresholds: AgeThresholds = .standard) -> [String] {
        var order: [String] = []
        var seen: Set<String> = []
        for item in walk(project, boardID: boardID, now: now, thresholds: thresholds) {
            if let who = item.card.assignee, seen.insert(who).inserted { order.append(who) }
        }
        for handle in project.members.keys.sorted() where seen.insert(handle).inserted { order.append(handle) }
        return order
    }
}
