import Foundation
import Planning

/// Turns option strings into domain values, with usage errors that name the option and list
/// what is valid.
enum ArgumentValues {
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ option: String) throws -> T where T.RawValue == String {
        if let v = T(rawValue: text.lowercased()) { return v }
        throw CLIError.usage("\(option): \"\(text)\" is not valid; use one of \(T.allCases.map(\.rawValue).joined(separator: ", ")).")
    }

    static func day(_ text: String, _ option: String, today: Day) throws -> Day {
        if let d = Day.parse(text, today: today) { return d }
        throw CLIError.usage("\(option): \"\(Quote.cut(text))\" is not a date Gantry accepts; use YYYY-MM-DD from \(Day.supported.lowerBound) to \(Day.supported.upperBound) (for example \(today)), today, tomorrow, or an offset like +3d or 2w.")
    }

    /// A share as people write it: `0.8`, `80%` or `80` (a number above 1 is a percentage), as
    /// `member list` shows it back.
    static func share(_ text: String, _ option: String) throws -> Double {
        let t = text.filter { !$0.isWhitespace }
        let percent = t.hasSuffix("%")
        guard let n = Double(percent ? String(t.dropLast()) : t), n.isFinite, n >= 0 else {
            throw CLIError.usage("\(option): \"\(Quote.cut(text))\" is not a share; write 0.8, 80% or 80.")
        }
        return percent || n > 1 ? n / 100 : n
    }

    static func number(_ text: String, _ option: String) throws -> Double {
        if let d = Double(text), d.isFinite { return d }
        throw CLIError.usage("\(option): \"\(text)\" is not a number.")
    }

    /// The words of a filter query as one query. The words are taken even when they start with
    /// `-` (a negated term such as `-label:qa`); a word starting with `--` is a mistyped option.
    static func query(_ words: [String], command: String) throws -> String {
        if let option = words.first(where: { $0.hasPrefix("--") }) {
            let known = UsageReport.optionNames(of: UsageReport.commandPath(command.split(separator: " ").map(String.init)).1)
            let hint = UsageReport.nearest(option, in: known).map { " Did you mean '\($0)'?" } ?? ""
            throw CLIError.usage("Unknown option '\(Quote.cut(option))'.\(hint) See 'gantry \(command) --help' for the options.")
        }
        return words.joined(separator: " ")
    }

    static func labels(_ list: [String]) -> [String] {
        list.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    /// Parses `--since`: a date, an ISO 8601 time, or an age such as 30m, 2h, 3d, 1w.
    static func since(_ text: String, now: Date, today: Day) throws -> Date {
        let t = text.lowercased()
        if let iso = ISO8601DateFormatter().date(from: text) { return iso }
        if let unit = t.last, "mhdw".contains(unit), let n = Double(t.dropLast()), n >= 0 {
            let seconds: Double = ["m": 60, "h": 3600, "d": 86_400, "w": 604_800][unit] ?? 0
            return now.addingTimeInterval(-n * seconds)
        }
        if let d = Day.parse(t, today: today) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = .current
            let c = d.components
            return calendar.date(from: DateComponents(year: c.year, month: c.month, day: c.day)) ?? now
        }
        throw CLIError.usage("--since: \"\(text)\" is not a time; use YYYY-MM-DD, an ISO 8601 time, or an age like 30m, 2h, 3d, 1w.")
    }
}
