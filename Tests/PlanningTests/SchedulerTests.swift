import Foundation
import Testing
@testable import Planning

@Suite struct SchedulerTests {
    // Monday 2026-11-30; the calendar is Monday–Friday.
    let monday = Day("2026-11-30")!

    func task(_ n: Int, _ d: Int, parent: Int? = nil) -> PlanTask {
        var t = PlanTask(id: "t\(n)", name: "Task \(n)", duration: d, parentID: parent.map { "t\($0)" }, position: n, createdAt: Date(timeIntervalSince1970: 0))
        t.key = "T-\(n)"
        t.number = n
        return t
    }

    func link(_ p: Int, _ s: Int, _ type: DependencyType = .fs, _ lag: Int = 0) -> TaskLink {
        TaskLink(predID: "t\(p)", succID: "t\(s)", type: type, lag: lag)
    }

    func run(_ tasks: [PlanTask], _ links: [TaskLink], holidays: [String] = []) throws -> Schedule {
        try Scheduler.schedule(tasks: tasks, links: links, calendar: WorkCalendar(start: monday, holidays: Set(holidays.map { Day($0)! })))
    }

    /// The classic textbook network (A3 → B4, A3 → C2, B → D5, C → D): hand-checked early and
    /// late dates, total and free slack, and the critical path A → B → D.
    @Test func textbookNetwork() throws {
        let s = try run([task(1, 3), task(2, 4), task(3, 2), task(4, 5)], [link(1, 2), link(1, 3), link(2, 4), link(3, 4)])
        let a = s.tasks["t1"]!, b = s.tasks["t2"]!, c = s.tasks["t3"]!, d = s.tasks["t4"]!
        let early: [Int] = [a.earlyStart, a.earlyFinish, b.earlyStart, b.earlyFinish, c.earlyStart, c.earlyFinish, d.earlyStart, d.earlyFinish]
        #expect(early == [0, 3, 3, 7, 3, 5, 7, 12])
        let lateC: [Int] = [c.lateStart, c.lateFinish]
        #expect(lateC == [5, 7])
        let slack: [Int] = [a, b, c, d].map(\.totalSlack)
        #expect(slack == [0, 0, 2, 0])
        #expect(c.freeSlack == 2)
        #expect(s.criticalPath == ["t1", "t2", "t4"])
        #expect(a.start.description == "2026-11-30" && a.finish.description == "2026-12-02")
        #expect(d.start.description == "2026-12-09" && d.finish.description == "2026-12-15", "12 working days: Mon 30 Nov … Tue 15 Dec")
        #expect(s.finish.description == "2026-12-15")
    }

    @Test(arguments: [
        (DependencyType.fs, 0, 5), (.fs, 2, 7), (.fs, -2, 3),
        (.ss, 0, 0), (.ss, 3, 3), (.ss, -1, 0),
        (.ff, 0, 2), (.ff, 2, 4), (.ff, -1, 1),
        (.sf, 0, 0), (.sf, 4, 1), (.sf, 6, 3),
    ])
    func eachDependencyTypeWithLags(type: DependencyType, lag: Int, expectedStart: Int) throws {
        // Predecessor: 5 days from index 0. Successor: 3 days.
        let s = try run([task(1, 5), task(2, 3)], [link(1, 2, type, lag)])
        #expect(s.tasks["t2"]!.earlyStart == expectedStart, "\(type.rawValue) \(lag)")
    }

    @Test func weekendsAndHolidaysAreSkippedAtEveryBoundary() throws {
        // Starts on a holiday Monday: the first working day is Tuesday.
        let a = try run([task(1, 2)], [], holidays: ["2026-11-30"]).tasks["t1"]!
        #expect(a.start.description == "2026-12-01" && a.finish.description == "2026-12-02")
        // A lag that crosses the weekend: Mon–Wed, +2 working days lag → starts Monday.
        let s = try run([task(1, 3), task(2, 1)], [link(1, 2, .fs, 2)])
        #expect(s.tasks["t2"]!.start.description == "2026-12-07")
        // A task ending on Friday before a holiday Monday: the successor starts Tuesday.
        let h = try run([task(1, 5), task(2, 2)], [link(1, 2)], holidays: ["2026-12-07"])
        #expect(h.tasks["t1"]!.finish.description == "2026-12-04")
        #expect(h.tasks["t2"]!.start.description == "2026-12-08" && h.tasks["t2"]!.finish.description == "2026-12-09")
    }

    @Test func milestonesFallOnTheDayTheyAreReached() throws {
        let s = try run([task(1, 5), task(2, 0), task(3, 0)], [link(1, 2)])
        #expect(s.tasks["t2"]!.start.description == "2026-12-04", "the Friday its predecessor finishes")
        #expect(s.tasks["t2"]!.isMilestone && s.tasks["t2"]!.finish == s.tasks["t2"]!.start)
        #expect(s.tasks["t3"]!.start.description == "2026-11-30", "a free milestone sits on the first day")
    }

    @Test func startNoEarlierAndDeadlines() throws {
        var late = task(2, 2)
        late.startNoEarlier = Day("2026-12-05") // a Saturday: the next working day is Monday
        var due = task(3, 3)
        due.deadline = Day("2026-12-09")
        let s = try run([task(1, 1), late, due], [link(2, 3)])
        #expect(s.tasks["t2"]!.start.description == "2026-12-07")
        #expect(s.tasks["t3"]!.finish.description == "2026-12-11")
        #expect(s.tasks["t3"]!.deadlineBroken)
        #expect(!s.tasks["t1"]!.deadlineBroken)
    }

    @Test func aCycleNamesItsTasks() {
        #expect(throws: PlanningError.refused("The dependencies form a cycle: T-2 → T-3 → T-4 → T-2.", remedy: .unlinkTasks)) {
            try run([task(1, 1), task(2, 1), task(3, 1), task(4, 1)], [link(1, 2), link(2, 3), link(3, 4), link(4, 2)])
        }
    }

    @Test func phasesRollUpDatesAndProgress() throws {
        var b = task(2, 2, parent: 1), c = task(3, 6, parent: 1)
        b.progress = 100
        c.progress = 50
        let s = try run([task(1, 99), b, c, task(4, 1)], [link(2, 3), link(3, 4)])
        let phase = s.tasks["t1"]!
        #expect(phase.isPhase)
        #expect(phase.earlyStart == 0 && phase.earlyFinish == 8)
        #expect(phase.progress == (2 * 100 + 6 * 50) / 8)
        #expect(s.order == ["t1", "t2", "t3", "t4"])
        #expect(!s.criticalPath.contains("t1"), "phases are not on the path; their tasks are")
    }

    @Test func baselineSlipAndImpact() throws {
        var p = ProjectSnapshot(info: ProjectInfo(name: "T", keyPrefix: "T", startDate: monday))
        let tasks = [task(1, 3), task(2, 2), task(3, 0), task(4, 4), task(5, 0)]
        try p.apply(Change(summary: "", edits: tasks.map { $0.creation() } + [link(1, 2), link(2, 3), link(4, 5)].map { $0.creation() }))
        let before = try Scheduler.schedule(p, today: monday)
        try p.apply(try p.saveBaseline("Plan", schedule: before, now: Date()))
        let (_, _, moved) = try TimelineAnalysis.impact(of: p.tasks["t1"]!, slip: 2, in: p, today: monday)
        #expect(moved.map(\.key) == ["T-3"])
        #expect(moved.first?.days == 4, "two working days from a Friday land on Tuesday: four calendar days")
        try p.apply(try p.editTask(p.tasks["t1"]!, name: nil, duration: 5, startNoEarlier: nil, deadline: nil, progress: nil,
                                   assignees: nil, actualStart: nil, actualFinish: nil))
        let slips = TimelineAnalysis.compare(try Scheduler.schedule(p, today: monday), with: try p.baseline(named: "plan"))
        #expect(slips.first { $0.key == "T-3" }?.days == 4)
        #expect(slips.first { $0.key == "T-5" }?.days == 0)
    }

    @Test func tenThousandTasksScheduleWithoutTrouble() throws {
        var tasks: [PlanTask] = []
        var links: [TaskLink] = []
        for i in 1...2000 {
            tasks.append(task(i, i % 7))
            if i > 1 { links.append(link(i - 1, i, [.fs, .ss, .ff, .sf][i % 4], i % 3 - 1)) }
            if i > 10 { links.append(link(i - 10, i)) }
        }
        let s = try run(tasks, links)
        #expect(s.tasks.count == 2000)
        #expect(s.tasks.values.allSatisfy { $0.totalSlack >= 0 && $0.freeSlack >= 0 && $0.earlyStart <= $0.lateStart })
    }

    /// A kept network rescheduled after edits gives exactly what scheduling from scratch gives:
    /// 200 tasks in phases, all four link types, random edits of durations, constraints,
    /// deadlines and progress.
    @Test func aKeptNetworkAgreesWithAFreshScheduleAfterEveryEdit() throws {
        var rng = SplitMix(seed: 11)
        func random(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        var tasks = [task(1, 0), task(2, 0), task(3, 0, parent: 1)]
        for n in 4...200 { tasks.append(task(n, random(8), parent: [1, 2, 3][random(3)])) }
        var links: [TaskLink] = []
        for succ in 5...200 {
            for _ in 0..<random(3) {
                let pred = max(4, succ - 1 - random(20))
                guard pred < succ else { continue }
                let l = link(pred, succ, DependencyType.allCases[random(4)], random(5) - 2)
                if !links.contains(where: { $0.id == l.id }) { links.append(l) }
            }
        }
        let calendar = WorkCalendar(start: monday, holidays: [Day("2026-12-25")!])
        var network = try ScheduleNetwork(tasks: tasks, links: links, calendar: calendar)
        for _ in 0..<60 {
            let i = 3 + random(197)
            switch random(4) {
            case 0: tasks[i].duration = random(10)
            case 1: tasks[i].startNoEarlier = random(2) == 0 ? nil : monday.adding(days: random(60))
            case 2: tasks[i].deadline = monday.adding(days: random(90))
            default: tasks[i].progress = random(101)
            }
            let accepted = network.update(tasks[i])
            #expect(accepted)
            let kept = network.schedule(), fresh = try Scheduler.schedule(tasks: tasks, links: links, calendar: calendar)
            #expect(kept.finish == fresh.finish && kept.finishIndex == fresh.finishIndex)
            #expect(kept.criticalPath == fresh.criticalPath && kept.order == fresh.order)
            for t in tasks { #expect(kept.tasks[t.id] == fresh.tasks[t.id], "\(t.key)") }
        }
        var moved = tasks[10]
        moved.parentID = moved.parentID == "t2" ? "t1" : "t2"
        let reparented = network.update(moved), added = network.update(task(500, 3))
        #expect(!reparented, "a new phase needs a new network")
        #expect(!added, "so does a new task")
    }

    /// Tracking, as TaskJuggler and MS Project do it: actual dates are where the work happened,
    /// and nothing left to do is scheduled before the status date.
    @Test func actualsAndTheStatusDateKeepUnfinishedWorkOutOfThePast() throws {
        var done = task(1, 3), half = task(2, 4), untouched = task(3, 2), milestone = task(4, 0)
        done.actualStart = Day("2026-11-30")
        done.actualFinish = Day("2026-12-03")     // took 4 days, not 3
        half.progress = 50
        half.actualStart = Day("2026-12-04")
        let network = try ScheduleNetwork(tasks: [done, half, untouched, milestone], links: [link(1, 2), link(2, 3), link(3, 4)],
                                          calendar: WorkCalendar(start: monday))
        let status = Day("2026-12-14")!          // a Monday: two weeks in, nothing recorded since the 4th
        let s = network.schedule(statusDate: status)
        let a = s.tasks["t1"]!, b = s.tasks["t2"]!, c = s.tasks["t3"]!, m = s.tasks["t4"]!
        #expect(a.start.description == "2026-11-30" && a.finish.description == "2026-12-03", "the finished task sits on its actual dates")
        #expect(!a.critical, "finished work is not critical")
        #expect(b.start.description == "2026-12-04", "a started task keeps its actual start")
        #expect(b.finish.description == "2026-12-15", "its remaining half (2 days) runs from the status date")
        #expect(c.start.description == "2026-12-16" && c.finish.description == "2026-12-17")
        #expect(m.start.description == "2026-12-17")
        #expect(s.criticalPath == ["t2", "t3", "t4"])
        let unstarted = try ScheduleNetwork(tasks: [task(5, 2)], links: [], calendar: WorkCalendar(start: monday)).schedule(statusDate: status)
        #expect(unstarted.tasks["t5"]!.start == status, "a task at 0% never finishes in the past")
        let plain = network.schedule()
        #expect(plain.tasks["t3"]!.start.description == "2026-12-10", "without a status date the remaining work follows the actuals")
    }
}
