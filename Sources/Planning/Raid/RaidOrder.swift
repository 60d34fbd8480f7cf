/// The orders a RAID log can be listed in, shared by the CLI's `--sort` and the RAID screen so
/// both rank the same items the same way. Score is the inherent P×I, or the residual one when the
/// view shows risks after their response; items without a score come last.
public enum RaidOrder: String, CaseIterable, Sendable {
    case score, proximity, review, owner, key

    public func sorted(_ items: [RaidItem], residual: Bool = false) -> [RaidItem] {
        switch self {
        case .score:
            return Self.sorted(items) { item -> (Int, Int) in (-((residual ? item.residualScore : item.score) ?? 0), item.number) }
        case .proximity: return Self.sorted(items) { ($0.proximity?.ordinal ?? .max, $0.number) }
        case .review: return Self.sorted(items) { ($0.reviewDate?.ordinal ?? .max, $0.number) }
        case .owner: return Self.sorted(items) { ($0.owner ?? "~", $0.number) }
        case .key: return Self.sorted(items) { ($0.number, 0) }
        }
    }

    /// Sorts by a small key, then gathers: an item is large, and a sort that moves items copies
    /// each many times (it was most of a RAID frame with 2,000 risks).
    private static func sorted<A: Comparable, B: Comparable>(_ items: [RaidItem], by key: (RaidItem) -> (A, B)) -> [RaidItem] {
        let keys = items.indices.map { (key(items[$0]), $0) }
        return keys.sorted { ($0.0.0, $0.0.1, $0.1) < ($1.0.0, $1.0.1, $1.1) }.map { items[$0.1] }
    }
}
