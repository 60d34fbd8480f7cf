import Foundation
import Planning
import PlanStore

/// The runtime's side of the stand-up: loading what happened since the previous one, and
/// saving the summary when the meeting ends.
extension AppRuntime {
    func startStandup() throws {
        guard state.standup.clock == nil else { return }
        let now = clock()
        try loadStandupHistory(now: now)
        let speakers = StandupAgenda.speakers(state.project, boardID: state.boardID, now: now, thresholds: state.thresholds)
        state.standup.clock = StandupClock(speakers: speakers, timebox: state.standup.timebox, now: now)
        state.selectFirstStandupLine()
        state.message = .info("Stand-up started: \(speakers.count) speakers, \(StandupClock.format(state.standup.timebox)) each. \(state.keyName(.nextSpeaker)) next speaker · \(state.keyName(.endStandup)) ends")
    }

    /// The newest changes a stand-up looks back over; a bulk import since the last one stays a
    /// few rows instead of a pause while thousands are decoded.
    static let standupHistoryLimit = 2_000

    /// The previous stand-up and the changes since it (the last day when there was none).
    func loadStandupHistory(now: Date) throws {
        let previous = try store.lastStandup(before: now)
        let since = previous?.endedAt ?? now.addingTimeInterval(-86_400)
        state.standup.previousEndedAt = previous?.endedAt
        state.standup.since = try store.journal(since: since, limit: Self.standupHistoryLimit).map(Self.activity)
        standupHistoryLoaded = true
    }

    func endStandup() throws {
        guard let standupClock = state.standup.clock else { return }
        let now = clock()
        let start = state.standup.previousEndedAt ?? standupClock.startedAt.addingTimeInterval(-86_400)
        let entries = try store.journal(since: start, limit: Self.standupHistoryLimit).map { (actor: $0.actor, at: $0.at, change: $0.change) }
        let record = StandupRecord.closing(standupClock, facilitator: state.actor, project: state.project, boardID: state.boardID,
                                           since: entries, previousEndedAt: state.standup.previousEndedAt, now: now)
        try store.saveStandup(record)
        state.standup.clock = nil
        state.screen = .board
        state.message = .info("Stand-up saved (\(record.speakers.count) speakers, \(record.captured.count) captured). gantry standup report prints it.")
    }
}
