import Foundation

/// Hours someone worked on a task on a day: the actual cost of the work (hours × their rate).
public struct TimeEntry: DescribedEntity, Hashable {
    public static let kind = EntityKind.timeEntry
    public static let stored: [StoredField<TimeEntry>] = [
        .text("id", get: { $0.id }, set: { $0.id = $1 }, required: true),
        .text("taskID", get: { $0.taskID }, set: { $0.taskID = $1 }, required: true),
        .text("member", get: { $0.member }, set: { $0.member = $1 }, required: true),
        .real("hours", get: { $0.hours }, set: { $0.hours = $1 }),
        .day("day", get: { $0.day }, set: { $0.day = $1 ?? $0.day }),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = TimeEntry(id: "", taskID: "", member: "", hours: 0, day: Day(ordinal: 0))

    public var id: String
    public var taskID: String
    public var member: String
    public var hours: Double
    public var day: Day

    public init(id: String, taskID: String, member: String, hours: Double, day: Day) {
        self.id = id
        self.taskID = taskID
        self.member = member
        self.hours = hours
        self.day = day
    }

    public var label: String { "\(member) \(day)" }
}

/// A cost that is not people's time (a licence, hardware, a contractor's invoice), on a task.
public struct FixedCost: DescribedEntity, Hashable {
    public static let kind = EntityKind.fixedCost
    public static let stored: [StoredField<FixedCost>] = [
        .text("id", get: { $0.id }, set: { $0.id = $1 }, required: true),
        .text("taskID", get: { $0.taskID }, set: { $0.taskID = $1 }, required: true),
        .text("name", get: { $0.name }, set: { $0.name = $1 }, required: true),
        .real("amount", get: { $0.amount }, set: { $0.amount = $1 }),
        .day("incurredOn", get: { $0.incurredOn }, set: { $0.incurredOn = $1 }),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = FixedCost(id: "", taskID: "", name: "", amount: 0)

    public var id: String
    public var taskID: String
    public var name: String
    public var amount: Double
    /// When it was paid; none while it is only planned.
    public var incurredOn: Day?

    public init(id: String, taskID: String, name: String, amount: Double, incurredOn: Day? = nil) {
        self.id = id
        self.taskID = taskID
        self.name = name
        self.amount = amount
        self.incurredOn = incurredOn
    }

    public var label: String { name }
}

extension Member {
    /// Cost of one hour of this person's time (a day rate over the project's working day).
    public func hourlyRate(hoursPerDay: Double) -> Double {
        guard let rate = costRate else { return 0 }
        return rateUnit == .day ? rate / max(0.1, hoursPerDay) : rate
    }
}

extension ProjectSnapshot {
    public func logTime(_ member: Member, on task: PlanTask, hours: Double, day: Day, id: String = NewID.random()) throws -> Change {
        guard hours > 0, hours <= 24, !hours.isNaN else {
            throw PlanningError.invalid(field: "hours", message: "\(Self.hours(hours)) is out of range; log more than 0 and at most 24 hours a day")
        }
        guard tasks[task.id] != nil else { throw PlanningError.notFound(what: "task", name: task.key, hint: "", remedy: .listTasks) }
        let entry = TimeEntry(id: id, taskID: task.id, member: member.handle, hours: hours, day: day)
        return Change(summary: "logged \(Self.hours(hours))h of \(member.handle) on \(task.key) for \(day)", edits: [entry.creation()])
    }

    public func addFixedCost(to task: PlanTask, name: String, amount: Double, incurredOn: Day?, id: String = NewID.random()) throws -> Change {
        guard amount >= 0, amount < 1_000_000_000, !amount.isNaN else {
            throw PlanningError.invalid(field: "amount", message: "\(amount) is out of range; use 0 to 999999999")
        }
        let cost = FixedCost(id: id, taskID: task.id, name: try Limits.line(name, field: "name", length: Limits.titleLength), amount: amount, incurredOn: incurredOn)
        return Change(summary: "added cost \"\(cost.name)\" (\(amount)) to \(task.key)", edits: [cost.creation()])
    }
}
