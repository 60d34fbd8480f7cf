/// Field names as people read them: the journal's sentences, `show` output and the log say
/// "review date" and "start no earlier" where JSON keeps `reviewDate` and `startNoEarlier`.
public enum FieldLabel {
    /// The word for a field of one kind of entity: a card's parent is its epic.
    public static func words(_ name: String, of kind: EntityKind) -> String {
        switch (kind, name) {
        case (.card, "parentID"): return "epic"
        case (.column, "wipLimit"): return "WIP limit"
        case (.raid, _): return RaidField.named(name)?.label ?? words(name)
        default: return words(name)
        }
    }

    /// "startNoEarlier" → "start no earlier"; a trailing "ID" is dropped ("parentID" → "parent").
    public static func words(_ name: String) -> String {
        let base = name.hasSuffix("ID") ? String(name.dropLast(2)) : name
        var words = ""
        for c in base {
            if c.isUppercase { words += " " + c.lowercased() } else { words.append(c) }
        }
        return words
    }
}
