import Foundation
import Planning

/// What an effect came to, fed back to `update`: the runtime performs an effect against the
/// store or the terminal and reports here; deciding what the screen then says and does is
/// update's, so it can be tested without a database or a terminal.
public enum Outcome: Sendable {
    /// A change was saved; `summary` is the journal's sentence for it.
    case applied(summary: String)
    /// An undo was saved (nil: nothing of this user's was left to undo).
    case undone(summary: String?)
    case redone(summary: String?)
    /// The store or the editor refused, in a sentence.
    case failed(String)
    /// The editor closed; `edited` is nil when it failed to give text back.
    case editorFinished(cardID: String?, original: String, edited: String?)
    /// What a stand-up looks back over was read; `starting` when this session opens one.
    case standupHistory(previousEndedAt: Date?, since: [ActivityEntry], starting: Bool)
    /// The stand-up's summary was saved.
    case standupSaved(speakers: Int, captured: Int)
    /// Who has the project open now.
    case presenceRead([PresenceSession])
    /// Following `leader` was asked for (nil: stop); `present` says whether they have it open.
    case followChecked(leader: String?, present: Bool)
    /// The followed session's view (nil: they are not sharing one right now).
    case leaderView(leader: String, view: SharedView?, width: Int, height: Int)
    /// This session joined the presence list as `session`; `activity` is the feed so far.
    case sessionOpened(session: String, activity: [ActivityEntry])
    /// Journal rows written since the last read, ours and everyone else's, in order.
    case journalRead([ActivityEntry])
    /// The whole project, read afresh (after a preview, or when the journal could not be replayed).
    case loaded(ProjectSnapshot)
    /// The clock moved (a key, or the tick between keys).
    case timePassed(Date)
    /// Each open risk's trend, read from its history.
    case trendsRead([String: RiskTrend])
    /// The cards' flow history, read from the store.
    case flowRead(FlowHistory, ProgressHistory)
    /// Something to say at start-up or about the file (read-only, network filesystem, a config
    /// problem, the file replaced): added after what the status line already says.
    case notice(StatusMessage)
    /// The loop is ending (quit, or a confirmed quit).
    case stopped
    /// A setting from the config file or the terminal.
    case settings(Setting)

    public enum Setting: Sendable, Equatable {
        /// Plain ASCII for block and box glyphs (vt100, the Linux console).
        case asciiGlyphs(Bool)
        /// Seconds each stand-up speaker gets.
        case timebox(Double)
    }
}

extension AppState {
    public mutating func receive(_ outcome: Outcome) -> [Effect] {
        switch outcome {
        case .applied(let summary):
            message = .info(Self.sentence(summary))
        case .undone(let summary):
            message = .info(summary.map { "Undid: " + $0.replacingOccurrences(of: "undo: ", with: "") } ?? "Nothing of yours to undo.")
        case .redone(let summary):
            message = .info(summary.map { "Redid: " + $0 } ?? "Nothing to redo.")
        case .failed(let text):
            message = .error(Self.sentence(text))
        case .editorFinished(let cardID, let original, let edited):
            guard let edited, edited != original else {
                message = .info("Description unchanged.")
                return []
            }
            if let cardID {
                guard let card = project.cards[cardID] else {
                    message = .error("The card was deleted while you were editing; your text was not saved.")
                    return []
                }
                do { return [.apply(try project.editCard(card, CardDraft(description: edited)))] } catch {
                    message = .error(Self.sentence("\(error)"))
                }
            } else if case .form(var form) = mode {
                form.set(.description, edited)
                mode = .form(form)
            } else if case .raidForm(var form) = mode {
                form.set(.description, edited)
                mode = .raidForm(form)
            }
        case .standupHistory(let previousEndedAt, let since, let starting):
            self.standup.previousEndedAt = previousEndedAt
            self.standup.since = since
            guard starting, self.standup.clock == nil else { return [] }
            let speakers = StandupAgenda.speakers(project, boardID: boardID, now: now, thresholds: thresholds)
            self.standup.clock = StandupClock(speakers: speakers, timebox: self.standup.timebox, now: now)
            selectFirstStandupLine()
            message = .info("Stand-up started: \(speakers.count) speakers, \(StandupClock.format(self.standup.timebox)) each. \(keyName(.standup(.nextSpeaker))) next speaker · \(keyName(.standup(.end))) ends")
        case .standupSaved(let speakers, let captured):
            self.standup.clock = nil
            screen = .board
            message = .info("Stand-up saved (\(speakers) speakers, \(captured) captured). gantry standup report prints it.")
        case .presenceRead(let live):
            sharing.presence = live
        case .followChecked(let leader, let present):
            startFollowing(leader, present: present)
        case .sessionOpened(let session, let activity):
            sharing.sessionID = session
            sharing.record(activity)
        case .journalRead(let entries):
            sharing.record(entries)
            do {
                for entry in entries {
                    guard let change = entry.change else { continue }
                    try apply(change, by: entry.actor)
                    flow?.record(change, at: entry.at)
                    progress?.record(change, at: entry.at)
                }
            } catch {
                return [.reload]
            }
            if entries.contains(where: { $0.change != nil }) { changesArrived() }
        case .loaded(let fresh):
            replaceProject(fresh)
            return [.readFlow]
        case .flowRead(let history, let reported):
            flow = history
            progress = reported
            if screen == .reports { refreshReport() } else { self.reports.data = nil }
        case .timePassed(let time):
            now = time
        case .trendsRead(let trends):
            self.raid.trends = trends
        case .notice(let notice):
            guard let earlier = message else {
                message = notice
                return []
            }
            message = StatusMessage(text: earlier.text + " · " + notice.text, isError: notice.isError || earlier.isError)
        case .stopped:
            shouldQuit = true
        case .settings(.asciiGlyphs(let on)):
            asciiGlyphs = on
        case .settings(.timebox(let seconds)):
            self.standup.timebox = seconds
        case .leaderView(let leader, let view, let width, let height):
            guard let view else {
                if message == nil { message = .info("\(leader) is not sharing a screen right now; waiting (\(keyName(.global(.follow))) stops).") }
                return []
            }
            mirror(view)
            keepSelectionVisible(BoardLayout(width: contentWidth(width), height: height, columnCount: self.view.columns.count))
        }
        return []
    }

    /// A message as a sentence: its first letter capitalised.
    static func sentence(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}
