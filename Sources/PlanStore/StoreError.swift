import Foundation
import Planning

/// Why the store could not open or write a project. Every case reads as a sentence that says
/// what happened and what to do; none of them leaves the file changed.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case alreadyExists(path: String)
    case notAProject(path: String, reason: String)
    case damaged(path: String, detail: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case readOnly(path: String)
    case replaced(path: String)
    case diskFull(path: String)
    case conflict(Conflict)
    case io(String)
    /// A file to import that cannot be read as what it claims to be; nothing was imported.
    case badInput(String)
    /// An import into a project that already holds work; nothing was imported.
    case notEmpty(path: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "No Gantry project at \(path). Create one with `gantry init`, or a sample with `gantry demo`."
        case .alreadyExists(let path):
            return "A Gantry project already exists at \(path); open it with `gantry`, or remove it first."
        case .notAProject(let path, let reason):
            return "\(path) is not a Gantry project (\(reason)). It was left untouched."
        case .damaged(let path, let detail):
            return "\(path) is damaged and cannot be read (\(detail)). It was left untouched; restore it from a backup."
        case .newerSchema(let path, let found, let supported):
            return "\(path) was written by a newer Gantry (schema \(found); this one knows up to \(supported)). Upgrade Gantry to open it; the file was left untouched."
        case .readOnly(let path):
            return "\(path) is read-only for you, so this change was not saved. Ask the project's owner for group write access."
        case .diskFull(let path):
            return "The disk holding \(path) is full, so this change was not saved. Free some space and try again; the project is intact and can still be read."
        case .replaced(let path):
            return "Not saved: the project file was replaced or removed on disk since you opened it. Quit and open it again (\(path))."
        case .conflict(let c):
            return c.description
        case .io(let message):
            return message
        case .badInput(let detail):
            return "Cannot import: \(detail). Nothing was imported."
        case .notEmpty(let path):
            return "\(path) already holds cards, tasks or RAID items, so nothing was imported. Import into a new project: --project NEW.sqlite."
        }
    }
}

/// Someone else changed what this change expected; nothing was written.
public struct Conflict: Equatable, Sendable, CustomStringConvertible {
    public let entity: String
    public let field: String?
    public let byActor: String?
    public let at: Date?
    public let currentValue: String?

    package init(entity: String, field: String?, byActor: String?, at: Date?, currentValue: String?) {
        (self.entity, self.field, self.byActor, self.at, self.currentValue) = (entity, field, byActor, at, currentValue)
    }

    public var description: String {
        let who = byActor.map { " by \($0)" } ?? " by someone else"
        let when = at.map { " at \(Timestamp.display($0))" } ?? ""
        let retry = " since you looked at it. Nothing was saved; look again and retry."
        guard let field else { return "\(entity) was changed\(who)\(when)\(retry)" }
        switch field {
        case "columnID":
            return "\(entity) was moved\(currentValue.map { " to \($0)" } ?? "")\(who)\(when)\(retry)"
        case "rank", "enteredColumnAt":
            return "\(entity) was moved\(who)\(when)\(retry)"
        default:
            let now = currentValue.map { " (now \"\($0)\")" } ?? ""
            return "\(entity)'s \(FieldLabel.words(field)) was changed\(who)\(when)\(now)\(retry)"
        }
    }
}

/// Time formats Gantry shows: ISO 8601 UTC for machines, local time with the zone named for people.
/// Formatted by hand: a formatter per call made listing 10,000 cards take seconds.
public enum Timestamp {
    public static func iso(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (h, m, s) = (rest / 3600, rest % 3600 / 60, rest % 60)
        let (y, mo, d) = Day(ordinal: days).components
        var bytes = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int, _ at: Int, _ digits: Int) {
            var v = value
            for k in stride(from: at + digits - 1, through: at, by: -1) { bytes[k] = UInt8(48 + v % 10); v /= 10 }
        }
        put(y, 0, 4); put(mo, 5, 2); put(d, 8, 2); put(h, 11, 2); put(m, 14, 2); put(s, 17, 2)
        bytes[4] = 45; bytes[7] = 45; bytes[10] = 84; bytes[13] = 58; bytes[16] = 58; bytes[19] = 90
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func display(_ date: Date, in timeZone: TimeZone = .current) -> String {
        LocalTime.stamp(date, timeZone)
    }
}
