import Foundation

/// Finished cards with how long they took: cycle time (first in-progress column → done) and
/// lead time (created → done), in working days counted inclusively, with percentiles overall
/// and per card type. Also gives throughput: cards finished per week.
public struct CycleTimes: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var key: String
        public var type: CardType
        public var done: Day
        public var cycle: Int
        public var lead: Int
    }

    public struct Percentiles: Sendable, Equatable {
        public var count: Int
        /// (percent, days) for 50, 70, 85, 95.
        public var cycle: [(Double, Double)]
        public var lead: [(Double, Double)]

        public static func == (a: Percentiles, b: Percentiles) -> Bool {
            a.count == b.count && a.cycle.map(\.1) == b.cycle.map(\.1) && a.lead.map(\.1) == b.lead.map(\.1)
        }

        init(_ items: [Item]) {
            count = items.count
            let cycles = items.map { Double($0.cycle) }.sorted(), leads = items.map { Double($0.lead) }.sorted()
            cycle = Percentile.standard.compactMap { p in Percentile.of(cycles, p).map { (p, $0) } }
            lead = Percentile.standard.compactMap { p in Percentile.of(leads, p).map { (p, $0) } }
        }
    }

    /// By the day they finished, then key.
    public var items: [Item]
    public var overall: Percentiles
    /// Per type that has finished cards, in `CardType` order.
    public var byType: [(type: CardType, percentiles: Percentiles)]

    public static func == (a: CycleTimes, b: CycleTimes) -> Bool {
        a.items == b.items && a.overall == b.overall && a.byType.map(\.type) == b.byType.map(\.type) && a.byType.map(\.percentiles) == b.byType.map(\.percentiles)
    }

    /// Cards finished from `from` through `through`.
    public static func compute(in context: FlowContext, from: Day, through: Day) -> CycleTimes {
        var context = context
        let first = min(context.firstDay(), from)
        let counter = WorkingDays(calendar: context.calendar, from: first, through: max(through, context.today))
        var items: [Item] = []
        for (id, events) in context.history.events {
            guard let card = context.project.cards[id], card.boardID == context.board.id, let times = context.completion(of: events) else { continue }
            let doneDay = context.clock.day(times.done)
            guard doneDay >= from, doneDay <= through else { continue }
            items.append(Item(key: card.key, type: card.type, done: doneDay,
                              cycle: context.elapsedWorkingDays(times.started, times.done, counter: counter),
                              lead: context.elapsedWorkingDays(card.createdAt, times.done, counter: counter)))
        }
        items.sort { ($0.done, $0.key.count, $0.key) < ($1.done, $1.key.count, $1.key) }
        let byType = CardType.allCases.compactMap { type -> (CardType, Percentiles)? in
            let of = items.filter { $0.type == type }
            return of.isEmpty ? nil : (type, Percentiles(of))
        }
        return CycleTimes(items: items, overall: Percentiles(items), byType: byType)
    }
}

/// Cards finished per week (weeks start on Monday), oldest first.
public struct Throughput: Sendable, Equatable {
    public struct Week: Sendable, Equatable {
        public var monday: Day
        public var count: Int
    }

    public var weeks: [Week]

    public static func compute(_ times: CycleTimes, from: Day, through: Day) -> Throughput {
        let firstMonday = from.adding(days: -(from.weekday - 1))
        var weeks: [Week] = []
        var monday = firstMonday
        while monday <= through {
            weeks.append(Week(monday: monday, count: 0))
            monday = monday.adding(days: 7)
        }
        for item in times.items {
            let w = (item.done - firstMonday) / 7
            if weeks.indices.contains(w) { weeks[w].count += 1 }
        }
        return Throughput(weeks: weeks)
    }
}
