import Foundation

/// People's availability and their effort on tasks, as intent-named changes.
extension ProjectSnapshot {
    /// Sets the weekdays a member works (nil: the project's) and what their rate is per.
    public func setAvailability(_ member: Member, workdays: Int??, rateUnit: RateUnit?) throws -> Change {
        var values: [(String, Value)] = []
        if let workdays { values.append(("workdays", Value(workdays ?? 0))) }
        if let rateUnit { values.append(("rateUnit", .text(rateUnit.rawValue))) }
        guard let edit = member.update(values) else { return Change(summary: "no change to \(member.handle)", edits: []) }
        return Change(summary: "edited member \(member.handle)", edits: [edit])
    }

    public func addLeave(_ member: Member, from start: Day, through end: Day, note: String, id: String = NewID.random()) throws -> Change {
        guard start <= end else {
            throw PlanningError.invalid(field: "leave", message: "it ends on \(end), before it starts on \(start); give the first day, then the last")
        }
        guard end - start < 366 else { throw PlanningError.invalid(field: "leave", message: "\(end - start + 1) days is more than a year; split it") }
        if let overlap = leaves.values.first(where: { $0.member == member.handle && $0.start <= end && start <= $0.end }) {
            throw PlanningError.refused("\(member.handle) is already away \(overlap.start) to \(overlap.end); remove that leave or pick other days.")
        }
        let leave = Leave(id: id, member: member.handle, start: start, end: end, note: try Limits.line(note, field: "note", length: 0...200))
        return Change(summary: "added leave for \(member.handle), \(start) to \(end)", edits: [leave.creation()])
    }

    public func removeLeave(_ leave: Leave) -> Change {
        Change(summary: "removed leave of \(leave.member), \(leave.start) to \(leave.end)", edits: [leave.deletion()])
    }

    /// The leaves of a member, in date order (everyone's when nil).
    public func leaves(of member: String?) -> [Leave] {
        leaves.values.filter { member == nil || $0.member == member }.sorted { ($0.start, $0.member) < ($1.start, $1.member) }
    }

    /// Assigns a member to a task with effort in hours and/or a share of each day; the member
    /// joins the task's assignees.
    public func assign(_ member: Member, to task: PlanTask, effortHours: Double?, units: Double?) throws -> Change {
        if tasks.values.contains(where: { $0.parentID == task.id }) {
            throw PlanningError.invalid(field: "task", message: "\(task.key) is a phase; assign people to its tasks")
        }
        guard task.duration > 0 else { throw PlanningError.invalid(field: "task", message: "\(task.key) is a milestone; it takes no effort") }
        if let effortHours, !(0...100_000).contains(effortHours) || effortHours.isNaN {
            throw PlanningError.invalid(field: "effort", message: "\(Self.hours(effortHours)) is out of range; use 0 to 100000 hours")
        }
        if let units, !(units > 0 && units <= 1) {
            throw PlanningError.invalid(field: "units", message: "\(Int((units * 100).rounded()))% is out of range; use more than 0% and up to 100% of a day")
        }
        var edits: [EntityEdit] = []
        let assignment = Assignment(taskID: task.id, member: member.handle, effortHours: effortHours, units: units ?? 1)
        if let existing = assignments[assignment.id] {
            if let edit = existing.update([("effortHours", Value(effortHours ?? existing.effortHours)), ("units", .real(units ?? existing.units))]) { edits.append(edit) }
        } else {
            edits.append(assignment.creation())
        }
        if !task.assignees.contains(member.handle), let edit = task.update([("assignees", .text((task.assignees + [member.handle]).joined(separator: ",")))]) {
            edits.append(edit)
        }
        let what = [effortHours.map { "\(Self.hours($0))h" }, units.map { "\(Int(($0 * 100).rounded()))%" }].compactMap { $0 }.joined(separator: " at ")
        return Change(summary: "assigned \(member.handle) to \(task.key)" + (what.isEmpty ? "" : " (\(what))"), edits: edits)
    }

    public func unassign(_ member: Member, from task: PlanTask) throws -> Change {
        let assignment = assignments[Assignment(taskID: task.id, member: member.handle).id]
        guard assignment != nil || task.assignees.contains(member.handle) else {
            throw PlanningError.refused("\(member.handle) is not on \(task.key).")
        }
        let edits = [assignment?.deletion(), task.update([("assignees", .text(task.assignees.filter { $0 != member.handle }.joined(separator: ",")))])].compactMap { $0 }
        return Change(summary: "unassigned \(member.handle) from \(task.key)", edits: edits)
    }

    static func hours(_ h: Double) -> String { h.rounded() == h ? String(Int(h)) : String(format: "%.1f", h) }
}
