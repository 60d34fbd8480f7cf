import Foundation

extension SampleProject {
    /// The sample project in memory, keys allocated in order as the store would: for tests and
    /// tools that need the whole sample without a database.
    public static func snapshot(now: Date) throws -> ProjectSnapshot {
        var project = ProjectSnapshot(info: ProjectInfo(name: name, keyPrefix: keyPrefix))
        var next: [String: Int] = [:]
        for var change in changes(now: now) {
            for i in change.edits.indices where change.edits[i].operation == .create {
                let edit = change.edits[i]
                guard let scheme = edit.kind.keyScheme(edit.newValues), edit.field("key")?.to.isNull ?? true else { continue }
                let number = next[scheme.sequence, default: 1]
                next[scheme.sequence] = number + 1
                let key = "\(scheme.prefix ?? keyPrefix)-\(number)"
                change.edits[i].label = key
                change.edits[i].fields.removeAll { $0.name == "key" || $0.name == "number" }
                change.edits[i].fields += [FieldChange(name: "key", from: .null, to: .text(key)),
                                           FieldChange(name: "number", from: .null, to: .int(Int64(number)))]
            }
            try project.apply(change)
        }
        return project
    }
}
