import TerminalUI

/// What an edit form knew of its item, so that a save sends only what the user changed and
/// changes others save meanwhile are merged, not overwritten. Fields are positions in the form.
/// Shared by the card and RAID forms: the rule must be the same for both.
public struct FormBase: Sendable, Equatable {
    /// Someone else's value for a field the user had also changed.
    public struct Clash: Sendable, Equatable {
        public var by: String
        public var theirs: String
    }

    /// The item's values as last merged (field by field).
    public var values: [String]
    public var clashes: [Int: Clash] = [:]
    /// Who deleted the item while the form was open.
    public var deletedBy: String?

    public init(_ values: [String]) { self.values = values }

    /// Takes the item's current values after `actor` changed it. Fields the form has not touched
    /// take their value; a field both changed becomes a clash. Returns the positions merged and
    /// the positions that clash.
    public mutating func merge(_ theirs: [String], into inputs: inout [TextField], by actor: String) -> (merged: [Int], clashed: [Int]) {
        var merged: [Int] = [], clashed: [Int] = []
        for i in values.indices where i < theirs.count && theirs[i] != values[i] {
            let mine = inputs[i].value
            if mine == values[i] || mine == theirs[i] {
                inputs[i].set(theirs[i])
                values[i] = theirs[i]
                clashes[i] = nil
                merged.append(i)
            } else {
                clashes[i] = Clash(by: actor, theirs: theirs[i])
                clashed.append(i)
            }
        }
        return (merged, clashed)
    }

    /// Settles every clash: their values (`takeTheirs`), or the form's over them.
    public mutating func settle(takeTheirs: Bool, inputs: inout [TextField]) {
        for (i, clash) in clashes {
            if takeTheirs { inputs[i].set(clash.theirs) }
            values[i] = clash.theirs
        }
        clashes = [:]
    }

    /// Positions the user changed from what the form last knew.
    public func edited(_ inputs: [TextField]) -> Set<Int> {
        Set(values.indices.filter { inputs[$0].value != values[$0] })
    }

    /// The status-line sentence after a merge, naming the fields by `label`.
    public static func notice(_ result: (merged: [Int], clashed: [Int]), by actor: String, keys: FormKeyNames, label: (Int) -> String) -> String? {
        if !result.clashed.isEmpty {
            return "\(actor) changed \(result.clashed.map(label).joined(separator: ", ")) while you were editing it. \(keys.takeTheirs) takes theirs, \(keys.keepMine) keeps yours."
        }
        return result.merged.isEmpty ? nil : "\(actor) changed \(result.merged.map(label).joined(separator: ", ")); the form shows their value."
    }

    /// The error beside a clashing field.
    public static func clashMessage(_ clash: Clash, keys: FormKeyNames) -> String {
        "\(clash.by) changed this to \"\(clash.theirs)\": \(keys.takeTheirs) takes theirs, \(keys.keepMine) keeps yours"
    }

    /// The sentence when the item under the form was deleted by `actor`.
    public static func deletedNotice(_ what: String, by actor: String, keys: FormKeyNames) -> String {
        "\(actor) deleted this \(what) while you were editing it; \(keys.cancel) closes the form (your edits cannot be saved)."
    }

    /// Why a save cannot go ahead yet, or nil.
    public func blockingSave(keys: FormKeyNames, label: (Int) -> String) -> String? {
        if let by = deletedBy { return "\(by) deleted this while you were editing it; there is nothing to save it to. \(keys.cancel) closes the form." }
        if let (i, clash) = clashes.min(by: { $0.key < $1.key }) {
            return "\(clash.by) changed \(label(i)) while you were editing it: \(keys.takeTheirs) takes theirs, \(keys.keepMine) keeps yours, then save."
        }
        return nil
    }
}

/// The form keys as the live keymap has them, for the sentences that name them.
public struct FormKeyNames: Sendable, Equatable {
    public var save: String, cancel: String, next: String, editor: String, takeTheirs: String, keepMine: String
}
