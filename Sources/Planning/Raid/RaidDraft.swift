/// The fields of a RAID item a person set, from the command line or a form: a field that is
/// absent stays as it is, `.null` clears it. Each is checked by its descriptor (`RaidField`),
/// and a field another log's items have is refused with a sentence.
public struct RaidDraft: Sendable, Equatable {
    public private(set) var values: [RaidField: Value] = [:]

    public init() {}

    public subscript(field: RaidField) -> Value? {
        get { values[field] }
        set { values[field] = newValue }
    }

    /// Applies the draft to `item` in the editable fields' order, then checks the response
    /// still fits a threat or an opportunity.
    public func applied(to item: RaidItem, in project: ProjectSnapshot) throws -> RaidItem {
        var r = item
        for field in RaidField.editable {
            guard let value = values[field] else { continue }
            guard field.logs.contains(item.type) else {
                throw PlanningError.invalid(field: field.label, message: "applies to \(field.logs.map(\.plural).joined(separator: ", ")) only, not to \(item.type.plural)")
            }
            try field.set(value, on: &r, in: project)
        }
        if let s = r.strategy, !(r.opportunity ? RiskStrategy.opportunity : RiskStrategy.threat).contains(s) {
            throw PlanningError.invalid(field: "strategy", message: "\(s.rawValue) does not fit \(r.opportunity ? "an opportunity" : "a threat"); choose a new strategy too")
        }
        return r
    }
}
