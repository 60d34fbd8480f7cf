import Foundation

/// The sample project's RAID log: the risks, assumptions, issues, dependencies and decisions a
/// checkout rebuild really has, linked to the cards they concern.
extension SampleProject {
    static func raid(now: Date) -> [Change] {
        let today = Day.containing(now)
        func day(_ offset: Int) -> Day { today.adding(days: offset) }
        var changes: [Change] = []
        func add(_ item: RaidItem, links: [Int]) {
            let edits = [item.creation()] + links.map { RaidLink(itemID: item.id, targetID: "card-\($0)").creation() }
            changes.append(Change(summary: "added \(item.label) \"\(item.title)\"", edits: edits))
        }
        func risk(_ n: Int, _ title: String, owner: String, category: String, p: Int, i: Int, rp: Int? = nil, ri: Int? = nil,
                  strategy: RiskStrategy, cause: String, event: String, effect: String, actions: String, trigger: String = "",
                  contingency: String = "", proximity: Int?, review: Int?, opportunity: Bool = false) -> RaidItem {
            var r = RaidItem(id: "risk-\(n)", type: .risk, title: title, createdAt: now.addingTimeInterval(-Double(20 - n) * 86_400))
            r.owner = owner
            r.category = category
            r.probability = p
            r.impact = i
            r.residualProbability = rp
            r.residualImpact = ri
            r.strategy = strategy
            r.cause = cause
            r.event = event
            r.effect = effect
            r.actions = actions
            r.trigger = trigger
            r.contingency = contingency
            r.proximity = proximity.map(day)
            r.reviewDate = review.map(day)
            r.opportunity = opportunity
            return r
        }
        add(risk(1, "Payment provider v3 API slips past our launch", owner: "ben", category: "vendor", p: 4, i: 5, rp: 3, ri: 4,
                 strategy: .mitigate, cause: "Provider's v3 sandbox is still in beta", event: "Sandbox credentials or API stability arrive late",
                 effect: "Checkout v2 cannot take card payments at launch",
                 actions: "Weekly call with the provider's partner manager; keep the v2 client working behind a flag",
                 trigger: "No sandbox credentials by the end of next week", contingency: "Launch on the v2 API and migrate after",
                 proximity: 10, review: -2), links: [5, 13])
        add(risk(2, "Order data migration corrupts historic orders", owner: "ana", category: "technical", p: 2, i: 5, rp: 1, ri: 5,
                 strategy: .mitigate, cause: "Schema change of the orders table", event: "Migration script mis-maps tax fields",
                 effect: "Refunds and invoices for old orders are wrong",
                 actions: "Dry run on a production copy; row-count and checksum comparison", proximity: 25, review: 5), links: [32])
        add(risk(3, "Only Ben knows the payments integration", owner: "fatima", category: "people", p: 2, i: 4, rp: 2, ri: 3,
                 strategy: .mitigate, cause: "Single engineer built the integration", event: "Ben is away during launch week",
                 effect: "Payment incidents take days to fix", actions: "Pair Chen with Ben on 3-D Secure; write the runbook",
                 proximity: 30, review: 7), links: [5, 13])
        add(risk(4, "Peak traffic overloads checkout at Black Friday", owner: "dana", category: "technical", p: 3, i: 5,
                 strategy: .mitigate, cause: "New page makes more API calls per order", event: "Latency over 2 s at 3× peak",
                 effect: "Abandoned carts and lost revenue", actions: "Load test at 3× peak; cache shipping options",
                 trigger: "p95 over 1.5 s in the load test", contingency: "Switch back to the old checkout with the flag",
                 proximity: 12, review: 3), links: [39])
        add(risk(5, "Apple Pay lifts conversion more than planned", owner: "chen", category: "commercial", p: 3, i: 3,
                 strategy: .exploit, cause: "Mobile share of traffic keeps growing", event: "Wallet payments exceed 20% of orders",
                 effect: "Conversion target met early", actions: "Ship wallet buttons first on mobile", proximity: 40, review: 14,
                 opportunity: true), links: [12])
        add(risk(6, "Legal review delays 3-D Secure liability terms", owner: "fatima", category: "compliance", p: 4, i: 3,
                 strategy: .escalate, cause: "Legal team is short-staffed", event: "No sign-off before code freeze",
                 effect: "Launch without liability shift; fraud losses stay with us", actions: "Escalated to the steering group",
                 proximity: 9, review: 1), links: [13])
        var occurred = risk(7, "VAT rounding differs from the finance system", owner: "ben", category: "technical", p: 3, i: 3,
                            strategy: .mitigate, cause: "Two rounding rules in two systems", event: "Totals differ by a cent",
                            effect: "Finance reconciliation fails", actions: "Use banker's rounding everywhere", proximity: -3, review: nil)
        occurred.status = "occurred"
        occurred.closedAt = now.addingTimeInterval(-3 * 86_400)
        add(occurred, links: [10])
        var issue = RaidItem(id: "issue-1", type: .issue, title: "VAT rounding differs from the finance system", createdAt: now.addingTimeInterval(-3 * 86_400))
        issue.owner = "ben"
        issue.severity = "high"
        issue.due = day(2)
        issue.origin = occurred.id
        issue.status = "in-progress"
        issue.description = "Orders since Monday are off by one cent against finance. Effect: Finance reconciliation fails"
        add(issue, links: [10])
        var a1 = RaidItem(id: "assumption-1", type: .assumption, title: "Most customers already have a saved address", createdAt: now.addingTimeInterval(-12 * 86_400))
        a1.owner = "eli"
        a1.due = day(5)
        add(a1, links: [4])
        var a2 = RaidItem(id: "assumption-2", type: .assumption, title: "Payment provider keeps v2 running until Q2", createdAt: now.addingTimeInterval(-15 * 86_400))
        a2.owner = "ben"
        a2.due = day(-1)
        add(a2, links: [5])
        var d1 = RaidItem(id: "dependency-1", type: .dependency, title: "Sandbox credentials for the v3 API", createdAt: now.addingTimeInterval(-10 * 86_400))
        d1.owner = "ben"
        d1.dependsOn = "Payment provider (vendor)"
        d1.due = day(4)
        d1.status = "at-risk"
        add(d1, links: [5])
        var d2 = RaidItem(id: "dependency-2", type: .dependency, title: "Larger staging cluster for load tests", createdAt: now.addingTimeInterval(-8 * 86_400))
        d2.owner = "dana"
        d2.dependsOn = "Platform team (OPS-311)"
        d2.due = day(6)
        add(d2, links: [39])
        var dec1 = RaidItem(id: "decision-1", type: .decision, title: "Ship guest checkout before saved cards", createdAt: now.addingTimeInterval(-18 * 86_400))
        dec1.status = "decided"
        dec1.decidedBy = "fatima"
        dec1.decidedOn = day(-18)
        dec1.rationale = "Guest checkout addresses the largest drop-off; saved cards need a PCI review first."
        dec1.alternatives = "Saved cards first; both together in one release"
        add(dec1, links: [9, 2])
        var dec2 = RaidItem(id: "decision-2", type: .decision, title: "Keep the old checkout behind a flag for 30 days", createdAt: now.addingTimeInterval(-16 * 86_400))
        dec2.status = "decided"
        dec2.decidedBy = "ana"
        dec2.decidedOn = day(-16)
        dec2.rationale = "A one-click way back if conversion drops."
        dec2.alternatives = "Hard cut-over"
        add(dec2, links: [27])
        // The key-person risk grew since it was logged: its history shows the score rising.
        changes.append(Change(summary: "raised the probability of R-3", edits: [
            EntityEdit(kind: .raid, id: "risk-3", label: "R-3", operation: .update, fields: [FieldChange(name: "probability", from: .int(2), to: .int(3))]),
        ]))
        return changes
    }
}
