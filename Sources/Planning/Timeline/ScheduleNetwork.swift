/// The dependency network compiled once for scheduling: leaf tasks by index, edges as flat
/// arrays, the topological order, the outline and the phases. Building it is most of the cost
/// of a schedule; an edit of a task's own duration, constraint, deadline, progress or name keeps
/// it (`update`), so rescheduling after such an edit redoes only the two passes, which is what
/// lets the Gantt screen answer a key in a few milliseconds on 10,000 tasks.
public struct ScheduleNetwork: Sendable {
    public let calendar: WorkCalendar
    /// Leaf tasks (not phases), in task-number order; positions are their indices.
    private(set) var leaves: [PlanTask]
    let index: [String: Int]
    /// Edges out of task i: `succTo[succStart[i]..<succStart[i+1]]`, likewise into it.
    private let succStart: [Int], succTo: [Int], succType: [DependencyType], succLag: [Int]
    private let predStart: [Int], predFrom: [Int], predType: [DependencyType], predLag: [Int]
    private let topological: [Int]
    let outline: [String]
    /// Phases, deepest first, with their direct children's ids.
    private(set) var phases: [(task: PlanTask, children: [String])]
    private let phaseIndex: [String: Int]
    let depth: [String: Int]

    /// Compiles `tasks` and `links`; a cycle is an error naming its tasks.
    public init(tasks: [PlanTask], links: [TaskLink], calendar: WorkCalendar) throws {
        self.calendar = calendar
        let parents = Set(tasks.compactMap(\.parentID))
        leaves = tasks.filter { !parents.contains($0.id) }.sorted { $0.number < $1.number }
        var index: [String: Int] = [:]
        index.reserveCapacity(leaves.count)
        for (i, t) in leaves.enumerated() { index[t.id] = i }
        self.index = index
        let n = leaves.count
        // Edges by task position, in a fixed order, so the result never depends on storage order.
        let edges = links.compactMap { link -> (p: Int, s: Int, type: DependencyType, lag: Int)? in
            guard let p = index[link.predID], let s = index[link.succID] else { return nil }
            return (p, s, link.type, link.lag)
        }.sorted { ($0.p, $0.s) < ($1.p, $1.s) }
        func compressed(_ key: (Int) -> Int, _ other: (Int) -> Int, _ byKey: [Int]) -> (start: [Int], to: [Int], type: [DependencyType], lag: [Int]) {
            var start = [Int](repeating: 0, count: n + 1)
            for i in byKey { start[key(i) + 1] += 1 }
            for i in 0..<n { start[i + 1] += start[i] }
            var fill = start
            var to = [Int](repeating: 0, count: edges.count), lag = [Int](repeating: 0, count: edges.count)
            var type = [DependencyType](repeating: .fs, count: edges.count)
            for i in byKey {
                let slot = fill[key(i)]
                fill[key(i)] += 1
                to[slot] = other(i)
                type[slot] = edges[i].type
                lag[slot] = edges[i].lag
            }
            return (start, to, type, lag)
        }
        let all = Array(edges.indices)
        let succ = compressed({ edges[$0].p }, { edges[$0].s }, all)
        let pred = compressed({ edges[$0].s }, { edges[$0].p }, all)
        (succStart, succTo, succType, succLag) = succ
        (predStart, predFrom, predType, predLag) = pred
        // Topological order (Kahn), lowest task number first among the ready ones.
        var indegree = (0..<n).map { pred.start[$0 + 1] - pred.start[$0] }
        var ready = (0..<n).filter { indegree[$0] == 0 }
        ready.reserveCapacity(n)
        var head = 0
        while head < ready.count {
            let t = ready[head]
            head += 1
            for e in succ.start[t]..<succ.start[t + 1] {
                let to = succ.to[e]
                indegree[to] -= 1
                if indegree[to] == 0 { ready.append(to) }
            }
        }
        if ready.count < n {
            let lists = (0..<n).map { Array(succ.to[succ.start[$0]..<succ.start[$0 + 1]]) }
            throw PlanningError.refused(Scheduler.cycleMessage(leaves: leaves, succ: lists, indegree: indegree), remedy: .unlinkTasks)
        }
        topological = ready
        let byID = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
        var depth: [String: Int] = [:]
        depth.reserveCapacity(tasks.count)
        for t in tasks {
            var d = 0, p = t.parentID
            while let id = p, d < 32 { d += 1; p = byID[id]?.parentID }
            depth[t.id] = d
        }
        self.depth = depth
        var children: [String: [String]] = [:]
        for t in tasks { if let p = t.parentID { children[p, default: []].append(t.id) } }
        phases = tasks.filter { parents.contains($0.id) }.sorted { (depth[$0.id] ?? 0, $1.number) > (depth[$1.id] ?? 0, $0.number) }
            .map { ($0, children[$0.id] ?? []) }
        phaseIndex = Dictionary(uniqueKeysWithValues: phases.enumerated().map { ($1.task.id, $0) })
        outline = Scheduler.outlineOrder(tasks)
    }

    /// Takes a task's new attributes without recompiling. False when the edit changes the
    /// network itself (a new task, or a different phase or position): build a new one then.
    public mutating func update(_ task: PlanTask) -> Bool {
        if let i = index[task.id] {
            guard leaves[i].parentID == task.parentID, leaves[i].position == task.position, leaves[i].number == task.number else { return false }
            leaves[i] = task
            return true
        }
        if let i = phaseIndex[task.id] {
            guard phases[i].task.parentID == task.parentID, phases[i].task.position == task.position else { return false }
            phases[i].task = task
            return true
        }
        return false
    }

    /// Forward and backward passes over the compiled network; `slips` lengthens tasks by id.
    /// Actual dates are honoured: a finished task sits where it happened, a started one from its
    /// actual start. With a status date (as TaskJuggler's `now` and MS Project's status date),
    /// work not yet done is never scheduled before it: an unstarted task starts on it at the
    /// earliest, and a started one does its remaining share from it.
    public func schedule(slips: [String: Int] = [:], statusDate: Day? = nil) -> Schedule {
        let n = leaves.count
        var calendarDays = CalendarIndex(calendar)
        var duration = [Int](repeating: 0, count: n)
        for i in 0..<n { duration[i] = max(0, leaves[i].duration + (slips.isEmpty ? 0 : slips[leaves[i].id] ?? 0)) }
        var es = [Int](repeating: 0, count: n), ef = [Int](repeating: 0, count: n)
        var complete = [Bool](repeating: false, count: n)
        let status = statusDate.map { calendarDays.index(onOrAfter: $0) } ?? 0
        for t in topological {
            let task = leaves[t]
            let d = duration[t]
            if let finish = task.actualFinish {
                // Done: where it happened. A milestone is reached on its finish day.
                let end = calendarDays.index(onOrAfter: finish) + 1
                es[t] = d == 0 ? end : min(end - 1, task.actualStart.map { calendarDays.index(onOrAfter: $0) } ?? max(0, end - d))
                ef[t] = end
                duration[t] = ef[t] - es[t]
                complete[t] = true
                continue
            }
            var start = task.startNoEarlier.map { calendarDays.index(onOrAfter: $0) } ?? 0
            for e in predStart[t]..<predStart[t + 1] {
                let from = predFrom[e], lag = predLag[e]
                switch predType[e] {
                case .fs: start = max(start, ef[from] + lag)
                case .ss: start = max(start, es[from] + lag)
                case .ff: start = max(start, ef[from] + lag - d)
                case .sf: start = max(start, es[from] + lag - d)
                }
            }
            es[t] = max(0, start)
            if let actual = task.actualStart { es[t] = calendarDays.index(onOrAfter: actual) }
            if task.progress >= 100 {
                ef[t] = es[t] + d
                complete[t] = true
            } else if task.actualStart != nil || task.progress > 0 {
                let remaining = (d * (100 - task.progress) + 99) / 100
                ef[t] = max(es[t] + d - remaining, status) + remaining
                duration[t] = ef[t] - es[t]
            } else {
                es[t] = max(es[t], status)
                ef[t] = es[t] + d
            }
        }
        let finishIndex = ef.max() ?? 0
        var ls = [Int](repeating: 0, count: n), lf = [Int](repeating: finishIndex, count: n)
        for t in topological.reversed() {
            let d = duration[t]
            var late = finishIndex
            for e in succStart[t]..<succStart[t + 1] {
                let to = succTo[e], lag = succLag[e]
                switch succType[e] {
                case .fs: late = min(late, ls[to] - lag)
                case .ss: late = min(late, ls[to] - lag + d)
                case .ff: late = min(late, lf[to] - lag)
                case .sf: late = min(late, lf[to] - lag + d)
                }
            }
            lf[t] = complete[t] ? ef[t] : late
            ls[t] = complete[t] ? es[t] : late - d
        }
        var free = [Int](repeating: 0, count: n)
        for t in 0..<n {
            var slack = finishIndex - ef[t]
            for e in succStart[t]..<succStart[t + 1] {
                let to = succTo[e], lag = succLag[e]
                switch succType[e] {
                case .fs: slack = min(slack, es[to] - (ef[t] + lag))
                case .ss: slack = min(slack, es[to] - (es[t] + lag))
                case .ff: slack = min(slack, ef[to] - (ef[t] + lag))
                case .sf: slack = min(slack, ef[to] - (es[t] + lag))
                }
            }
            free[t] = max(0, slack)
        }
        let table = calendarDays.table(upTo: max(finishIndex, lf.max() ?? 0) + 1)
        var tasks = ScheduledTasks(network: self, duration: duration, es: es, ef: ef, ls: ls, lf: lf, free: free, complete: complete, table: table)
        tasks.rollUpPhases()
        let critical = (0..<n).filter { ls[$0] - es[$0] <= 0 && !complete[$0] }.sorted { (es[$0], ef[$0], leaves[$0].number) < (es[$1], ef[$1], leaves[$1].number) }
        // A link is critical when it joins two critical tasks and drives the later one (no gap).
        var criticalLinks: [(Int, Int)] = []
        for t in critical {
            for e in succStart[t]..<succStart[t + 1] where ls[succTo[e]] - es[succTo[e]] <= 0 && !complete[succTo[e]] {
                let to = succTo[e], lag = succLag[e]
                let gap: Int
                switch succType[e] {
                case .fs: gap = es[to] - (ef[t] + lag)
                case .ss: gap = es[to] - (es[t] + lag)
                case .ff: gap = ef[to] - (ef[t] + lag)
                case .sf: gap = ef[to] - (es[t] + lag)
                }
                if gap == 0 { criticalLinks.append((t, to)) }
            }
        }
        return Schedule(tasks: tasks, order: outline, finishIndex: finishIndex, finish: n == 0 ? calendar.start : table[max(0, finishIndex - 1)],
                        criticalPath: critical.map { leaves[$0].id },
                        criticalLinks: criticalLinks.map { (leaves[$0.0].id, leaves[$0.1].id) })
    }
}

/// Every task's schedule, made on demand from the passes' arrays: the screen reads the few
/// dozen rows it shows, not all 10,000. Phases are rolled up once, as they are few.
public struct ScheduledTasks: Sendable, Sequence {
    let network: ScheduleNetwork
    let duration: [Int], es: [Int], ef: [Int], ls: [Int], lf: [Int], free: [Int]
    let complete: [Bool]
    let table: [Day]
    private var phases: [String: ScheduledTask] = [:]

    init(network: ScheduleNetwork, duration: [Int], es: [Int], ef: [Int], ls: [Int], lf: [Int], free: [Int], complete: [Bool], table: [Day]) {
        self.complete = complete
        self.network = network
        self.duration = duration
        self.es = es
        self.ef = ef
        self.ls = ls
        self.lf = lf
        self.free = free
        self.table = table
    }

    public var count: Int { es.count + phases.count }

    /// Every task's schedule: leaves in task-number order, then phases.
    public var values: [ScheduledTask] { map(\.value) }

    public subscript(id: String) -> ScheduledTask? {
        if let i = network.index[id] { return leaf(i) }
        return phases[id]
    }

    public func makeIterator() -> AnyIterator<(key: String, value: ScheduledTask)> {
        var i = 0
        var rest = phases.makeIterator()
        return AnyIterator {
            if i < es.count {
                defer { i += 1 }
                return (network.leaves[i].id, leaf(i))
            }
            return rest.next().map { ($0.key, $0.value) }
        }
    }

    private func startDay(_ s: Int, _ d: Int) -> Day { d == 0 ? table[Swift.max(0, s - 1)] : table[Swift.max(0, s)] }
    private func finishDay(_ f: Int) -> Day { table[Swift.max(0, f - 1)] }

    private func leaf(_ i: Int) -> ScheduledTask {
        let t = network.leaves[i], d = duration[i]
        return ScheduledTask(
            id: t.id, key: t.key, name: t.name, isPhase: false, isMilestone: d == 0, duration: d,
            earlyStart: es[i], earlyFinish: ef[i], lateStart: ls[i], lateFinish: lf[i], totalSlack: ls[i] - es[i], freeSlack: free[i],
            critical: ls[i] - es[i] <= 0 && !complete[i], start: startDay(es[i], d), finish: d == 0 ? startDay(es[i], 0) : finishDay(ef[i]),
            lateStartDay: startDay(ls[i], d), lateFinishDay: d == 0 ? startDay(ls[i], 0) : finishDay(lf[i]),
            deadline: t.deadline, progress: complete[i] ? 100 : t.progress, depth: network.depth[t.id] ?? 0, assignees: t.assignees,
            actualStart: t.actualStart, actualFinish: t.actualFinish)
    }

    /// Phases roll up from their children, deepest first.
    mutating func rollUpPhases() {
        for (phase, childIDs) in network.phases {
            let kids = childIDs.compactMap { self[$0] }
            guard !kids.isEmpty else { continue }
            let s = kids.map(\.earlyStart).min()!, f = kids.map(\.earlyFinish).max()!
            let work = kids.reduce(0) { $0 + Swift.max(1, $1.duration) }
            let done = kids.reduce(0) { $0 + Swift.max(1, $1.duration) * $1.progress }
            let slack = kids.map(\.totalSlack).min()!
            phases[phase.id] = ScheduledTask(
                id: phase.id, key: phase.key, name: phase.name, isPhase: true, isMilestone: false, duration: f - s,
                earlyStart: s, earlyFinish: f, lateStart: kids.map(\.lateStart).min()!, lateFinish: kids.map(\.lateFinish).max()!,
                totalSlack: slack, freeSlack: 0, critical: kids.contains(where: \.critical),
                start: kids.map(\.start).min()!, finish: kids.map(\.finish).max()!, lateStartDay: kids.map(\.lateStartDay).min()!,
                lateFinishDay: kids.map(\.lateFinishDay).max()!, deadline: phase.deadline,
                progress: work == 0 ? 0 : done / work, depth: network.depth[phase.id] ?? 0, assignees: phase.assignees,
                actualStart: kids.compactMap(\.actualStart).min(), actualFinish: kids.allSatisfy { $0.actualFinish != nil } ? kids.compactMap(\.actualFinish).max() : nil)
        }
    }
}
