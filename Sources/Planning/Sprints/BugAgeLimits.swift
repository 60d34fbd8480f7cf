/// How many days an open bug of each severity may age before it stands out in the bug view:
/// a team's service levels, set per project (`gantry project edit --bug-age S1=1,S2=3`).
public struct BugAgeLimits: Sendable, Hashable {
    public static let standard = BugAgeLimits(days: [.s1: 1, .s2: 3, .s3: 10, .s4: 30])

    public var days: [BugSeverity: Int]

    public init(days: [BugSeverity: Int]) {
        self.days = days
    }

    public func limit(_ severity: BugSeverity) -> Int { days[severity] ?? Self.standard.days[severity] ?? 30 }

    /// "1,3,10,30", S1 to S4: the stored form.
    public var stored: String { BugSeverity.allCases.map { String(limit($0)) }.joined(separator: ",") }

    /// Reads the stored form; anything unreadable falls back to the standard limit.
    public init(stored: String) {
        let parts = stored.split(separator: ",").map { Int($0) }
        var days: [BugSeverity: Int] = [:]
        for (i, severity) in BugSeverity.allCases.enumerated() {
            days[severity] = i < parts.count ? parts[i] ?? Self.standard.limit(severity) : Self.standard.limit(severity)
        }
        self.days = days
    }

    /// Parses "S1=1,S2=3" (any subset) over these limits.
    public func setting(_ text: String) throws -> BugAgeLimits {
        var out = self
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let severity = BugSeverity(text: pair[0]) else {
                throw PlanningError.invalid(field: "bug age", message: "\"\(part)\" is not SEVERITY=DAYS; use S1=1,S2=3,S3=10,S4=30")
            }
            guard let n = Int(pair[1].hasSuffix("d") ? String(pair[1].dropLast()) : pair[1]), (1...3650).contains(n) else {
                throw PlanningError.invalid(field: "bug age", message: "\"\(pair[1])\" for \(severity.rawValue) is not a number of days from 1 to 3650")
            }
            out.days[severity] = n
        }
        return out
    }
}

extension ProjectSnapshot {
    public func setBugAgeLimits(_ limits: BugAgeLimits) -> Change {
        let words = BugSeverity.allCases.map { "\($0.rawValue) \(limits.limit($0))d" }.joined(separator: ", ")
        return Change(summary: "set bug age limits to \(words)", edits: [info.update([("bugAgeLimits", .text(limits.stored))])].compactMap { $0 })
    }
}
