import Planning

extension AppState {
    mutating func performReports(_ action: ReportsAction) {
        switch action {
        case .range:
            let ranges = [4, 12, 26, 52]
            self.reports.weeks = ranges[((ranges.firstIndex(of: self.reports.weeks) ?? 1) + 1) % ranges.count]
            message = .info("Charts cover the last \(self.reports.weeks) weeks.")
        case .previousSprint, .nextSprint:
            let sprints = chartedSprints
            guard !sprints.isEmpty else {
                message = .info("No sprint has started on this board yet.")
                return
            }
            let current = chartedSprint.flatMap { s in sprints.firstIndex { $0.id == s.id } } ?? sprints.count - 1
            let next = min(max(0, current + (action == .nextSprint ? 1 : -1)), sprints.count - 1)
            self.reports.sprintID = sprints[next].id
            if self.reports.chart != .burndown && self.reports.chart != .burnup { self.reports.chart = .burndown }
            self.reports.cursor = nil
        }
        refreshReport()
    }

    /// Up and down pick the chart; left and right walk its points.
    mutating func moveInReports(_ motion: Motion) {
        let charts = ReportChart.allCases
        let i = charts.firstIndex(of: self.reports.chart) ?? 0
        switch motion {
        case .up, .down, .top, .bottom, .pageUp, .pageDown:
            let j: Int
            switch motion {
            case .up, .pageUp: j = max(0, i - 1)
            case .down, .pageDown: j = min(charts.count - 1, i + 1)
            case .top: j = 0
            default: j = charts.count - 1
            }
            guard j != i else { return }
            self.reports.chart = charts[j]
            self.reports.cursor = nil
            refreshReport()
        case .left, .right:
            guard let count = self.reports.data?.points, count > 0 else { return }
            let c = self.reports.cursor ?? count - 1
            self.reports.cursor = min(max(0, c + (motion == .left ? -1 : 1)), count - 1)
        }
    }

    var reportsStatus: String {
        let budget = self.reports.chart == .budget
        let keys = [(AppAction.global(.selectDown), "chart"), (.global(.selectRight), "point")] + (budget ? [] : [(.reports(.range), "weeks")])
        let labelled = keys.compactMap { action, label in keymap.key(for: action, in: Screen.reports.keys).map { "\($0) \(label)" } }
        let span = budget ? "week by week to the plan's finish" : "last \(self.reports.weeks) weeks"
        return "\(self.reports.chart.title) · \(span) · " + labelled.joined(separator: " · ")
    }
}
