/// Keys for new cards, RAID items and tasks, given in one place for the store and anything else
/// that applies changes (the sample held in memory): each sequence hands out the next number,
/// and the change's summary gets the key where it held the pending one.
extension Change {
    /// This change with a key for every created entity that needs one and has none; `next`
    /// gives the next number of a sequence ("card", "raid.risk", "task"); `projectPrefix` is
    /// asked only when a card needs a key.
    public func allocatingKeys(projectPrefix: () throws -> String, next: (String) throws -> Int64) rethrows -> Change {
        var change = self
        for i in change.edits.indices where change.edits[i].operation == .create {
            let edit = change.edits[i]
            guard let scheme = edit.kind.keyScheme(edit.newValues), edit.field("key")?.to.isNull ?? true else { continue }
            let number = try next(scheme.sequence)
            let key = "\(try scheme.prefix ?? projectPrefix())-\(number)"
            change.summary = change.summary.replacingOccurrences(of: edit.label, with: key)
            change.edits[i].label = key
            change.edits[i].fields.removeAll { $0.name == "key" || $0.name == "number" }
            change.edits[i].fields.insert(contentsOf: [FieldChange(name: "key", from: .null, to: .text(key)),
                                                       FieldChange(name: "number", from: .null, to: .int(number))], at: 0)
        }
        return change
    }

    /// This change with keys allocated earlier in the same batch written in: a later step's
    /// summary and labels name a card by its placeholder until then (`keys` maps id to key).
    public func naming(_ keys: [String: String]) -> Change {
        guard !keys.isEmpty else { return self }
        var change = self
        change.summary = Self.naming(summary, keys)
        for i in change.edits.indices { change.edits[i].label = Self.naming(change.edits[i].label, keys) }
        return change
    }

    /// Placeholders are `\u{1}key:ID\u{1}`: between markers, a known id becomes its key.
    private static func naming(_ text: String, _ keys: [String: String]) -> String {
        guard text.contains("\u{1}") else { return text }
        let parts = text.split(separator: "\u{1}", omittingEmptySubsequences: false)
        var out = ""
        for (i, part) in parts.enumerated() {
            if i % 2 == 1, part.hasPrefix("key:"), let key = keys[String(part.dropFirst(4))] {
                out += key
            } else {
                if i % 2 == 1 { out += "\u{1}" }
                out += part
                if i % 2 == 1, i + 1 < parts.count { out += "\u{1}" }
            }
        }
        return out
    }
}
