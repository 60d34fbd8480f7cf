import CSV
import Foundation
import Testing
@testable import Interchange
@testable import Planning

/// Each export read back by the rules of its format: CSV by a CSV reader, iCalendar line by
/// line against RFC 5545, Mermaid against its gantt grammar, MS Project XML by importing it again.
@Suite struct ExportFormatTests {
    static let now = Date(timeIntervalSince1970: 1_795_694_400) // 2026-11-26 12:00 UTC
    static let today = Day("2026-11-26")!
    static let hostile = "=HYPERLINK(\"x\"), \"quoted\"; semi\\colon\nsecond line 日本語 ✓ #35 : end"

    static func sample() throws -> ProjectSnapshot {
        var p = try SampleProject.snapshot(now: now)
        let board = try p.board(named: nil)
        var change = try p.addCard(CardDraft(title: "Hostile", description: hostile, due: .some(today)), board: board, now: now)
        change.edits[change.edits.count - 1].fields += [FieldChange(name: "key", from: .null, to: .text("GAN-999")), FieldChange(name: "number", from: .null, to: .int(999))]
        try p.apply(change)
        return p
    }

    @Test func csvReadsBackCellForCellWithFormulasDefused() throws {
        let p = try Self.sample()
        let tables = SpreadsheetTables(p, schedule: try Scheduler.schedule(p, today: Self.today))
        #expect(tables.tables.map(\.name) == SpreadsheetTables.entities)
        for table in tables.tables {
            let data = try SpreadsheetTables.csv(table)
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasSuffix("\r\n"))
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            #expect(reader.headerRow == table.header)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            #expect(rows == table.rows.map { $0.map(SpreadsheetTables.inert) }, "\(table.name)")
        }
        let cards = try #require(tables.tables.first { $0.name == "cards" })
        let hostile = try #require(cards.rows.first { $0[0] == "GAN-999" })
        #expect(hostile.last == Self.hostile)
        #expect(SpreadsheetTables.inert(Self.hostile).hasPrefix("'="))
        #expect(SpreadsheetTables.inert("-3.5") == "-3.5" && SpreadsheetTables.inert("-x") == "'-x" && SpreadsheetTables.inert("@SUM(A1)") == "'@SUM(A1)")
        #expect(cards.rows.count == p.cards.count)
        let tasks = try #require(tables.tables.first { $0.name == "tasks" })
        #expect(tasks.rows.contains { $0[1] == "3-D Secure flow" && $0[9] == "T-6 SS+4" }, "dependencies by key")
    }

    @Test func iCalendarFollowsRFC5545() throws {
        var p = try Self.sample()
        let long = String(repeating: "Überprüfung der Zahlungsanbieter, Teil 2; ", count: 4) + Self.hostile
        let risk = try #require(p.raidItems.values.first { $0.type == .risk && $0.reviewDate != nil })
        try p.apply(Change(summary: "t", edits: [risk.update([("title", .text(long))])!]))
        let text = ICalendarExport.render(p, schedule: try Scheduler.schedule(p, today: Self.today), stamp: Self.now)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends CRLF")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        for line in lines { #expect(line.utf8.count <= 75, "folded at 75 octets: \(line)") }
        // Unfold (§3.1), then check the structure.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
        #expect(unfolded.first == "BEGIN:VCALENDAR" && unfolded.last == "END:VCALENDAR")
        #expect(unfolded.contains("VERSION:2.0") && unfolded.contains { $0.hasPrefix("PRODID:") })
        var open = false, seen: Set<String> = [], uids: Set<String> = []
        for line in unfolded {
            if line == "BEGIN:VEVENT" { #expect(!open); open = true; seen = []; continue }
            if line == "END:VEVENT" {
                #expect(seen.isSuperset(of: ["UID", "DTSTAMP", "DTSTART", "SUMMARY"]), "\(seen)")
                open = false
                continue
            }
            let name = String(line.prefix { $0 != ":" && $0 != ";" })
            if open { seen.insert(name) }
            if name == "UID" { #expect(uids.insert(line).inserted, "UIDs are unique: \(line)") }
            if name == "DTSTART" || name == "DTEND" { #expect(line.range(of: #"^DT(START|END);VALUE=DATE:\d{8}$"#, options: .regularExpression) != nil, "\(line)") }
            if name == "DTSTAMP" { #expect(line == "DTSTAMP:20261126T120000Z") }
        }
        #expect(!open)
        let summary = try #require(unfolded.first { $0.hasPrefix("SUMMARY:Review R-") && $0.contains("Überprüfung") })
        let unescaped = String(summary.dropFirst("SUMMARY:".count)).replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\,", with: ",")
            .replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "\\\\", with: "\\")
        #expect(unescaped == "Review \(risk.key) \(long)", "text escaped and folded reads back as typed")
        #expect(unfolded.contains { $0.hasPrefix("SUMMARY:Sprint 7") })
        #expect(unfolded.contains { $0.hasPrefix("SUMMARY:◆ T-25 Checkout v2 live") })
    }

    @Test func mermaidFollowsTheGanttGrammar() throws {
        var p = try Self.sample()
        let task = try #require(p.tasks.values.first { $0.key == "T-7" })
        try p.apply(Change(summary: "t", edits: [task.update([("name", .text("Auth: 3DS; #1 \"secure\""))])!]))
        let schedule = try Scheduler.schedule(p, today: Self.today)
        let text = MermaidGantt.render(p, schedule: schedule)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(4)) == ["gantt", "    title Checkout Revamp", "    dateFormat YYYY-MM-DD", "    axisFormat %d %b"])
        let taskLine = #"^    ([^:;#\n]|#\d+;)+ :((crit|done|active|milestone), )*t[A-Za-z0-9]+, \d{4}-\d{2}-\d{2}, (\d{4}-\d{2}-\d{2}|0d)$"#
        for line in lines.dropFirst(4) {
            let ok = line.hasPrefix("    section ") || line.range(of: taskLine, options: .regularExpression) != nil
            #expect(ok, "not Mermaid gantt syntax: \(line)")
        }
        #expect(lines.contains { $0.hasPrefix("    Auth#58; 3DS#59; #35;1 \"secure\" :crit, active, tT7, ") })
        let milestones = lines.filter { $0.contains("milestone") }
        #expect(milestones.count == schedule.tasks.values.filter { $0.isMilestone && !$0.isPhase }.count)
        #expect(lines.filter { $0.hasPrefix("    section ") }.count == p.tasks.values.filter { p.isPhase($0) }.count)
    }

    @Test func msProjectXMLImportsBackToTheSamePlan() throws {
        let p = try Self.sample()
        let schedule = try Scheduler.schedule(p, today: Self.today)
        let xml = try MSProjectXML.export(p, schedule: schedule)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"))
        #expect(xml.contains("<Project xmlns=\"http://schemas.microsoft.com/project\">"))
        let batch = try MSProjectXML.read(Data(xml.utf8))
        #expect(batch.tasks.count == p.tasks.count)
        var q = ProjectSnapshot(info: ProjectInfo(name: "Back", keyPrefix: "BK"))
        try q.apply(try q.addBoard(name: "Main"))
        let plan = try ImportPlanner.plan(batch, into: q, mapping: ImportMapping(), actor: "ana", now: Self.now)
        #expect(plan.tasksCreated == p.tasks.count)
        #expect(plan.links == p.taskLinks.count)
        for step in plan.steps { try q.apply(step.change) }
        #expect(Set(q.holidays.keys) == Set(p.holidays.keys))
        let again = try Scheduler.schedule(q, today: Self.today)
        for task in p.tasks.values {
            let mine = try #require(schedule.tasks[task.id])
            let theirs = try #require(q.tasks.values.first { $0.name == task.name }.flatMap { again.tasks[$0.id] })
            #expect(theirs.duration == mine.duration || mine.isPhase, "\(task.name)")
            #expect(theirs.start == mine.start && theirs.finish == mine.finish, "\(task.name): \(mine.start)–\(mine.finish) here, \(theirs.start)–\(theirs.finish) after the round trip")
        }
    }
}
