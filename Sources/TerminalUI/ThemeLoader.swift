import Foundation
import TOMLKit

/// A theme file Gantry could not use, with the file and line for the person fixing it.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
        "Theme \(file)\(line.map { ", line \($0)" } ?? ""): \(message). Using the built-in theme."
    }
}

/// Finds and reads TOML themes: `[palette]` names colours, `[roles]` maps roles to
/// `{ fg, bg, bold, dim, italic, underline, reverse, mono }`, and `inherits` names a theme whose
/// palette and roles this one extends. User themes come first, then those built into the binary.
public struct ThemeLoader: Sendable {
    public let searchPaths: [String]
    /// Themes by name that need no file (the shipped ones); a file of the same name wins.
    public let builtIn: [String: String]

    public init(searchPaths: [String], builtIn: [String: String] = ShippedThemes.files) {
        self.searchPaths = searchPaths
        self.builtIn = builtIn
    }

    /// The user's `$XDG_CONFIG_HOME/gantry/themes` (default `~/.config/gantry/themes`), then the
    /// themes built into the binary.
    public static func standard(environment: [String: String]) -> ThemeLoader {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return ThemeLoader(searchPaths: [(config as NSString).appendingPathComponent("gantry/themes")])
    }

    /// Theme names found in the search paths and built in.
    public func available() -> [String] {
        var names = Set(builtIn.keys)
        for dir in searchPaths {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where f.hasSuffix(".toml") {
                names.insert(String(f.dropLast(5)))
            }
        }
        return names.sorted()
    }

    public func path(of name: String) -> String? {
        for dir in searchPaths {
            let p = (dir as NSString).appendingPathComponent("\(name).toml")
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        return nil
    }

    /// Loads `name` at `depth`; on any problem returns `fallback` (by default a theme with no
    /// roles: plain text) and the reason.
    public func load(_ name: String, depth: ColorDepth, fallback: (ColorDepth) -> Theme = { Theme(name: "plain", roles: [:], depth: $0) }) -> (Theme, ThemeError?) {
        do {
            let raw = try read(name, chain: [])
            var roles: [String: Theme.RoleSpec] = [:]
            for (role, spec) in raw.roles {
                roles[role] = try spec.resolve(role: role, palette: raw.palette)
            }
            return (Theme(name: name, roles: roles, depth: depth), nil)
        } catch let error as ThemeError {
            return (fallback(depth), error)
        } catch {
            return (fallback(depth), ThemeError(file: name, line: nil, message: "\(error)"))
        }
    }

    /// A theme as written: colours still named, so a child's palette recolours the roles it
    /// inherits, and a child's role changes only the parts it sets.
    struct RawTheme {
        var palette: [String: String] = [:]
        var roles: [String: RawRole] = [:]
    }

    struct RawRole {
        var fg: String?, bg: String?
        var attributes: TextAttributes?
        var mono: TextAttributes?
        var file: String
        var line: Int?

        func merged(over parent: RawRole?) -> RawRole {
            guard let parent else { return self }
            return RawRole(fg: fg ?? parent.fg, bg: bg ?? parent.bg, attributes: attributes ?? parent.attributes,
                           mono: mono ?? parent.mono, file: file, line: line)
        }

        func resolve(role: String, palette: [String: String]) throws -> Theme.RoleSpec {
            func colour(_ field: String, _ value: String?) throws -> Color? {
                guard let value else { return nil }
                guard let c = ThemeLoader.color(value, palette: palette) else {
                    throw ThemeError(file: file, line: line, message: "\(role).\(field) is not a colour or palette name")
                }
                return c
            }
            return Theme.RoleSpec(foreground: try colour("fg", fg), background: try colour("bg", bg), attributes: attributes, mono: mono)
        }
    }

    private func read(_ name: String, chain: [String]) throws -> RawTheme {
        let file: String
        let text: String
        if let path = path(of: name) {
            file = path
            guard !chain.contains(name), chain.count < 8 else {
                throw ThemeError(file: file, line: nil, message: "inherits in a loop (\((chain + [name]).joined(separator: " → ")))")
            }
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw ThemeError(file: file, line: nil, message: "cannot be read as UTF-8 text")
            }
        } else if let shipped = builtIn[name] {
            file = "\(name).toml (built in)"
            guard !chain.contains(name), chain.count < 8 else {
                throw ThemeError(file: file, line: nil, message: "inherits in a loop (\((chain + [name]).joined(separator: " → ")))")
            }
            text = shipped
        } else {
            throw ThemeError(file: "\(name).toml", line: nil, message: "no such theme; available: \(available().joined(separator: ", ")) (yours go in \(searchPaths.first ?? "~/.config/gantry/themes"))")
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ThemeError(file: file, line: e.source.begin.line, message: e.description)
        }
        var theme = RawTheme()
        if let parent = table["inherits"] {
            guard let parentName = parent.string else { throw ThemeError(file: file, line: nil, message: "inherits must be a theme name in quotes") }
            theme = try read(parentName, chain: chain + [name])
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(of key: String) -> Int? {
            (lines.firstIndex { $0.contains(key) }).map { $0 + 1 }
        }
        if let p = table["palette"]?.table {
            for key in p.keys {
                guard let value = p[key]?.string else {
                    throw ThemeError(file: file, line: line(of: key), message: "palette colour \(key) must be a string such as \"#rrggbb\"")
                }
                theme.palette[key] = value
            }
        }
        for (key, value) in theme.palette where Self.color(value, palette: [:]) == nil && theme.palette[value] == nil {
            throw ThemeError(file: file, line: line(of: key), message: "palette colour \(key) must be \"#rrggbb\", 0–255 or an ANSI name")
        }
        if let r = table["roles"]?.table {
            for key in r.keys {
                guard let spec = r[key]?.table else {
                    throw ThemeError(file: file, line: line(of: key), message: "role \(key) must be a table like { fg = \"red\", bold = true }")
                }
                theme.roles[key] = try role(spec, key: key, file: file, line: line(of: key)).merged(over: theme.roles[key])
            }
        }
        return theme
    }

    private func role(_ t: TOMLTable, key: String, file: String, line: Int?) throws -> RawRole {
        func colour(_ field: String) throws -> String? {
            guard let v = t[field] else { return nil }
            guard let s = v.string else { throw ThemeError(file: file, line: line, message: "\(key).\(field) must be a colour in quotes") }
            return s
        }
        var attrs: TextAttributes = []
        var any = false
        for (field, a) in Self.attributeNames {
            if let v = t[field] {
                guard let b = v.bool else { throw ThemeError(file: file, line: line, message: "\(key).\(field) must be true or false") }
                any = true
                if b { attrs.insert(a) }
            }
        }
        var mono: TextAttributes?
        if let m = t["mono"] {
            guard let s = m.string else { throw ThemeError(file: file, line: line, message: "\(key).mono must be a string like \"reverse,bold\"") }
            var set: TextAttributes = []
            for part in s.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty && part != "none" {
                guard let a = Self.attributeNames.first(where: { $0.0 == part })?.1 else {
                    throw ThemeError(file: file, line: line, message: "\(key).mono: unknown attribute \(part)")
                }
                set.insert(a)
            }
            mono = set
        }
        return RawRole(fg: try colour("fg"), bg: try colour("bg"), attributes: any ? attrs : nil, mono: mono, file: file, line: line)
    }

    static let attributeNames: [(String, TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underline", .underline), ("reverse", .reverse),
    ]

    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `#rrggbb`, `default`, a number 0–255, an ANSI name (`red`, `bright-red`), or a palette
    /// name (whose value may itself be any of these).
    static func color(_ s: String, palette: [String: String]) -> Color? {
        if let named = palette[s], named != s { return color(named, palette: [:]) }
        if s == "default" { return .default }
        if s.hasPrefix("#"), s.count == 7, let v = UInt32(s.dropFirst(), radix: 16) {
            return .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
        }
        if let n = Int(s), (0...255).contains(n) { return n < 16 ? .ansi(UInt8(n)) : .indexed(UInt8(n)) }
        if let i = ansiNames.firstIndex(of: s) { return .ansi(UInt8(i)) }
        if s.hasPrefix("bright-"), let i = ansiNames.firstIndex(of: String(s.dropFirst(7))) { return .ansi(UInt8(i + 8)) }
        return nil
    }
}
