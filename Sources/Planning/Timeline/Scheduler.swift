/// One task's computed schedule. Indices count working days from the project start; `start` is
/// the first working day, `finish` the last working day (inclusive); a milestone's `start` and
/// `finish` are the day it is reached: the last working day of what precedes it (or the
/// project's first working day).
public struct ScheduledTask: Sendable, Equatable {
    public let id: String
    public let key: String
    public let name: String
    public let isPhase: Bool
    public let isMilestone: Bool
    public let duration: Int
    public let earlyStart: Int, earlyFinish: Int, lateStart: Int, lateFinish: Int
    public let totalSlack: Int
    public let freeSlack: Int
    public let critical: Bool
    public let start: Day, finish: Day, lateStartDay: Day, lateFinishDay: Day
    public let deadline: Day?
    public var deadlineBroken: Bool { deadline.map { finish > $0 } ?? false }
    public let progress: Int
    public let depth: Int
    public let assignees: [String]
    public let actualStart: Day?
    public let actualFinish: Day?
}

/// The computed plan: every task's dates and slack, the project finish and the critical path.
public struct Schedule: Sendable {
    public let tasks: ScheduledTasks
    /// Task ids in outline order (phases before their children, by position).
    public let order: [String]
    public let finishIndex: Int
    public let finish: Day
    /// Critical tasks in order of their early start (several chains may run side by side).
    public let criticalPath: [String]
    /// Links between critical tasks that drive the later one: the critical network as it is.
    public let criticalLinks: [(from: String, to: String)]

    /// The critical chains: every path through the critical links from a task nothing critical
    /// drives to one that drives nothing critical, in early-start order (at most `limit`).
    /// Parallel critical tasks make several chains; none is joined to another that it does not touch.
    public func criticalChains(limit: Int = 20) -> [[String]] {
        var next: [String: [String]] = [:]
        var driven = Set<String>()
        for link in criticalLinks {
            next[link.from, default: []].append(link.to)
            driven.insert(link.to)
        }
        let rank = Dictionary(criticalPath.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for key in next.keys { next[key]?.sort { rank[$0, default: 0] < rank[$1, default: 0] } }
        var chains: [[String]] = []
        // One path grown and shrunk as the walk goes: a chain thousands of tasks long is copied
        // once, when it is complete, not once per step.
        var path: [String] = []
        func walk(_ task: String) {
            guard chains.count < limit else { return }
            path.append(task)
            defer { path.removeLast() }
            guard let successors = next[task], !successors.isEmpty else { chains.append(path); return }
            for s in successors { walk(s) }
        }
        for start in criticalPath where !driven.contains(start) { walk(start) }
        return chains
    }
}

/// Critical-path method over a working calendar: a forward pass for early dates, a backward
/// pass for late dates, slack from both. Deterministic; a cycle is an error naming its tasks.
public enum Scheduler {
    /// The project's schedule with `today` as its status date: nothing left to do is put in the past.
    public static func schedule(_ project: ProjectSnapshot, today: Day, slips: [String: Int] = [:]) throws -> Schedule {
        try network(project, today: today).schedule(slips: slips, statusDate: today)
    }

    /// The compiled network of a project, to schedule again after edits (see `ScheduleNetwork`).
    public static func network(_ project: ProjectSnapshot, today: Day) throws -> ScheduleNetwork {
        try ScheduleNetwork(tasks: Array(project.tasks.values), links: Array(project.taskLinks.values), calendar: project.calendar(today: today))
    }

    public static func schedule(tasks: [PlanTask], links: [TaskLink], calendar: WorkCalendar, slips: [String: Int] = [:]) throws -> Schedule {
        try ScheduleNetwork(tasks: tasks, links: links, calendar: calendar).schedule(slips: slips)
    }

    /// Phases before their children, siblings by position then number.
    static func outlineOrder(_ tasks: [PlanTask]) -> [String] {
        var children: [String?: [PlanTask]] = [:]
        for t in tasks { children[t.parentID, default: []].append(t) }
        var out: [String] = []
        func walk(_ parent: String?, _ seen: inout Set<String>) {
            for t in (children[parent] ?? []).sorted(by: { ($0.position, $0.number) < ($1.position, $1.number) }) where seen.insert(t.id).inserted {
                out.append(t.id)
                walk(t.id, &seen)
            }
        }
        var seen = Set<String>()
        walk(nil, &seen)
        return out
    }

    static func cycleMessage(leaves: [PlanTask], succ: [[Int]], indegree: [Int]) -> String {
        // Follow edges among the tasks left over until one repeats: that loop is a cycle.
        let stuck = Set(indegree.indices.filter { indegree[$0] > 0 })
        guard var current = stuck.min() else { return "The dependencies form a cycle." }
        var path: [Int] = []
        var position: [Int: Int] = [:]
        while position[current] == nil {
            position[current] = path.count
            path.append(current)
            guard let next = succ[current].filter(stuck.contains).min() else { break }
            current = next
        }
        let loop = path[(position[current] ?? 0)...] + [current]
        return "The dependencies form a cycle: \(loop.map { leaves[$0].label }.joined(separator: " → "))."
    }
}

/// Working-day index ↔ day for a calendar, extended as far as needed.
struct CalendarIndex {
    let calendar: WorkCalendar
    private var days: [Day] = []
    private var next: Day

    init(_ calendar: WorkCalendar) {
        self.calendar = calendar
        next = calendar.start
    }

    private mutating func extend(to count: Int) {
        while days.count < count {
            if calendar.isWorking(next) { days.append(next) }
            next = next.adding(days: 1)
        }
    }

    mutating func index(onOrAfter day: Day) -> Int {
        guard day > calendar.start else { return 0 }
        while days.last.map({ $0 < day }) ?? true { extend(to: days.count + 64) }
        return calendar.index(onOrAfter: day, in: days)
    }

    mutating func table(upTo count: Int) -> [Day] {
        extend(to: max(1, count))
        return days
    }
}

extension ProjectSnapshot {
    /// The project's calendar; without a start date, today.
    public func calendar(today: Day) -> WorkCalendar {
        WorkCalendar(start: info.startDate ?? today, workdays: info.workdays, holidays: Set(holidays.values.map(\.day)))
    }
}
