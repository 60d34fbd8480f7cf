/// Severity bands for probability × impact scores. Defaults: low 1–4, medium 5–9, high 10–16,
/// critical 20–25; a project may set its own thresholds.
public struct RiskBands: Sendable, Hashable {
    public enum Band: String, Sendable, CaseIterable, Comparable {
        case low, medium, high, critical

        var order: Int { Band.allCases.firstIndex(of: self)! }
        public static func < (a: Band, b: Band) -> Bool { a.order < b.order }
    }

    /// Lowest score of the medium, high and critical bands.
    public var medium: Int
    public var high: Int
    public var critical: Int

    public init(medium: Int = 5, high: Int = 10, critical: Int = 20) {
        self.medium = medium
        self.high = high
        self.critical = critical
    }

    public static let standard = RiskBands()

    public func band(_ score: Int) -> Band {
        score >= critical ? .critical : score >= high ? .high : score >= medium ? .medium : .low
    }

    /// Validates thresholds: increasing, within 2…25.
    public static func make(medium: Int, high: Int, critical: Int) throws -> RiskBands {
        guard 2 <= medium, medium < high, high < critical, critical <= 25 else {
            throw PlanningError.invalid(field: "bands", message: "need 2 ≤ medium < high < critical ≤ 25 (default 5,10,20)")
        }
        return RiskBands(medium: medium, high: high, critical: critical)
    }
}

public enum RiskTrend: String, Sendable {
    case rising, falling, steady

    public var arrow: String {
        switch self {
        case .rising: return "↑"
        case .falling: return "↓"
        case .steady: return "→"
        }
    }
}
