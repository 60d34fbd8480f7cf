import Foundation

/// The sample project's timeline: five phases to the launch of the new checkout, with
/// milestones, all four dependency types, a holiday, and a baseline the plan has slipped from.
extension SampleProject {
    /// The Monday about four weeks ago, so the plan is under way.
    static func timelineStart(today: Day) -> Day {
        var start = today.adding(days: -28)
        while start.weekday != 1 { start = start.adding(days: -1) }
        return start
    }

    static func timeline(now: Date) -> [Change] {
        let today = Day.containing(now)
        let start = timelineStart(today: today)
        var info = ProjectInfo(name: name, keyPrefix: keyPrefix)
        info.startDate = start
        var changes: [Change] = []
        let setStart = EntityEdit(kind: .project, id: ProjectInfo.singletonID, label: "project", operation: .update,
                                  fields: [FieldChange(name: "startDate", from: .null, to: Value(start))])
        let holiday = Holiday(day: today.adding(days: 21 - (today.weekday - 1)), name: "Company offsite")
        changes.append(Change(summary: "set the project start to \(start) and added a holiday", edits: [setStart, holiday.creation()]))

        var tasks: [PlanTask] = []
        func task(_ n: Int, _ name: String, _ duration: Int, phase: Int? = nil, who: [String] = [], progress: Int = 0, deadline: Int? = nil) {
            var t = PlanTask(id: "task-\(n)", name: name, duration: duration, parentID: phase.map { "task-\($0)" }, position: n,
                             createdAt: now.addingTimeInterval(-30 * 86_400))
            t.assignees = who
            t.progress = progress
            t.deadline = deadline.map { today.adding(days: $0) }
            tasks.append(t)
        }
        task(1, "Discovery", 0)
        task(2, "Research checkout drop-off", 5, phase: 1, who: ["eli"], progress: 100)
        task(3, "Wireframes and usability tests", 6, phase: 1, who: ["eli"], progress: 100)
        task(4, "Discovery complete", 0, phase: 1, progress: 100)
        task(5, "Payments", 0)
        task(6, "Provider v3 API client", 10, phase: 5, who: ["ben"], progress: 60)
        task(7, "3-D Secure flow", 8, phase: 5, who: ["ben", "chen"], progress: 10)
        task(8, "Wallet buttons", 6, phase: 5, who: ["chen"])
        task(9, "Payments feature-complete", 0, phase: 5, deadline: 20)
        task(10, "Checkout UI", 0)
        task(11, "Address form", 6, phase: 10, who: ["chen"], progress: 70)
        task(12, "Guest checkout", 7, phase: 10, who: ["chen"], progress: 80)
        task(13, "Order summary", 4, phase: 10, who: ["eli"], progress: 40)
        task(14, "Accessibility fixes", 3, phase: 10, who: ["dana"])
        task(15, "Platform", 0)
        task(16, "Tracing and dashboards", 5, phase: 15, who: ["ana"], progress: 50)
        task(17, "Payment error alerts", 2, phase: 15, who: ["ana"])
        task(18, "Staging cluster for load tests", 4, phase: 15, who: ["dana"])
        task(19, "Launch", 0)
        task(20, "Load test at 3× peak", 3, phase: 19, who: ["dana"])
        task(21, "End-to-end regression", 5, phase: 19, who: ["dana"])
        task(22, "Go / no-go", 0, phase: 19)
        task(23, "Release to 10% of traffic", 3, phase: 19, who: ["ana"])
        task(24, "Release to everyone", 1, phase: 19, who: ["ana"])
        task(25, "Checkout v2 live", 0, phase: 19, deadline: 45)

        let links: [TaskLink] = [
            TaskLink(predID: "task-2", succID: "task-3"),
            TaskLink(predID: "task-3", succID: "task-4"),
            TaskLink(predID: "task-4", succID: "task-6", lag: -2),
            TaskLink(predID: "task-6", succID: "task-7", type: .ss, lag: 4),
            TaskLink(predID: "task-6", succID: "task-8", type: .ss, lag: 3),
            TaskLink(predID: "task-7", succID: "task-9"),
            TaskLink(predID: "task-8", succID: "task-9"),
            TaskLink(predID: "task-4", succID: "task-11"),
            TaskLink(predID: "task-11", succID: "task-12", type: .ss, lag: 2),
            TaskLink(predID: "task-12", succID: "task-13", type: .ff, lag: 1),
            TaskLink(predID: "task-13", succID: "task-14"),
            TaskLink(predID: "task-6", succID: "task-16", type: .ss),
            TaskLink(predID: "task-16", succID: "task-17"),
            TaskLink(predID: "task-18", succID: "task-20", type: .sf, lag: 6),
            TaskLink(predID: "task-9", succID: "task-20"),
            TaskLink(predID: "task-14", succID: "task-21"),
            TaskLink(predID: "task-9", succID: "task-21"),
            TaskLink(predID: "task-20", succID: "task-22"),
            TaskLink(predID: "task-21", succID: "task-22"),
            TaskLink(predID: "task-17", succID: "task-22"),
            TaskLink(predID: "task-22", succID: "task-23", lag: 1),
            TaskLink(predID: "task-23", succID: "task-24", lag: 2),
            TaskLink(predID: "task-24", succID: "task-25"),
        ]
        // The plan as agreed four weeks ago (no status date: the dates as planned then), saved as a
        // baseline; the work done since has actual dates from it; then the provider API work grew.
        var project = ProjectSnapshot(info: info)
        try? project.apply(Change(summary: "", edits: [holiday.creation()] + tasks.map { $0.creation() } + links.map { $0.creation() }))
        let planned = try? Scheduler.network(project, today: today).schedule()
        for i in tasks.indices {
            guard let dates = planned?.tasks[tasks[i].id], tasks[i].progress > 0 else { continue }
            tasks[i].actualStart = dates.start
            if tasks[i].progress >= 100 { tasks[i].actualFinish = dates.finish }
        }
        changes.append(Change(summary: "added the timeline's tasks", edits: tasks.map { $0.creation() }))
        changes.append(Change(summary: "linked the timeline's tasks", edits: links.map { $0.creation() }))
        if let planned, let save = try? project.saveBaseline("Kick-off", schedule: planned, now: now) {
            changes.append(save)
        }
        changes.append(Change(summary: "edited T-6 (duration)", edits: [
            EntityEdit(kind: .task, id: "task-6", label: "T-6", operation: .update, fields: [FieldChange(name: "duration", from: .int(10), to: .int(13))]),
        ]))
        let raidToTasks = [("risk-1", "task-6"), ("dependency-1", "task-6"), ("risk-4", "task-20"), ("dependency-2", "task-18")]
        let cardsToTasks = [("task-6", 5), ("task-7", 13), ("task-8", 12), ("task-11", 4), ("task-12", 9), ("task-13", 6), ("task-16", 8), ("task-16", 36),
                            ("task-17", 15), ("task-20", 39), ("task-3", 28)]
        changes.append(Change(summary: "linked cards to the timeline",
                              edits: cardsToTasks.map { TaskCardLink(taskID: $0.0, cardID: "card-\($0.1)").creation() }))
        changes.append(Change(summary: "linked RAID items to the timeline",
                              edits: raidToTasks.map { RaidLink(itemID: $0.0, targetID: $0.1).creation() }))
        return changes + capacity(tasks: tasks, today: today)
    }

    /// Who works how much on each task (effort for the work still ahead, a share of each day for
    /// shared tasks), leave over the year-end holidays, and a part-time designer: ben's provider
    /// client and 3-D Secure work overlap, so he is over-allocated in a week on screen.
    static func capacity(tasks: [PlanTask], today: Day) -> [Change] {
        var assignments: [Assignment] = []
        for task in tasks where task.duration > 0 {
            for who in task.assignees {
                let shared = task.assignees.count > 1
                assignments.append(Assignment(taskID: task.id, member: who, effortHours: shared ? nil : Double(task.duration) * 8,
                                              units: shared ? 0.5 : 1))
            }
        }
        assignments[assignments.indices.first { assignments[$0].taskID == "task-7" && assignments[$0].member == "ben" } ?? 0].units = 1
        var yearEnd = Day(year: today.components.year, month: 12, day: 21)!
        if yearEnd < today { yearEnd = Day(year: today.components.year + 1, month: 12, day: 21)! }
        let leave = [Leave(id: "leave-ana", member: "ana", start: yearEnd, end: yearEnd.adding(days: 11), note: "Year-end holidays"),
                     Leave(id: "leave-ben", member: "ben", start: yearEnd.adding(days: 3), end: yearEnd.adding(days: 10), note: "Year-end holidays")]
        let eli = EntityEdit(kind: .member, id: "eli", label: "eli", operation: .update,
                             fields: [FieldChange(name: "workdays", from: .int(0), to: .int(0b0000111))])
        // Time logged on the work under way, a working day at a time; the provider client has
        // taken longer hours than planned, so Payments runs over its cost.
        var logged: [TimeEntry] = []
        for task in tasks where task.progress > 0 && !task.assignees.isEmpty {
            guard let start = task.actualStart else { continue }
            let last = min(task.actualFinish ?? today.adding(days: -1), today.adding(days: -1))
            var days: [Day] = []
            var day = start
            while day <= last { if day.weekday <= 5 { days.append(day) }; day = day.adding(days: 1) }
            guard !days.isEmpty else { continue }
            // The hours the done share was budgeted at, a little over on most work, well over on the provider client.
            let factor = task.id == "task-6" ? 1.45 : 1.05
            let perDay = Double(task.duration) * 8 * Double(task.progress) / 100 * factor / Double(days.count) / Double(task.assignees.count)
            for day in days {
                for who in task.assignees {
                    logged.append(TimeEntry(id: "time-\(task.id)-\(who)-\(day)", taskID: task.id, member: who, hours: (perDay * 4).rounded() / 4, day: day))
                }
            }
        }
        let licence = FixedCost(id: "cost-sandbox", taskID: "task-6", name: "Payment provider sandbox licence", amount: 1200,
                                incurredOn: tasks.first { $0.id == "task-6" }?.actualStart)
        return [Change(summary: "planned the team's effort on the timeline", edits: assignments.map { $0.creation() }),
                Change(summary: "added the team's leave and eli's part-time days", edits: leave.map { $0.creation() } + [eli]),
                Change(summary: "logged the team's time so far", edits: logged.map { $0.creation() } + [licence.creation()]),
                Change(summary: "set the budgets", edits: budgets(tasks))]
    }

    /// A budget for the project and each phase; Payments' is what was planned, and it is running over.
    static func budgets(_ tasks: [PlanTask]) -> [EntityEdit] {
        let phases: [(String, Double)] = [("task-1", 8_000), ("task-5", 32_000), ("task-10", 15_000), ("task-15", 9_000), ("task-19", 9_000)]
        let project = EntityEdit(kind: .project, id: ProjectInfo.singletonID, label: "project", operation: .update,
                                 fields: [FieldChange(name: "budget", from: .null, to: .real(75_000))])
        return [project] + phases.compactMap { id, amount in tasks.first { $0.id == id }?.update([("budget", .real(amount))]) }
    }
}
