import Foundation

extension SampleProject {
    /// The sample project in memory, keys allocated in order as the store would: for tests and
    /// tools that need the whole sample without a database.
    public static func snapshot(now: Date) throws -> ProjectSnapshot {
        var project = ProjectSnapshot(info: ProjectInfo(name: name, keyPrefix: keyPrefix))
        var next: [String: Int64] = [:]
        for change in try history(now: now).map(\.change) {
            try project.apply(change.allocatingKeys(projectPrefix: { keyPrefix }, next: { sequence in
                defer { next[sequence, default: 1] += 1 }
                return next[sequence, default: 1]
            }))
        }
        return project
    }
}
