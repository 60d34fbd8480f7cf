import Foundation
import Testing
@testable import TerminalUI

@Suite struct ThemeTests {
    static var shippedThemes: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardizedFileURL.path
    }

    func tempDir() throws -> String {
        let d = NSTemporaryDirectory() + "gantry-themes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    @Test func rolesFallBackAlongTheDotsAndCascade() {
        let t = Theme(name: "t", roles: [
            "ui": .init(foreground: .ansi(7), background: .ansi(0)),
            "board.card": .init(foreground: .ansi(2), attributes: .bold),
            "board.card.blocked": .init(foreground: .ansi(1)),
        ], depth: .ansi16)
        #expect(t.style("board.card.blocked") == Style(foreground: .ansi(1), background: .ansi(0), attributes: .bold))
        #expect(t.style("board.card.blocked.extra") == t.style("board.card.blocked"))
        #expect(t.style("board.column") == Style(foreground: .ansi(7), background: .ansi(0)))
    }

    @Test func monoUsesAttributesOnly() {
        let roles: [String: Theme.RoleSpec] = ["board.card.blocked": .init(foreground: .rgb(255, 0, 0), attributes: .bold, mono: [.bold, .underline])]
        let mono = Theme(name: "t", roles: roles, depth: .none)
        #expect(mono.style("board.card.blocked") == Style(attributes: [.bold, .underline]))
        #expect(Theme(name: "t", roles: roles, depth: .ansi256).style("board.card.blocked").foreground == .indexed(196))
        #expect(Theme(name: "t", roles: roles, depth: .ansi16).style("board.card.blocked").foreground == .ansi(9))
    }

    /// The themes built into the binary are the files under themes/, byte for byte
    /// (run scripts/embed-themes after editing a theme).
    @Test func builtInThemesMatchTheThemesFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.shippedThemes).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(ShippedThemes.files.keys))
        for file in files {
            var text = try String(contentsOfFile: Self.shippedThemes + "/" + file, encoding: .utf8)
            if text.hasSuffix("\n") { text.removeLast() }
            #expect(ShippedThemes.files[String(file.dropLast(5))] == text, "\(file) differs from the built-in copy: run scripts/embed-themes")
        }
    }

    @Test func builtInThemesLoadWithNoFilesAnywhere() {
        let loader = ThemeLoader(searchPaths: ["/nonexistent"])
        #expect(loader.available() == ["ansi16", "default", "light", "mono"])
        for name in loader.available() {
            let (theme, error) = loader.load(name, depth: .ansi256)
            #expect(error == nil, "\(name): \(String(describing: error))")
            #expect(theme.name == name)
        }
    }

    @Test func everyShippedThemeLoadsCleanly() {
        let loader = ThemeLoader(searchPaths: [Self.shippedThemes])
        #expect(loader.available() == ["ansi16", "default", "light", "mono"])
        for name in loader.available() {
            for depth in ColorDepth.allCases {
                let (theme, error) = loader.load(name, depth: depth)
                #expect(error == nil, "\(name): \(String(describing: error))")
                #expect(theme.name == name)
            }
        }
    }

    @Test func stateStaysVisibleInMono() {
        let (theme, _) = ThemeLoader(searchPaths: [Self.shippedThemes]).load("mono", depth: .none)
        for role in ["board.card.selected", "board.card.blocked", "board.column.wip.breach", "ui.selection", "board.card.age.stale"] {
            #expect(!theme.style(role).attributes.isEmpty, "\(role) must stand out without colour")
        }
        let (dflt, _) = ThemeLoader(searchPaths: [Self.shippedThemes]).load("default", depth: .none)
        #expect(dflt.style("board.column.wip.breach").attributes.contains(.reverse))
    }

    @Test func inheritsTakesTheParentsRoles() {
        let loader = ThemeLoader(searchPaths: [Self.shippedThemes])
        let (light, _) = loader.load("light", depth: .truecolor)
        let (dark, _) = loader.load("default", depth: .truecolor)
        #expect(light.style("board.card.blocked").attributes == dark.style("board.card.blocked").attributes)
        #expect(light.style("board.card.blocked").foreground != dark.style("board.card.blocked").foreground, "palette overridden")
        #expect(light.style("ui").background == .rgb(0xFA, 0xFA, 0xFA))
    }

    @Test func aBrokenThemeNamesFileAndLineAndFallsBack() throws {
        let dir = try tempDir()
        try "name = \"bad\"\n[roles]\n\"ui\" = { fg = \"red\"\n".write(toFile: dir + "/bad.toml", atomically: true, encoding: .utf8)
        let (theme, error) = ThemeLoader(searchPaths: [dir]).load("bad", depth: .ansi256)
        #expect(theme.name == "plain", "the fallback, plain text unless the app gives its own")
        #expect(error?.file == dir + "/bad.toml")
        #expect(error?.line == 3)
        #expect(error?.description.hasSuffix("Using the built-in theme.") == true)
        try "[roles]\n\"ui\" = { fg = \"chartreuse-ish\" }\n".write(toFile: dir + "/colour.toml", atomically: true, encoding: .utf8)
        let (_, e2) = ThemeLoader(searchPaths: [dir]).load("colour", depth: .ansi256)
        #expect(e2?.message == "ui.fg is not a colour or palette name" && e2?.line == 2)
        try "inherits = \"loop2\"\n".write(toFile: dir + "/loop1.toml", atomically: true, encoding: .utf8)
        try "inherits = \"loop1\"\n".write(toFile: dir + "/loop2.toml", atomically: true, encoding: .utf8)
        #expect(ThemeLoader(searchPaths: [dir]).load("loop1", depth: .ansi256).1?.message.contains("loop") == true)
        #expect(ThemeLoader(searchPaths: [dir], builtIn: [:]).load("missing", depth: .ansi256).1?.message.contains("no such theme; available: bad, colour, loop1, loop2") == true)
        let empty = try tempDir()
        let (shipped, none) = ThemeLoader(searchPaths: [empty]).load("default", depth: .ansi256)
        #expect(shipped.name == "default", "no theme files anywhere: the built-in copy loads")
        #expect(none == nil)
    }

    @Test func userThemesComeFirstAndCanExtendShippedOnes() throws {
        let home = try tempDir()
        let userDir = home + "/gantry/themes"
        try FileManager.default.createDirectory(atPath: userDir, withIntermediateDirectories: true)
        try "inherits = \"default\"\n[roles]\n\"board.card.blocked\" = { fg = \"#00ff00\" }\n".write(toFile: userDir + "/mine.toml", atomically: true, encoding: .utf8)
        let loader = ThemeLoader(searchPaths: [userDir])
        let (theme, error) = loader.load("mine", depth: .truecolor)
        #expect(error == nil)
        #expect(theme.style("board.card.blocked").foreground == .rgb(0, 255, 0))
        #expect(theme.style("board.card.blocked").attributes == .bold)
        let standard = ThemeLoader.standard(environment: ["XDG_CONFIG_HOME": home])
        #expect(standard.searchPaths.first == userDir)
    }

    @Test func coloursMapDownToTheTerminalsDepth() {
        #expect(ColorDepth.ansi256.map(.rgb(0, 0, 0)) == .indexed(16))
        #expect(ColorDepth.ansi256.map(.rgb(128, 128, 128)) == .indexed(244))
        #expect(ColorDepth.ansi16.map(.rgb(250, 10, 10)) == .ansi(9))
        #expect(ColorDepth.ansi16.map(.indexed(196)) == .ansi(9))
        #expect(ColorDepth.none.map(.ansi(1)) == nil)
        #expect(ColorDepth.truecolor.map(.rgb(1, 2, 3)) == .rgb(1, 2, 3))
    }
}
