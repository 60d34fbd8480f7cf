import Foundation

/// What a stakeholder needs from one page: how each area stands and the rule that says so, the
/// milestones against the plan, what is critical next, the risks, what was decided and raised,
/// what is blocked, the sprint, and what changed since the last report. Every renderer (Markdown,
/// HTML, JSON) reads this one model, so the three never disagree.
public struct StatusReport: Sendable {
    public enum RAG: String, Sendable, Comparable {
        case green, amber, red

        var order: Int { self == .green ? 0 : self == .amber ? 1 : 2 }
        public static func < (a: RAG, b: RAG) -> Bool { a.order < b.order }
    }

    /// One area's colour and the sentence that explains it; `rag` is nil when the area cannot be
    /// rated yet (no baseline, no sprint, no costs), and `rule` then says what would rate it.
    public struct Area: Sendable, Equatable {
        public var name: String
        public var rag: RAG?
        public var rule: String
    }

    public struct Milestone: Sendable, Equatable {
        public var key: String, name: String
        public var baseline: Day?
        public var forecast: Day
        /// Calendar days later than the baseline (negative: earlier); nil without a baseline date.
        public var slip: Int?
        public var done: Bool
        public var deadline: Day?
    }

    public struct CriticalTask: Sendable, Equatable {
        public var key: String, name: String
        public var start: Day, finish: Day
        public var progress: Int
        public var assignees: [String]
    }

    public struct Risk: Sendable, Equatable {
        public var key: String, title: String
        public var probability: Int, impact: Int
        public var band: RiskBands.Band
        public var trend: RiskTrend
        public var owner: String?
        public var response: String
        public var overAppetite: Bool
        public var reviewDue: Day?
    }

    public struct RaidEntry: Sendable, Equatable {
        public var key: String, title: String, status: String
        public var owner: String?
        public var day: Day
        public var detail: String
    }

    public struct Blocker: Sendable, Equatable {
        public var key: String, title: String, reason: String
        public var assignee: String?
        public var column: String
    }

    public struct SprintStatus: Sendable, Equatable {
        public var name: String, goal: String
        public var start: Day, end: Day
        public var record: SprintRecord
        public var scope: Double, completed: Double
        public var burn: [SprintBurn.Point]
        public var workingDays: Int
        public var daysGone: Int
    }

    public struct Activity: Sendable, Equatable {
        public var at: Date
        public var actor: String
        public var summary: String

        public init(at: Date, actor: String, summary: String) {
            self.at = at
            self.actor = actor
            self.summary = summary
        }
    }

    public var projectName: String
    public var today: Day
    public var since: Day
    public var areas: [Area]
    public var milestones: [Milestone]
    public var baselineName: String?
    public var critical: [CriticalTask]
    public var topRisks: [Risk]
    /// Open risks by probability (rows, 5 down to 1) and impact (columns, 1 to 5).
    public var heat: [[Int]]
    public var bands: RiskBands
    public var appetite: Int
    public var decisions: [RaidEntry]
    public var issues: [RaidEntry]
    public var blockers: [Blocker]
    public var sprint: SprintStatus?
    public var earnedValue: EarnedValue.Figures?
    public var currency: String
    public var activity: [Activity]
    public var finish: Day?

    /// The worst rated area, or nil when none could be rated.
    public var overall: RAG? { areas.compactMap(\.rag).max() }
}

extension StatusReport {
    /// Everything the report reads that lives outside the snapshot: the schedule (nil without
    /// tasks), the board's flow (for the sprint), the journal since the report's start, and each
    /// open risk's trend.
    public struct Inputs {
        public var project: ProjectSnapshot
        public var schedule: Schedule?
        public var flow: FlowContext?
        public var activity: [Activity]
        public var riskTrends: [String: RiskTrend]
        public var since: Day

        public init(project: ProjectSnapshot, schedule: Schedule?, flow: FlowContext?, activity: [Activity],
                    riskTrends: [String: RiskTrend], since: Day) {
            self.project = project
            self.schedule = schedule
            self.flow = flow
            self.activity = activity
            self.riskTrends = riskTrends
            self.since = since
        }
    }

    /// Slip above this many calendar days turns the schedule red (amber from one day).
    public static let redSlipDays = 7
    /// Scope change (added + removed points over committed) above these turns scope amber, red.
    public static let amberScopeChange = 0.10, redScopeChange = 0.25
    public static let criticalWindowDays = 14
    public static let topRiskCount = 5

    public static func compute(_ inputs: Inputs, today: Day, now: Date) -> StatusReport {
        let p = inputs.project
        let baseline = p.baselines.values.max { $0.savedAt < $1.savedAt }
        var report = StatusReport(
            projectName: p.info.name, today: today, since: inputs.since, areas: [], milestones: [], baselineName: baseline?.name,
            critical: [], topRisks: [], heat: Array(repeating: Array(repeating: 0, count: 5), count: 5), bands: p.info.bands,
            appetite: p.info.appetite, decisions: [], issues: [], blockers: [], sprint: nil, earnedValue: nil,
            currency: p.info.currency, activity: inputs.activity.sorted { $0.at > $1.at }, finish: inputs.schedule?.finish)
        if let schedule = inputs.schedule {
            report.readSchedule(schedule, baseline: baseline, today: today)
        } else {
            report.areas.append(Area(name: "Schedule", rag: nil, rule: "No timeline yet: add tasks and milestones with gantry task add."))
        }
        report.readSprint(inputs.flow, project: p, now: now)
        report.readRisks(p, trends: inputs.riskTrends, today: today)
        report.readCost(p, schedule: inputs.schedule, today: today)
        report.readLog(p, since: inputs.since, flow: inputs.flow)
        return report
    }

    private mutating func readSchedule(_ schedule: Schedule, baseline: Baseline?, today: Day) {
        for id in schedule.order {
            guard let t = schedule.tasks[id], t.isMilestone, !t.isPhase else { continue }
            let planned = baseline?.dates[id]?.finish
            milestones.append(Milestone(key: t.key, name: t.name, baseline: planned, forecast: t.finish,
                                        slip: planned.map { t.finish - $0 }, done: t.actualFinish != nil || t.progress >= 100,
                                        deadline: t.deadline))
        }
        let horizon = today.adding(days: Self.criticalWindowDays)
        critical = schedule.criticalPath.compactMap { id in
            guard let t = schedule.tasks[id], !t.isPhase, t.progress < 100, t.start <= horizon, t.finish >= today else { return nil }
            return CriticalTask(key: t.key, name: t.name, start: t.start, finish: t.finish, progress: t.progress, assignees: t.assignees)
        }
        let open = milestones.filter { !$0.done }
        let broken = open.filter { m in m.deadline.map { m.forecast > $0 } ?? false }
        guard let baseline else {
            let rag: RAG? = broken.isEmpty ? nil : .red
            areas.append(Area(name: "Schedule", rag: rag, rule: broken.isEmpty
                ? "Not rated: no baseline saved to measure slip against (gantry baseline save NAME)."
                : "Red: \(Self.list(broken.map(\.key))) forecast after \(broken.count == 1 ? "its" : "their") deadline; no baseline saved to measure slip."))
            return
        }
        let worst = open.compactMap { m in m.slip.map { (m, $0) } }.max { $0.1 < $1.1 }
        let threshold = "amber from 1 day late against baseline \(baseline.name), red above \(Self.redSlipDays) days or a deadline missed"
        if !broken.isEmpty {
            areas.append(Area(name: "Schedule", rag: .red, rule: "Red: \(Self.list(broken.map(\.key))) forecast after \(broken.count == 1 ? "its" : "their") deadline (\(threshold))."))
        } else if let (m, days) = worst, days > 0 {
            let rag: RAG = days > Self.redSlipDays ? .red : .amber
            areas.append(Area(name: "Schedule", rag: rag, rule: "\(rag.rawValue.capitalized): \(m.key) \(m.name) is \(days) day\(days == 1 ? "" : "s") late (\(threshold))."))
        } else if open.isEmpty && milestones.isEmpty {
            areas.append(Area(name: "Schedule", rag: nil, rule: "Not rated: the timeline has no milestones."))
        } else {
            areas.append(Area(name: "Schedule", rag: .green, rule: "Green: no open milestone is later than baseline \(baseline.name) (\(threshold))."))
        }
    }

    private mutating func readSprint(_ flow: FlowContext?, project p: ProjectSnapshot, now: Date) {
        guard let flow, let s = p.activeSprint(on: flow.board.id) ?? p.sprintToChart(on: flow.board.id),
              let start = s.start, let end = s.end, let burn = try? SprintBurn.compute(s, in: flow) else {
            areas.append(Area(name: "Scope", rag: nil, rule: "Not rated: no active or closed sprint to measure scope change in."))
            return
        }
        let record = SprintRecord.compute(s, in: flow, closing: s.closedAt ?? now)
        let last = burn.points.last
        sprint = SprintStatus(name: s.name, goal: s.goal, start: start, end: end, record: record,
                              scope: last?.scope ?? record.committed.points, completed: last?.completed ?? 0, burn: burn.points,
                              workingDays: burn.days.count, daysGone: burn.points.count)
        let committed = record.committed.points
        let changed = record.added.points + record.removed.points
        let rule = "added \(Self.points(record.added.points)), removed \(Self.points(record.removed.points)) against \(Self.points(committed)) committed in \(s.name)"
        let limits = "amber above \(Int(Self.amberScopeChange * 100))%, red above \(Int(Self.redScopeChange * 100))%"
        guard committed > 0 else {
            areas.append(Area(name: "Scope", rag: changed > 0 ? .red : nil,
                              rule: changed > 0 ? "Red: \(rule); nothing was committed at the start." : "Not rated: \(s.name) started with no points committed."))
            return
        }
        let share = changed / committed
        let rag: RAG = share > Self.redScopeChange ? .red : share > Self.amberScopeChange ? .amber : .green
        areas.append(Area(name: "Scope", rag: rag, rule: "\(rag.rawValue.capitalized): scope changed \(Int((share * 100).rounded()))% (\(rule); \(limits))."))
    }

    private mutating func readRisks(_ p: ProjectSnapshot, trends: [String: RiskTrend], today: Day) {
        let open = p.raidItems.values.filter { $0.type == .risk && !$0.isClosed && !$0.opportunity }
        var scored: [Risk] = []
        for r in open {
            guard let prob = r.probability, let imp = r.impact, (1...5).contains(prob), (1...5).contains(imp) else { continue }
            heat[5 - prob][imp - 1] += 1
            scored.append(Risk(key: r.key, title: r.title, probability: prob, impact: imp, band: bands.band(prob * imp),
                               trend: trends[r.id] ?? .steady,
                               owner: r.owner, response: r.strategy?.rawValue ?? "none", overAppetite: prob * imp > appetite,
                               reviewDue: r.reviewDate))
        }
        scored.sort { ($0.probability * $0.impact, $1.key) > ($1.probability * $1.impact, $0.key) }
        topRisks = Array(scored.prefix(Self.topRiskCount))
        let over = scored.filter(\.overAppetite)
        let overdue = scored.filter { ($0.reviewDue.map { $0 < today }) ?? false }
        let rising = scored.filter { $0.trend == .rising }
        let byBand = RiskBands.Band.allCases.reversed().compactMap { band -> String? in
            let n = scored.filter { $0.band == band }.count
            return n == 0 ? nil : "\(n) \(band.rawValue)"
        }
        let counts = scored.isEmpty ? "no open risks" : "\(scored.count) open (\(byBand.joined(separator: ", ")))"
        if !over.isEmpty {
            areas.append(Area(name: "Risks", rag: .red, rule: "Red: \(Self.list(over.map(\.key))) above the appetite of \(appetite); \(counts)."))
        } else if !overdue.isEmpty || !rising.isEmpty {
            var why: [String] = []
            if !overdue.isEmpty { why.append("\(Self.list(overdue.map(\.key))) past \(overdue.count == 1 ? "its" : "their") review date") }
            if !rising.isEmpty { why.append("\(Self.list(rising.map(\.key))) rising") }
            areas.append(Area(name: "Risks", rag: .amber, rule: "Amber: \(why.joined(separator: "; ")); none above the appetite of \(appetite); \(counts)."))
        } else {
            areas.append(Area(name: "Risks", rag: .green, rule: "Green: none above the appetite of \(appetite), none rising or past review; \(counts)."))
        }
    }

    private mutating func readCost(_ p: ProjectSnapshot, schedule: Schedule?, today: Day) {
        guard let schedule else {
            areas.append(Area(name: "Budget", rag: nil, rule: "Not rated: no timeline to earn value against."))
            return
        }
        let figures = EarnedValue.compute(p, schedule: schedule, asOf: today).project
        guard figures.bac > 0, figures.ac > 0 || figures.pv > 0 else {
            areas.append(Area(name: "Budget", rag: nil, rule: "Not rated: no costs yet (rates, effort or logged time)."))
            return
        }
        earnedValue = figures
        let cpi = EarnedValue.rag(figures.cpi), spi = EarnedValue.rag(figures.spi)
        let worst = [cpi, spi].compactMap { $0.map(Self.rag) }.max()
        let shown = [figures.cpi.map { "CPI \(Self.index($0))" }, figures.spi.map { "SPI \(Self.index($0))" }].compactMap { $0 }
        let rule = "\(shown.joined(separator: ", ")) (green at 0.95 and above, red below 0.85)"
        areas.append(Area(name: "Budget", rag: worst, rule: worst.map { "\($0.rawValue.capitalized): \(rule)." } ?? "Not rated: nothing spent or planned yet."))
    }

    private mutating func readLog(_ p: ProjectSnapshot, since: Day, flow: FlowContext?) {
        let items = p.raidItems.values.sorted { $0.number < $1.number }
        let zone = flow?.clock.timeZone ?? .current
        for item in items {
            let created = Day.containing(item.createdAt, in: zone)
            switch item.type {
            case .decision:
                let day = item.decidedOn ?? created
                guard day >= since else { continue }
                decisions.append(RaidEntry(key: item.key, title: item.title, status: item.status, owner: item.decidedBy ?? item.owner,
                                           day: day, detail: item.rationale))
            case .issue:
                let closed = item.closedAt.map { Day.containing($0, in: zone) }
                guard created >= since || (closed.map { $0 >= since } ?? false) || !item.isClosed else { continue }
                issues.append(RaidEntry(key: item.key, title: item.title, status: item.status, owner: item.owner,
                                        day: created, detail: item.resolution))
            default: continue
            }
        }
        let columns = p.columns
        blockers = p.cards.values.filter { !$0.archived && $0.blockedReason != nil }
            .filter { !(flow?.doneColumnIDs.contains($0.columnID) ?? false) }
            .sorted { ($0.priority.rank, $1.key) > ($1.priority.rank, $0.key) }
            .map { Blocker(key: $0.key, title: $0.title, reason: $0.blockedReason ?? "", assignee: $0.assignee, column: columns[$0.columnID]?.name ?? "") }
    }

    static func rag(_ r: EarnedValue.RAG) -> RAG {
        switch r {
        case .green: return .green
        case .amber: return .amber
        case .red: return .red
        }
    }

    static func list(_ keys: [String]) -> String {
        keys.count <= 3 ? keys.joined(separator: ", ") : keys.prefix(3).joined(separator: ", ") + " and \(keys.count - 3) more"
    }

    public static func points(_ v: Double) -> String {
        let text = v.rounded() == v ? String(Int(v)) : String(format: "%.1f", v)
        return text + (v == 1 ? " point" : " points")
    }

    public static func index(_ v: Double) -> String { String(format: "%.2f", v) }
}
