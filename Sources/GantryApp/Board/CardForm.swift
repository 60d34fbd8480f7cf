import Foundation
import Planning
import TerminalUI

/// The edit form for a new or existing card: one text field per card field, validated on save
/// with the message shown next to the field at fault.
public struct CardForm: Sendable, Equatable {
    public enum Field: Int, CaseIterable, Sendable {
        case title, description, type, priority, assignee, labels, estimate, due, blocked, epic, sprint, severity

        var label: String {
            switch self {
            case .title: return "Title"
            case .description: return "Description"
            case .type: return "Type"
            case .priority: return "Priority"
            case .assignee: return "Assignee"
            case .labels: return "Labels"
            case .estimate: return "Estimate"
            case .due: return "Due"
            case .blocked: return "Blocked by"
            case .epic: return "Epic"
            case .sprint: return "Sprint"
            case .severity: return "Severity"
            }
        }

        var hint: String {
            switch self {
            case .title: return "1–200 characters"
            case .description: return "long text"
            case .type: return CardType.allCases.map(\.rawValue).joined(separator: " ")
            case .priority: return Priority.allCases.map(\.rawValue).joined(separator: " ")
            case .assignee: return "handle, empty for none"
            case .labels: return "comma separated"
            case .estimate: return "points, empty for none"
            case .due: return "YYYY-MM-DD, +3d, empty for none"
            case .blocked: return "reason, empty if not blocked"
            case .epic: return "epic's key, empty for none"
            case .sprint: return "sprint's name, empty for the backlog"
            case .severity: return "bugs: S1 (worst) to S4, empty for none"
            }
        }
    }

    /// nil for a new card.
    public var cardID: String?
    public var columnID: String
    public var fields: [TextField]
    public var focus: Field = .title
    public var errors: [Field: String] = [:]

    /// What the form knew of the card: saves send only the fields changed from it.
    public var base: FormBase
    /// A new card's column is at its WIP limit and the user was told: the next save adds it anyway.
    public var overLimitConfirmed = false

    public init(card: Card?, columnID: String, project: ProjectSnapshot) {
        cardID = card?.id
        self.columnID = columnID
        base = FormBase(Self.values(card, project: project))
        fields = base.values.map { TextField($0) }
    }

    /// A card's fields as the form shows them (defaults for a new card).
    static func values(_ card: Card?, project: ProjectSnapshot) -> [String] {
        [
            card?.title ?? "", card?.description ?? "", card?.type.rawValue ?? CardType.feature.rawValue,
            card?.priority.rawValue ?? Priority.medium.rawValue, card?.assignee ?? "", card?.labels.joined(separator: ", ") ?? "",
            card?.estimate.map { Value.real($0).description } ?? "", card?.due?.description ?? "", card?.blockedReason ?? "",
            card?.parentID.flatMap { project.cards[$0]?.key } ?? "", card?.sprintID.flatMap { project.sprints[$0]?.name } ?? "",
            card?.severity?.rawValue ?? "",
        ]
    }

    /// Takes in a change someone else saved to the card being edited (see `FormBase`).
    /// Returns a sentence for the status line, or nil when nothing the form shows changed.
    public mutating func merge(_ current: Card?, by actor: String, project: ProjectSnapshot, keys: FormKeyNames) -> String? {
        guard cardID != nil else { return nil }
        guard let current else {
            base.deletedBy = actor
            return FormBase.deletedNotice("card", by: actor, keys: keys)
        }
        let result = base.merge(Self.values(current, project: project), into: &fields, by: actor)
        for i in result.merged { errors[Field.allCases[i]] = nil }
        for i in result.clashed { if let clash = base.clashes[i] { errors[Field.allCases[i]] = FormBase.clashMessage(clash, keys: keys) } }
        return FormBase.notice(result, by: actor, keys: keys) { Field.allCases[$0].label }
    }

    /// Settles every clash: their values, or this form's over them.
    public mutating func settle(takeTheirs: Bool) {
        for i in base.clashes.keys { errors[Field.allCases[i]] = nil }
        base.settle(takeTheirs: takeTheirs, inputs: &fields)
    }

    /// `draft` with only `fields` set, so a save leaves every other field as it is in the store.
    public static func restrict(_ draft: CardDraft, to fields: Set<Field>) -> CardDraft {
        var d = CardDraft()
        if fields.contains(.title) { d.title = draft.title }
        if fields.contains(.description) { d.description = draft.description }
        if fields.contains(.type) { d.type = draft.type }
        if fields.contains(.priority) { d.priority = draft.priority }
        if fields.contains(.assignee) { d.assignee = draft.assignee }
        if fields.contains(.labels) { d.labels = draft.labels }
        if fields.contains(.estimate) { d.estimate = draft.estimate }
        if fields.contains(.due) { d.due = draft.due }
        if fields.contains(.blocked) { d.blockedReason = draft.blockedReason }
        if fields.contains(.epic) { d.parentKey = draft.parentKey }
        if fields.contains(.sprint) { d.sprintName = draft.sprintName }
        if fields.contains(.severity) { d.severity = draft.severity }
        return d
    }

    /// The fields this form changed from what it last knew of the card.
    public var edited: Set<Field> { Set(base.edited(fields).map { Field.allCases[$0] }) }

    public var isNew: Bool { cardID == nil }

    public subscript(field: Field) -> String { fields[field.rawValue].value }

    public mutating func set(_ field: Field, _ value: String) { fields[field.rawValue].set(value) }

    public mutating func focusNext(_ step: Int) {
        let all = Field.allCases
        focus = all[(focus.rawValue + step + all.count) % all.count]
    }

    public mutating func edit(_ key: Key) -> Bool {
        let handled = fields[focus.rawValue].handle(key)
        if handled { errors[focus] = nil }
        return handled
    }

    /// The draft the form describes, or the fields' errors.
    public func draft(project: ProjectSnapshot, today: Day) -> Result<CardDraft, CardFormErrors> {
        var errors: [Field: String] = [:]
        var d = CardDraft()
        d.title = self[.title]
        d.description = self[.description]
        if let t = CardType(rawValue: self[.type].lowercased().trimmingCharacters(in: .whitespaces)) { d.type = t } else {
            errors[.type] = "use one of \(Field.type.hint)"
        }
        if let p = Priority(rawValue: self[.priority].lowercased().trimmingCharacters(in: .whitespaces)) { d.priority = p } else {
            errors[.priority] = "use one of \(Field.priority.hint)"
        }
        let assignee = self[.assignee].trimmingCharacters(in: .whitespaces)
        d.assignee = .some(assignee.isEmpty ? nil : assignee)
        d.labels = self[.labels].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let estimate = self[.estimate].trimmingCharacters(in: .whitespaces)
        if estimate.isEmpty { d.estimate = .some(nil) } else if let e = Double(estimate), e.isFinite { d.estimate = .some(e) } else {
            errors[.estimate] = "not a number"
        }
        let due = self[.due].trimmingCharacters(in: .whitespaces)
        if due.isEmpty { d.due = .some(nil) } else if let day = Day.parse(due, today: today) { d.due = .some(day) } else {
            errors[.due] = "not a date; use YYYY-MM-DD, today, +3d"
        }
        let blocked = self[.blocked].trimmingCharacters(in: .whitespaces)
        d.blockedReason = .some(blocked.isEmpty ? nil : blocked)
        let epic = self[.epic].trimmingCharacters(in: .whitespaces)
        d.parentKey = .some(epic.isEmpty ? nil : epic)
        let sprint = self[.sprint].trimmingCharacters(in: .whitespaces)
        d.sprintName = .some(sprint.isEmpty ? nil : sprint)
        let severity = self[.severity].trimmingCharacters(in: .whitespaces)
        if severity.isEmpty { d.severity = .some(nil) } else if let level = BugSeverity(text: severity) { d.severity = .some(level) } else {
            errors[.severity] = "use S1, S2, S3 or S4, or leave it empty"
        }
        // Let the domain check the rest (lengths, members, labels, epics) field by field.
        let probe = cardID.flatMap { project.cards[$0] }
            ?? Card(boardID: project.columns[columnID]?.boardID ?? "", columnID: columnID, rank: 0, title: "probe", enteredColumnAt: Date(), createdAt: Date())
        let checks: [(Field, CardDraft)] = [
            (.title, CardDraft(title: d.title)), (.description, CardDraft(description: d.description)),
            (.assignee, CardDraft(assignee: d.assignee)), (.labels, CardDraft(labels: d.labels)),
            (.estimate, CardDraft(estimate: errors[.estimate] == nil ? d.estimate : nil)),
            (.blocked, CardDraft(blockedReason: d.blockedReason)), (.epic, CardDraft(parentKey: d.parentKey)),
            (.sprint, CardDraft(sprintName: d.sprintName)), (.severity, CardDraft(type: d.type, severity: errors[.severity] == nil ? d.severity : nil)),
        ]
        for (field, partial) in checks where errors[field] == nil {
            do { _ = try partial.applied(to: probe, in: project) } catch let e as PlanningError {
                errors[field] = CardFormErrors.message(e)
            } catch { errors[field] = "\(error)" }
        }
        return errors.isEmpty ? .success(d) : .failure(CardFormErrors(errors: errors))
    }
}

public struct CardFormErrors: Error, Sendable {
    public let errors: [CardForm.Field: String]

    static func message(_ e: PlanningError) -> String {
        switch e {
        case .invalid(_, let m): return m
        case .notFound(let what, let name, _, _): return "no \(what) \(name)"
        case .refused(let m, _), .corrupt(let m): return m
        case .wipLimitReached: return e.description
        }
    }
}
