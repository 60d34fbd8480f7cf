import Foundation
import Testing
@testable import Interchange
@testable import Planning

/// Files shaped like real exports (byte-order marks, CRLF, fields Gantry does not know, missing
/// optional fields, Unicode) read into what the planner needs, and malformed ones refused with the
/// place named.
@Suite struct ForeignFileTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name))
    }

    static let utc = TimeZone(identifier: "UTC")!

    @Test func trelloBoardExport() throws {
        let batch = try TrelloBoard.read(try Self.fixture("trello-board.json"), archived: false)
        #expect(batch.boardName == "Mobile App — Sprint Board")
        #expect(batch.columns == ["Backlog", "Doing", "Done"], "the archived list is left out")
        #expect(batch.items.map(\.title) == ["Login with passkeys 🔑", "Crash on rotate", "Dark mode"])
        let login = batch.items[0]
        #expect(login.labels == ["Urgent", "Ünïcode label"])
        #expect(login.assignee == "jdoe")
        #expect(login.description.contains("See \"spec\", section 3."))
        #expect(login.description.contains("- [x] Register credential") && login.description.contains("- [ ] Sign in"))
        #expect(login.description.contains("Also on this card in Trello: mmüller"))
        #expect(login.due == Day("2026-12-10"))
        #expect(login.createdAt == Date(timeIntervalSince1970: 1_793_577_600 + 3600), "from the card id")
        #expect(batch.items[1].labels == ["green"], "an unnamed label by its colour")
        #expect(batch.items[1].done)
        #expect(batch.notes.contains("2 archived cards were skipped (--archived brings them in)."))
        let all = try TrelloBoard.read(try Self.fixture("trello-board.json"), archived: true)
        #expect(all.items.count == 5)
        #expect(all.items.filter(\.archived).map(\.title) == ["Card in closed list", "Archived card"], "in Trello's order")
    }

    @Test func jiraCSVExport() throws {
        let batch = try JiraCSV.read(try Self.fixture("jira-export.csv"))
        #expect(batch.items.map(\.externalID) == ["jira:PAY-1", "jira:PAY-2", "jira:PAY-3", "jira:PAY-4"])
        #expect(batch.columns == ["In Progress", "Done", "In Review", "To Do"])
        let story = batch.items[1]
        #expect(story.title == "Card form, with \"quotes\", commas")
        #expect(story.type == .feature && story.priority == .medium)
        #expect(story.labels == ["frontend", "ux"], "both Labels columns")
        #expect(story.sprint == "Sprint 2", "the last of the Sprint columns")
        #expect(story.estimate == 5)
        #expect(story.parent == "jira:PAY-1")
        #expect(story.description == "Line one\r\nLine two — ünïcödé")
        #expect(story.done)
        let created = try #require(story.createdAt), resolved = try #require(story.resolvedAt)
        let nineDaysSixHoursFifteen: TimeInterval = 9 * 86_400 + 6 * 3600 + 15 * 60
        #expect(resolved.timeIntervalSince(created) == nineDaysSixHoursFifteen)
        let bug = batch.items[2]
        #expect(bug.type == .bug && bug.priority == .critical)
        #expect(bug.parent == "jira:PAY-1", "Parent holds the issue id; it is looked up")
        #expect(bug.due == Day("2026-11-30"))
        #expect(bug.title == "Refund fails for 日本語 names")
        #expect(!batch.items[3].done, "Unresolved is not a resolution")
        #expect(batch.items[3].priority == .low && batch.items[3].type == .chore)
    }

    @Test func jiraDatesReadByHandMatchTheFormatter() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "dd/MMM/yy h:mm a"
        for text in ["26/Nov/26 10:15 AM", "01/Jan/27 12:00 AM", "31/Dec/26 12:30 PM", "29/Mar/26 2:30 AM", "05/oct/25 11:59 PM"] {
            // A time that does not exist in the zone (clocks going forward) has no formatter answer; ours is an hour on.
            guard let expected = formatter.date(from: text) else { #expect(JiraCSV.Dates.jiraDefault(text) != nil); continue }
            #expect(JiraCSV.Dates.jiraDefault(text) == expected, "\(text)")
        }
        #expect(JiraCSV.Dates.jiraDefault("26/Nov/26 13:15 AM") == nil)
        #expect(JiraCSV.Dates.jiraDefault("2026-11-26 10:15") == nil)
    }

    @Test func jiraCSVMistakesAreNamed() throws {
        let header = "Summary,Issue key,Created\r\n"
        #expect(throws: ImportError("row 3", "has 2 fields, the header has 3 (a quote left open, or a line cut short?)")) {
            try JiraCSV.read(Data((header + "A,PAY-1,01/Nov/26 9:00 AM\r\nB,PAY-2\r\n").utf8))
        }
        #expect(throws: ImportError("row 2 (PAY-1), Created", "\"yesterday\" is not a date Jira writes (such as 26/Nov/26 10:15 AM)")) {
            try JiraCSV.read(Data((header + "A,PAY-1,yesterday\r\n").utf8))
        }
        let open = try? JiraCSV.read(Data((header + "\"A,PAY-1,01/Nov/26 9:00 AM\r\n").utf8))
        #expect(open == nil, "an unclosed quote swallows the rest: the row is short and refused")
        #expect(throws: ImportError.self) { try JiraCSV.read(Data("Key,Title\r\nA,B\r\n".utf8)) }
    }

    @Test func gitHubIssuesAndProjectItemsShareIDs() throws {
        let issues = try GitHubItems.read(try Self.fixture("gh-issues.json"))
        #expect(issues.items.map(\.externalID) == ["github:acme/app#12", "github:acme/app#13"])
        #expect(issues.items[0].type == .bug && issues.items[0].assignee == "octocat")
        #expect(issues.items[0].due == Day("2026-12-15") && issues.items[0].sprint == "v1.2")
        #expect(issues.items[1].done && issues.items[1].resolvedAt != nil)
        let project = try GitHubItems.read(try Self.fixture("gh-project-items.json"))
        #expect(project.items.map(\.externalID) == ["github:acme/app#12", "github-item:PVTI_2", "github:acme/app#14"])
        #expect(project.columns == ["In Progress", "Todo", "Done"])
        #expect(project.items[0].estimate == 3 && project.items[0].sprint == "Iteration 4")
        #expect(project.items[2].done)
        #expect(throws: ImportError("items[0].title", "expected text")) {
            try GitHubItems.read(Data(#"{"items": [{"id": "x", "title": {"no": 1}}]}"#.utf8))
        }
        let broken = #expect(throws: ImportError.self) { _ = try GitHubItems.read(Data("[\n{\"number\": 1,\n,}]".utf8)) }
        #expect(broken?.place == "line 3" && broken?.message.hasPrefix("not valid JSON") == true)
    }

    @Test func taskwarriorExport() throws {
        let batch = try TaskwarriorExport.read(try Self.fixture("taskwarrior.json"))
        #expect(batch.items.count == 4, "the deleted task is skipped")
        let tls = batch.items[0]
        #expect(tls.labels == ["ops", "infra", "urgent"])
        #expect(tls.priority == .high)
        #expect(tls.dependsOn == ["taskwarrior:aaaaaaaa-0000-4000-8000-000000000002"])
        #expect(tls.description == "Annotations:\n- 2026-11-02: ask Jane for the CSR")
        #expect(batch.items[1].column == "In progress", "started")
        #expect(batch.items[2].done && batch.items[2].resolvedAt != nil)
        #expect(batch.items[3].column == "Backlog" && batch.items[3].dependsOn.count == 1, "waiting; depends as a list")
        #expect(batch.notes == ["1 deleted task was skipped."])
        #expect(throws: ImportError("[0].uuid", "missing")) { try TaskwarriorExport.read(Data(#"[{"description": "x"}]"#.utf8)) }
    }

    @Test func projectLibreXML() throws {
        let batch = try MSProjectXML.read(try Self.fixture("projectlibre.xml"))
        #expect(batch.tasks.map(\.name) == ["Preparation", "Pack inventory — Größe L", "Book trucks", "Move", "Open new site"], "the project's own summary task (UID 0) is not a task")
        let (prep, pack, book, move, open) = (batch.tasks[0], batch.tasks[1], batch.tasks[2], batch.tasks[3], batch.tasks[4])
        #expect(prep.isSummary && pack.parent == prep.externalID && book.parent == prep.externalID && move.parent == nil)
        #expect(pack.duration == 3 && pack.progress == 100 && pack.assignees == ["ola"])
        #expect(book.duration == 2 && book.startNoEarlier == Day("2026-12-01"))
        #expect(book.links.map { "\($0.from) \($0.type.rawValue) \($0.lag)" } == ["mspdi:2 SS 1"], "4800 tenths of a minute is one 8-hour day")
        #expect(move.duration == 3 && move.deadline == Day("2026-12-18"), "P1DT16H is 8 + 16 hours")
        #expect(open.duration == 0 && open.links.count == 2)
        #expect(batch.holidays == [Day("2026-12-08")!])
        #expect(batch.projectStart == Day("2026-11-30"))
        #expect(batch.people["ola"] == "Ola Nordmann")
        #expect(throws: ImportError.self) { try MSProjectXML.read(Data("<Project><Tasks><Task><UID>x</UID></Task></Tasks></Project>".utf8)) }
        #expect(throws: ImportError("line 3", "an & that starts no entity (write &amp;)")) {
            try MSProjectXML.read(Data("<Project>\n<Tasks>\n<Task><UID>1</UID><Name>A & B</Name></Task>\n</Tasks></Project>".utf8))
        }
        #expect(throws: ImportError("line 4", "a closing tag does not match the open element")) {
            try MSProjectXML.read(Data("<Project>\n<Tasks>\n<Task><UID>1</UID>\n</Tasks></Project>".utf8))
        }
        #expect(throws: ImportError("Tasks/Task[0]/Duration", "\"PT4X\" is not a duration such as PT40H0M0S")) {
            try MSProjectXML.read(Data("<Project><Tasks><Task><UID>1</UID><Duration>PT4X</Duration></Task></Tasks></Project>".utf8))
        }
    }
}
