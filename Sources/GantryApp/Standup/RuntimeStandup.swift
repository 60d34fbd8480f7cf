import Foundation
import Planning
import PlanStore

/// The runtime's side of the stand-up: reading what happened since the previous one, and
/// saving the summary when the meeting ends. What the screen then shows is update's
/// (`Outcome.standupHistory`, `.standupSaved`).
extension AppRuntime {
    /// The newest changes a stand-up looks back over; a bulk import since the last one stays a
    /// few rows instead of a pause while thousands are decoded.
    static let standupHistoryLimit = 2_000

    /// The previous stand-up's end and the changes since it (the last day when there was none).
    func standupHistory(now: Date) throws -> (previousEndedAt: Date?, since: [ActivityEntry]) {
        let previous = try store.lastStandup(before: now)
        let since = previous?.endedAt ?? now.addingTimeInterval(-86_400)
        standupHistoryLoaded = true
        return (previous?.endedAt, try store.journal(since: since, limit: Self.standupHistoryLimit).map(Self.activity))
    }

    /// Saves the running stand-up's summary; nil when none is running.
    func saveStandup() throws -> StandupRecord? {
        guard let standupClock = state.standup.clock else { return nil }
        let start = state.standup.previousEndedAt ?? standupClock.startedAt.addingTimeInterval(-86_400)
        let entries = try store.journal(since: start, limit: Self.standupHistoryLimit).map { (actor: $0.actor, at: $0.at, change: $0.change) }
        let record = StandupRecord.closing(standupClock, facilitator: state.actor, project: state.project, boardID: state.boardID,
                                           since: entries, previousEndedAt: state.standup.previousEndedAt, now: clock())
        try store.saveStandup(record)
        return record
    }
}
