import Foundation

/// A change with when and by whom it was made: the sample is written as the team's history.
public struct TimedChange: Sendable {
    public var at: Date
    public var actor: String
    public var change: Change

    public init(at: Date, actor: String, change: Change) {
        self.at = at
        self.actor = actor
        self.change = change
    }
}

/// The sample's past twelve weeks: six closed two-week sprints and a seventh half way through,
/// cards moving column by column on working days, scope added mid-sprint, carry-over, one card
/// pulled out of a sprint, and bugs of every severity, so every flow chart has something real.
///
/// Cards of past sprints are created after the board's current cards (so the current cards keep
/// their keys, GAN-1 to GAN-40) and archived once their sprint closes. Every change is made by
/// the domain against the project as it stands at that moment, as the team would have.
struct SampleHistory {
    enum Step {
        case put(card: String, sprint: Int?)
        case move(card: String, column: Int, keepRank: Bool)
        case start(Int)
        case close(Int)
        case archive(card: String)
    }

    struct Planned {
        var at: Date
        var actor: String
        var step: Step
    }

    static let sprintCount = 8
    static let sprintDays = 10
    let now: Date
    let today: Day
    let calendar: WorkCalendar
    let counter: WorkingDays
    /// Working days of each sprint, 1-based (index 0 unused); sprint 7 is active, 8 planned.
    var sprintDays: [[Day]] = [[]]

    init(now: Date) {
        self.now = now
        today = Day.containing(now)
        calendar = WorkCalendar(start: today.adding(days: -200))
        counter = WorkingDays(calendar: calendar, from: today.adding(days: -200), through: today.adding(days: 60))
        // Today is the sixth working day of sprint 7.
        var start7 = today
        while !calendar.isWorking(start7) { start7 = start7.adding(days: -1) }
        var back = 5
        while back > 0 { start7 = start7.adding(days: -1); if calendar.isWorking(start7) { back -= 1 } }
        var starts = [start7]
        for _ in 1..<7 {
            var d = starts[0], n = Self.sprintDays
            while n > 0 { d = d.adding(days: -1); if calendar.isWorking(d) { n -= 1 } }
            starts.insert(d, at: 0)
        }
        starts.append(counter.adding(Self.sprintDays, after: start7.adding(days: -1)).adding(days: 1))
        for start in starts {
            var days: [Day] = []
            var d = start
            while days.count < Self.sprintDays { if calendar.isWorking(d) { days.append(d) }; d = d.adding(days: 1) }
            sprintDays.append(days)
        }
    }

    func moment(_ day: Day, _ hour: Double) -> Date { day.start().addingTimeInterval(hour * 3600) }

    static func sprintID(_ k: Int) -> String { "sprint-\(k)" }

    /// The sprints, as planned before any of them started.
    func sprints(boardID: String) -> [Sprint] {
        (1...Self.sprintCount).map { k in
            Sprint(id: Self.sprintID(k), boardID: boardID, name: "Sprint \(k)", goal: Self.goals[k - 1],
                   start: sprintDays[k].first, end: sprintDays[k].last, createdAt: moment(sprintDays[max(1, k - 1)][0], 8))
        }
    }

    static let goals = [
        "Discovery done: wireframes tested with five customers", "Payment provider v3 sandbox talking to us",
        "Shipping options and totals on the new page", "Retries that never charge twice", "Observability for every checkout step",
        "Address and postcode flow ready for review", "Guest checkout and 3-D Secure in staging", "Wallet buttons and saved cards",
    ]

    /// Finished work of past sprints: (title, type, points, severity).
    static let pastWork: [(String, CardType, Double, BugSeverity?)] = [
        ("Interview five returning customers", .spike, 3, nil), ("Checkout funnel baseline metrics", .chore, 2, nil),
        ("Competitor checkout teardown", .spike, 2, nil), ("Usability test script", .chore, 1, nil),
        ("Old checkout loses basket on back button", .bug, 2, .s2), ("Figma component inventory", .chore, 3, nil),
        ("Payment v3 sandbox account", .chore, 1, nil), ("Tokenisation endpoint client", .feature, 5, nil),
        ("Webhook signature checks", .feature, 3, nil), ("Refund API mapping", .feature, 5, nil),
        ("Sandbox returns 500 on long names", .bug, 2, .s3), ("Payment error taxonomy", .chore, 2, nil),
        ("Shipping rates service", .feature, 5, nil), ("Basket totals with tax", .feature, 3, nil),
        ("Free shipping threshold", .feature, 2, nil), ("Totals flicker on update", .bug, 1, .s4),
        ("Delivery date estimate", .feature, 3, nil), ("Currency formatting per locale", .chore, 2, nil),
        ("Idempotency keys for charges", .feature, 5, nil), ("Retry policy with backoff", .feature, 3, nil),
        ("Charge captured twice on timeout", .bug, 3, .s1), ("Reconciliation report", .feature, 3, nil),
        ("Chaos test for provider outage", .chore, 2, nil), ("Ledger entries for refunds", .feature, 3, nil),
        ("Trace IDs through the basket service", .chore, 3, nil), ("Checkout step latency dashboard", .chore, 2, nil),
        ("Log sampling for payment errors", .chore, 1, nil), ("Alert routing to on-call", .chore, 2, nil),
        ("Metrics missing for guest users", .bug, 1, .s3), ("SLO for payment success", .chore, 2, nil),
        ("Postcode lookup vendor client", .feature, 3, nil), ("Address autocomplete UI", .feature, 5, nil),
        ("Manual address fallback", .feature, 2, nil), ("Address form loses focus on iOS", .bug, 2, .s2),
        ("Validation messages copy", .chore, 1, nil), ("Address book for signed-in users", .feature, 3, nil),
    ]

    /// The plan of every step after the cards exist, in time order.
    func plan(current: [(id: String, spec: SampleProject.CardSpec, created: Date, entered: Date)], pastIDs: [String]) -> [Planned] {
        var steps: [Planned] = []
        func add(_ at: Date, _ actor: String, _ step: Step) { steps.append(Planned(at: at, actor: actor, step: step)) }
        for k in 1...7 {
            add(moment(sprintDays[k][0], 9.5), "fatima", .start(k))
            if k < 7 { add(moment(sprintDays[k][Self.sprintDays - 1], 16.5), "fatima", .close(k)) }
        }
        let who = ["ana", "ben", "chen", "dana", "eli"]
        // Past sprints: six cards each, committed before the start; the sixth is added on day 3.
        for (i, id) in pastIDs.enumerated() {
            let k = i / 6 + 1, j = i % 6
            let days = sprintDays[k], actor = who[(i * 7) % who.count]
            let joinDay = j == 5 ? 2 : 0
            add(moment(days[joinDay], j == 5 ? 11 : 9), "fatima", .put(card: id, sprint: k))
            // Sprint 3 drops one card on day 4; it goes back to the backlog.
            if k == 3 && j == 4 {
                add(moment(days[3], 10), "fatima", .put(card: id, sprint: nil))
                add(moment(days[3], 10.1), "fatima", .archive(card: id))
                continue
            }
            let startDay = joinDay + j % 4
            // The last closed sprint finishes what it started, so the board shows only today's work.
            var doneDay = startDay + 2 + (j + k) % 5
            if k == 6 { doneDay = min(doneDay, 9) }
            add(moment(days[startDay], 10 + Double(j) / 6), actor, .move(card: id, column: 2, keepRank: false))
            add(moment(days[min(startDay + 1 + j % 2, 9)], 14), actor, .move(card: id, column: 3, keepRank: false))
            if doneDay <= 9 {
                add(moment(days[doneDay], 16), "dana", .move(card: id, column: 4, keepRank: false))
                add(moment(days[9], 16.6), "fatima", .archive(card: id))
            } else {
                // Carried over: done early in the next sprint (and archived when that one closes).
                doneDay -= 10
                let next = sprintDays[k + 1]
                add(moment(next[doneDay], 15), "dana", .move(card: id, column: 4, keepRank: false))
                if k + 1 < 7 { add(moment(next[9], 16.6), "fatima", .archive(card: id)) }
            }
        }
        // The board's current cards: through the columns to where they are now, and into the
        // sprint they belong to.
        for card in current {
            let spec = card.spec
            let moves = spec.column >= 1 ? Array(1...spec.column) : []
            var previous = card.created
            for (m, column) in moves.enumerated() {
                let last = m == moves.count - 1
                let fraction = Double(m + 1) / Double(moves.count + 1)
                var at = last ? card.entered : card.created.addingTimeInterval(card.entered.timeIntervalSince(card.created) * fraction)
                // Work moves on working days: a weekend step happens on the Friday before, if that keeps the order.
                if !last {
                    var day = Day.containing(at), back = 0.0
                    while !calendar.isWorking(day) { day = day.adding(days: -1); back += 86_400 }
                    if at.addingTimeInterval(-back) > previous { at = at.addingTimeInterval(-back) }
                }
                previous = at
                add(at, spec.assignee ?? "fatima", .move(card: card.id, column: column, keepRank: true))
            }
            if let sprint = sprint(of: spec, entered: card.entered) {
                let start = sprint == 8 ? now.addingTimeInterval(-7200) : moment(sprintDays[sprint][0], 9)
                add(max(start, card.created.addingTimeInterval(1800)), "fatima", .put(card: card.id, sprint: sprint))
            }
        }
        return steps.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element).filter { $0.at < now }
    }

    /// The sprint a current card belongs to: done cards to the sprint they finished in, open
    /// ones to the active sprint, a few backlog cards to the next; nil for the backlog.
    func sprint(of spec: SampleProject.CardSpec, entered: Date) -> Int? {
        guard spec.type != .epic else { return nil }
        if spec.column == 0 { return Self.nextSprintTitles.contains(spec.title) ? 8 : nil }
        let day = Day.containing(entered)
        return spec.column == 4 ? (1...7).last { sprintDays[$0][0] <= day } ?? 1 : 7
    }

    static let nextSprintTitles: Set<String> = ["Fraud score threshold per market", "Localise checkout for DE and FR", "Upgrade payment SDK to 12.x",
                                                "Store tokenised cards per customer", "Manage saved cards page"]
}
