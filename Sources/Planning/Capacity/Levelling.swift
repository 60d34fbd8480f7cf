import Foundation

/// Resource levelling: a serial schedule over working days. Work under way stays and is booked
/// first; then each task not started, taken when its predecessors are placed (the highest
/// priority first, from its linked cards; then the least slack, counted as the earliest late start; then the key), goes
/// at the first working day its dependencies allow where everyone on it has the hours for all
/// its days. The placements become start-no-earlier dates on the compiled network, so the
/// dependencies, calendars and existing constraints all hold in the schedule it gives. A task
/// that asks more of someone than they ever have in a day stays put and is reported.
public struct Levelling: Sendable {
    public struct Move: Sendable, Equatable {
        public var key: String
        public var name: String
        public var from: Day
        public var to: Day
        /// Working days later.
        public var days: Int
    }

    public var schedule: Schedule
    public var moves: [Move]
    /// The start-no-earlier dates that make it: what saving the levelled plan writes.
    public var constraints: [String: Day]
    public var unresolved: [String]

    public static func level(_ project: ProjectSnapshot, today: Day, horizon: Int = 5000) throws -> Levelling {
        var network = try Scheduler.network(project, today: today)
        let original = network.schedule(statusDate: today)
        let calendar = project.calendar(today: today)
        let hoursPerDay = project.info.hoursPerDay
        let members = project.sortedMembers
        let row = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.handle, $0) })
        let leaves = Dictionary(grouping: project.leaves.values, by: \.member)
        let byTask = Dictionary(grouping: project.assignments.values, by: \.taskID)
        let priority = project.taskPriorities()
        // Working days by index from the project's first one, as the schedule counts them.
        let table = calendar.days(count: original.finishIndex + horizon + 10)
        func day(_ i: Int) -> Day { table[min(max(0, i), table.count - 1)] }
        var availability: [[Double]] = []
        func available(_ m: Int, _ i: Int) -> Double {
            while availability.count <= i {
                let d = day(availability.count)
                availability.append(members.map { $0.hours(on: d, calendar: calendar, leave: leaves[$0.handle] ?? [], hoursPerDay: hoursPerDay) })
            }
            return availability[i][m]
        }
        var load: [[Double]] = Array(repeating: [], count: members.count)
        func used(_ m: Int, _ i: Int) -> Double { i < load[m].count ? load[m][i] : 0 }
        func book(_ m: Int, _ i: Int, _ h: Double) {
            if load[m].count <= i { load[m].append(contentsOf: repeatElement(0, count: i - load[m].count + 1)) }
            load[m][i] += h
        }
        /// What each person is asked for per working day of a task.
        func demand(_ id: String, duration: Int) -> [(m: Int, hours: Double)] {
            (byTask[id] ?? []).compactMap { a in
                row[a.member].map { ($0, a.hoursPerDay(over: duration, dayLength: hoursPerDay)) }
            }
        }
        let links = project.taskLinks.values.filter { project.tasks[$0.predID] != nil && project.tasks[$0.succID] != nil }
        let preds = Dictionary(grouping: links, by: \.succID)
        var placed: [String: (start: Int, duration: Int)] = [:]
        var unresolved: [String] = []
        // Work already under way stays where it is and is booked first.
        var waiting = Set<String>()
        for task in network.leaves {
            guard let dates = original.tasks[task.id] else { continue }
            if task.actualStart != nil || task.progress > 0 {
                placed[task.id] = (dates.earlyStart, dates.duration)
                for (m, h) in demand(task.id, duration: dates.duration) { for i in dates.earlyStart..<(dates.earlyStart + dates.duration) { book(m, i, h) } }
            } else {
                waiting.insert(task.id)
            }
        }
        // Then the rest, each as early as its placed predecessors and everyone's hours allow;
        // among the ready ones, highest priority first, then the earliest late start (least slack), then key.
        func order(_ a: String, _ b: String) -> Bool {
            let pa = priority[a] ?? 1, pb = priority[b] ?? 1
            if pa != pb { return pa > pb }
            let la = original.tasks[a]?.lateStart ?? 0, lb = original.tasks[b]?.lateStart ?? 0
            if la != lb { return la < lb }
            return (project.tasks[a]?.number ?? 0) < (project.tasks[b]?.number ?? 0)
        }
        while !waiting.isEmpty {
            let ready = waiting.filter { id in (preds[id] ?? []).allSatisfy { placed[$0.predID] != nil || !waiting.contains($0.predID) } }
            guard let id = (ready.isEmpty ? waiting : ready).min(by: order), let dates = original.tasks[id] else { break }
            waiting.remove(id)
            let d = dates.duration
            var earliest = dates.earlyStart
            for link in preds[id] ?? [] {
                guard let p = placed[link.predID] else { continue }
                let (ps, pe) = (p.start, p.start + p.duration)
                switch link.type {
                case .fs: earliest = max(earliest, pe + link.lag)
                case .ss: earliest = max(earliest, ps + link.lag)
                case .ff: earliest = max(earliest, pe + link.lag - d)
                case .sf: earliest = max(earliest, ps + link.lag - d)
                }
            }
            let need = demand(id, duration: d)
            var start = earliest
            if d > 0, !need.isEmpty {
                let fits = { (s: Int) in (s..<(s + d)).allSatisfy { i in need.allSatisfy { used($0.m, i) + $0.hours <= available($0.m, i) + 0.001 } } }
                while start < earliest + horizon && !fits(start) { start += 1 }
                if start >= earliest + horizon {
                    start = earliest
                    let who = need.map { members[$0.m].handle }.joined(separator: ", ")
                    unresolved.append("\(dates.key) asks more of \(who) than they ever have in a day; it stays at \(day(start)) unlevelled")
                }
                for (m, h) in need { for i in start..<(start + d) { book(m, i, h) } }
            }
            placed[id] = (start, d)
        }
        // The placements as start-no-earlier dates, so the critical-path schedule reproduces them.
        var constraints: [String: Day] = [:]
        for (id, p) in placed where p.duration > 0 {
            guard let dates = original.tasks[id], p.start > dates.earlyStart, var task = project.tasks[id] else { continue }
            let start = day(p.start)
            task.startNoEarlier = max(task.startNoEarlier ?? start, start)
            constraints[id] = task.startNoEarlier
            guard network.update(task) else { throw PlanningError.corrupt("levelling could not move \(task.key)") }
        }
        let schedule = network.schedule(statusDate: today)
        let moves = constraints.keys.compactMap { id -> Move? in
            guard let before = original.tasks[id], let after = schedule.tasks[id], after.start != before.start else { return nil }
            return Move(key: before.key, name: before.name, from: before.start, to: after.start, days: after.earlyStart - before.earlyStart)
        }.sorted { ($0.from, $0.key.count, $0.key) < ($1.from, $1.key.count, $1.key) }
        return Levelling(schedule: schedule, moves: moves, constraints: constraints, unresolved: unresolved)
    }
}

extension ProjectSnapshot {
    /// Saves a levelled plan: the start-no-earlier dates that produce it.
    public func saveLevelling(_ levelling: Levelling) -> Change {
        let edits = levelling.constraints.keys.sorted().compactMap { id in tasks[id]?.update([("startNoEarlier", Value(levelling.constraints[id]))]) }
        return Change(summary: "levelled the plan (\(levelling.moves.count) task\(levelling.moves.count == 1 ? "" : "s") moved)", edits: edits)
    }
}
