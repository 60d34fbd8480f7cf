import Foundation
import Planning
import TerminalUI

/// The edit form for a RAID item: the fields of its type, card links as keys, validated on save
/// with the message beside the field at fault.
public struct RaidForm: Sendable, Equatable, FormRows {
    public enum Field: String, CaseIterable, Sendable {
        case title, owner, status, category, probability, impact, residualProbability, residualImpact, opportunity, strategy
        case cause, event, effect, actions, trigger, contingency, proximity, review, severity, due, resolution
        case dependsOn, decidedBy, decidedOn, rationale, alternatives, description, links

        var label: String {
            switch self {
            case .residualProbability: return "Residual P"
            case .residualImpact: return "Residual I"
            case .dependsOn: return "Depends on"
            case .decidedBy: return "Decided by"
            case .decidedOn: return "Decided on"
            case .due: return "Due"
            default: return rawValue.prefix(1).uppercased() + rawValue.dropFirst()
            }
        }

        func hint(_ type: RaidType) -> String {
            switch self {
            case .probability, .impact, .residualProbability, .residualImpact: return "1 (lowest) to 5 (highest), empty for none"
            case .opportunity: return "yes for an opportunity, no for a threat"
            case .strategy: return "threat: avoid mitigate transfer accept escalate; opportunity: exploit enhance share accept escalate"
            case .status: return type.statuses.joined(separator: " ")
            case .owner, .decidedBy: return "member handle, empty for none"
            case .proximity, .review, .due, .decidedOn: return "YYYY-MM-DD, today, +14d, empty for none"
            case .severity: return "low medium high critical"
            case .links: return "card or task keys, comma separated"
            default: return "free text"
            }
        }
    }

    public static func fields(for type: RaidType) -> [Field] {
        switch type {
        case .risk:
            return [.title, .owner, .status, .probability, .impact, .residualProbability, .residualImpact, .opportunity, .strategy,
                    .cause, .event, .effect, .actions, .trigger, .contingency, .proximity, .review, .category, .links]
        case .assumption: return [.title, .owner, .status, .due, .resolution, .review, .category, .description, .links]
        case .issue: return [.title, .owner, .status, .severity, .due, .resolution, .review, .category, .description, .links]
        case .dependency: return [.title, .dependsOn, .owner, .status, .due, .review, .category, .description, .links]
        case .decision: return [.title, .decidedBy, .decidedOn, .status, .rationale, .alternatives, .category, .description, .links]
        }
    }

    public let itemID: String?
    public let type: RaidType
    public let fields: [Field]
    public var inputs: [TextField]
    public var focus = 0
    public var errors: [Field: String] = [:]

    /// What the form knew of the item: saves send only the fields changed from it.
    public var base: FormBase

    public init(item: RaidItem?, type: RaidType, project: ProjectSnapshot) {
        itemID = item?.id
        self.type = type
        fields = Self.fields(for: type)
        base = FormBase(Self.values(item, type: type, fields: fields, project: project))
        inputs = base.values.map { TextField($0) }
    }

    /// An item's fields as the form shows them (defaults for a new item).
    static func values(_ item: RaidItem?, type: RaidType, fields: [Field], project: ProjectSnapshot) -> [String] {
        let i = item
        func n(_ v: Int?) -> String { v.map(String.init) ?? "" }
        let links = i.map { project.linkTargets(of: $0).map(\.key).joined(separator: ", ") } ?? ""
        return fields.map { f -> String in
            let v: String
            switch f {
            case .title: v = i?.title ?? ""
            case .owner: v = i?.owner ?? ""
            case .status: v = i?.status ?? type.statuses[0]
            case .category: v = i?.category ?? ""
            case .probability: v = n(i?.probability)
            case .impact: v = n(i?.impact)
            case .residualProbability: v = n(i?.residualProbability)
            case .residualImpact: v = n(i?.residualImpact)
            case .opportunity: v = (i?.opportunity ?? false) ? "yes" : "no"
            case .strategy: v = i?.strategy?.rawValue ?? ""
            case .cause: v = i?.cause ?? ""
            case .event: v = i?.event ?? ""
            case .effect: v = i?.effect ?? ""
            case .actions: v = i?.actions ?? ""
            case .trigger: v = i?.trigger ?? ""
            case .contingency: v = i?.contingency ?? ""
            case .proximity: v = i?.proximity?.description ?? ""
            case .review: v = i?.reviewDate?.description ?? ""
            case .severity: v = i?.severity ?? ""
            case .due: v = i?.due?.description ?? ""
            case .resolution: v = i?.resolution ?? ""
            case .dependsOn: v = i?.dependsOn ?? ""
            case .decidedBy: v = i?.decidedBy ?? ""
            case .decidedOn: v = i?.decidedOn?.description ?? ""
            case .rationale: v = i?.rationale ?? ""
            case .alternatives: v = i?.alternatives ?? ""
            case .description: v = i?.description ?? ""
            case .links: v = links
            }
            return v
        }
    }

    /// Takes in a change someone else saved to the item being edited (see `FormBase`).
    public mutating func merge(_ current: RaidItem?, by actor: String, project: ProjectSnapshot) -> String? {
        guard itemID != nil else { return nil }
        guard let current else {
            base.deletedBy = actor
            return "\(actor) deleted this item while you were editing it; Esc closes the form (your edits cannot be saved)."
        }
        let result = base.merge(Self.values(current, type: type, fields: fields, project: project), into: &inputs, by: actor)
        for i in result.merged { errors[fields[i]] = nil }
        for i in result.clashed { if let clash = base.clashes[i] { errors[fields[i]] = FormBase.clashMessage(clash) } }
        return FormBase.notice(result, by: actor) { fields[$0].label }
    }

    /// Settles every clash: their values, or this form's over them.
    public mutating func settle(takeTheirs: Bool) {
        for i in base.clashes.keys { errors[fields[i]] = nil }
        base.settle(takeTheirs: takeTheirs, inputs: &inputs)
    }

    public var isNew: Bool { itemID == nil }
    public var rowCount: Int { fields.count }
    public var focusIndex: Int { focus }

    public func row(_ i: Int) -> (label: String, input: TextField, error: String?) { (fields[i].label, inputs[i], errors[fields[i]]) }

    public var footer: (text: String, isError: Bool) {
        let f = fields[focus]
        if let e = errors[f] { return ("\(f.label): \(e)", true) }
        return ("\(f.label): \(f.hint(type))", false)
    }

    public subscript(field: Field) -> String? { fields.firstIndex(of: field).map { inputs[$0].value.trimmingCharacters(in: .whitespaces) } }

    public mutating func set(_ field: Field, _ value: String) {
        if let i = fields.firstIndex(of: field) { inputs[i].set(value) }
    }

    public mutating func focusNext(_ step: Int) { focus = (focus + step + fields.count) % fields.count }

    public mutating func edit(_ key: Key) -> Bool {
        let handled = inputs[focus].handle(key)
        if handled { errors[fields[focus]] = nil }
        return handled
    }

    /// The change the form describes (item plus link edits), or the fields' errors.
    /// The form's change; a new item gets `newID`.
    public func change(project: ProjectSnapshot, today: Day, now: Date, newID: String) -> Result<Change, RaidFormErrors> {
        var errors: [Field: String] = [:]
        var d = RaidDraft()
        // An existing item gets only the fields this form changed, so others' edits stay.
        let edited = Set(base.edited(inputs).map { fields[$0] })
        func touched(_ f: Field) -> Bool { itemID == nil || edited.contains(f) }
        func text(_ f: Field) -> String? { touched(f) ? self[f] : nil }
        func optional(_ f: Field) -> String?? { text(f).map { $0.isEmpty ? nil : $0 } }
        func scale(_ f: Field) -> Int?? {
            guard let s = text(f) else { return nil }
            if s.isEmpty { return .some(nil) }
            guard let v = Int(s), (1...5).contains(v) else { errors[f] = "use 1 (lowest) to 5 (highest)"; return nil }
            return .some(v)
        }
        func day(_ f: Field) -> Day?? {
            guard let s = text(f) else { return nil }
            if s.isEmpty { return .some(nil) }
            guard let v = Day.parse(s, today: today) else { errors[f] = "not a date; use YYYY-MM-DD, today, +14d"; return nil }
            return .some(v)
        }
        d.title = text(.title)
        d.owner = optional(.owner)
        d.status = text(.status)?.lowercased()
        d.category = text(.category)
        d.probability = scale(.probability)
        d.impact = scale(.impact)
        d.residualProbability = scale(.residualProbability)
        d.residualImpact = scale(.residualImpact)
        if let o = text(.opportunity) {
            switch o.lowercased() {
            case "yes", "y", "true", "opportunity": d.opportunity = true
            case "no", "n", "false", "threat", "": d.opportunity = false
            default: errors[.opportunity] = "answer yes or no"
            }
        }
        d.strategy = optional(.strategy)
        for (f, path) in [(Field.cause, \RaidDraft.cause), (.event, \RaidDraft.event), (.effect, \RaidDraft.effect), (.actions, \RaidDraft.actions),
                          (.trigger, \RaidDraft.trigger), (.contingency, \RaidDraft.contingency), (.resolution, \RaidDraft.resolution),
                          (.dependsOn, \RaidDraft.dependsOn), (.rationale, \RaidDraft.rationale), (.alternatives, \RaidDraft.alternatives),
                          (.description, \RaidDraft.description)] {
            d[keyPath: path] = text(f)
        }
        d.proximity = day(.proximity)
        d.reviewDate = day(.review)
        d.due = day(.due)
        d.decidedOn = day(.decidedOn)
        d.severity = optional(.severity)
        d.decidedBy = optional(.decidedBy)
        var targets: [LinkTarget] = []
        for key in (text(.links) ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !key.isEmpty {
            do { targets.append(try project.linkTarget(key: key)) } catch { errors[.links] = "no card or task \(Quote.cut(key, limit: 20))" }
        }
        guard errors.isEmpty else { return .failure(RaidFormErrors(errors: errors)) }
        do {
            if let id = itemID, let item = project.raidItems[id] {
                var change = try project.editRaid(item, d, now: now)
                let current = project.linkTargets(of: item)
                let before = Set(current.map(\.id))
                let after = touched(.links) ? Set(targets.map(\.id)) : before
                for target in targets where touched(.links) && !before.contains(target.id) { change.edits += try project.link(item, to: target).edits }
                for target in current where !after.contains(target.id) { change.edits += try project.unlink(item, from: target).edits }
                if change.summary.hasPrefix("no change"), !change.edits.isEmpty { change.summary = "relinked \(item.key)" }
                return .success(change)
            }
            return .success(try project.addRaid(type, d, links: targets, now: now, id: newID))
        } catch let e as PlanningError {
            var errors: [Field: String] = [:]
            if case .invalid(let field, let message) = e {
                let f = fields.first { $0.label.lowercased() == field.lowercased() || $0.rawValue.lowercased() == field.replacingOccurrences(of: " ", with: "").lowercased() } ?? .title
                errors[f] = message
            } else {
                errors[.title] = CardFormErrors.message(e)
            }
            if case .notFound(let what, let name, _, _) = e, what == "member" {
                errors = [fields.contains(.owner) && self[.owner] == name ? .owner : .decidedBy: "no member \(name)"]
            }
            return .failure(RaidFormErrors(errors: errors))
        } catch {
            return .failure(RaidFormErrors(errors: [.title: "\(error)"]))
        }
    }
}

public struct RaidFormErrors: Error, Sendable {
    public let errors: [RaidForm.Field: String]
}
