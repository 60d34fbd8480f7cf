import Foundation
import TOMLKit

/// The user's settings from `$XDG_CONFIG_HOME/gantry/config.toml`:
///
///     theme = "light"
///     standup_timebox = 90        # seconds per speaker
///     [keys]
///     move-card-right = ["L", "S-right"]
///
/// Problems are collected, not fatal: Gantry starts with what it could read and says what it skipped.
public struct AppConfig: Sendable {
    public var theme: String?
    public var standupTimebox: Double?
    public var keys: [String: [String]] = [:]
    public var problems: [String] = []

    public init() {}

    public static func path(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return (base as NSString).appendingPathComponent("gantry/config.toml")
    }

    public static func load(environment: [String: String]) -> AppConfig {
        let file = path(environment: environment)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return AppConfig() }
        return parse(text, file: file)
    }

    public static func parse(_ text: String, file: String) -> AppConfig {
        var config = AppConfig()
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            config.problems.append("\(file), line \(e.source.begin.line): \(e.description)")
            return config
        } catch {
            config.problems.append("\(file): \(error)")
            return config
        }
        if let theme = table["theme"] {
            if let s = theme.string { config.theme = s } else { config.problems.append("\(file): theme must be a name in quotes") }
        }
        if let box = table["standup_timebox"] {
            if let n = box.int, (10...3600).contains(n) { config.standupTimebox = Double(n) } else {
                config.problems.append("\(file): standup_timebox must be a whole number of seconds from 10 to 3600")
            }
        }
        if let keys = table["keys"]?.table {
            for name in keys.keys {
                if let one = keys[name]?.string { config.keys[name] = [one] } else if let list = keys[name]?.array {
                    config.keys[name] = list.compactMap { $0.string }
                } else {
                    config.problems.append("\(file): keys.\(name) must be a key or a list of keys")
                }
            }
        }
        return config
    }
}
