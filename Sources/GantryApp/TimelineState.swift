import Foundation
import Planning

/// How much time one screen cell covers on the Gantt chart.
public enum Zoom: String, Sendable, CaseIterable {
    case day, week, month, quarter

    /// Days per cell (day zoom draws two cells a day).
    var daysPerCell: Double {
        switch self {
        case .day: return 0.5
        case .week: return 1
        case .month: return 4
        case .quarter: return 12
        }
    }

    var next: Zoom { Zoom.allCases[(Zoom.allCases.firstIndex(of: self)! + 1) % Zoom.allCases.count] }
}

/// The timeline screen's state: zoom, the first day shown, selection, folded phases, and the
/// schedule (recomputed whenever tasks, dependencies or the calendar change).
public struct TimelineState: Sendable {
    public var zoom = Zoom.week
    public var origin: Day?
    public var selectedID: String?
    public var folded: Set<String> = []
    public var scroll = 0
    public var schedule: Schedule?
    public var error: String?
}

extension AppState {
    /// Recomputes the schedule; a cycle or other problem is kept as a message for the screen.
    mutating func reschedule() {
        do {
            timeline.schedule = try Scheduler.schedule(project, today: today)
            timeline.error = nil
        } catch {
            timeline.schedule = nil
            timeline.error = "\(error)"
        }
        if timeline.selectedID == nil || project.tasks[timeline.selectedID!] == nil { timeline.selectedID = timelineRows.first }
    }

    /// Task ids shown, in outline order, without the children of folded phases.
    public var timelineRows: [String] {
        guard let schedule = timeline.schedule else { return [] }
        var hidden = Set<String>()
        var rows: [String] = []
        for id in schedule.order {
            let parent = project.tasks[id]?.parentID
            if let parent, hidden.contains(parent) || timeline.folded.contains(parent) { hidden.insert(id); continue }
            rows.append(id)
        }
        return rows
    }

    public var selectedTask: PlanTask? { timeline.selectedID.flatMap { project.tasks[$0] } }
}
