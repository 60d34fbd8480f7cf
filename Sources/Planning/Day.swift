import Foundation

/// A civil calendar day (no time, no zone), so a deadline never shifts with the viewer's time zone.
///
/// Stored as the number of days since 1970-01-01; conversion follows the proleptic Gregorian
/// calendar (Howard Hinnant's days-from-civil algorithm).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits only).
    public init?(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        let parsed = text.utf8.withContiguousStorageIfAvailable { b -> (Int, Int, Int)? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            func digits(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    let d = Int(b[i]) - 0x30
                    guard (0...9).contains(d) else { return nil }
                    n = n * 10 + d
                }
                return n
            }
            guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
            return (y, m, d)
        }
        guard let (y, m, d) = parsed ?? nil else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday.
    public var weekday: Int { ((ordinal % 7 + 7) % 7 + 3) % 7 + 1 }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    public static func - (lhs: Day, rhs: Day) -> Int { lhs.ordinal - rhs.ordinal }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public var description: String {
        let (y, m, d) = components
        return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// The day `date` falls on in `timeZone` (the viewer's local day by default).
    /// Midnight at the start of this day in `timeZone`.
    public func start(in timeZone: TimeZone = .current) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let (y, m, d) = components
        return calendar.date(from: DateComponents(year: y, month: m, day: d)) ?? Date(timeIntervalSince1970: Double(ordinal) * 86_400)
    }

    public static func containing(_ date: Date, in timeZone: TimeZone = .current) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Day {
    /// Parses what people type for a day: `YYYY-MM-DD`, `today`, `tomorrow`, `yesterday`,
    /// or an offset such as `+3d`, `-2w`, `10d` relative to `today`.
    public static func parse(_ text: String, today: Day) -> Day? {
        guard let day = parseUnbounded(text, today: today), supported.contains(day) else { return nil }
        return day
    }

    /// The days Gantry accepts: far enough back for any history, far enough ahead for any plan,
    /// and never a year a schedule could push past four digits.
    public static let supported = Day(year: 1970, month: 1, day: 1)!...Day(year: 2200, month: 12, day: 31)!

    private static func parseUnbounded(_ text: String, today: Day) -> Day? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        case "yesterday": return today.adding(days: -1)
        default: break
        }
        if let day = Day(t) { return day }
        guard let unit = t.last, unit == "d" || unit == "w" else { return nil }
        var number = t.dropLast()
        var sign = 1
        if number.first == "+" { number = number.dropFirst() } else if number.first == "-" { sign = -1; number = number.dropFirst() }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(number), n < 100_000 else { return nil }
        return today.adding(days: sign * n * (unit == "w" ? 7 : 1))
    }
}
