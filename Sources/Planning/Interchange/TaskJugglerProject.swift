import Foundation

/// The project as a TaskJuggler (`tj3`) file, so a team can check Gantry's dates against the
/// scheduler many planners trust, or carry the plan on in TaskJuggler.
///
/// What maps: phases nest their tasks; a task with people gets their effort (`effort` and
/// `allocate`, a part-time share as a daily limit) so tj3 levels it against everyone's hours;
/// a task without people keeps its length in working days; milestones, progress, finish-to-start
/// and start-to-start links with positive lags, the project and personal working days, holidays,
/// leave, cost rates and priorities (from linked cards). TaskJuggler has no finish-to-finish,
/// start-to-finish, leads or start-no-earlier dates on a task that depends on others: FF and SF
/// links and leads are left out and listed in a comment at the top, and a start-no-earlier date
/// becomes a dated milestone the task depends on. Work done keeps its actual dates; work under
/// way its actual start, with its whole effort from there.
public struct TaskJugglerProject: Sendable {
    /// The file's text.
    public var text: String
    /// tj3's id for each task, by Gantry task id ("t12", nested as "t10.t12").
    public var taskIDs: [String: String]
    /// What could not be said in TaskJuggler's terms.
    public var dropped: [String]

    public init(_ project: ProjectSnapshot, today: Day) throws {
        let schedule = try Scheduler.schedule(project, today: today)
        let calendar = project.calendar(today: today)
        let hours = project.info.hoursPerDay
        var lines: [String] = []
        var dropped: [String] = []

        // Long enough for any levelling tj3 may do; it refuses work beyond the project's end.
        let span = max(365, 4 * (schedule.finish.ordinal - calendar.start.ordinal) + 60)
        let resolution = hours.rounded() == hours ? 60 : (hours * 2).rounded() == hours * 2 ? 30 : 15
        let end = Self.clock(9 * 60 + Int((hours * 60).rounded()))
        let allDays = WorkCalendar.weekdayNames
        func workingHours(_ mask: Int) -> [String] {
            let on = allDays.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
            let off = allDays.enumerated().filter { mask & (1 << $0.offset) == 0 }.map(\.element)
            return ["workinghours \(on.joined(separator: ", ")) 9:00 - \(end)"] + (off.isEmpty ? [] : ["workinghours \(off.joined(separator: ", ")) off"])
        }
        lines.append("project gantry \(Self.quote(project.info.name)) \(calendar.start) +\(span)d {")
        lines.append("  timezone \"UTC\"")
        lines.append("  timingresolution \(resolution)min")
        lines.append("  dailyworkinghours \(Self.number(hours))")
        lines.append("  currency \(Self.quote(project.info.currency))")
        for line in workingHours(calendar.workdays) { lines.append("  " + line) }
        lines.append("}")
        for holiday in project.holidays.values.sorted(by: { $0.day < $1.day }) {
            lines.append("leaves holiday \(Self.quote(holiday.name.isEmpty ? "Holiday" : holiday.name)) \(holiday.day)")
        }

        let leaves = Dictionary(grouping: project.leaves.values, by: \.member)
        let handles = Dictionary(uniqueKeysWithValues: project.sortedMembers.enumerated().map { ($1.handle, "r\($0 + 1)") })
        for member in project.sortedMembers {
            var body: [String] = []
            if member.capacity < 1 { body.append("limits { dailymax \(Self.number(member.capacity * hours))h }") }
            if member.costRate != nil { body.append("rate \(Self.number(member.hourlyRate(hoursPerDay: hours) * hours))") }
            if member.workdays != 0 { body += workingHours(member.workdays & calendar.workdays) }
            for leave in (leaves[member.handle] ?? []).sorted(by: { $0.start < $1.start }) {
                body.append("leaves annual \(leave.start) - \(leave.end.adding(days: 1))")
            }
            lines.append("resource \(handles[member.handle]!) \(Self.quote(member.name.isEmpty ? member.handle : member.name)) {")
            lines += body.map { "  " + $0 }
            lines.append("}")
        }

        let children = Dictionary(grouping: project.tasks.values, by: { $0.parentID ?? "" })
            .mapValues { $0.sorted { ($0.position, $0.number) < ($1.position, $1.number) } }
        var ids: [String: String] = [:]
        func assignIDs(under parent: String, prefix: String) {
            for task in children[parent] ?? [] {
                let id = prefix + "t\(task.number)"
                ids[task.id] = id
                assignIDs(under: task.id, prefix: id + ".")
            }
        }
        assignIDs(under: "", prefix: "")

        let anchors = project.tasks.values.filter { $0.startNoEarlier != nil && children[$0.id] == nil }.sorted { $0.number < $1.number }
        if !anchors.isEmpty {
            lines.append("task gantry_snet \"Start-no-earlier dates\" {")
            for task in anchors { lines.append("  task t\(task.number) \(Self.quote("\(task.key) starts no earlier than")) { milestone start \(task.startNoEarlier!) }") }
            lines.append("}")
        }
        let preds = Dictionary(grouping: project.taskLinks.values.filter { ids[$0.predID] != nil && ids[$0.succID] != nil }, by: \.succID)
        let byTask = Dictionary(grouping: project.assignments.values, by: \.taskID)
        let priority = project.taskPriorities()
        func emit(_ task: PlanTask, indent: String) {
            lines.append("\(indent)task t\(task.number) \(Self.quote(task.name)) {")
            let inner = indent + "  "
            if let kids = children[task.id] {
                for kid in kids { emit(kid, indent: inner) }
                lines.append("\(indent)}")
                return
            }
            // Work under way or done sits on its actual dates, whatever its dependencies say.
            if let started = task.actualStart {
                lines.append("\(inner)start \(started)")
                if let finished = task.actualFinish {
                    lines.append("\(inner)end \(finished)-\(end)")
                    if let people = byTask[task.id]?.compactMap({ handles[$0.member] }), !people.isEmpty { lines.append("\(inner)allocate \(people.sorted().joined(separator: ", "))") }
                    lines.append("\(inner)complete 100")
                    lines.append("\(indent)}")
                    return
                }
            }
            var depends: [String] = []
            for link in (task.actualStart == nil ? preds[task.id] ?? [] : []).sorted(by: { $0.predID < $1.predID }) {
                let pred = ids[link.predID]!
                let name = "\(project.tasks[link.predID]?.key ?? link.predID) → \(task.key)"
                switch link.type {
                case .fs where link.lag >= 0, .ss where link.lag >= 0:
                    var options: [String] = []
                    if link.type == .ss { options.append("onstart") }
                    if link.lag > 0 { options.append("gaplength \(link.lag)d") }
                    depends.append(pred + (options.isEmpty ? "" : " { \(options.joined(separator: " ")) }"))
                case .fs, .ss:
                    depends.append(pred + (link.type == .ss ? " { onstart }" : ""))
                    dropped.append("the lead of \(-link.lag) working days on \(name) (\(link.type.rawValue))")
                case .ff, .sf:
                    dropped.append("\(link.type.rawValue) dependency \(name)")
                }
            }
            if task.startNoEarlier != nil { depends.append("gantry_snet.t\(task.number)") }
            if !depends.isEmpty { lines.append("\(inner)depends " + depends.joined(separator: ", ")) }
            let people = (byTask[task.id] ?? []).filter { handles[$0.member] != nil }.sorted { $0.member < $1.member }
            if task.isMilestone {
                lines.append("\(inner)milestone")
            } else if people.isEmpty {
                lines.append("\(inner)length \(task.duration)d")
            } else {
                let effort = people.reduce(0.0) { $0 + $1.totalHours(over: task.duration, dayLength: hours) }
                lines.append("\(inner)effort \(Self.number(effort))h")
                lines.append("\(inner)allocate \(people.map { handles[$0.member]! }.joined(separator: ", "))")
                if people.count == 1, let a = people.first {
                    let perDay = a.hoursPerDay(over: task.duration, dayLength: hours)
                    if perDay < hours { lines.append("\(inner)limits { dailymax \(Self.number(perDay))h }") }
                }
            }
            if task.progress > 0 { lines.append("\(inner)complete \(task.progress)") }
            if let p = priority[task.id] { lines.append("\(inner)priority \(500 + 100 * (p - 1))") }
            lines.append("\(indent)}")
        }
        for task in children[""] ?? [] { emit(task, indent: "") }

        let header = ["# \(project.info.name), written by Gantry for TaskJuggler 3 (tj3)."]
            + (dropped.isEmpty ? [] : ["# Not expressible in TaskJuggler and left out:"] + dropped.map { "#   \($0)" })
        text = (header + lines).joined(separator: "\n") + "\n"
        taskIDs = ids
        self.dropped = dropped
    }

    /// A tj3 string in double quotes. tj3 reads `\"` as a quote and every other backslash as
    /// itself, so a backslash right before a quote or the end has no spelling: it becomes `∖`.
    static func quote(_ text: String) -> String {
        var out = "\""
        let characters = Array(text)
        for (i, c) in characters.enumerated() {
            switch c {
            case "\"": out += "\\\""
            case "\\" where i + 1 == characters.count || characters[i + 1] == "\"": out += "∖"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.2f", value)
    }

    static func clock(_ minutes: Int) -> String { String(format: "%d:%02d", minutes / 60, minutes % 60) }
}

extension ProjectSnapshot {
    /// Each task's priority rank from the cards linked to it (the highest wins), for levelling.
    public func taskPriorities() -> [String: Int] {
        taskCards.values.reduce(into: [:]) { out, link in
            if let rank = cards[link.cardID]?.priority.rank { out[link.taskID] = max(out[link.taskID] ?? 0, rank) }
        }
    }
}
