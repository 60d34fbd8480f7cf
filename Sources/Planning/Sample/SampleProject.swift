import Foundation

/// The sample project behind `gantry demo`: a product team rebuilding an online checkout.
/// Everything is dated relative to `now`, so the sample never looks stale. Later views (RAID,
/// timeline) add their parts here, so the sample stays one coherent story.
public enum SampleProject {
    public static let name = "Checkout Revamp"
    public static let keyPrefix = "GAN"
    /// How many cards the sample holds (tests check a sample is whole).
    public static var cardCount: Int { cards.count + SampleHistory.pastWork.count }

    static let team = [
        Member(handle: "ana", name: "Ana Silva", role: "Tech lead", capacity: 0.8, costRate: 95),
        Member(handle: "ben", name: "Ben Okafor", role: "Backend engineer", capacity: 1, costRate: 85),
        Member(handle: "chen", name: "Chen Wei", role: "Frontend engineer", capacity: 1, costRate: 85),
        Member(handle: "dana", name: "Dana Kowalski", role: "QA engineer", capacity: 1, costRate: 70),
        Member(handle: "eli", name: "Eli Haddad", role: "Product designer", capacity: 0.5, costRate: 80),
        Member(handle: "fatima", name: "Fatima Noor", role: "Technical program manager", capacity: 1, costRate: 90),
    ]

    struct CardSpec {
        var column: Int
        var title: String
        var type: CardType
        var priority: Priority
        var assignee: String?
        var labels: [String]
        var estimate: Double?
        var due: Int?
        var age: Int
        var blocked: String? = nil
        var epic: Int? = nil
        var description: String = ""
        var severity: BugSeverity? = nil
        var foundIn: String? = nil
    }

    // Columns: 0 Backlog, 1 To do, 2 In progress, 3 Review, 4 Done. Epics are cards 1–3.
    static let cards: [CardSpec] = [
        CardSpec(column: 1, title: "One-page checkout", type: .epic, priority: .high, assignee: "fatima", labels: ["checkout"], estimate: nil, due: 40, age: 12,
                 description: "Replace the four-step checkout with a single page. Success: conversion +3 pts, p95 page load under 1.5 s."),
        CardSpec(column: 0, title: "Saved payment methods", type: .epic, priority: .medium, assignee: "ana", labels: ["payments"], estimate: nil, due: 75, age: 20),
        CardSpec(column: 1, title: "Checkout observability", type: .epic, priority: .medium, assignee: "ben", labels: ["infra"], estimate: nil, due: 30, age: 9),
        CardSpec(column: 2, title: "Address form with postcode lookup", type: .feature, priority: .high, assignee: "chen", labels: ["frontend", "checkout"], estimate: 5, due: 6, age: 4, epic: 1),
        CardSpec(column: 2, title: "Payment provider API v3 client", type: .feature, priority: .critical, assignee: "ben", labels: ["backend", "payments"], estimate: 8, due: 3, age: 9,
                 blocked: "Waiting for sandbox credentials from the payment provider", epic: 1),
        CardSpec(column: 2, title: "Order summary sidebar", type: .feature, priority: .medium, assignee: "eli", labels: ["frontend", "ux"], estimate: 3, due: 10, age: 2, epic: 1),
        CardSpec(column: 2, title: "Flaky test: card declined path", type: .bug, priority: .high, assignee: "dana", labels: ["qa", "payments"], estimate: 2, due: nil, age: 6,
                 severity: .s3),
        CardSpec(column: 2, title: "Trace checkout requests end to end", type: .chore, priority: .medium, assignee: "ana", labels: ["infra", "backend"], estimate: 3, due: 12, age: 1, epic: 3),
        CardSpec(column: 3, title: "Guest checkout without account", type: .feature, priority: .high, assignee: "chen", labels: ["frontend", "checkout"], estimate: 5, due: 2, age: 5, epic: 1),
        CardSpec(column: 3, title: "VAT rounding off by one cent", type: .bug, priority: .critical, assignee: "ben", labels: ["backend", "payments"], estimate: 1, due: -1, age: 3,
                 severity: .s1, foundIn: "2.4.1"),
        CardSpec(column: 3, title: "Checkout error budget dashboard", type: .chore, priority: .low, assignee: "ana", labels: ["infra", "analytics"], estimate: 2, due: nil, age: 1, epic: 3),
        CardSpec(column: 1, title: "Apple Pay and Google Pay buttons", type: .feature, priority: .high, assignee: "chen", labels: ["frontend", "payments", "mobile"], estimate: 5, due: 14, age: 3, epic: 1),
        CardSpec(column: 1, title: "3-D Secure challenge flow", type: .feature, priority: .critical, assignee: "ben", labels: ["backend", "payments", "security"], estimate: 8, due: 9, age: 7,
                 blocked: "Legal review of the liability shift terms", epic: 1),
        CardSpec(column: 1, title: "Spike: address autocomplete vendors", type: .spike, priority: .medium, assignee: "eli", labels: ["ux"], estimate: 2, due: 5, age: 2),
        CardSpec(column: 1, title: "Alert on payment error rate > 2%", type: .chore, priority: .high, assignee: "ana", labels: ["infra"], estimate: 2, due: 8, age: 4, epic: 3),
        CardSpec(column: 1, title: "Accessibility audit of checkout", type: .chore, priority: .medium, assignee: "dana", labels: ["qa", "ux"], estimate: 3, due: 20, age: 1),
        CardSpec(column: 0, title: "Store tokenised cards per customer", type: .feature, priority: .medium, assignee: nil, labels: ["backend", "payments", "security"], estimate: 8, due: nil, age: 15, epic: 2),
        CardSpec(column: 0, title: "Manage saved cards page", type: .feature, priority: .low, assignee: nil, labels: ["frontend", "payments"], estimate: 5, due: nil, age: 15, epic: 2),
        CardSpec(column: 0, title: "Delete saved card on account closure", type: .feature, priority: .medium, assignee: nil, labels: ["backend", "security"], estimate: 3, due: nil, age: 11, epic: 2),
        CardSpec(column: 0, title: "Promo code field crashes on emoji", type: .bug, priority: .low, assignee: nil, labels: ["frontend"], estimate: 1, due: nil, age: 8,
                 severity: .s4),
        CardSpec(column: 0, title: "Spike: split tender (gift card + card)", type: .spike, priority: .low, assignee: nil, labels: ["payments"], estimate: 3, due: nil, age: 18),
        CardSpec(column: 0, title: "Localise checkout for DE and FR", type: .feature, priority: .medium, assignee: nil, labels: ["frontend", "i18n"], estimate: 5, due: 45, age: 13),
        CardSpec(column: 0, title: "Upgrade payment SDK to 12.x", type: .chore, priority: .medium, assignee: nil, labels: ["backend", "payments"], estimate: 2, due: nil, age: 6),
        CardSpec(column: 0, title: "Remember last shipping method", type: .feature, priority: .low, assignee: nil, labels: ["frontend", "ux"], estimate: 2, due: nil, age: 4),
        CardSpec(column: 0, title: "Fraud score threshold per market", type: .feature, priority: .high, assignee: nil, labels: ["backend", "security"], estimate: 5, due: 30, age: 10),
        CardSpec(column: 0, title: "Mobile keyboard covers pay button", type: .bug, priority: .medium, assignee: nil, labels: ["mobile", "frontend"], estimate: 1, due: nil, age: 2,
                 severity: .s2, foundIn: "2.4.0"),
        CardSpec(column: 4, title: "Checkout feature flag scaffold", type: .chore, priority: .medium, assignee: "ana", labels: ["backend"], estimate: 1, due: nil, age: 19),
        CardSpec(column: 4, title: "New checkout wireframes", type: .feature, priority: .high, assignee: "eli", labels: ["ux"], estimate: 3, due: nil, age: 17, epic: 1),
        CardSpec(column: 4, title: "Cart total mismatch after coupon", type: .bug, priority: .critical, assignee: "ben", labels: ["backend", "payments"], estimate: 2, due: nil, age: 16,
                 severity: .s2),
        CardSpec(column: 4, title: "Spike: payment provider v3 migration", type: .spike, priority: .high, assignee: "ben", labels: ["payments"], estimate: 2, due: nil, age: 15),
        CardSpec(column: 4, title: "E2E test harness for checkout", type: .chore, priority: .medium, assignee: "dana", labels: ["qa"], estimate: 3, due: nil, age: 14),
        CardSpec(column: 4, title: "Shipping options API", type: .feature, priority: .high, assignee: "ben", labels: ["backend", "checkout"], estimate: 5, due: nil, age: 12, epic: 1),
        CardSpec(column: 4, title: "Design tokens for checkout", type: .chore, priority: .low, assignee: "eli", labels: ["frontend", "ux"], estimate: 2, due: nil, age: 11),
        CardSpec(column: 4, title: "Double charge on retry", type: .bug, priority: .critical, assignee: "ben", labels: ["backend", "payments"], estimate: 3, due: nil, age: 10,
                 severity: .s1),
        CardSpec(column: 4, title: "Postcode validation rules", type: .feature, priority: .medium, assignee: "chen", labels: ["frontend"], estimate: 2, due: nil, age: 8, epic: 1),
        CardSpec(column: 4, title: "Structured logging for payments", type: .chore, priority: .medium, assignee: "ana", labels: ["infra"], estimate: 2, due: nil, age: 6, epic: 3),
        CardSpec(column: 4, title: "Basket page performance budget", type: .chore, priority: .low, assignee: "chen", labels: ["frontend", "analytics"], estimate: 1, due: nil, age: 4),
        CardSpec(column: 4, title: "Release checklist for checkout v2", type: .chore, priority: .medium, assignee: "fatima", labels: ["release"], estimate: 1, due: nil, age: 2),
        CardSpec(column: 1, title: "Load test checkout at 3× peak", type: .chore, priority: .high, assignee: "dana", labels: ["qa", "infra"], estimate: 3, due: 11, age: 8,
                 blocked: "Staging environment too small; infra ticket OPS-311", epic: 3),
        CardSpec(column: 0, title: "Receipt e-mail redesign", type: .feature, priority: .low, assignee: nil, labels: ["ux"], estimate: 3, due: nil, age: 21),
    ]
}
