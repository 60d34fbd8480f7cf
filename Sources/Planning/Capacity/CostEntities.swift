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

    /// Hours as people write them: `4h`, `1.5`, `30m`; nil for anything else.
    public static func hours(_ text: String) -> Double? {
        let t = text.lowercased().filter { !$0.isWhitespace }
        let minutes = t.hasSuffix("m")
        guard let n = Double(t.hasSuffix("h") || minutes ? String(t.dropLast()) : t), n.isFinite else { return nil }
        return minutes ? n / 60 : n
    }
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

    /// Time as typed in the app: hours first (`4h`, `1.5`, `30m`), then who (default: `actor`)
    /// and the day (`2026-12-01`, `yesterday`; default: today), in either order.
    public func logTime(typed text: String, on task: PlanTask, actor: String, today: Day) throws -> Change {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else {
            throw PlanningError.invalid(field: "hours", message: "type the hours first, then who and the day if not you today: 4h, 1.5 ben, 30m ana yesterday")
        }
        guard let hours = TimeEntry.hours(first) else {
            throw PlanningError.invalid(field: "hours", message: "\"\(Quote.cut(first))\" is not a number of hours; write 4h, 1.5 or 30m")
        }
        words.removeFirst()
        var who = actor, day = today
        for word in words {
            if let d = Day.parse(word, today: today) { day = d; continue }
            guard members[word] != nil else {
                throw PlanningError.invalid(field: "time", message: "\"\(Quote.cut(word))\" is neither a member nor a day; write 4h, 4h ben or 4h ben 2026-12-01")
            }
            who = word
        }
        guard let member = members[who] else {
            throw PlanningError.invalid(field: "time", message: "\(who) is not a member of this project; say whose time it is: \(first) ana")
        }
        return try logTime(member, on: task, hours: hours, day: day)
    }

    public func addFixedCost(to task: PlanTask, name: String, amount: Double, incurredOn: Day?, id: String = NewID.random()) throws -> Change {
        guard amount >= 0, amount < 1_000_000_000, !amount.isNaN else {
            throw PlanningError.invalid(field: "amount", message: "\(amount) is out of range; use 0 to 999999999")
        }
        let cost = FixedCost(id: id, taskID: task.id, name: try Limits.line(name, field: "name", length: Limits.titleLength), amount: amount, incurredOn: incurredOn)
        return Change(summary: "added cost \"\(cost.name)\" (\(amount)) to \(task.key)", edits: [cost.creation()])
    }
}

extension ProjectSnapshot {
    /// Sets the project's budget and currency (nil leaves one as it is; `.some(nil)` clears the budget).
    public func setBudget(_ budget: Double??, currency: String?) throws -> Change {
        var values: [(String, Value)] = []
        if let budget {
            if let b = budget, !(b >= 0 && b < 1e12) { throw PlanningError.invalid(field: "budget", message: "\(b) is out of range; use 0 or more") }
            values.append(("budget", Value(budget)))
        }
        if let currency {
            let code = currency.uppercased()
            guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw PlanningError.invalid(field: "currency", message: "\"\(currency)\" is not a currency code; use three letters such as EUR, USD, GBP")
            }
            values.append(("currency", .text(code)))
        }
        return Change(summary: "set the project's budget", edits: [info.update(values)].compactMap { $0 })
    }

    /// Sets a phase's (or task's) budget.
    public func setBudget(of task: PlanTask, to budget: Double?) throws -> Change {
        if let b = budget, !(b >= 0 && b < 1e12) { throw PlanningError.invalid(field: "budget", message: "\(b) is out of range; use 0 or more") }
        return Change(summary: "set the budget of \(task.key)", edits: [task.update([("budget", Value(budget))])].compactMap { $0 })
    }
}

/// Cost per phase against its budget: planned (budget at completion of its tasks), actual to
/// the status date, and the estimate at completion at the cost performance so far.
public struct CostReport: Sendable {
    public struct Line: Sendable, Equatable {
        public var key: String
        public var name: String
        public var budget: Double?
        public var figures: EarnedValue.Figures
        /// The estimate at completion exceeds the budget (or, with no budget, the plan).
        public var overrun: Bool { (figures.eac ?? figures.ac) > (budget ?? figures.bac) + 0.5 }
    }

    public var project: Line
    public var phases: [Line]

    public static func compute(_ project: ProjectSnapshot, earned: EarnedValue) -> CostReport {
        var byPhase: [String: EarnedValue.Figures] = [:]
        let figures = Dictionary(uniqueKeysWithValues: earned.tasks.map { ($0.key, $0.figures) })
        for task in project.tasks.values {
            guard let f = figures[task.key] else { continue }
            // The top-level phase it belongs to (a task outside any phase stands for itself).
            var top = task
            while let parent = top.parentID.flatMap({ project.tasks[$0] }) { top = parent }
            byPhase[top.id, default: EarnedValue.Figures()].add(f)
        }
        let phases = byPhase.compactMap { id, f -> Line? in
            guard let task = project.tasks[id] else { return nil }
            return Line(key: task.key, name: task.name, budget: task.budget, figures: f)
        }.sorted { ($0.key.count, $0.key) < ($1.key.count, $1.key) }
        return CostReport(project: Line(key: "", name: project.info.name, budget: project.info.budget, figures: earned.project), phases: phases)
    }
}
