import Foundation

/// Every field of a RAID item, in the order the store, the form and the journal present them.
extension RaidField {
    private static let riskOnly: [RaidType] = [.risk]

    public static let id = RaidField("id", kind: .system, read: { .text($0.id) }, write: { $0.id = $1.string ?? $0.id })
    public static let key = RaidField("key", kind: .system, read: { $0.key.isEmpty ? .null : .text($0.key) }, write: { $0.key = $1.string ?? "" })
    public static let number = RaidField("number", kind: .system, read: { $0.number == 0 ? .null : Value($0.number) },
                                         write: { $0.number = $1.int.map { Int($0) } ?? 0 })
    public static let type = RaidField("type", kind: .system, read: { .text($0.type.rawValue) },
                                       write: { $0.type = RaidType(rawValue: $1.string ?? "") ?? .risk })
    public static let title = RaidField("title", kind: .line, read: { .text($0.title) }, write: { $0.title = $1.string ?? "" })
    public static let dependsOn = RaidField("dependsOn", "depends on", kind: .text, logs: [.dependency],
                                            help: "on whom or what: a team, a vendor, a system", json: [.dependency: "on"],
                                            read: { .text($0.dependsOn) }, write: { $0.dependsOn = $1.string ?? "" })
    public static let decidedBy = RaidField("decidedBy", kind: .member, logs: [.decision], read: { Value($0.decidedBy) }, write: { $0.decidedBy = $1.string })
    public static let decidedOn = RaidField("decidedOn", kind: .day, logs: [.decision], read: { Value($0.decidedOn) }, write: { $0.decidedOn = $1.string.flatMap(Day.init) })
    public static let owner = RaidField("owner", kind: .member, shownIn: [.risk, .assumption, .issue, .dependency],
                                        read: { Value($0.owner) }, write: { $0.owner = $1.string })
    public static let status = RaidField("status", kind: .status, read: { .text($0.status) }, write: { $0.status = $1.string ?? $0.type.statuses[0] })
    public static let probability = RaidField("probability", kind: .scale, logs: riskOnly, read: { Value($0.probability) }, write: { $0.probability = $1.int.map { Int($0) } })
    public static let impact = RaidField("impact", kind: .scale, logs: riskOnly, read: { Value($0.impact) }, write: { $0.impact = $1.int.map { Int($0) } })
    public static let residualProbability = RaidField("residualProbability", short: "Residual P", kind: .scale, logs: riskOnly,
                                                      read: { Value($0.residualProbability) }, write: { $0.residualProbability = $1.int.map { Int($0) } })
    public static let residualImpact = RaidField("residualImpact", short: "Residual I", kind: .scale, logs: riskOnly,
                                                 read: { Value($0.residualImpact) }, write: { $0.residualImpact = $1.int.map { Int($0) } })
    public static let opportunity = RaidField("opportunity", kind: .flag, logs: riskOnly, help: "yes for an opportunity, no for a threat",
                                              read: { Value($0.opportunity) }, write: { $0.opportunity = $1.int == 1 })
    public static let strategy = RaidField("strategy", kind: .strategy, logs: riskOnly, read: { Value($0.strategy?.rawValue) },
                                           write: { $0.strategy = $1.string.flatMap(RiskStrategy.init) })
    public static let cause = RaidField("cause", kind: .text, logs: riskOnly, read: { .text($0.cause) }, write: { $0.cause = $1.string ?? "" })
    public static let event = RaidField("event", kind: .text, logs: riskOnly, read: { .text($0.event) }, write: { $0.event = $1.string ?? "" })
    public static let effect = RaidField("effect", kind: .text, logs: riskOnly, read: { .text($0.effect) }, write: { $0.effect = $1.string ?? "" })
    public static let actions = RaidField("actions", kind: .text, shownIn: riskOnly, read: { .text($0.actions) }, write: { $0.actions = $1.string ?? "" })
    public static let trigger = RaidField("trigger", kind: .text, logs: riskOnly, read: { .text($0.trigger) }, write: { $0.trigger = $1.string ?? "" })
    public static let contingency = RaidField("contingency", kind: .text, logs: riskOnly, read: { .text($0.contingency) }, write: { $0.contingency = $1.string ?? "" })
    public static let proximity = RaidField("proximity", kind: .day, logs: riskOnly, read: { Value($0.proximity) }, write: { $0.proximity = $1.string.flatMap(Day.init) })
    public static let severity = RaidField("severity", kind: .choice(["low", "medium", "high", "critical"]), logs: [.issue],
                                           read: { Value($0.severity) }, write: { $0.severity = $1.string })
    public static let due = RaidField("due", kind: .day, logs: [.assumption, .issue, .dependency], json: [.assumption: "validateBy", .dependency: "neededBy"],
                                      read: { Value($0.due) }, write: { $0.due = $1.string.flatMap(Day.init) })
    public static let resolution = RaidField("resolution", kind: .text, shownIn: [.assumption, .issue], read: { .text($0.resolution) }, write: { $0.resolution = $1.string ?? "" })
    public static let rationale = RaidField("rationale", kind: .text, logs: [.decision], read: { .text($0.rationale) }, write: { $0.rationale = $1.string ?? "" })
    public static let alternatives = RaidField("alternatives", kind: .text, logs: [.decision], read: { .text($0.alternatives) }, write: { $0.alternatives = $1.string ?? "" })
    public static let reviewDate = RaidField("reviewDate", short: "Review", kind: .day, shownIn: [.risk, .assumption, .issue, .dependency],
                                             read: { Value($0.reviewDate) }, write: { $0.reviewDate = $1.string.flatMap(Day.init) })
    public static let category = RaidField("category", kind: .text, read: { .text($0.category) }, write: { $0.category = $1.string ?? "" })
    public static let description = RaidField("description", kind: .text, shownIn: [.assumption, .issue, .dependency, .decision],
                                              read: { .text($0.description) }, write: { $0.description = $1.string ?? "" })
    public static let origin = RaidField("origin", kind: .system, read: { Value($0.origin) }, write: { $0.origin = $1.string })
    public static let createdAt = RaidField("createdAt", kind: .system, read: { .real($0.createdAt.timeIntervalSince1970) },
                                            write: { $0.createdAt = Date(timeIntervalSince1970: $1.double ?? 0) })
    public static let closedAt = RaidField("closedAt", kind: .system, read: { Value($0.closedAt?.timeIntervalSince1970) },
                                           write: { $0.closedAt = $1.double.map { Date(timeIntervalSince1970: $0) } })
    /// Not stored in the item: its links to cards and tasks, edited with it.
    public static let links = RaidField("links", kind: .links, read: { _ in .null }, write: { _, _ in })

    /// The stored fields, in the store's and the journal's order.
    public static let stored: [RaidField] = [
        id, key, number, type, title, description, owner, status, category, cause, event, effect, probability, impact,
        residualProbability, residualImpact, opportunity, strategy, actions, trigger, contingency, proximity, reviewDate,
        severity, due, resolution, dependsOn, decidedBy, decidedOn, rationale, alternatives, origin, createdAt, closedAt,
    ]

    /// The fields a person edits, in the form's order (each log shows those it has), links last.
    public static let editable: [RaidField] = [
        title, dependsOn, decidedBy, decidedOn, owner, status, probability, impact, residualProbability, residualImpact,
        opportunity, strategy, cause, event, effect, actions, trigger, contingency, proximity, severity, due, resolution,
        rationale, alternatives, reviewDate, category, description, links,
    ]

    /// The stored field called `name`, if any.
    public static func named(_ name: String) -> RaidField? { stored.first { $0.name == name } }

    /// What to type in the field on an item of `type`.
    public func help(on type: RaidType) -> String { kind == .status ? type.statuses.joined(separator: " ") : help }
}
