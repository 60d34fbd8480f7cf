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

    @Option(name: .customLong("set"), parsing: .unconditionalSingleValue,
            help: "Set any field by name, FIELD=VALUE (repeatable), e.g. --set reviewDate=+7d; the fields are those of 'risk show --json'.")
    var assignments: [String] = []

    func draft(today: Day) throws -> RaidDraft {
        var d = RaidDraft()
        let named: [(RaidField, String?)] = [
            (.description, description), (.owner, owner), (.status, status), (.category, category), (.cause, cause), (.event, event),
            (.effect, effect), (.probability, probability), (.impact, impact), (.residualProbability, residualProbability),
            (.residualImpact, residualImpact), (.strategy, strategy), (.actions, actions), (.trigger, trigger), (.contingency, contingency),
            (.proximity, proximity), (.reviewDate, review), (.severity, severity), (.due, due), (.resolution, resolution), (.dependsOn, on),
            (.decidedBy, decidedBy), (.decidedOn, decidedOn), (.rationale, rationale), (.alternatives, alternatives),
        ]
        for (field, text) in named { if let text { d[field] = try field.parse(text, today: today) } }
        if opportunity && threat { throw CLIError.usage("Choose --opportunity or --threat, not both.") }
        if opportunity || threat { d[.opportunity] = Value(opportunity) }
        for assignment in assignments {
            guard let eq = assignment.firstIndex(of: "=") else { throw CLIError.usage("--set: write FIELD=VALUE, e.g. --set reviewDate=+7d.") }
            let name = String(assignment[..<eq]).trimmingCharacters(in: .whitespaces)
            let editable = RaidField.editable.filter { $0.kind != .links }
            guard let field = editable.first(where: { $0.name.lowercased() == name.lowercased() || $0.label == name.lowercased() }) else {
                throw CLIError.usage("--set: \"\(Quote.cut(name))\" is not a field you can set; use \(editable.map(\.name).joined(separator: ", ")).")
            }
            d[field] = try field.parse(String(assignment[assignment.index(after: eq)...]), today: today)
        }
        return d
    }
}
