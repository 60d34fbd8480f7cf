import Foundation
import Planning

/// The stand-up screen's state: the running meeting's clock, the list selection, and the
/// changes since the previous stand-up that the runtime loaded when the meeting began.
public struct StandupState: Sendable {
    public var clock: StandupClock?
    public var selected = 0
    public var previousEndedAt: Date?
    /// Journal rows since the previous stand-up ended (or the last day when there was none).
    public var since: [ActivityEntry] = []
    /// Seconds per speaker for new meetings (config `standup_timebox`, or `:timebox`).
    public var timebox = StandupClock.defaultTimebox
}

/// One line of the stand-up list: a column or person heading, a card, or a change since last time.
public enum StandupLine: Sendable, Equatable {
    case heading(String)
    case card(StandupItem)
    case change(ActivityEntry)
    case note(String)

    var isSelectable: Bool {
        switch self {
        case .card, .change: return true
        case .heading, .note: return false
        }
    }

    var cardID: String? {
        if case .card(let item) = self { return item.card.id }
        return nil
    }
}

extension AppState {
    /// The stand-up's list as shown: the board walk with a heading per column, or the current
    /// speaker's cards and what changed for them since the previous stand-up.
    public var standupLines: [StandupLine] {
        let order = self.standup.clock?.order ?? .board
        switch order {
        case .board:
            var lines: [StandupLine] = []
            var column = ""
            for item in StandupAgenda.walk(project, boardID: boardID, now: now, thresholds: thresholds) {
                if item.column.id != column {
                    column = item.column.id
                    lines.append(.heading(item.column.name))
                }
                lines.append(.card(item))
            }
            return lines.isEmpty ? [.note("Nothing in progress on this board.")] : lines
        case .people:
            guard let speaker = self.standup.clock?.speaker else { return [.note("No speakers: add members with gantry member add.")] }
            let items = StandupAgenda.walk(project, boardID: boardID, now: now, thresholds: thresholds, assignee: speaker)
            var lines: [StandupLine] = [.heading("\(speaker)'s work")]
            lines += items.isEmpty ? [.note("Nothing assigned in progress.")] : items.map(StandupLine.card)
            let theirs = Set(project.cards.values.filter { $0.assignee == speaker }.map(\.id))
            let changes = self.standup.since.filter { entry in
                entry.actor == speaker || entry.change?.edits.contains { theirs.contains($0.id) } == true
            }
            let since = self.standup.previousEndedAt.map { "since the previous stand-up (\(ActivityEntry.ago($0, now: now)))" } ?? "in the last day"
            lines.append(.heading("Changed \(since)"))
            lines += changes.isEmpty ? [.note("No changes.")] : changes.reversed().map(StandupLine.change)
            return lines
        }
    }
}
