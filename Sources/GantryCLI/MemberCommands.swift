import ArgumentParser
import Planning

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "Add, list, edit and remove team members.",
        subcommands: [Add.self, List.self, Edit.self, Remove.self, LeaveCommand.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a member (the handle is their Unix user name).")
        @Argument(help: "Handle: 1–32 of a–z, 0–9, _ . - (usually the Unix user name).") var handle: String
        @Option(help: "Display name.") var name: String?
        @Option(help: "Role, for example \"Backend engineer\".") var role: String?
        @Option(help: "Share of a full-time week: 0.8, 80% or 80.") var capacity: String?
        @Option(help: "Cost per hour.") var rate: Double?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            try s.commit(try s.snapshot.addMember(handle: handle, name: name, role: role, capacity: try capacity.map { try ArgumentValues.share($0, "--capacity") }, costRate: rate))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List members.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let members = s.snapshot.sortedMembers
            if json {
                s.print(JSON.array(members.map { m in
                    JSON.object([("handle", .string(m.handle)), ("name", .string(m.name)), ("role", .string(m.role)),
                                 ("capacity", .number(m.capacity)), ("costRate", JSON(m.costRate)),
                                 ("openCards", .int(s.snapshot.cards.values.filter { $0.assignee == m.handle && !$0.archived }.count))])
                }).rendered())
                return
            }
            var table = TextTable("HANDLE", "NAME", "ROLE", "CAPACITY", "CARDS")
            for m in members {
                let count = s.snapshot.cards.values.filter { $0.assignee == m.handle && !$0.archived }.count
                table.add([m.handle, m.name, m.role, "\(Int((m.capacity * 100).rounded()))%", "\(count)"])
            }
            s.print(members.isEmpty ? "No members yet. Add one with: gantry member add HANDLE" : table.rendered())
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a member's name, role, capacity or rate.")
        @Argument var handle: String
        @Option var name: String?
        @Option var role: String?
        @Option(help: "Share of a full-time week: 0.8, 80% or 80.") var capacity: String?
        @Option(help: "Cost per --per (hour unless set); 'none' clears it.") var rate: String?
        @Option(help: "What the rate is per: hour or day.") var per: String?
        @Option(help: "Weekdays they work, e.g. mon,tue,wed (part-time); 'project' for the project's.") var workdays: String?
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let member = try s.snapshot.member(handle: handle)
            let costRate: Double?? = try rate.map { $0 == "none" ? .none : try ArgumentValues.number($0, "--rate") }
            let days: Int?? = try workdays.map { text -> Int? in text.lowercased() == "project" ? nil : try WorkCalendar.parseWorkdays(text) }
            let basics = try s.snapshot.editMember(member, name: name, role: role, capacity: try capacity.map { try ArgumentValues.share($0, "--capacity") }, costRate: costRate)
            let availability = try s.snapshot.setAvailability(member, workdays: days, rateUnit: try per.map { try ArgumentValues.choice($0, "--per") })
            try s.commit(Change(summary: "edited member \(member.handle)", edits: basics.edits + availability.edits))
            // What the change bears on: the work they are down for.
            let work = s.snapshot.assignments.values.filter { $0.member == member.handle }.compactMap { a -> (Int, String)? in
                guard let task = s.snapshot.tasks[a.taskID] else { return nil }
                return (task.number, "\(task.key) (\(a.effortHours.map { "\(SprintOutput.points($0))h" } ?? "\(Int((a.units * 100).rounded()))% a day"))")
            }.sorted { $0.0 < $1.0 }.map(\.1)
            if !work.isEmpty { s.print("\(member.handle) is on \(work.joined(separator: ", ")); see gantry report workload --member \(member.handle)") }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a member.")
        @Argument var handle: String
        @Flag(help: "Leave their cards, RAID items and tasks without them, in the same change.") var unassign = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            try s.commit(try s.snapshot.removeMember(try s.snapshot.member(handle: handle), unassign: unassign))
        }
    }
}
