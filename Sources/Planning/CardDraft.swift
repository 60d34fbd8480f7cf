/// The editable fields of a card, as a form or the CLI supplies them. `nil` means "leave as is"
/// for edits; for new cards it means the default.
public struct CardDraft: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var type: CardType?
    public var priority: Priority?
    /// `.some(nil)` clears the assignee.
    public var assignee: String??
    public var labels: [String]?
    public var estimate: Double??
    public var due: Day??
    public var blockedReason: String??
    public var parentKey: String??
    /// A sprint of the card's board by name; `.some(nil)` puts it back in the backlog.
    public var sprintName: String??
    public var severity: BugSeverity??
    public var foundIn: String??
    public var fixedIn: String??
    /// Hours of work left; `.some(nil)` clears it.
    public var hours: Double??

    public init(title: String? = nil, description: String? = nil, type: CardType? = nil, priority: Priority? = nil,
                assignee: String?? = nil, labels: [String]? = nil, estimate: Double?? = nil, due: Day?? = nil,
                blockedReason: String?? = nil, parentKey: String?? = nil, sprintName: String?? = nil,
                severity: BugSeverity?? = nil, foundIn: String?? = nil, fixedIn: String?? = nil) {
        self.title = title
        self.description = description
        self.type = type
        self.priority = priority
        self.assignee = assignee
        self.labels = labels
        self.estimate = estimate
        self.due = due
        self.blockedReason = blockedReason
        self.parentKey = parentKey
        self.sprintName = sprintName
        self.severity = severity
        self.foundIn = foundIn
        self.fixedIn = fixedIn
    }

    /// Applies the draft to `card`, validating every field against `Limits` and the project.
    public func applied(to card: Card, in project: ProjectSnapshot) throws -> Card {
        var c = card
        if let title { c.title = try Limits.line(title, field: "title", length: Limits.titleLength) }
        if let description {
            c.description = try Limits.text(description, field: "description", length: Limits.descriptionLength)
        }
        if let type { c.type = type }
        if let priority { c.priority = priority }
        if let assignee {
            c.assignee = try assignee.map { try project.member(handle: $0).handle }
        }
        if let labels {
            let cleaned = try labels.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(Limits.label)
            guard cleaned.count <= Limits.labelsPerCard else {
                throw PlanningError.invalid(field: "labels", message: "\(cleaned.count) labels; the limit is \(Limits.labelsPerCard)")
            }
            var seen = Set<String>()
            c.labels = cleaned.filter { seen.insert($0).inserted }
        }
        if let estimate {
            if let e = estimate, !Limits.estimate.contains(e) || e.isNaN {
                throw PlanningError.invalid(field: "estimate", message: "\(e) is out of range; use 0 to \(Int(Limits.estimate.upperBound))")
            }
            c.estimate = estimate
        }
        if let due { c.due = due }
        if let blockedReason {
            c.blockedReason = try blockedReason.map { try Limits.line($0, field: "blocked reason", length: Limits.blockedReasonLength) }
        }
        if let parentKey {
            if let key = parentKey {
                let parent = try project.card(key: key)
                guard parent.type == .epic else {
                    throw PlanningError.invalid(field: "epic", message: "\(parent.key) is a \(parent.type.rawValue), not an epic")
                }
                guard parent.id != c.id else { throw PlanningError.invalid(field: "epic", message: "a card cannot be its own epic") }
                c.parentID = parent.id
            } else {
                c.parentID = nil
            }
        }
        if let sprintName {
            let sprint = try sprintName.map { try project.sprint(named: $0, on: project.boards[c.boardID]) }
            try project.checkSprintMove(of: card, to: sprint)
            c.sprintID = sprint?.id
        }
        if let severity {
            if severity != nil, c.type != .bug {
                throw PlanningError.invalid(field: "severity", message: "severity is for bugs; \(c.label) is a \(c.type.rawValue) (make it --type bug)")
            }
            c.severity = severity
        }
        if let foundIn { c.foundIn = try foundIn.map { try Limits.line($0, field: "found in", length: 1...40) } }
        if let fixedIn { c.fixedIn = try fixedIn.map { try Limits.line($0, field: "fixed in", length: 1...40) } }
        if let hours {
            if let h = hours, !(0...10_000).contains(h) || h.isNaN {
                throw PlanningError.invalid(field: "hours", message: "\(h) is out of range; use 0 to 10000")
            }
            c.hours = hours
        }
        return c
    }
}
