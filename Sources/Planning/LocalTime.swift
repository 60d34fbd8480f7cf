import Foundation

/// Times as people read them: in their own zone (`TZ`), with the zone named, so a report never
/// joins a local date to a UTC time. Formatted by hand: a formatter per call made listing
/// 10,000 entries take seconds.
public enum LocalTime {
    /// "09:30" in `timeZone`.
    public static func clock(_ date: Date, _ timeZone: TimeZone) -> String {
        let (_, h, m) = parts(date, timeZone)
        return hhmm(h, m)
    }

    /// "2026-12-01 09:30 CET".
    public static func stamp(_ date: Date, _ timeZone: TimeZone) -> String {
        let (day, h, m) = parts(date, timeZone)
        return "\(day) \(hhmm(h, m)) \(zoneName(timeZone, at: date))"
    }

    private static func hhmm(_ h: Int, _ m: Int) -> String { (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)" }

    private static func parts(_ date: Date, _ timeZone: TimeZone) -> (day: Day, hour: Int, minute: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        return (Day(ordinal: days), rest / 3600, rest % 3600 / 60)
    }

    /// The zone's abbreviation ("CET", "UTC"), or its offset ("GMT+5:30") when it has none.
    public static func zoneName(_ timeZone: TimeZone, at date: Date) -> String {
        if timeZone.secondsFromGMT(for: date) == 0 && ["UTC", "GMT", "Etc/UTC", "Universal", "Zulu"].contains(timeZone.identifier) { return "UTC" }
        return timeZone.abbreviation(for: date) ?? "UTC"
    }
}
