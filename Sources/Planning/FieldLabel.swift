/// Field names as people read them: the journal's sentences, `show` output and the log say
/// "review date" and "start no earlier" where JSON keeps `reviewDate` and `startNoEarlier`.
public enum FieldLabel {
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
