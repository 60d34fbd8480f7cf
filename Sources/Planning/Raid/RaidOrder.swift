/// The orders a RAID log can be listed in, shared by the CLI's `--sort` and the RAID screen so
/// both rank the same items the same way. Score is the inherent P×I, or the residual one when the
/// view shows risks after their response; items without a score come last.
public enum RaidOrder: String, CaseIterable, Sendable {
    case score, proximity, review, owner, key

    public func sorted(_ items: [RaidItem], residual: Bool = false) -> [RaidItem] {
        switch self {
        case .score:
            let score: (RaidItem) -> Int = { (residual ? $0.residualScore : $0.score) ?? 0 }
            return items.sorted { (score($0), -$0.number) > (score($1), -$1.number) }
        case .proximity: return items.sorted { ($0.proximity?.ordinal ?? .max, $0.number) < ($1.proximity?.ordinal ?? .max, $1.number) }
        case .review: return items.sorted { ($0.reviewDate?.ordinal ?? .max, $0.number) < ($1.reviewDate?.ordinal ?? .max, $1.number) }
        case .owner: return items.sorted { ($0.owner ?? "~", $0.number) < ($1.owner ?? "~", $1.number) }
        case .key: return items.sorted { $0.number < $1.number }
        }
    }
}
