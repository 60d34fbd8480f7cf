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
    public var folded: Set<String> = [] {
        didSet { rows = nil }
    }
    /// The rows shown, kept until the outline or the folding changes (see `timelineRows`).
    var rows: [String]?
    public var scroll = 0
    public var schedule: Schedule?
    /// The compiled network behind `schedule`, kept so an edit of one task's own attributes
    /// reschedules without recompiling.
    public var network: ScheduleNetwork?
    public var error: String?
}

extension AppState {
    /// Recomputes the schedule; a cycle or other problem is kept as a message for the screen.
    mutating func reschedule() {
        do {
            let network = try Scheduler.network(project, today: today)
            self.timeline.network = network
            self.timeline.schedule = network.schedule(statusDate: today)
            self.timeline.error = nil
        } catch {
            self.timeline.network = nil
            self.timeline.schedule = nil
            self.timeline.error = StatusMessage.failure(error).text
        }
        self.timeline.rows = Self.rows(of: self.timeline, in: project)
        if self.timeline.selectedID == nil || project.tasks[self.timeline.selectedID!] == nil { self.timeline.selectedID = timelineRows.first }
    }

    /// Reschedules after `change`: edits of existing tasks' own attributes reuse the compiled
    /// network; anything else (new or removed tasks, links, calendar) compiles it again.
    mutating func reschedule(after change: Change) {
        guard var network = self.timeline.network,
              change.edits.allSatisfy({ $0.kind == .task && $0.operation == .update }) else { return reschedule() }
        for edit in change.edits {
            guard let task = project.tasks[edit.id], network.update(task) else { return reschedule() }
        }
        self.timeline.network = network
        self.timeline.schedule = network.schedule(statusDate: today)
    }

    /// Task ids shown, in outline order, without the children of folded phases. Kept between
    /// frames: an edit that leaves the outline alone does not walk 10,000 tasks again.
    public var timelineRows: [String] {
        self.timeline.rows ?? Self.rows(of: self.timeline, in: project)
    }

    /// Brings the kept rows up to date after folding.
    mutating func refreshTimelineRows() {
        if self.timeline.rows == nil { self.timeline.rows = Self.rows(of: self.timeline, in: project) }
    }

    static func rows(of timeline: TimelineState, in project: ProjectSnapshot) -> [String] {
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

    public var selectedTask: PlanTask? { self.timeline.selectedID.flatMap { project.tasks[$0] } }
}
