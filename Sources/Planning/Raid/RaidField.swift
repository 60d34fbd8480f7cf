import Foundation

/// One field of a RAID item, described once: its stored name, the words people know it by,
/// what it holds (which decides how text becomes a value and back), the logs it belongs to and
/// what to type. The store's reading and writing, drafts and their checks, the app's form, the
/// command line's `--set`, JSON and journal labels are all read from here, so a new field is
/// a descriptor here and a column in a migration.
public struct RaidField: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Kept by Gantry (id, key, type, dates of record); not edited directly.
        case system
        /// One line of text (the title).
        case line
        /// Free text.
        case text
        /// A member's handle, or none.
        case member
        /// 1 (lowest) to 5 (highest), or none.
        case scale
        /// Yes or no.
        case flag
        /// A day, or none.
        case day
        /// One of a few words, or none.
        case choice([String])
        /// One of the item's type's statuses.
        case status
        /// A response that fits a threat or an opportunity.
        case strategy
        /// Card and task keys (held as links, not in the item).
        case links
    }

    public let name: String
    /// As people say it: journal sentences, errors, help ("residual probability").
    public let label: String
    /// As the form labels it, in 12 cells ("Residual P").
    public let short: String
    public let kind: Kind
    /// The logs the field belongs to; a draft setting it on another log is refused.
    public let logs: [RaidType]
    /// The logs whose form shows it (some fields are kept off long forms).
    public let shownIn: [RaidType]
    /// What to type, for the form's footer and `--set`'s help.
    public let help: String
    /// Its JSON name where a log calls it something else (an assumption's `due` is `validateBy`).
    public let jsonNames: [RaidType: String]
    let read: @Sendable (RaidItem) -> Value
    let write: @Sendable (inout RaidItem, Value) -> Void

    init(_ name: String, _ label: String? = nil, short: String? = nil, kind: Kind, logs: [RaidType] = RaidType.allCases, shownIn: [RaidType]? = nil,
         help: String? = nil, json: [RaidType: String] = [:], read: @escaping @Sendable (RaidItem) -> Value,
         write: @escaping @Sendable (inout RaidItem, Value) -> Void) {
        self.name = name
        self.label = label ?? FieldLabel.words(name)
        let words = label ?? FieldLabel.words(name)
        self.short = short ?? words.prefix(1).uppercased() + words.dropFirst()
        self.kind = kind
        self.logs = logs
        self.shownIn = shownIn ?? (kind == .system ? [] : logs)
        self.help = help ?? Self.help(for: kind)
        jsonNames = json
        self.read = read
        self.write = write
    }

    public static func == (a: RaidField, b: RaidField) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public var description: String { label }

    /// The field as the store reads and writes it; the id and title must be there. The type is
    /// read before the status (`stored` keeps that order), so a missing status is the type's first.
    var storage: StoredField<RaidItem> {
        StoredField(name, required: self == .id || self == .title, read: read, write: write)
    }

    /// The field's value on `item`.
    public func value(of item: RaidItem) -> Value { read(item) }

    /// The name JSON gives the field on `type`'s items.
    public func jsonName(for type: RaidType) -> String { jsonNames[type] ?? name }

    /// The field as text to edit (a form's starting value): dates as YYYY-MM-DD, flags as yes/no.
    public func text(of item: RaidItem) -> String {
        let v = read(item)
        switch kind {
        case .flag: return v.int == 1 ? "yes" : "no"
        default: return v.isNull ? "" : v.description
        }
    }

    /// What a person typed, as a value to set: empty (or `none`) clears a field that may be
    /// empty; the rest is checked against the kind. Errors name the field.
    public func parse(_ input: String, today: Day) throws -> Value {
        let t = input.trimmingCharacters(in: .whitespaces)
        let clears = t.isEmpty || t.lowercased() == "none"
        switch kind {
        case .system, .links:
            throw PlanningError.invalid(field: label, message: "is kept by Gantry and cannot be set")
        case .line, .text:
            return .text(input)
        case .status:
            return .text(t.lowercased())
        case .member, .strategy:
            return clears ? .null : .text(t)
        case .choice:
            return clears ? .null : .text(t.lowercased())
        case .scale:
            if clears { return .null }
            guard let n = Int(t) else { throw PlanningError.invalid(field: label, message: "\"\(Quote.cut(t))\" is not a number; use 1 (lowest) to 5 (highest)") }
            return .int(Int64(n))
        case .flag:
            switch t.lowercased() {
            case "yes", "y", "true", "opportunity": return Value(true)
            case "no", "n", "false", "threat", "": return Value(false)
            default: throw PlanningError.invalid(field: label, message: "answer yes or no")
            }
        case .day:
            if clears { return .null }
            guard let d = Day.parse(t, today: today) else {
                throw PlanningError.invalid(field: label, message: "\"\(Quote.cut(t))\" is not a date Gantry accepts; use YYYY-MM-DD from \(Day.supported.lowerBound) to \(Day.supported.upperBound) (for example \(today)), today, tomorrow, or an offset like +3d or 2w")
            }
            return Value(d)
        }
    }

    /// Sets the field on `item` after checking the value fits it (a scale's range, a member, a
    /// status of the item's type, a text's length). A strategy is checked once the whole draft
    /// is in, since it must fit the item's threat or opportunity.
    func set(_ value: Value, on item: inout RaidItem, in project: ProjectSnapshot) throws {
        switch kind {
        case .system, .links:
            throw PlanningError.invalid(field: label, message: "is kept by Gantry and cannot be set")
        case .line:
            write(&item, .text(try Limits.line(value.string ?? "", field: name, length: Limits.titleLength)))
        case .text:
            let limit = name == "description" ? Limits.descriptionLength : 0...2000
            write(&item, .text(try Limits.text(value.string ?? "", field: label, length: limit)))
        case .member:
            write(&item, try value.string.map { .text(try project.member(handle: $0).handle) } ?? .null)
        case .scale:
            if let n = value.int, !(1...5).contains(n) {
                throw PlanningError.invalid(field: label, message: "\(n) is out of range; use 1 (lowest) to 5 (highest)")
            }
            write(&item, value)
        case .choice(let words):
            if let w = value.string, !words.contains(w.lowercased()) {
                throw PlanningError.invalid(field: label, message: "\"\(Quote.cut(w))\" is not valid; use \(words.joined(separator: ", "))")
            }
            write(&item, value.string.map { .text($0.lowercased()) } ?? .null)
        case .status:
            let s = (value.string ?? "").lowercased()
            guard item.type.statuses.contains(s) else {
                throw PlanningError.invalid(field: label, message: "\"\(Quote.cut(value.string ?? ""))\" is not \(item.type.withArticle) status; use \(item.type.statuses.joined(separator: ", "))")
            }
            write(&item, .text(s))
        case .strategy:
            if let s = value.string {
                let allowed = item.opportunity ? RiskStrategy.opportunity : RiskStrategy.threat
                guard let chosen = RiskStrategy(rawValue: s.lowercased()), allowed.contains(chosen) else {
                    throw PlanningError.invalid(field: label, message: "\"\(Quote.cut(s))\" is not a response to \(item.opportunity ? "an opportunity" : "a threat"); use \(allowed.map(\.rawValue).joined(separator: ", "))")
                }
                write(&item, .text(chosen.rawValue))
            } else {
                write(&item, .null)
            }
        case .flag, .day:
            write(&item, value)
        }
    }

    private static func help(for kind: Kind) -> String {
        switch kind {
        case .system: return "kept by Gantry"
        case .line, .text: return "free text"
        case .member: return "member handle, empty for none"
        case .scale: return "1 (lowest) to 5 (highest), empty for none"
        case .flag: return "yes or no"
        case .day: return "YYYY-MM-DD, today, +14d, empty for none"
        case .choice(let words): return words.joined(separator: " ")
        case .status: return "one of the type's statuses"
        case .strategy: return "threat: avoid mitigate transfer accept escalate; opportunity: exploit enhance share accept escalate"
        case .links: return "card or task keys, comma separated"
        }
    }
}
