import Foundation
import Planning
import TerminalUI

/// The planning screen's state: which side has focus, the selection on each side, the sprint
/// being planned, and the two lists (kept between frames, rebuilt when cards change).
public struct SprintsState: Sendable {
    public enum Pane: Sendable { case backlog, sprint }

    public var pane = Pane.backlog
    public var selected: [Int] = [0, 0]
    /// The sprint on the right; nil: the next planned sprint, else the active one.
    public var sprintID: String?
    public var backlog: [String] = []
    public var planned: [String] = []
    /// The planned sprint's points against capacity and velocity, for the header.
    public var load: SprintLoad?
}

/// Starting a sprint asks two things in turn: its goal, then its last day.
public struct SprintPrompt: Sendable, Equatable {
    public enum Step: Sendable, Equatable { case goal, end }

    public var sprintID: String
    public var step: Step
    public var goal: String
    public var field: TextField
}

extension AppState {
    /// The sprint the right side plans.
    var plannedSprint: Sprint? {
        if let id = self.sprints.sprintID, let s = project.sprints[id], s.state != .closed { return s }
        return project.nextSprint(on: boardID) ?? project.activeSprint(on: boardID)
    }

    /// The sprints that can be planned: the active one and the planned ones, in order.
    var openSprints: [Sprint] { project.sprints(of: boardID).filter { $0.state != .closed } }

    /// Rebuilds both lists: the backlog (unfinished cards in no sprint, board order) and the
    /// planned sprint's cards.
    mutating func refreshPlanning() {
        let columns = project.columns(of: boardID)
        let done = FlowContext.doneColumns(of: columns)
        let position = Dictionary(uniqueKeysWithValues: columns.map { ($0.id, $0.position) })
        func order(_ a: Card, _ b: Card) -> Bool {
            let pa = position[a.columnID] ?? 0, pb = position[b.columnID] ?? 0
            return pa != pb ? pa < pb : Card.rankOrder(a, b)
        }
        let sprintID = plannedSprint?.id
        var backlog: [Card] = [], planned: [Card] = []
        for card in project.cards.values where card.boardID == boardID && !card.archived && card.type != .epic {
            if let s = card.sprintID {
                if s == sprintID { planned.append(card) }
            } else if !done.contains(card.columnID) {
                backlog.append(card)
            }
        }
        self.sprints.load = plannedSprint.map { SprintLoad.compute($0, in: project, today: today) }
        self.sprints.backlog = backlog.sorted(by: order).map(\.id)
        self.sprints.planned = planned.sorted(by: order).map(\.id)
        self.sprints.selected[0] = min(self.sprints.selected[0], max(0, self.sprints.backlog.count - 1))
        self.sprints.selected[1] = min(self.sprints.selected[1], max(0, self.sprints.planned.count - 1))
    }

    /// The card under the selection on the focused side.
    var planningCard: Card? {
        let list = self.sprints.pane == .backlog ? self.sprints.backlog : self.sprints.planned
        let i = self.sprints.selected[self.sprints.pane == .backlog ? 0 : 1]
        return list.indices.contains(i) ? project.cards[list[i]] : nil
    }
}
