import Foundation

/// Turns moments into local civil days and counts working days between them, fast enough to
/// run over every event of a large history: days are cached per quarter hour (every time zone's
/// midnight falls on one), and working days are prefix-counted over the span asked about.
public struct DayClock: Sendable {
    public let timeZone: TimeZone
    private var cache: [Int: Day] = [:]

    public init(timeZone: TimeZone = .current) {
        self.timeZone = timeZone
    }

    public mutating func day(_ date: Date) -> Day {
        let bucket = Int((date.timeIntervalSince1970 / 900).rounded(.down))
        if let day = cache[bucket] { return day }
        let day = Day.containing(date, in: timeZone)
        cache[bucket] = day
        return day
    }

    /// The first moment after `day` ends: the close of business every daily figure is read at.
    public func end(of day: Day) -> Date { day.adding(days: 1).start(in: timeZone) }
}

/// Working days of the project calendar over a span, counted in O(1) after one pass.
public struct WorkingDays: Sendable {
    public let calendar: WorkCalendar
    public let first: Day
    private var prefix: [Int]

    /// Covers `first...last`; days outside are counted by walking.
    public init(calendar: WorkCalendar, from first: Day, through last: Day) {
        self.calendar = calendar
        self.first = first
        var prefix = [0]
        prefix.reserveCapacity(max(0, last - first) + 2)
        var d = first
        while d <= last {
            prefix.append(prefix[prefix.count - 1] + (calendar.isWorking(d) ? 1 : 0))
            d = d.adding(days: 1)
        }
        self.prefix = prefix
    }

    /// Working days in `a...b` (0 when b is before a).
    public func count(from a: Day, through b: Day) -> Int {
        guard a <= b else { return 0 }
        let i = a - first, j = b - first
        if i >= 0, j + 1 < prefix.count { return prefix[j + 1] - prefix[i] }
        var n = 0
        var d = a
        while d <= b {
            if calendar.isWorking(d) { n += 1 }
            d = d.adding(days: 1)
        }
        return n
    }

    /// The working days in `a...b`, in order.
    public func list(from a: Day, through b: Day) -> [Day] {
        var out: [Day] = []
        var d = a
        while d <= b {
            if calendar.isWorking(d) { out.append(d) }
            d = d.adding(days: 1)
        }
        return out
    }

    /// The `n`th working day after `day` (n ≥ 1), or `day` itself for n = 0.
    public func adding(_ n: Int, after day: Day) -> Day {
        var d = day
        var left = n
        while left > 0 {
            d = d.adding(days: 1)
            if calendar.isWorking(d) { left -= 1 }
        }
        return d
    }
}

/// Nearest-rank percentiles: the smallest value with at least p% of the values at or below it,
/// which is how "85% of cards finished in 6 days or less" reads.
public enum Percentile {
    public static func of(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }

    public static let standard: [Double] = [50, 70, 85, 95]
}
