import Foundation
import Testing
@testable import Planning

@Suite struct CardFilterTests {
    func titles(_ query: String, _ p: ProjectSnapshot) throws -> [String] {
        let f = try CardFilter(try Query(query), project: p, now: Fixture.now, today: Fixture.today, me: "ben")
        return p.cards.values.filter(f.matches).sorted { $0.number < $1.number }.map(\.title)
    }

    func sample() throws -> ProjectSnapshot {
        var p = try Fixture.project()
        try Fixture.add("Login page", to: &p, CardDraft(priority: .high, assignee: .some("ana"), labels: ["backend"], due: .some(Day("2026-12-01")!)))
        try Fixture.add("Signup", to: &p, CardDraft(type: .bug, priority: .low, assignee: .some("ben"), labels: ["frontend"], estimate: .some(5)))
        let c = try Fixture.add("Logout", to: &p, column: "In progress", CardDraft(priority: .critical, labels: ["backend", "security"], due: .some(Day("2026-11-20")!)))
        try p.apply(try p.blockCard(c, reason: "vendor"))
        let d = try Fixture.add("Old thing", to: &p)
        try p.apply(try p.archiveCard(d))
        return p
    }

    @Test func combinesTermsWithAndAndCommasWithOr() throws {
        let p = try sample()
        #expect(try titles("assignee:ana label:backend", p) == ["Login page"])
        #expect(try titles("assignee:ana,ben", p) == ["Login page", "Signup"])
        #expect(try titles("label:backend", p) == ["Login page", "Logout"])
        #expect(try titles("-label:backend", p) == ["Signup"])
        #expect(try titles("assignee:me", p) == ["Signup"])
        #expect(try titles("assignee:none", p) == ["Logout"])
    }

    @Test func comparesDatesPrioritiesAndNumbers() throws {
        let p = try sample()
        #expect(try titles("due<2026-12-20", p) == ["Login page", "Logout"])
        #expect(try titles("is:overdue", p) == ["Logout"])
        #expect(try titles("due:none", p) == ["Signup"])
        #expect(try titles("priority>=high", p) == ["Login page", "Logout"])
        #expect(try titles("estimate>3", p) == ["Signup"])
        #expect(try titles("is:blocked", p) == ["Logout"])
        #expect(try titles(#"column:"in progress""#, p) == ["Logout"])
        #expect(try titles("\"log\"", p) == ["Login page", "Logout"])
    }

    @Test func archivedCardsShowOnlyWhenAsked() throws {
        let p = try sample()
        #expect(try titles("", p).count == 3)
        #expect(try titles("is:archived", p) == ["Old thing"])
    }

    @Test func pointsAtTheOffendingToken() throws {
        let p = try sample()
        let cases: [(String, Int, String)] = [
            ("label:x asignee:ana", 8, "unknown field \"asignee\""),
            ("is:stuck", 0, "is:stuck is not a state"),
            ("type:story", 0, "unknown type \"story\""),
            ("due<someday", 0, "\"someday\" is not a date"),
            ("column:Doing", 0, "no column named Doing"),
            ("assignee>ana", 0, "only takes ':'"),
        ]
        for (query, offset, message) in cases {
            do {
                _ = try titles(query, p)
                Issue.record("\(query) should fail")
            } catch let e as QueryError {
                #expect(e.offset == offset, "\(query)")
                #expect(e.message.contains(message), "\(e.message)")
            }
        }
    }
}
