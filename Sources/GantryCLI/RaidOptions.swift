import ArgumentParser
import Planning

/// The RAID fields `add` and `edit` share. Risk-only and type-only fields are refused with a
/// sentence on other types (the domain checks that).
struct RaidFieldOptions: ParsableArguments {
    @Option(help: "Description.") var description: String?
    @Option(help: "Owner's member handle ('none' clears).") var owner: String?
    @Option(help: "Status (risk: open, monitoring, closed, occurred; see each type's help).") var status: String?
    @Option(help: "Category, e.g. technical, vendor, people, schedule.") var category: String?
    @Option(help: "Risk: cause.") var cause: String?
    @Option(help: "Risk: event.") var event: String?
    @Option(help: "Risk: effect.") var effect: String?
    @Option(help: "Risk: probability, 1–5 (inherent).") var probability: String?
    @Option(help: "Risk: impact, 1–5 (inherent).") var impact: String?
    @Option(name: .customLong("residual-probability"), help: "Risk: probability after the response, 1–5.") var residualProbability: String?
    @Option(name: .customLong("residual-impact"), help: "Risk: impact after the response, 1–5.") var residualImpact: String?
    @Flag(help: "Risk: an opportunity, not a threat.") var opportunity = false
    @Flag(help: "Risk: a threat (the default).") var threat = false
    @Option(help: "Risk response: avoid, mitigate, transfer, accept, escalate (threats); exploit, enhance, share, accept, escalate (opportunities).") var strategy: String?
    @Option(help: "Response actions.") var actions: String?
    @Option(help: "Risk: trigger.") var trigger: String?
    @Option(help: "Risk: contingency plan.") var contingency: String?
    @Option(parsing: .unconditional, help: "Risk: when it could happen (date).") var proximity: String?
    @Option(parsing: .unconditional, help: "Next review date.") var review: String?
    @Option(help: "Issue: severity (low, medium, high, critical).") var severity: String?
    @Option(parsing: .unconditional, help: "Issue: due; assumption: validate by; dependency: needed by (date).") var due: String?
    @Option(help: "Issue: resolution; assumption: how it was validated.") var resolution: String?
    @Option(help: "Dependency: on whom or what (team, vendor, system).") var on: String?
    @Option(name: .customLong("decided-by"), help: "Decision: who decided (member handle).") var decidedBy: String?
    @Option(name: .customLong("decided-on"), help: "Decision: date.") var decidedOn: String?
    @Option(help: "Decision: rationale.") var rationale: String?
    @Option(help: "Decision: alternatives considered.") var alternatives: String?

    func draft(today: Day) throws -> RaidDraft {
        var d = RaidDraft()
        d.description = description
        if let owner { d.owner = .some(owner.lowercased() == "none" ? nil : owner) }
        d.status = status
        d.category = category
        d.cause = cause
        d.event = event
        d.effect = effect
        d.probability = try scale(probability, "probability")
        d.impact = try scale(impact, "impact")
        d.residualProbability = try scale(residualProbability, "residual probability")
        d.residualImpact = try scale(residualImpact, "residual impact")
        if opportunity && threat { throw CLIError.usage("Choose --opportunity or --threat, not both.") }
        if opportunity { d.opportunity = true } else if threat { d.opportunity = false }
        if let strategy { d.strategy = .some(strategy.lowercased() == "none" ? nil : strategy) }
        d.actions = actions
        d.trigger = trigger
        d.contingency = contingency
        d.proximity = try date(proximity, "--proximity", today)
        d.reviewDate = try date(review, "--review", today)
        if let severity { d.severity = .some(severity) }
        d.due = try date(due, "--due", today)
        d.resolution = resolution
        d.dependsOn = on
        if let decidedBy { d.decidedBy = .some(decidedBy) }
        d.decidedOn = try date(decidedOn, "--decided-on", today)
        d.rationale = rationale
        d.alternatives = alternatives
        return d
    }

    private func scale(_ text: String?, _ field: String) throws -> Int?? {
        guard let text else { return nil }
        if text.lowercased() == "none" { return .some(nil) }
        guard let n = Int(text) else { throw CLIError.usage("\(field): \"\(text)\" is not a number; use 1 (lowest) to 5 (highest).") }
        guard (1...5).contains(n) else { throw CLIError.usage("\(field): \(n) is out of range; use 1 (lowest) to 5 (highest).") }
        return .some(n)
    }

    private func date(_ text: String?, _ option: String, _ today: Day) throws -> Day?? {
        guard let text else { return nil }
        if text.lowercased() == "none" { return .some(nil) }
        return .some(try ArgumentValues.day(text, option, today: today))
    }
}
