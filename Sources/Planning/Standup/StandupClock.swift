import Foundation

/// How a stand-up walks the work: the board right to left, or person by person.
public enum StandupOrder: String, Codable, Sendable, CaseIterable {
    case board, people
}

/// The running stand-up: who speaks in which order, whose turn it is and for how long they have
/// spoken. Time is banked per speaker when the turn moves, so going back to someone adds to their
/// time rather than restarting it. Codable because followers receive it with the facilitator's view.
public struct StandupClock: Codable, Sendable, Equatable {
    public var speakers: [String]
    public var current: Int
    public var order: StandupOrder
    public var startedAt: Date
    public var turnStartedAt: Date
    /// Seconds banked per speaker from turns already ended.
    public var spoken: [String: Double]
    /// Seconds each speaker has before the timer shows an overrun.
    public var timebox: Double

    public static let defaultTimebox: Double = 120

    public init(speakers: [String], order: StandupOrder = .board, timebox: Double = StandupClock.defaultTimebox, now: Date) {
        self.speakers = speakers
        current = 0
        self.order = order
        startedAt = now
        turnStartedAt = now
        spoken = [:]
        self.timebox = timebox
    }

    public var speaker: String? { speakers.indices.contains(current) ? speakers[current] : nil }

    /// Seconds the current speaker has spoken, this turn and earlier ones.
    public func elapsed(now: Date) -> Double {
        guard let speaker else { return 0 }
        return (spoken[speaker] ?? 0) + max(0, now.timeIntervalSince(turnStartedAt))
    }

    /// Seconds over the timebox, or nil while inside it.
    public func overrun(now: Date) -> Double? {
        let over = elapsed(now: now) - timebox
        return over > 0 ? over : nil
    }

    /// Seconds spoken by `name` so far, counting the running turn.
    public func time(of name: String, now: Date) -> Double {
        name == speaker ? elapsed(now: now) : spoken[name] ?? 0
    }

    /// Moves the turn `step` speakers on (negative goes back), banking the current speaker's time.
    public mutating func move(_ step: Int, now: Date) {
        guard !speakers.isEmpty else { return }
        bank(now: now)
        current = min(max(0, current + step), speakers.count - 1)
    }

    /// Shuffles who speaks after the current speaker; before anyone has spoken, everyone.
    public mutating func shuffle<G: RandomNumberGenerator>(using generator: inout G, now: Date) {
        let untouched = spoken.isEmpty && now.timeIntervalSince(startedAt) < 1
        let from = untouched ? 0 : current + 1
        guard from < speakers.count else { return }
        speakers[from...].shuffle(using: &generator)
        if untouched { turnStartedAt = now }
    }

    /// Every speaker with their time, in speaking order, the running turn included.
    public func totals(now: Date) -> [(name: String, seconds: Double, reached: Bool)] {
        speakers.map { ($0, time(of: $0, now: now), $0 == speaker || spoken[$0] != nil) }
    }

    private mutating func bank(now: Date) {
        if let speaker { spoken[speaker] = elapsed(now: now) }
        turnStartedAt = now
    }

    /// "1:05", "12:00": minutes and seconds for timers.
    public static func format(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded(.down)))
        return "\(s / 60):" + (s % 60 < 10 ? "0" : "") + "\(s % 60)"
    }
}
