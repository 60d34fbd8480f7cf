import Foundation

/// How long a card has sat in its column, graded so a stand-up sees at a glance what is stuck.
public enum AgeGrade: String, Sendable, CaseIterable {
    case fresh, ageing, stale
}

/// Days in column after which a card counts as ageing and as stale. Work waiting in a backlog or
/// finished in done does not age in this sense.
public struct AgeThresholds: Sendable, Equatable {
    public var ageing: Int
    public var stale: Int

    public init(ageing: Int = 3, stale: Int = 7) {
        self.ageing = ageing
        self.stale = stale
    }

    public static let standard = AgeThresholds()

    public func grade(days: Int, category: ColumnCategory) -> AgeGrade {
        guard category == .todo || category == .doing else { return .fresh }
        return days >= stale ? .stale : days >= ageing ? .ageing : .fresh
    }
}
