import Foundation

/// A Monte Carlo forecast from recent throughput: each trial replays working days drawn at
/// random (seeded, so a forecast is reproducible) from the last weeks' daily completions.
/// "When will these N cards be done?" gives dates at 50/85/95%; "how many by DATE?" gives the
/// number of cards finished with at least that chance.
public struct Forecast: Sendable, Equatable {
    public static let trials = 10_000
    public static let chances: [Double] = [50, 85, 95]

    /// Cards finished on each working day of the sample, oldest first.
    public var samples: [Int]
    public var sampleFrom: Day
    public var sampleThrough: Day
    public var seed: UInt64
    /// For `cards`: the day they are all done with each chance.
    public var cards: Int?
    public var dates: [Day]
    /// For `by`: with each chance, at least this many cards are done.
    public var by: Day?
    public var counts: [Int]

    /// The daily completions of the last `weeks` weeks before today, from finished cards.
    public static func samples(_ times: CycleTimes, in context: FlowContext, weeks: Int) -> (from: Day, through: Day, counts: [Int]) {
        let through = context.today.adding(days: -1)
        let from = context.today.adding(days: -7 * max(1, weeks))
        let counter = WorkingDays(calendar: context.calendar, from: from, through: through)
        let days = counter.list(from: from, through: through)
        var counts = [Int](repeating: 0, count: days.count)
        for item in times.items where item.done >= from && item.done <= through {
            // A card finished on a day off counts on the next working day of the sample.
            var lo = 0, hi = days.count
            while lo < hi { let mid = (lo + hi) / 2; if days[mid] < item.done { lo = mid + 1 } else { hi = mid } }
            if lo < days.count { counts[lo] += 1 }
        }
        return (from, through, counts)
    }

    /// When `cards` more cards will be done, with each of `chances`.
    public static func when(cards: Int, samples: (from: Day, through: Day, counts: [Int]), in context: FlowContext, seed: UInt64) throws -> Forecast {
        guard cards > 0 else { throw PlanningError.invalid(field: "cards", message: "forecast at least one card") }
        try check(samples.counts)
        var rng = SplitMix(seed: seed)
        let counts = samples.counts
        var lengths = [Int](repeating: 0, count: trials)
        for t in 0..<trials {
            var done = 0, days = 0
            while done < cards {
                done += counts[Int(rng.next() % UInt64(counts.count))]
                days += 1
            }
            lengths[t] = days
        }
        lengths.sort()
        let counter = WorkingDays(calendar: context.calendar, from: context.today, through: context.today)
        let dates = chances.map { p in counter.adding(Int(Percentile.of(lengths.map(Double.init), p) ?? 0), after: context.today) }
        return Forecast(samples: counts, sampleFrom: samples.from, sampleThrough: samples.through, seed: seed, cards: cards, dates: dates, by: nil, counts: [])
    }

    /// How many cards will be done by `day` (working days after today), with each of `chances`.
    public static func howMany(by day: Day, samples: (from: Day, through: Day, counts: [Int]), in context: FlowContext, seed: UInt64) throws -> Forecast {
        guard day > context.today else { throw PlanningError.invalid(field: "by", message: "\(day) is not after today; forecast a later day") }
        try check(samples.counts)
        let n = WorkingDays(calendar: context.calendar, from: context.today.adding(days: 1), through: day).count(from: context.today.adding(days: 1), through: day)
        var rng = SplitMix(seed: seed)
        let counts = samples.counts
        var totals = [Int](repeating: 0, count: trials)
        for t in 0..<trials {
            var sum = 0
            for _ in 0..<n { sum += counts[Int(rng.next() % UInt64(counts.count))] }
            totals[t] = sum
        }
        totals.sort()
        // At least p% of trials finish this many or more.
        let atLeast = chances.map { p in totals[min(trials - 1, Int((Double(trials) * (1 - p / 100)).rounded(.down)))] }
        return Forecast(samples: counts, sampleFrom: samples.from, sampleThrough: samples.through, seed: seed, cards: nil, dates: [], by: day, counts: atLeast)
    }

    private static func check(_ counts: [Int]) throws {
        guard !counts.isEmpty, counts.contains(where: { $0 > 0 }) else {
            throw PlanningError.refused("No card was finished in the sample weeks, so there is no throughput to forecast from. Widen it with more weeks.")
        }
    }
}
