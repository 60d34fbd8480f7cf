import Foundation

/// How many cards stood in each column at the close of each working day. The bands of a day add
/// up to the cards on the board that day (archived cards count only once done).
public struct CumulativeFlow: Sendable, Equatable {
    public var days: [Day]
    /// Column names, board order.
    public var columns: [String]
    /// `counts[d][c]`: cards in column c at the close of day d.
    public var counts: [[Int]]

    public static func compute(in context: FlowContext, from: Day, through: Day) -> CumulativeFlow {
        let clock = context.clock
        let days = WorkingDays(calendar: context.calendar, from: from, through: through).list(from: from, through: through)
        let index = Dictionary(uniqueKeysWithValues: context.columns.enumerated().map { ($1.id, $0) })
        let closes = days.map { clock.end(of: $0) }
        // Per column, +1 on the first day a card is there and −1 on the first day it is not.
        var delta = [[Int]](repeating: [Int](repeating: 0, count: days.count + 1), count: context.columns.count)
        for (_, events) in context.history.events {
            var i = 0
            for (e, event) in events.enumerated() {
                guard let state = event.state, state.boardID == context.board.id, !state.archived || context.isDone(state),
                      let column = state.columnID.flatMap({ index[$0] }) else { continue }
                let until = e + 1 < events.count ? events[e + 1].at : Date.distantFuture
                // The days whose close falls in [event.at, until).
                while i < closes.count, closes[i] < event.at { i += 1 }
                var j = i
                while j < closes.count, closes[j] < until { j += 1 }
                if j > i {
                    delta[column][i] += 1
                    delta[column][j] -= 1
                }
            }
        }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: context.columns.count), count: days.count)
        for c in context.columns.indices {
            var running = 0
            for d in days.indices {
                running += delta[c][d]
                counts[d][c] = running
            }
        }
        return CumulativeFlow(days: days, columns: context.columns.map(\.name), counts: counts)
    }
}
