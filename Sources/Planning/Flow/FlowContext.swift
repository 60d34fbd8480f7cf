import Foundation

/// One board's flow as the charts read it: its columns in order, which of them count as started
/// and as done, the project calendar, and every card's history on it.
///
/// "Done" is the columns marked done (category), else the board's last column; work starts in
/// the first in-progress column (or any later one, for a card that skipped it).
public struct FlowContext: Sendable {
    public let project: ProjectSnapshot
    public let history: FlowHistory
    public let board: Board
    public let columns: [Column]
    public let doneColumnIDs: Set<String>
    public let startedColumnIDs: Set<String>
    public let calendar: WorkCalendar
    public let now: Date
    public let today: Day
    public var clock: DayClock

    public init(project: ProjectSnapshot, history: FlowHistory, board: Board, now: Date, timeZone: TimeZone = .current) {
        self.project = project
        self.history = history
        self.board = board
        self.now = now
        let columns = project.columns(of: board.id)
        self.columns = columns
        let done = Self.doneColumns(of: columns)
        doneColumnIDs = done
        let firstDoing = columns.firstIndex { $0.category == .doing } ?? columns.firstIndex { done.contains($0.id) } ?? columns.count
        startedColumnIDs = Set(columns[firstDoing...].map(\.id)).union(done)
        clock = DayClock(timeZone: timeZone)
        today = clock.day(now)
        calendar = project.calendar(today: today)
    }

    /// The columns marked done, else the last column.
    public static func doneColumns(of columns: [Column]) -> Set<String> {
        let marked = columns.filter { $0.category == .done }
        return Set((marked.isEmpty ? Array(columns.suffix(1)) : marked).map(\.id))
    }

    public func isDone(_ state: FlowState?) -> Bool {
        guard let state, state.boardID == board.id, let c = state.columnID else { return false }
        return doneColumnIDs.contains(c)
    }

    /// When a card that is done now last became done, and when its work started.
    public func completion(of events: [FlowEvent]) -> (started: Date, done: Date)? {
        guard let last = events.last, isDone(last.state) else { return nil }
        var done = last.at
        for event in events.reversed() {
            if isDone(event.state) { done = event.at } else { break }
        }
        let started = events.first { e in e.state.map { $0.boardID == board.id && startedColumnIDs.contains($0.columnID ?? "") } ?? false }?.at ?? done
        return (min(started, done), done)
    }

    /// Working days from `a` to `b` inclusive, at least 1: a card started and finished the same
    /// day took one day.
    public mutating func elapsedWorkingDays(_ a: Date, _ b: Date, counter: WorkingDays) -> Int {
        max(1, counter.count(from: clock.day(a), through: clock.day(b)))
    }

    /// The earliest day anything on this board happened.
    public mutating func firstDay() -> Day {
        var earliest = now
        for (_, events) in history.events {
            if let e = events.first, e.at < earliest, events.contains(where: { $0.state?.boardID == board.id }) { earliest = e.at }
        }
        return clock.day(earliest)
    }
}

extension ProjectSnapshot {
    /// The done columns (see `FlowContext.doneColumns`) of every board given.
    public func doneColumnIDs(of boards: [Board]) -> Set<String> {
        boards.reduce(into: Set<String>()) { $0.formUnion(FlowContext.doneColumns(of: columns(of: $1.id))) }
    }
}
