import Foundation
import Planning

/// The Workload screen's state: weeks or days, the selected person and period, and the numbers
/// (computed when the project or the zoom changes, not per frame).
public struct WorkloadState: Sendable {
    public var period = Workload.Period.week
    public var row = 0
    public var column = 0
    public var data: Workload?
}

extension AppState {
    /// How far the heat map reaches: a quarter of weeks, or four weeks of days.
    var workloadSpan: (from: Day, through: Day) {
        let monday = today.adding(days: -(today.weekday - 1))
        return self.workload.period == .week ? (monday, monday.adding(days: 7 * 13 - 1)) : (monday, monday.adding(days: 27))
    }

    mutating func refreshWorkload() {
        let span = workloadSpan
        let load = Workload.compute(project, schedule: self.timeline.schedule, from: span.from, through: span.through, by: self.workload.period, today: today)
        self.workload.data = load
        self.workload.row = min(self.workload.row, max(0, load.members.count - 1))
        self.workload.column = min(self.workload.column, max(0, load.periods.count - 1))
    }

    mutating func performWorkload(_ action: WorkloadAction) {
        switch action {
        case .zoom:
            self.workload.period = self.workload.period == .week ? .day : .week
            self.workload.column = self.workload.period == .day ? max(0, today - workloadSpan.from) : 0
        case .today:
            self.workload.column = self.workload.period == .day ? max(0, today - workloadSpan.from) : 0
        }
        refreshWorkload()
    }

    mutating func moveInWorkload(_ motion: Motion) {
        guard let load = self.workload.data else { return }
        let rows = load.members.count, columns = load.periods.count
        switch motion {
        case .up: self.workload.row = max(0, self.workload.row - 1)
        case .down: self.workload.row = min(max(0, rows - 1), self.workload.row + 1)
        case .left: self.workload.column = max(0, self.workload.column - 1)
        case .right: self.workload.column = min(max(0, columns - 1), self.workload.column + 1)
        case .top, .pageUp: self.workload.row = 0
        case .bottom, .pageDown: self.workload.row = max(0, rows - 1)
        }
    }

    var workloadStatus: String {
        let keys = [(AppAction.global(.selectRight), "period"), (.global(.selectDown), "person"), (.workload(.zoom), "weeks/days")]
            .compactMap { action, label in keymap.key(for: action, in: Screen.workload.keys).map { "\($0) \(label)" } }
        return "Workload · hours asked / hours there · " + keys.joined(separator: " · ")
    }
}
