import Foundation

/// Each open card's age in its column against how long cards have historically stayed in that
/// column: a card past the column's 85th percentile is aging beyond the team's norm.
public struct AgingWIP: Sendable, Equatable {
    public struct Card: Sendable, Equatable {
        public var key: String
        public var title: String
        public var age: Int
        /// Age above the column's 85th percentile.
        public var pastNorm: Bool
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        /// (percent, working days) from past stays in the column; empty with no history.
        public var percentiles: [Double]
        public var pastStays: Int
        public var cards: [Card]

        public static func == (a: Column, b: Column) -> Bool {
            a.name == b.name && a.percentiles == b.percentiles && a.pastStays == b.pastStays && a.cards == b.cards
        }
    }

    /// Columns where work is waiting or in progress (not backlog, not done), board order.
    public var columns: [Column]

    public static func compute(in context: FlowContext) -> AgingWIP {
        var context = context
        let open = context.columns.filter { $0.category != .backlog && !context.doneColumnIDs.contains($0.id) }
        let wanted = Set(open.map(\.id))
        let first = context.firstDay()
        let counter = WorkingDays(calendar: context.calendar, from: first, through: context.today)
        var stays: [String: [Double]] = [:]
        for (_, events) in context.history.events {
            for (e, event) in events.enumerated() {
                guard let s = event.state, s.boardID == context.board.id, let c = s.columnID, wanted.contains(c),
                      e == 0 || events[e - 1].state?.columnID != c else { continue }
                // The stay ends at the first later event in another column (or deleted).
                guard let leave = events[(e + 1)...].first(where: { $0.state?.columnID != c }) else { continue }
                stays[c, default: []].append(Double(context.elapsedWorkingDays(event.at, leave.at, counter: counter)))
            }
        }
        let columns = open.map { column -> Column in
            let past = (stays[column.id] ?? []).sorted()
            let percentiles = Percentile.standard.compactMap { Percentile.of(past, $0) }
            let norm = percentiles.count == 4 ? percentiles[2] : nil
            let cards = context.project.cards(inColumn: column.id).map { card -> Card in
                let age = context.elapsedWorkingDays(card.enteredColumnAt, context.now, counter: counter)
                return Card(key: card.key, title: card.title, age: age, pastNorm: norm.map { Double(age) > $0 } ?? false)
            }.sorted { ($1.age, $0.key) < ($0.age, $1.key) }
            return Column(name: column.name, percentiles: percentiles, pastStays: past.count, cards: cards)
        }
        return AgingWIP(columns: columns)
    }
}
