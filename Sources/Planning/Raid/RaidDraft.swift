/// The editable fields of a RAID item as the CLI or a form supplies them; `nil` leaves a field
/// as it is, `.some(nil)` clears it. Fields a type does not use are refused with a sentence.
public struct RaidDraft: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var owner: String??
    public var status: String?
    public var category: String?
    public var cause: String?
    public var event: String?
    public var effect: String?
    public var probability: Int??
    public var impact: Int??
    public var residualProbability: Int??
    public var residualImpact: Int??
    public var opportunity: Bool?
    public var strategy: String??
    public var actions: String?
    public var trigger: String?
    public var contingency: String?
    public var proximity: Day??
    public var reviewDate: Day??
    public var severity: String??
    public var due: Day??
    public var resolution: String?
    public var dependsOn: String?
    public var decidedBy: String??
    public var decidedOn: Day??
    public var rationale: String?
    public var alternatives: String?

    public init() {}

    /// The first risk-only field this draft sets, if any.
    var riskOnlyField: String? {
        let set: [(String, Bool)] = [
            ("cause", cause != nil), ("event", event != nil), ("effect", effect != nil), ("probability", probability != nil),
            ("impact", impact != nil), ("residual probability", residualProbability != nil),
            ("residual impact", residualImpact != nil), ("opportunity", opportunity != nil), ("strategy", strategy != nil),
            ("trigger", trigger != nil), ("contingency", contingency != nil), ("proximity", proximity != nil),
        ]
        return set.first { $0.1 }?.0
    }

    /// Applies the draft to `item`, checking scales, owners, statuses and strategies.
    public func applied(to item: RaidItem, in project: ProjectSnapshot) throws -> RaidItem {
        var r = item
        let type = item.type
        if type != .risk, let name = riskOnlyField {
            throw PlanningError.invalid(field: name, message: "applies to risks only, not to \(type.rawValue)s")
        }
        if severity != nil, type != .issue { throw PlanningError.invalid(field: "severity", message: "applies to issues only") }
        if dependsOn != nil, type != .dependency { throw PlanningError.invalid(field: "on", message: "applies to dependencies only") }
        if type != .decision, decidedBy != nil || decidedOn != nil || alternatives != nil {
            throw PlanningError.invalid(field: "decision", message: "decided by, decided on and alternatives apply to decisions only")
        }
        if let title { r.title = try Limits.line(title, field: "title", length: Limits.titleLength) }
        if let description {
            r.description = try Limits.text(description, field: "description", length: Limits.descriptionLength)
        }
        if let owner { r.owner = try owner.map { try project.member(handle: $0).handle } }
        if let status {
            let s = status.lowercased()
            guard type.statuses.contains(s) else {
                throw PlanningError.invalid(field: "status", message: "\"\(status)\" is not \(type.withArticle) status; use \(type.statuses.joined(separator: ", "))")
            }
            r.status = s
        }
        for (value, field, name) in [(category, \RaidItem.category, "category"), (cause, \RaidItem.cause, "cause"),
                                     (event, \RaidItem.event, "event"), (effect, \RaidItem.effect, "effect"),
                                     (actions, \RaidItem.actions, "actions"), (trigger, \RaidItem.trigger, "trigger"),
                                     (contingency, \RaidItem.contingency, "contingency"), (resolution, \RaidItem.resolution, "resolution"),
                                     (dependsOn, \RaidItem.dependsOn, "on"), (rationale, \RaidItem.rationale, "rationale"),
                                     (alternatives, \RaidItem.alternatives, "alternatives")] {
            if let value {
                r[keyPath: field] = try Limits.text(value, field: name, length: 0...2000)
            }
        }
        for (value, field, name) in [(probability, \RaidItem.probability, "probability"), (impact, \RaidItem.impact, "impact"),
                                     (residualProbability, \RaidItem.residualProbability, "residual probability"),
                                     (residualImpact, \RaidItem.residualImpact, "residual impact")] {
            if let value {
                if let v = value, !(1...5).contains(v) {
                    throw PlanningError.invalid(field: name, message: "\(v) is out of range; use 1 (lowest) to 5 (highest)")
                }
                r[keyPath: field] = value
            }
        }
        if let opportunity { r.opportunity = opportunity }
        if let strategy {
            if let s = strategy {
                let allowed = r.opportunity ? RiskStrategy.opportunity : RiskStrategy.threat
                guard let chosen = RiskStrategy(rawValue: s.lowercased()), allowed.contains(chosen) else {
                    throw PlanningError.invalid(field: "strategy", message: "\"\(s)\" is not a response to \(r.opportunity ? "an opportunity" : "a threat"); use \(allowed.map(\.rawValue).joined(separator: ", "))")
                }
                r.strategy = chosen
            } else {
                r.strategy = nil
            }
        } else if let s = r.strategy, !(r.opportunity ? RiskStrategy.opportunity : RiskStrategy.threat).contains(s) {
            throw PlanningError.invalid(field: "strategy", message: "\(s.rawValue) does not fit \(r.opportunity ? "an opportunity" : "a threat"); choose a new strategy too")
        }
        if let severity {
            if let s = severity, !["low", "medium", "high", "critical"].contains(s.lowercased()) {
                throw PlanningError.invalid(field: "severity", message: "\"\(s)\" is not valid; use low, medium, high, critical")
            }
            r.severity = severity?.lowercased()
        }
        if let proximity { r.proximity = proximity }
        if let reviewDate { r.reviewDate = reviewDate }
        if let due { r.due = due }
        if let decidedBy { r.decidedBy = try decidedBy.map { try project.member(handle: $0).handle } }
        if let decidedOn { r.decidedOn = decidedOn }
        return r
    }
}
