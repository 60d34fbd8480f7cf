/// Working days from the project start: which weekdays count, and holidays. Schedules are
/// computed in working-day indices (0 = the first working day on or after the start).
public struct WorkCalendar: Sendable, Equatable {
    public var start: Day
    /// Bit n set: ISO weekday n + 1 is a working day (bit 0 Monday … bit 6 Sunday).
    public var workdays: Int
    public var holidays: Set<Day>

    public static let mondayToFriday = 0b0011111

    public init(start: Day, workdays: Int = WorkCalendar.mondayToFriday, holidays: Set<Day> = []) {
        self.start = start
        self.workdays = workdays == 0 ? WorkCalendar.mondayToFriday : workdays
        self.holidays = holidays
    }

    public func isWorking(_ day: Day) -> Bool {
        workdays & (1 << (day.weekday - 1)) != 0 && !holidays.contains(day)
    }

    /// The working days from the start, enough to reach `count` of them.
    public func days(count: Int) -> [Day] {
        var out: [Day] = []
        out.reserveCapacity(count)
        var d = start
        while out.count < count {
            if isWorking(d) { out.append(d) }
            d = d.adding(days: 1)
        }
        return out
    }

    /// Index of the first working day on or after `day` (negative days before the start count as 0).
    public func index(onOrAfter day: Day, in table: [Day]) -> Int {
        var lo = 0, hi = table.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if table[mid] < day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    public static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public static func parseWorkdays(_ text: String) throws -> Int {
        var mask = 0
        for part in text.lowercased().split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let i = weekdayNames.firstIndex(of: String(part.prefix(3))), part.count >= 3 else {
                throw PlanningError.invalid(field: "workdays", message: "\"\(part)\" is not a weekday; use mon,tue,wed,thu,fri,sat,sun")
            }
            mask |= 1 << i
        }
        guard mask != 0 else { throw PlanningError.invalid(field: "workdays", message: "name at least one working day") }
        return mask
    }

    public var workdayNames: [String] { Self.weekdayNames.enumerated().filter { workdays & (1 << $0.offset) != 0 }.map(\.element) }
}
