import Foundation
import Testing
@testable import Planning

/// Gantry's schedules beside TaskJuggler's on the same networks, through the exported `.tjp`:
/// without people the dates are the same; with people, both levelled plans keep everyone within
/// their hours and every dependency, and Gantry's finish is within a few percent of tj3's.
@Suite(.enabled(if: TaskJuggler.installed, "tj3 is not installed (apt-get install tj3); .ci/run installs it"))
struct TaskJugglerTests {
    static let monday = Day("2026-11-30")!

    /// A random network of `n` tasks of 1–6 days, each linked to up to two earlier ones.
    static func network(seed: UInt64, n: Int, people: [String], lags: Bool) throws -> (ProjectSnapshot, [(Int, Int)]) {
        var rng = SplitMix(seed: seed)
        var p = try Fixture.project()
        for handle in people where p.members[handle] == nil {
            try p.apply(try p.addMember(handle: handle, name: handle.capitalized, role: nil, capacity: nil, costRate: nil))
        }
        try p.apply(p.setProjectStart(monday))
        try p.apply(try p.addHoliday(monday.adding(days: 10), name: "Offsite"))
        for i in 1...n {
            var change = try p.addTask(name: "Task \(i)", duration: Int(rng.next() % 6) + 1, phase: nil, after: [], startNoEarlier: nil, deadline: nil, assignees: [], now: Fixture.now)
            change.edits[change.edits.count - 1].fields += [FieldChange(name: "key", from: .null, to: .text("T-\(i)")), FieldChange(name: "number", from: .null, to: .int(Int64(i)))]
            try p.apply(change)
        }
        var links: [(Int, Int)] = []
        for b in 2...n {
            for _ in 0..<Int(rng.next() % 3) {
                let a = Int(rng.next() % UInt64(b - 1)) + 1
                guard !links.contains(where: { $0 == (a, b) }) else { continue }
                let type: DependencyType = lags && rng.next() % 4 == 0 ? .ss : .fs
                try p.apply(try p.linkTasks(try p.task(key: "T-\(a)"), try p.task(key: "T-\(b)"), type: type, lag: lags ? Int(rng.next() % 3) : 0, today: monday))
                links.append((a, b))
            }
        }
        if !people.isEmpty {
            for i in 1...n {
                let who = people[Int(rng.next() % UInt64(people.count))]
                try p.apply(try p.assign(try p.member(handle: who), to: try p.task(key: "T-\(i)"), effortHours: nil, units: 1))
            }
        }
        return (p, links)
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func withoutPeopleTaskJugglerGivesTheSameDates(seed: UInt64) throws {
        let (p, _) = try Self.network(seed: seed, n: 40, people: [], lags: true)
        let ours = try Scheduler.schedule(p, today: Self.monday)
        let export = try TaskJugglerProject(p, today: Self.monday)
        let theirs = try TaskJuggler.schedule(export)
        for task in p.tasks.values {
            let mine = try #require(ours.tasks[task.id]), tj = try #require(theirs[task.id])
            #expect(tj.end == mine.finish, "\(task.key) ends \(mine.finish) in Gantry, \(tj.end) in tj3 (seed \(seed))")
        }
    }

    @Test(arguments: [11, 12, 13, 14, 15] as [UInt64]) func levelledFinishIsWithinAFewPercentOfTaskJugglers(seed: UInt64) throws {
        let (p, links) = try Self.network(seed: seed, n: 40, people: ["ana", "ben", "chen"], lags: false)
        let levelled = try Levelling.level(p, today: Self.monday)
        let theirs = try TaskJuggler.schedule(try TaskJugglerProject(p, today: Self.monday))
        let calendar = p.calendar(today: Self.monday)
        let table = calendar.days(count: 400)
        func workingDays(through day: Day) -> Int { calendar.index(onOrAfter: day, in: table) + 1 }
        let ours = workingDays(through: levelled.schedule.finish)
        let tj = workingDays(through: theirs.values.map(\.end).max()!)
        #expect(Double(ours) <= Double(tj) * 1.05, "Gantry's levelled plan takes \(ours) working days, tj3's \(tj) (seed \(seed))")

        // tj3's plan holds every dependency too.
        for (a, b) in links {
            let pred = try #require(theirs[try p.task(key: "T-\(a)").id]), succ = try #require(theirs[try p.task(key: "T-\(b)").id])
            #expect(succ.start > pred.end, "tj3: T-\(a) → T-\(b)")
        }
    }

    @Test func theSampleProjectSchedulesInTaskJugglerWithWorkDoneOnItsActualDates() throws {
        let p = try SampleProject.snapshot(now: Fixture.now)
        let export = try TaskJugglerProject(p, today: Fixture.today)
        // T-6's lead and T-13's FF link need not be said: both tasks have started.
        #expect(export.dropped == ["SF dependency T-18 → T-20"])
        let theirs = try TaskJuggler.schedule(export)
        for task in p.tasks.values {
            guard let start = task.actualStart, let finish = task.actualFinish else { continue }
            #expect(theirs[task.id]?.start == start && theirs[task.id]?.end == finish, "\(task.key) done \(start)–\(finish), tj3 \(String(describing: theirs[task.id]))")
        }
        #expect(theirs.count == p.tasks.count)
    }

    @Test func namesWithQuotesBackslashesAndUnicodeSurviveTheExport() throws {
        var p = try Fixture.project()
        try p.apply(p.setProjectStart(Self.monday))
        var change = try p.addTask(name: #"Say "hi" \ to 漢字 — naïve"#, duration: 2, phase: nil, after: [], startNoEarlier: Self.monday.adding(days: 3), deadline: nil, assignees: [], now: Fixture.now)
        change.edits[0].fields += [FieldChange(name: "key", from: .null, to: .text("T-1")), FieldChange(name: "number", from: .null, to: .int(1))]
        try p.apply(change)
        let export = try TaskJugglerProject(p, today: Self.monday)
        let theirs = try TaskJuggler.schedule(export)
        #expect(theirs[try p.task(key: "T-1").id]?.start == Day("2026-12-03"), "the start-no-earlier date holds in tj3")
        #expect(try TaskJuggler.names(export)[try p.task(key: "T-1").id] == #"Say "hi" \ to 漢字 — naïve"#)
    }
}

/// Runs `tj3` on an exported project and reads back each task's first and last working day.
enum TaskJuggler {
    static let installed = FileManager.default.isExecutableFile(atPath: "/usr/bin/tj3")

    static func schedule(_ export: TaskJugglerProject) throws -> [String: (start: Day, end: Day)] {
        let rows = try run(export, columns: "id, start, end")
        let byTJ = Dictionary(uniqueKeysWithValues: export.taskIDs.map { ($1, $0) })
        var out: [String: (start: Day, end: Day)] = [:]
        for row in rows {
            guard let id = byTJ[row[0]], let start = Self.day(row[1]), let end = Self.day(row[2]) else { continue }
            // A task that starts when the previous one ends (17:00) starts on the next working day.
            let startsAtClose = row[1].hasSuffix("17:00") && row[1] != row[2]
            out[id] = (startsAtClose ? start.adding(days: 1) : start, end)
        }
        return out
    }

    static func names(_ export: TaskJugglerProject) throws -> [String: String] {
        let byTJ = Dictionary(uniqueKeysWithValues: export.taskIDs.map { ($1, $0) })
        return Dictionary(try run(export, columns: "id, name").compactMap { row in byTJ[row[0]].map { ($0, row[1]) } }, uniquingKeysWith: { a, _ in a })
    }

    private static func day(_ text: String) -> Day? { Day(String(text.prefix(10))) }

    /// The report's rows, split on tj3's `;` with its quotes taken off (tj3 doubles none).
    private static func run(_ export: TaskJugglerProject, columns: String) throws -> [[String]] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gantry-tj3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = "taskreport \"out\" { formats csv columns \(columns) hidetask 0 timeformat \"%Y-%m-%d %H:%M\" }\n"
        try (export.text + report).write(to: dir.appendingPathComponent("p.tjp"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tj3")
        process.arguments = ["--no-color", "--silent", "--output-dir", dir.path, dir.appendingPathComponent("p.tjp").path]
        process.currentDirectoryURL = dir
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PlanningError.invalid(field: "tj3", message: "exit \(process.terminationStatus): \(message)\n\(export.text)")
        }
        let csv = try String(contentsOf: dir.appendingPathComponent("out.csv"), encoding: .utf8)
        return csv.split(separator: "\n").dropFirst().map { line in
            line.components(separatedBy: "\";\"").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
    }
}
