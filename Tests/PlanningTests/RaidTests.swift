import Foundation
import Testing
@testable import Planning

@Suite struct RaidTests {
    func project() throws -> ProjectSnapshot {
        var p = try Fixture.project()
        try Fixture.add("Login page", to: &p)
        try Fixture.add("Payments", to: &p)
        return p
    }

    /// Adds an item and gives it the key the store would.
    @discardableResult
    func add(_ type: RaidType, _ title: String, to p: inout ProjectSnapshot, _ build: (inout RaidDraft) -> Void = { _ in }, links: [Card] = []) throws -> RaidItem {
        var d = RaidDraft()
        d[.title] = .text(title)
        build(&d)
        var change = try p.addRaid(type, d, links: links.map(LinkTarget.card), now: Fixture.now)
        let n = p.raidItems.values.filter { $0.type == type }.count + 1
        change.edits[0].fields += [FieldChange(name: "key", from: .null, to: .text("\(type.prefix)-\(n)")), FieldChange(name: "number", from: .null, to: .int(Int64(n)))]
        try p.apply(change)
        return try p.raidItem(key: "\(type.prefix)-\(n)")
    }

    @Test func scoresAndDefaultBands() {
        let bands = RiskBands.standard
        #expect([1, 4, 5, 9, 10, 16, 20, 25].map { bands.band($0) } == [.low, .low, .medium, .medium, .high, .high, .critical, .critical])
        let custom = RiskBands(medium: 4, high: 8, critical: 15)
        #expect(custom.band(15) == .critical && custom.band(8) == .high && custom.band(3) == .low)
        #expect(throws: PlanningError.self) { try RiskBands.make(medium: 10, high: 5, critical: 20) }
        #expect(throws: PlanningError.self) { try RiskBands.make(medium: 5, high: 10, critical: 30) }
    }

    @Test func riskFieldsAreValidated() throws {
        var p = try project()
        let r = try add(.risk, "Vendor slips", to: &p) { $0[.probability] = .int(4); $0[.impact] = .int(5); $0[.owner] = .text("ana"); $0[.strategy] = .text("mitigate") }
        #expect(r.score == 20)
        #expect(p.info.bands.band(r.score!) == .critical)
        #expect(throws: PlanningError.invalid(field: "probability", message: "7 is out of range; use 1 (lowest) to 5 (highest)")) {
            var d = RaidDraft(); d[.probability] = .int(7); _ = try d.applied(to: r, in: p)
        }
        #expect(throws: PlanningError.self) { var d = RaidDraft(); d[.owner] = .text("zed"); _ = try d.applied(to: r, in: p) }
        #expect(throws: PlanningError.self) { var d = RaidDraft(); d[.status] = .text("done"); _ = try d.applied(to: r, in: p) }
    }

    @Test func strategiesDependOnThreatOrOpportunity() throws {
        var p = try project()
        let threat = try add(.risk, "Threat", to: &p) { $0[.strategy] = .text("transfer") }
        #expect(threat.strategy == .transfer)
        #expect(throws: PlanningError.self) { var d = RaidDraft(); d[.strategy] = .text("exploit"); _ = try d.applied(to: threat, in: p) }
        let opportunity = try add(.risk, "Upside", to: &p) { $0[.opportunity] = Value(true); $0[.strategy] = .text("enhance") }
        #expect(opportunity.strategy == .enhance)
        #expect(throws: PlanningError.self) { var d = RaidDraft(); d[.strategy] = .text("mitigate"); _ = try d.applied(to: opportunity, in: p) }
        #expect(throws: PlanningError.self, "turning a mitigated threat into an opportunity needs a new strategy") {
            var d = RaidDraft(); d[.opportunity] = Value(true); _ = try d.applied(to: threat, in: p)
        }
        for s in ["accept", "escalate"] {
            var d = RaidDraft(); d[.strategy] = .text(s)
            #expect(try d.applied(to: threat, in: p).strategy?.rawValue == s)
            #expect(try d.applied(to: opportunity, in: p).strategy?.rawValue == s)
        }
    }

    @Test func typeSpecificFieldsAreRefusedElsewhere() throws {
        var p = try project()
        let decision = try add(.decision, "Use Postgres", to: &p) { $0[.decidedBy] = .text("ana"); $0[.rationale] = .text("Team knows it") }
        #expect(decision.decidedBy == "ana")
        #expect(throws: PlanningError.invalid(field: "probability", message: "applies to risks only, not to decisions")) {
            var d = RaidDraft(); d[.probability] = .int(3); _ = try d.applied(to: decision, in: p)
        }
        #expect(throws: PlanningError.self) { var d = RaidDraft(); d[.severity] = .text("high"); _ = try d.applied(to: decision, in: p) }
    }

    @Test func anOccurredRiskBecomesAnIssueWithItsLinks() throws {
        var p = try project()
        let card = try p.card(key: "T-2")
        let risk = try add(.risk, "Fraud spike", to: &p, { $0[.probability] = .int(3); $0[.impact] = .int(4); $0[.owner] = .text("ben"); $0[.effect] = .text("Chargebacks") }, links: [card])
        let change = try p.occur(risk, now: Fixture.now)
        try p.apply(change)
        #expect(p.raidItems[risk.id]?.status == "occurred")
        #expect(p.raidItems[risk.id]?.closedAt == Fixture.now)
        let issue = try #require(p.raidItems.values.first { $0.type == .issue })
        #expect(issue.origin == risk.id)
        #expect(issue.owner == "ben")
        #expect(issue.severity == "high")
        #expect(issue.description.contains("Chargebacks"))
        #expect(p.linkedCards(of: issue).map(\.key) == ["T-2"])
        #expect(p.raidItems(linkedTo: card).count == 2)
        #expect(throws: PlanningError.self) { try p.occur(p.raidItems[risk.id]!, now: Fixture.now) }
        try p.apply(change.inverse)
        #expect(p.raidItems.values.filter { $0.type == .issue }.isEmpty)
        #expect(p.raidItems[risk.id]?.status == "open")
    }

    @Test func linksWorkInBothDirections() throws {
        var p = try project()
        let a = try p.card(key: "T-1"), b = try p.card(key: "T-2")
        let dep = try add(.dependency, "API keys", to: &p) { $0[.dependsOn] = .text("Vendor") }
        try p.apply(try p.link(dep, to: .card(a)))
        try p.apply(try p.link(dep, to: .card(b)))
        #expect(throws: PlanningError.self) { try p.link(dep, to: .card(a)) }
        #expect(p.linkedCards(of: dep).map(\.key) == ["T-1", "T-2"])
        #expect(p.raidItems(linkedTo: b).map(\.key) == ["D-1"])
        try p.apply(try p.unlink(dep, from: .card(a)))
        #expect(p.linkedCards(of: dep).map(\.key) == ["T-2"])
        try p.apply(p.deleteRaid(dep))
        #expect(p.raidLinks.isEmpty)
    }

    @Test func trendComesFromTheJournal() throws {
        var risk = RaidItem(id: "r", type: .risk, title: "R", createdAt: Fixture.now)
        risk.probability = 4
        risk.impact = 4
        let day = 86_400.0
        func edit(_ field: String, _ from: Int, _ to: Int) -> Change {
            Change(summary: "", edits: [EntityEdit(kind: .raid, id: "r", label: "R-1", operation: .update,
                                                   fields: [FieldChange(name: field, from: .int(Int64(from)), to: .int(Int64(to)))])])
        }
        let rising: [(at: Date, change: Change)] = [(Fixture.now.addingTimeInterval(-2 * day), edit("probability", 2, 4))]
        #expect(RiskHistory.trend(of: risk, history: rising, now: Fixture.now) == .rising)
        let falling: [(at: Date, change: Change)] = [(Fixture.now.addingTimeInterval(-day), edit("impact", 5, 4))]
        #expect(RiskHistory.trend(of: risk, history: falling, now: Fixture.now) == .falling)
        let old: [(at: Date, change: Change)] = [(Fixture.now.addingTimeInterval(-40 * day), edit("probability", 1, 4))]
        #expect(RiskHistory.trend(of: risk, history: old, now: Fixture.now) == .steady, "changes before the window do not count")
    }

    @Test func filterSpeaksRaid() throws {
        var p = try project()
        try add(.risk, "Big", to: &p) { $0[.probability] = .int(4); $0[.impact] = .int(4); $0[.owner] = .text("ana"); $0[.reviewDate] = Value(Day("2026-11-20")!) }
        try add(.risk, "Small", to: &p) { $0[.probability] = .int(1); $0[.impact] = .int(2); $0[.owner] = .text("ben"); $0[.proximity] = Value(Day("2026-12-01")!) }
        try add(.assumption, "Users have accounts", to: &p) { $0[.owner] = .text("ana") }
        func keys(_ q: String) throws -> [String] {
            let f = try RaidFilter(try Query(q), project: p, today: Fixture.today, me: "ben")
            return p.raidItems.values.filter(f.matches).map(\.key).sorted()
        }
        #expect(try keys("owner:ana score>=10") == ["R-1"])
        #expect(try keys("band>=medium") == ["R-1"])
        #expect(try keys("is:overdue") == ["R-1"])
        #expect(try keys("is:near") == ["R-2"])
        #expect(try keys("owner:me") == ["R-2"])
        #expect(try keys("type:assumption") == ["A-1"])
        #expect(throws: QueryError.self) { try keys("scor>=3") }
    }
}

/// Every described RAID field can be filtered on, by its kind, with no code for the field.
@Suite struct DescribedFieldFilterTests {
    let now = Date(timeIntervalSince1970: 1_795_694_400)

    @Test func anyDescribedFieldFilters() throws {
        let p = try SampleProject.snapshot(now: now)
        let today = Day.containing(now)
        func keys(_ text: String) throws -> [String] {
            let filter = try RaidFilter(try Query(text), project: p, today: today)
            return p.raidItems.values.filter(filter.matches).map(\.key).sorted()
        }
        let items = p.raidItems.values
        let mitigated = items.filter { $0.strategy == .mitigate }.map(\.key).sorted()
        #expect(!mitigated.isEmpty)
        #expect(try keys("strategy:mitigate") == mitigated)
        let residual = items.filter { ($0.residualImpact ?? 0) >= 3 }.map(\.key).sorted()
        #expect(!residual.isEmpty)
        #expect(try keys("residualImpact>=3") == residual)
        #expect(try keys("-strategy:mitigate") == items.filter { $0.strategy != .mitigate }.map(\.key).sorted())
        #expect(throws: QueryError.self) { try keys("strategy>mitigate") }
        do {
            _ = try keys("colour:red")
            Issue.record("an unknown field is refused")
        } catch let e as QueryError {
            #expect(e.message.contains("strategy") && e.message.contains("residualImpact"), "the error lists the described fields: \(e.message)")
        }
    }
}
