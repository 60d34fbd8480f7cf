import Foundation
import Planning
import TerminalUI

/// The edit form for a RAID item: the fields of its type, card links as keys, validated on save
/// with the message beside the field at fault.
public struct RaidForm: Sendable, Equatable, FormRows {
    public typealias Field = RaidField

    /// The fields of `type`'s form, in order, from the descriptors.
    public static func fields(for type: RaidType) -> [Field] {
        RaidField.editable.filter { $0.kind == .links || $0.shownIn.contains(type) }
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
        let shown = item ?? RaidItem(id: "", type: type, title: "", createdAt: .distantPast)
        return fields.map { field in
            field == .links ? item.map { project.linkTargets(of: $0).map(\.key).joined(separator: ", ") } ?? "" : field.text(of: shown)
        }
    }

    /// Takes in a change someone else saved to the item being edited (see `FormBase`).
    public mutating func merge(_ current: RaidItem?, by actor: String, project: ProjectSnapshot, keys: FormKeyNames) -> String? {
        guard itemID != nil else { return nil }
        guard let current else {
            base.deletedBy = actor
            return FormBase.deletedNotice("item", by: actor, keys: keys)
        }
        let result = base.merge(Self.values(current, type: type, fields: fields, project: project), into: &inputs, by: actor)
        for i in result.merged { errors[fields[i]] = nil }
        for i in result.clashed { if let clash = base.clashes[i] { errors[fields[i]] = FormBase.clashMessage(clash, keys: keys) } }
        return FormBase.notice(result, by: actor, keys: keys) { fields[$0].short }
    }

    /// Settles every clash: their values, or this form's over them.
    public mutating func settle(takeTheirs: Bool) {
        for i in base.clashes.keys { errors[fields[i]] = nil }
        base.settle(takeTheirs: takeTheirs, inputs: &inputs)
    }

    public var isNew: Bool { itemID == nil }
    public var rowCount: Int { fields.count }
    public var focusIndex: Int { focus }

    public func row(_ i: Int) -> (label: String, input: TextField, error: String?) { (fields[i].short, inputs[i], errors[fields[i]]) }

    public func footer(keys: FormKeyNames) -> (text: String, isError: Bool) {
        let f = fields[focus]
        if let e = errors[f] { return ("\(f.short): \(e)", true) }
        return ("\(f.short): \(f.help(on: type))", false)
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

    /// The change the form describes (item plus link edits), or the fields' errors; a new
    /// item gets `newID`.
    public func change(project: ProjectSnapshot, today: Day, now: Date, newID: String) -> Result<Change, RaidFormErrors> {
        var errors: [Field: String] = [:]
        var d = RaidDraft()
        // An existing item gets only the fields this form changed, so others' edits stay.
        let edited = Set(base.edited(inputs).map { fields[$0] })
        func touched(_ f: Field) -> Bool { itemID == nil || edited.contains(f) }
        for field in fields where field != .links && touched(field) {
            do { d[field] = try field.parse(self[field] ?? "", today: today) } catch let PlanningError.invalid(_, message) {
                errors[field] = message
            } catch {
                errors[field] = "\(error)"
            }
        }
        func text(_ f: Field) -> String? { touched(f) ? self[f] : nil }
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
                let f = fields.first { $0.label == field.lowercased() || $0.name == field } ?? .title
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
