import Foundation

/// A stretch of days a member is away (holiday, training, sick leave): no hours are available
/// on them, so work planned on them shows as over-allocation.
public struct Leave: DescribedEntity, Hashable {
    public static let kind = EntityKind.leave
    public static let stored: [StoredField<Leave>] = [
        .text("id", get: { $0.id }, set: { $0.id = $1 }, required: true),
        .text("member", get: { $0.member }, set: { $0.member = $1 }, required: true),
        .day("start", get: { $0.start }, set: { $0.start = $1 ?? $0.start }),
        .day("end", get: { $0.end }, set: { $0.end = $1 ?? $0.end }),
        .text("note", get: { $0.note }, set: { $0.note = $1 }),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = Leave(id: "", member: "", start: Day(ordinal: 0), end: Day(ordinal: 0))

    public var id: String
    public var member: String
    public var start: Day
    public var end: Day
    public var note: String

    public init(id: String, member: String, start: Day, end: Day, note: String = "") {
        self.id = id
        self.member = member
        self.start = start
        self.end = end
        self.note = note
    }

    public var label: String { "\(member) \(start)–\(end)" }

    public func covers(_ day: Day) -> Bool { start <= day && day <= end }
}

/// A member's share of a task: effort in hours (spread over the task's working days), or, with
/// none given, a share of each working day (`units`, 1 = full time).
public struct Assignment: DescribedEntity, Hashable {
    public static let kind = EntityKind.assignment
    public static let stored: [StoredField<Assignment>] = [
        .derivedID { $0.id },
        .text("taskID", get: { $0.taskID }, set: { $0.taskID = $1 }, required: true),
        .text("member", get: { $0.member }, set: { $0.member = $1 }, required: true),
        .optionalReal("effortHours", get: { $0.effortHours }, set: { $0.effortHours = $1 }),
        .real("units", get: { $0.units }, set: { $0.units = $1 }, orElse: 1),
    ]
    public static let fieldNames = stored.map(\.name)
    public static let blank = Assignment(taskID: "", member: "")

    public var taskID: String
    public var member: String
    public var effortHours: Double?
    public var units: Double

    public init(taskID: String, member: String, effortHours: Double? = nil, units: Double = 1) {
        self.taskID = taskID
        self.member = member
        self.effortHours = effortHours
        self.units = units
    }

    /// One assignment per member and task.
    public var id: String { "\(taskID)/\(member)" }

    /// Hours asked of the member on each of the task's `days` working days.
    public func hoursPerDay(over days: Int, dayLength: Double) -> Double {
        effortHours.map { $0 / Double(max(1, days)) } ?? units * dayLength
    }

    /// Hours asked of the member over the task's `days` working days.
    public func totalHours(over days: Int, dayLength: Double) -> Double {
        effortHours ?? units * dayLength * Double(days)
    }

    public var label: String { member }
}

extension Member {
    /// Hours this person has on `day`: the working day × their capacity on the weekdays they
    /// work, none on leave (`leave` is theirs) or on a day the calendar does not work.
    public func hours(on day: Day, calendar: WorkCalendar, leave: [Leave], hoursPerDay: Double) -> Double {
        let works = calendar.isWorking(day) && (workdays == 0 || workdays & (1 << (day.weekday - 1)) != 0)
        return works && !leave.contains { $0.covers(day) } ? hoursPerDay * capacity : 0
    }
}
