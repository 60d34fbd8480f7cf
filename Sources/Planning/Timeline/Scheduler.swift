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
}

/// The computed plan: every task's dates and slack, the project finish and the critical path.
public struct Schedule: Sendable {
    public let tasks: [String: ScheduledTask]
    /// Task ids in outline order (phases before their children, by position).
    public let order: [String]
    public let finishIndex: Int
    public let finish: Day
    /// Critical tasks in order of their early start.
    public let criticalPath: [String]
}

/// Critical-path method over a working calendar: a forward pass for early dates, a backward
/// pass for late dates, slack from both. Deterministic; a cycle is an error naming its tasks.
public enum Scheduler {
    public static func schedule(_ project: ProjectSnapshot, today: Day, slips: [String: Int] = [:]) throws -> Schedule {
        try schedule(tasks: Array(project.tasks.values), links: Array(project.taskLinks.values), calendar: project.calendar(today: today), slips: slips)
    }

    public static func schedule(tasks: [PlanTask], links: [TaskLink], calendar: WorkCalendar, slips: [String: Int] = [:]) throws -> Schedule {
        let parents = Set(tasks.compactMap(\.parentID))
        let leaves = tasks.filter { !parents.contains($0.id) }.sorted { $0.number < $1.number }
        let index = Dictionary(uniqueKeysWithValues: leaves.enumerated().map { ($1.id, $0) })
        let n = leaves.count
        let duration = leaves.map { max(0, $0.duration + (slips[$0.id] ?? 0)) }
        var succ = [[(to: Int, type: DependencyType, lag: Int)]](repeating: [], count: n)
        var pred = [[(from: Int, type: DependencyType, lag: Int)]](repeating: [], count: n)
        // Edges by task position, in a fixed order, so the result never depends on storage order.
        let edges = links.compactMap { link -> (p: Int, s: Int, type: DependencyType, lag: Int)? in
            guard let p = index[link.predID], let s = index[link.succID] else { return nil }
            return (p, s, link.type, link.lag)
        }.sorted { ($0.p, $0.s) < ($1.p, $1.s) }
        for e in edges {
            succ[e.p].append((e.s, e.type, e.lag))
            pred[e.s].append((e.p, e.type, e.lag))
        }
        // Topological order (Kahn), lowest task number first among the ready ones.
        var indegree = pred.map(\.count)
        var ready = (0..<n).filter { indegree[$0] == 0 }
        var order: [Int] = []
        order.reserveCapacity(n)
        var head = 0
        while head < ready.count {
            let t = ready[head]
            head += 1
            order.append(t)
            for e in succ[t] {
                indegree[e.to] -= 1
                if indegree[e.to] == 0 { ready.append(e.to) }
            }
        }
        if order.count < n { throw PlanningError.refused(cycleMessage(leaves: leaves, succ: succ.map { $0.map(\.to) }, indegree: indegree)) }

        var calendarDays = CalendarIndex(calendar)
        var es = [Int](repeating: 0, count: n), ef = [Int](repeating: 0, count: n)
        for t in order {
            let d = duration[t]
            var start = leaves[t].startNoEarlier.map { calendarDays.index(onOrAfter: $0) } ?? 0
            for e in pred[t] {
                switch e.type {
                case .fs: start = max(start, ef[e.from] + e.lag)
                case .ss: start = max(start, es[e.from] + e.lag)
                case .ff: start = max(start, ef[e.from] + e.lag - d)
                case .sf: start = max(start, es[e.from] + e.lag - d)
                }
            }
            es[t] = max(0, start)
            ef[t] = es[t] + d
        }
        let finishIndex = ef.max() ?? 0
        var ls = [Int](repeating: 0, count: n), lf = [Int](repeating: finishIndex, count: n)
        for t in order.reversed() {
            let d = duration[t]
            var late = finishIndex
            for e in succ[t] {
                switch e.type {
                case .fs: late = min(late, ls[e.to] - e.lag)
                case .ss: late = min(late, ls[e.to] - e.lag + d)
                case .ff: late = min(late, lf[e.to] - e.lag)
                case .sf: late = min(late, lf[e.to] - e.lag + d)
                }
            }
            lf[t] = late
            ls[t] = late - d
        }
        var free = [Int](repeating: 0, count: n)
        for t in 0..<n {
            var slack = finishIndex - ef[t]
            for e in succ[t] {
                switch e.type {
                case .fs: slack = min(slack, es[e.to] - (ef[t] + e.lag))
                case .ss: slack = min(slack, es[e.to] - (es[t] + e.lag))
                case .ff: slack = min(slack, ef[e.to] - (ef[t] + e.lag))
                case .sf: slack = min(slack, ef[e.to] - (es[t] + e.lag))
                }
            }
            free[t] = max(0, slack)
        }
        let table = calendarDays.table(upTo: max(finishIndex, lf.max() ?? 0) + 1)
        func startDay(_ s: Int, _ d: Int) -> Day { d == 0 ? table[max(0, s - 1)] : table[max(0, s)] }
        func finishDay(_ f: Int, _ d: Int) -> Day { table[max(0, f - 1)] }

        var result: [String: ScheduledTask] = [:]
        result.reserveCapacity(tasks.count)
        let byID = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
        func depth(_ t: PlanTask) -> Int {
            var d = 0, p = t.parentID
            while let id = p, d < 32 { d += 1; p = byID[id]?.parentID }
            return d
        }
        for (i, t) in leaves.enumerated() {
            let d = duration[i]
            result[t.id] = ScheduledTask(
                id: t.id, key: t.key, name: t.name, isPhase: false, isMilestone: d == 0, duration: d,
                earlyStart: es[i], earlyFinish: ef[i], lateStart: ls[i], lateFinish: lf[i], totalSlack: ls[i] - es[i], freeSlack: free[i],
                critical: ls[i] - es[i] <= 0, start: startDay(es[i], d), finish: d == 0 ? startDay(es[i], 0) : finishDay(ef[i], d),
                lateStartDay: startDay(ls[i], d), lateFinishDay: d == 0 ? startDay(ls[i], 0) : finishDay(lf[i], d),
                deadline: t.deadline, progress: t.progress, depth: depth(t))
        }
        // Phases roll up from their children, deepest first.
        let phases = tasks.filter { parents.contains($0.id) }.sorted { depth($0) > depth($1) }
        var children: [String: [String]] = [:]
        for t in tasks { if let p = t.parentID { children[p, default: []].append(t.id) } }
        for phase in phases {
            let kids = (children[phase.id] ?? []).compactMap { result[$0] }
            guard !kids.isEmpty else { continue }
            let s = kids.map(\.earlyStart).min()!, f = kids.map(\.earlyFinish).max()!
            let lsMin = kids.map(\.lateStart).min()!, lfMax = kids.map(\.lateFinish).max()!
            let work = kids.reduce(0) { $0 + max(1, $1.duration) }
            let done = kids.reduce(0) { $0 + max(1, $1.duration) * $1.progress }
            let slack = kids.map(\.totalSlack).min()!
            result[phase.id] = ScheduledTask(
                id: phase.id, key: phase.key, name: phase.name, isPhase: true, isMilestone: false, duration: f - s,
                earlyStart: s, earlyFinish: f, lateStart: lsMin, lateFinish: lfMax, totalSlack: slack, freeSlack: 0, critical: slack <= 0,
                start: kids.map(\.start).min()!, finish: kids.map(\.finish).max()!, lateStartDay: kids.map(\.lateStartDay).min()!,
                lateFinishDay: kids.map(\.lateFinishDay).max()!, deadline: phase.deadline,
                progress: work == 0 ? 0 : done / work, depth: depth(phase))
        }
        let outline = outlineOrder(tasks)
        let critical = leaves.indices.filter { ls[$0] - es[$0] <= 0 }.sorted { (es[$0], ef[$0], leaves[$0].number) < (es[$1], ef[$1], leaves[$1].number) }
        return Schedule(tasks: result, order: outline, finishIndex: finishIndex, finish: n == 0 ? calendar.start : finishDay(finishIndex, 1),
                        criticalPath: critical.map { leaves[$0].id })
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
        return "The dependencies form a cycle: \(loop.map { leaves[$0].label }.joined(separator: " → ")). Remove one with gantry task unlink."
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
