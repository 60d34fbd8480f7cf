import Foundation

/// What a stand-up leaves behind, saved in the project when it ends: who spoke and for how long,
/// what moved since the previous one, the blockers on the board, and what was captured. The
/// lines are fixed at the end of the meeting, so a report printed next week says what the
/// room saw.
public struct StandupRecord: Codable, Sendable, Equatable {
    public struct Speaker: Codable, Sendable, Equatable {
        public var name: String
        public var seconds: Double
        /// False for someone the meeting ended before; nil in records saved before this was kept.
        public var reached: Bool?

        public init(name: String, seconds: Double, reached: Bool = true) {
            self.name = name
            self.seconds = seconds
            self.reached = reached
        }
    }

    public var day: String
    public var facilitator: String
    public var board: String
    public var startedAt: Date
    public var endedAt: Date
    public var timebox: Double
    public var speakers: [Speaker]
    /// When the previous stand-up ended (what "since last time" is measured from), if there was one.
    public var previousEndedAt: Date?
    public var moved: [String]
    public var blockers: [String]
    public var captured: [String]

    public init(day: String, facilitator: String, board: String, startedAt: Date, endedAt: Date, timebox: Double,
                speakers: [Speaker], previousEndedAt: Date?, moved: [String], blockers: [String], captured: [String]) {
        self.day = day
        self.facilitator = facilitator
        self.board = board
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.timebox = timebox
        self.speakers = speakers
        self.previousEndedAt = previousEndedAt
        self.moved = moved
        self.blockers = blockers
        self.captured = captured
    }

    /// The record of a meeting that ends now: the clock's times, the board's blockers, and the
    /// lines derived from the journal (`since` holds the changes since the previous stand-up).
    public static func closing(_ clock: StandupClock, facilitator: String, project: ProjectSnapshot, boardID: String,
                               since: [(actor: String, at: Date, change: Change)], previousEndedAt: Date?,
                               now: Date) -> StandupRecord {
        let blockers = StandupAgenda.walk(project, boardID: boardID, now: now).filter { $0.reason == .blocked }.map(blockerLine)
        let moved = since.filter { $0.at < clock.startedAt && isMove($0.change) }.map { "\($0.actor) \($0.change.summary)" }
        let captured = since.filter { $0.at >= clock.startedAt && isCapture($0.change) }.map { "\($0.actor) \($0.change.summary)" }
        return StandupRecord(day: Day.containing(clock.startedAt).description, facilitator: facilitator,
                             board: project.boards[boardID]?.name ?? "", startedAt: clock.startedAt, endedAt: now,
                             timebox: clock.timebox, speakers: clock.totals(now: now).map { Speaker(name: $0.name, seconds: $0.seconds, reached: $0.reached) },
                             previousEndedAt: previousEndedAt, moved: moved, blockers: blockers, captured: captured)
    }

    /// "GAN-5 Payment provider API: waiting on keys (ben)".
    static func blockerLine(_ item: StandupItem) -> String {
        "\(item.card.key) \(item.card.title): \(item.card.blockedReason ?? "")" + (item.card.assignee.map { " (\($0))" } ?? "")
    }

    /// A card changed column.
    public static func isMove(_ change: Change) -> Bool {
        change.edits.contains { $0.kind == .card && $0.operation == .update && $0.fields.contains { $0.name == "columnID" } }
    }

    /// Something a stand-up captures: a new card or RAID item, or a card newly blocked.
    public static func isCapture(_ change: Change) -> Bool {
        change.edits.contains { edit in
            switch (edit.kind, edit.operation) {
            case (.card, .create), (.raid, .create): return true
            case (.card, .update): return edit.fields.contains { $0.name == "blockedReason" && $0.from == .null && $0.to != .null }
            default: return false
            }
        }
    }

    /// The summary as Markdown, for `gantry standup report`; times in `timeZone`, named.
    public func markdown(timeZone: TimeZone = .current) -> String {
        var lines = ["# Stand-up \(day)", ""]
        let minutes = Int((endedAt.timeIntervalSince(startedAt) / 60).rounded())
        lines.append("Facilitator: \(facilitator) · board \(board) · \(LocalTime.clock(startedAt, timeZone))–\(LocalTime.clock(endedAt, timeZone)) \(LocalTime.zoneName(timeZone, at: startedAt)) (\(minutes) min) · timebox \(StandupClock.format(timebox)) per speaker")
        lines += ["", "## Speakers", "", "| Speaker | Time | Over |", "|---|---:|---:|"]
        for s in speakers {
            guard s.reached ?? true else {
                lines.append("| \(Self.cell(s.name)) | not reached |  |")
                continue
            }
            let over = s.seconds > timebox ? StandupClock.format(s.seconds - timebox) : ""
            lines.append("| \(Self.cell(s.name)) | \(StandupClock.format(s.seconds)) | \(over) |")
        }
        let sinceText = previousEndedAt.map { " (since \(LocalTime.stamp($0, timeZone)))" } ?? " (last 24 hours)"
        lines += ["", "## Moved since the previous stand-up\(sinceText)", ""] + Self.bullets(moved, none: "Nothing moved.")
        lines += ["", "## Blockers", ""] + Self.bullets(blockers, none: "No blocked cards.")
        lines += ["", "## Captured", ""] + Self.bullets(captured, none: "Nothing captured.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func bullets(_ items: [String], none: String) -> [String] {
        items.isEmpty ? ["_\(none)_"] : items.map { "- " + $0.replacingOccurrences(of: "\n", with: " ") }
    }

    private static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    public static func decode(_ text: String) -> StandupRecord? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try? decoder.decode(StandupRecord.self, from: Data(text.utf8))
    }
}
