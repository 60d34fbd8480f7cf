import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Planning
import XMLCoder

/// MS Project's XML exchange format (MSPDI), which MS Project, ProjectLibre and GanttProject
/// open and write. Elements follow the schema's order (MS Project reads them as a sequence);
/// XMLCoder does the XML, these types say which elements Gantry reads and writes.
struct MSPDIProject: Codable {
    var SaveVersion: Int? = 14
    var Name: String?
    var Title: String?
    var StartDate: String?
    var FinishDate: String?
    var CalendarUID: Int?
    var MinutesPerDay: Int?
    var MinutesPerWeek: Int?
    var DaysPerMonth: Int?
    var Calendars: CalendarList?
    var Tasks: TaskList?
    var Resources: ResourceList?
    var Assignments: AssignmentList?

    enum CodingKeys: String, CodingKey {
        case SaveVersion, Name, Title, StartDate, FinishDate, CalendarUID, MinutesPerDay, MinutesPerWeek, DaysPerMonth, Calendars, Tasks, Resources, Assignments
    }

    struct CalendarList: Codable { var Calendar: [MSPDICalendar]? }
    struct TaskList: Codable { var Task: [MSPDITask]? }
    struct ResourceList: Codable { var Resource: [MSPDIResource]? }
    struct AssignmentList: Codable { var Assignment: [MSPDIAssignment]? }
}

/// The project's working calendar: the week, its working times, and exceptions (holidays).
struct MSPDICalendar: Codable {
    var UID: Int?
    var Name: String?
    var IsBaseCalendar: Int?
    var WeekDays: WeekDayList?
    var Exceptions: ExceptionList?

    struct WeekDayList: Codable { var WeekDay: [WeekDay]? }
    struct WeekDay: Codable {
        var DayType: Int?
        var DayWorking: Int?
        var WorkingTimes: WorkingTimeList?
    }
    struct WorkingTimeList: Codable { var WorkingTime: [WorkingTime]? }
    struct WorkingTime: Codable { var FromTime: String?; var ToTime: String? }
    struct ExceptionList: Codable { var Exception: [Exception]? }
    struct Exception: Codable {
        var EnteredByOccurrences: Int?
        var TimePeriod: Period?
        var Occurrences: Int?
        var Name: String?
        var `Type`: Int?
        var DayWorking: Int?
    }
    struct Period: Codable { var FromDate: String?; var ToDate: String? }
}

/// A task with its place in the outline, dates, duration and links to its predecessors.
struct MSPDITask: Codable {
    var UID: Int?
    var ID: Int?
    var Name: String?
    var `Type`: Int?
    var IsNull: Int?
    var WBS: String?
    var OutlineNumber: String?
    var OutlineLevel: Int?
    var Start: String?
    var Finish: String?
    var Duration: String?
    var DurationFormat: Int?
    var Milestone: Int?
    var Summary: Int?
    var PercentComplete: Int?
    var ActualStart: String?
    var ActualFinish: String?
    var ConstraintType: Int?
    var ConstraintDate: String?
    var Deadline: String?
    var PredecessorLink: [Link]?

    struct Link: Codable {
        var PredecessorUID: Int?
        var `Type`: Int?
        var LinkLag: Int?
        var LagFormat: Int?
    }
}

/// A person (a work resource) and their rate.
struct MSPDIResource: Codable {
    var UID: Int?
    var ID: Int?
    var Name: String?
    var `Type`: Int?
    var Initials: String?
    var StandardRate: Double?
}

/// A resource on a task, with the share of their time.
struct MSPDIAssignment: Codable {
    var UID: Int?
    var TaskUID: Int?
    var ResourceUID: Int?
    var Units: Double?
}

/// Gantry's plan as MSPDI and back.
public enum MSProjectXML {
    /// MS Project's link types by number: 0 FF, 1 FS, 2 SF, 3 SS.
    static let linkTypes: [DependencyType] = [.ff, .fs, .sf, .ss]

    public static func export(_ p: ProjectSnapshot, schedule: Schedule) throws -> String {
        let minutesPerDay = Int((p.info.hoursPerDay * 60).rounded())
        let order = schedule.order.compactMap { schedule.tasks[$0] }
        var uid: [String: Int] = [:]
        for (i, t) in order.enumerated() { uid[t.id] = i + 1 }
        var outline: [String: String] = [:]
        var counters: [String: Int] = [:]
        var tasks: [MSPDITask] = []
        let links = Dictionary(grouping: p.taskLinks.values, by: \.succID)
        for t in order {
            guard let task = p.tasks[t.id] else { continue }
            let parent = task.parentID ?? ""
            counters[parent, default: 0] += 1
            let number = (task.parentID.flatMap { outline[$0] }.map { $0 + "." } ?? "") + String(counters[parent]!)
            outline[t.id] = number
            let days = t.isPhase ? (t.earlyFinish - t.earlyStart) : task.duration
            var x = MSPDITask(UID: uid[t.id], ID: uid[t.id], Name: task.name, Type: 0, IsNull: 0, WBS: number, OutlineNumber: number,
                              OutlineLevel: t.depth + 1, Start: stamp(t.start, minute: 8 * 60),
                              Finish: stamp(t.finish, minute: t.isMilestone ? 8 * 60 : 8 * 60 + minutesPerDay + 60),
                              Duration: duration(days * minutesPerDay), DurationFormat: 7, Milestone: t.isMilestone ? 1 : 0,
                              Summary: t.isPhase ? 1 : 0, PercentComplete: task.progress,
                              ActualStart: task.actualStart.map { stamp($0, minute: 8 * 60) }, ActualFinish: task.actualFinish.map { stamp($0, minute: 17 * 60) },
                              ConstraintType: 0, ConstraintDate: nil,
                              Deadline: task.deadline.map { stamp($0, minute: 17 * 60) }, PredecessorLink: nil)
            if let snet = task.startNoEarlier {
                x.ConstraintType = 4
                x.ConstraintDate = stamp(snet, minute: 8 * 60)
            }
            let preds = (links[t.id] ?? []).sorted { (uid[$0.predID] ?? 0) < (uid[$1.predID] ?? 0) }.compactMap { l -> MSPDITask.Link? in
                guard let from = uid[l.predID] else { return nil }
                return MSPDITask.Link(PredecessorUID: from, Type: linkTypes.firstIndex(of: l.type) ?? 1, LinkLag: l.lag * minutesPerDay * 10, LagFormat: 7)
            }
            x.PredecessorLink = preds.isEmpty ? nil : preds
            tasks.append(x)
        }
        let people = p.sortedMembers
        var resourceUID: [String: Int] = [:]
        for (i, m) in people.enumerated() { resourceUID[m.handle] = i + 1 }
        let resources = people.enumerated().map { i, m in
            MSPDIResource(UID: i + 1, ID: i + 1, Name: m.name, Type: 1, Initials: m.handle, StandardRate: m.hourlyRate(hoursPerDay: p.info.hoursPerDay))
        }
        var assignments: [MSPDIAssignment] = []
        for a in p.assignments.values.sorted(by: { ((uid[$0.taskID] ?? 0), $0.member) < ((uid[$1.taskID] ?? 0), $1.member) }) {
            guard let t = uid[a.taskID], let r = resourceUID[a.member] else { continue }
            assignments.append(MSPDIAssignment(UID: assignments.count + 1, TaskUID: t, ResourceUID: r, Units: a.units))
        }
        for t in order where !t.isPhase {
            guard let task = p.tasks[t.id], let tu = uid[t.id] else { continue }
            for who in task.assignees where !p.assignments.values.contains(where: { $0.taskID == t.id && $0.member == who }) {
                guard let r = resourceUID[who] else { continue }
                assignments.append(MSPDIAssignment(UID: assignments.count + 1, TaskUID: tu, ResourceUID: r, Units: 1))
            }
        }
        let calendar = calendarXML(p, minutesPerDay: minutesPerDay)
        let project = MSPDIProject(Name: p.info.name + ".xml", Title: p.info.name, StartDate: stamp(order.map(\.start).min() ?? schedule.finish, minute: 8 * 60),
                                   FinishDate: stamp(schedule.finish, minute: 17 * 60), CalendarUID: 1, MinutesPerDay: minutesPerDay,
                                   MinutesPerWeek: minutesPerDay * workdays(p.info.workdays).count, DaysPerMonth: 20,
                                   Calendars: .init(Calendar: [calendar]), Tasks: .init(Task: tasks),
                                   Resources: .init(Resource: resources), Assignments: .init(Assignment: assignments))
        let encoder = XMLEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        let data = try encoder.encode(project, withRootKey: "Project", rootAttributes: ["xmlns": "http://schemas.microsoft.com/project"],
                                      header: XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes"))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// MS Project's day numbers (1 Sunday … 7 Saturday) that are working days in Gantry's mask
    /// (bit 0 Monday … bit 6 Sunday).
    static func workdays(_ mask: Int) -> [Int] {
        (0..<7).filter { mask & (1 << $0) != 0 }.map { $0 == 6 ? 1 : $0 + 2 }
    }

    static func calendarXML(_ p: ProjectSnapshot, minutesPerDay: Int) -> MSPDICalendar {
        let working = Set(workdays(p.info.workdays))
        let end = 8 * 60 + minutesPerDay + 60
        let times = MSPDICalendar.WorkingTimeList(WorkingTime: [
            .init(FromTime: "08:00:00", ToTime: "12:00:00"), .init(FromTime: "13:00:00", ToTime: String(format: "%02d:%02d:00", end / 60, end % 60)),
        ])
        let days = (1...7).map { d in
            MSPDICalendar.WeekDay(DayType: d, DayWorking: working.contains(d) ? 1 : 0, WorkingTimes: working.contains(d) ? times : nil)
        }
        let exceptions = p.holidays.values.sorted { $0.day < $1.day }.map { h in
            MSPDICalendar.Exception(EnteredByOccurrences: 0, TimePeriod: .init(FromDate: "\(h.day)T00:00:00", ToDate: "\(h.day)T23:59:00"),
                                    Occurrences: 1, Name: h.name.isEmpty ? "Holiday" : h.name, Type: 1, DayWorking: 0)
        }
        return MSPDICalendar(UID: 1, Name: "Standard", IsBaseCalendar: 1, WeekDays: .init(WeekDay: days),
                             Exceptions: exceptions.isEmpty ? nil : .init(Exception: exceptions))
    }

    static func stamp(_ day: Day, minute: Int) -> String { String(format: "%@T%02d:%02d:00", day.description, minute / 60, minute % 60) }

    static func duration(_ minutes: Int) -> String { "PT\(minutes / 60)H\(minutes % 60)M0S" }

    // MARK: Import

    /// Reads an MSPDI file: tasks with their outline (summary tasks become phases), durations in
    /// working days, milestones, progress, actual start and finish, start-no-earlier constraints, deadlines, links with
    /// their types and lags, resources assigned, the project start and calendar exceptions.
    public static func read(_ data: Data) throws -> ImportBatch {
        try checkWellFormed(data)
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = true
        decoder.trimValueWhitespaces = true
        let project: MSPDIProject
        do {
            project = try decoder.decode(MSPDIProject.self, from: data)
        } catch let error as DecodingError {
            throw ImportError(Self.place(error), "not MS Project XML as expected (\(Self.reason(error)))")
        } catch {
            throw ImportError("", "not readable as XML: \(error.localizedDescription)")
        }
        var batch = ImportBatch(source: "mspdi")
        let minutesPerDay = Double(project.MinutesPerDay ?? 480)
        batch.projectStart = project.StartDate.flatMap(day)
        let people = Dictionary((project.Resources?.Resource ?? []).compactMap { r in r.UID.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        var assigned: [Int: [String]] = [:]
        for a in project.Assignments?.Assignment ?? [] {
            guard let t = a.TaskUID, let r = a.ResourceUID, r >= 0, let name = people[r]?.Initials ?? people[r]?.Name else { continue }
            assigned[t, default: []].append(name)
            batch.people[name] = people[r]?.Name ?? name
        }
        var parents: [Int: String] = [:]
        let all = project.Tasks?.Task ?? []
        for (i, t) in all.enumerated() {
            guard let uid = t.UID else { throw ImportError("Tasks/Task[\(i)]", "a task without a UID") }
            let level = t.OutlineLevel ?? 1
            if level == 0 || t.IsNull == 1 { continue }
            parents[level] = "mspdi:\(uid)"
            let minutes = try t.Duration.map { try Self.minutes($0, place: "Tasks/Task[\(i)]/Duration") } ?? 0
            var item = ImportBatch.PlanItem(externalID: "mspdi:\(uid)", name: t.Name ?? "Task \(uid)",
                                            duration: t.Milestone == 1 ? 0 : max(minutes > 0 ? 1 : 0, Int((Double(minutes) / minutesPerDay).rounded())))
            item.parent = level > 1 ? parents[level - 1] : nil
            item.isSummary = t.Summary == 1
            item.progress = min(100, max(0, t.PercentComplete ?? 0))
            if t.ConstraintType == 4 || t.ConstraintType == 2 { item.startNoEarlier = t.ConstraintDate.flatMap(day) }
            item.deadline = t.Deadline.flatMap(day)
            item.actualStart = t.ActualStart.flatMap(day)
            item.actualFinish = t.ActualFinish.flatMap(day)
            item.assignees = assigned[uid] ?? []
            for link in t.PredecessorLink ?? [] {
                guard let from = link.PredecessorUID else { continue }
                let type = link.Type.flatMap { linkTypes.indices.contains($0) ? linkTypes[$0] : nil } ?? .fs
                let lagDays = link.LinkLag.map { Int((Double($0) / 10 / minutesPerDay).rounded()) } ?? 0
                item.links.append((from: "mspdi:\(from)", type: type, lag: lagDays))
            }
            batch.tasks.append(item)
        }
        for calendar in project.Calendars?.Calendar ?? [] where calendar.UID == project.CalendarUID {
            for e in calendar.Exceptions?.Exception ?? [] where e.DayWorking != 1 {
                guard let from = e.TimePeriod?.FromDate.flatMap(day), let to = e.TimePeriod?.ToDate.flatMap(day), to - from < 60 else { continue }
                for k in 0...(to - from) { batch.holidays.append(from.adding(days: k)) }
            }
        }
        if (project.Resources?.Resource ?? []).contains(where: { ($0.StandardRate ?? 0) > 0 }) {
            batch.notes.append("Resource rates were left out: set them with gantry member edit HANDLE --rate.")
        }
        return batch
    }

    /// Parses once for structure alone, so a broken file is named by its line and what is wrong.
    static func checkWellFormed(_ data: Data) throws {
        let parser = XMLParser(data: data)
        let watcher = ErrorLine()
        parser.delegate = watcher
        let ok = parser.parse()
        guard let error = parser.parserError ?? (ok ? nil : NSError(domain: "XML", code: 0)) else { return }
        let code = ((watcher.error ?? error) as NSError).code
        let what: String
        switch code {
        case 4: what = "the file is empty"
        case 5: what = "the file ends before every element is closed"
        case 9, 68: what = "an & that starts no entity (write &amp;)"
        case 76: what = "a closing tag does not match the open element"
        default: what = "not well-formed XML (parser error \(code))"
        }
        throw ImportError("line \(watcher.line ?? parser.lineNumber)", what)
    }

    /// Notes the line where the parser first found the file broken.
    private final class ErrorLine: NSObject, XMLParserDelegate {
        var line: Int?
        var error: Error?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            guard line == nil else { return }
            line = parser.lineNumber
            error = parseError
        }
    }

    static func day(_ text: String) -> Day? { Day(String(text.prefix(10))) }

    /// An ISO 8601 duration as MS Project writes it (PT40H0M0S, P2DT4H0M0S), in minutes.
    static func minutes(_ text: String, place: String) throws -> Int {
        var total = 0.0, number = "", inTime = false
        for c in text.uppercased() {
            switch c {
            case "P": continue
            case "T": inTime = true
            case "0"..."9", ".": number.append(c)
            case "D", "H", "M", "S", "W":
                guard let v = Double(number) else { throw ImportError(place, "\"\(text)\" is not a duration such as PT40H0M0S") }
                switch (c, inTime) {
                case ("W", _): total += v * 5 * 8 * 60
                case ("D", _): total += v * 8 * 60
                case ("H", _): total += v * 60
                case ("M", true): total += v
                case ("S", _): total += v / 60
                default: throw ImportError(place, "\"\(text)\" has months; give the duration in days or hours")
                }
                number = ""
            default: throw ImportError(place, "\"\(text)\" is not a duration such as PT40H0M0S")
            }
        }
        guard number.isEmpty else { throw ImportError(place, "\"\(text)\" is not a duration such as PT40H0M0S") }
        return Int(total.rounded())
    }

    static func place(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        @unknown default: path = []
        }
        return path.map { $0.intValue.map { "[\($0)]" } ?? "/" + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    static func reason(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let t, _): return "expected \(t)"
        case .valueNotFound(let t, _): return "missing \(t)"
        case .keyNotFound(let k, _): return "missing \(k.stringValue)"
        case .dataCorrupted(let c): return c.underlyingError.map { "\($0.localizedDescription)" } ?? c.debugDescription
        @unknown default: return "unreadable"
        }
    }
}
