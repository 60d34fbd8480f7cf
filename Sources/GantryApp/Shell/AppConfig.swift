import Foundation
import TerminalUI
import TOMLKit

/// The user's settings from `$XDG_CONFIG_HOME/gantry/config.toml`:
///
///     theme = "light"
///     standup_timebox = 90        # seconds per speaker
///     [keys]                      # wherever the action is bound
///     help = "F1"
///     [keys.board]                # one screen: board, raid, timeline, standup
///     move-card-right = ["L", "S-right"]
///
/// Problems are collected, not fatal: Gantry starts with what it could read and says what it skipped.
public struct AppConfig: Sendable {
    public var theme: String?
    public var standupTimebox: Double?
    public var keys: [KeyMap<AppAction>.Override] = []
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
            let lines = Self.keyLines(text)
            func read(_ name: String, _ value: TOMLValueConvertible?, context: String?) {
                let place = "keys" + (context.map { ".\($0)" } ?? "") + ".\(name)"
                if let one = value?.string {
                    config.keys.append(.init(context: context, name: name, keys: [one], line: lines[place]))
                } else if let list = value?.array {
                    config.keys.append(.init(context: context, name: name, keys: list.compactMap { $0.string }, line: lines[place]))
                } else {
                    config.problems.append("\(file)\(lines[place].map { ", line \($0)" } ?? ""): \(place) must be a key or a list of keys")
                }
            }
            for name in keys.keys.sorted() {
                if let section = keys[name]?.table {
                    let contexts = Screen.allCases.map(\.keys) + [FormAction.context, HelpAction.context, PromptAction.context]
                    guard contexts.contains(name) else {
                        config.problems.append("\(file): [keys.\(name)] is not a screen, the forms, the help or the prompts; use \(contexts.joined(separator: ", "))")
                        continue
                    }
                    for action in section.keys.sorted() { read(action, section[action], context: name) }
                } else {
                    read(name, keys[name], context: nil)
                }
            }
            config.keys.sort { ($0.line ?? .max) < ($1.line ?? .max) }
        }
        return config
    }

    /// Where each key binding is written: "keys.board.new-card" → its line number.
    static func keyLines(_ text: String) -> [String: Int] {
        var out: [String: Int] = [:]
        var section = ""
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
                section = line[line.index(after: line.startIndex)..<end].trimmingCharacters(in: .whitespaces)
            } else if let eq = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = line[..<eq].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                out[section.isEmpty ? key : "\(section).\(key)"] = i + 1
            }
        }
        return out
    }
}
