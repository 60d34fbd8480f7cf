import CursesTerminal
import Foundation
import GantryApp
import GantryCLI
import PlanStore
import TerminalUI

/// Wires the interactive screen: store, terminal, theme, keymap and config. The terminal is
/// restored on every way out: quit, error (the `defer`), and exit signals (the loop returns them).
enum Interactive {
    static func run(_ request: InteractiveRequest) throws {
        let environment = ProcessInfo.processInfo.environment
        let context = CLIContext.process()
        let store = try ProjectLocator.open(request.projectPath, context: context)
        let config = AppConfig.load(environment: environment)
        let preferred = request.options["color"].flatMap(colorDepth)
        let backend: CursesBackend
        do { backend = try CursesBackend(environment: environment, preferred: preferred) } catch let e as TerminalError {
            throw CLIError.refused(e.description)
        }
        defer { backend.stop() }
        let loader = ThemeLoader.standard(environment: environment)
        let themeName = request.options["theme"] ?? config.theme ?? defaultTheme(for: backend.depth)
        let (theme, themeError) = loader.load(themeName, depth: backend.depth, fallback: AppTheme.fallback)
        var keymap = AppAction.defaultKeyMap
        let keyProblems = keymap.override(config.keys)
        let runtime = try AppRuntime(store: store, backend: backend, theme: theme, keymap: keymap, actor: context.actor,
                                     clock: context.now, editor: DescriptionEditor(environment: environment), preview: true)
        let problems = (themeError.map { [$0.description] } ?? []) + config.problems
            + keyProblems.map { "\(AppConfig.path(environment: environment)), \($0)" }
        if !problems.isEmpty { runtime.notify(problems.joined(separator: " · "), isError: true) }
        let term = environment["TERM"] ?? ""
        runtime.setASCII(environment["GANTRY_ASCII"] == "1" || term == "linux" || term.hasPrefix("vt"))
        if let timebox = config.standupTimebox { runtime.setTimebox(timebox) }
        if let leader = request.options["follow"] { runtime.follow(leader) }
        if let signal = runtime.run() {
            backend.stop()
            exit(128 + signal)
        }
    }

    static func colorDepth(_ option: String) -> ColorDepth? {
        switch option {
        case "never": return ColorDepth.none
        case "16": return .ansi16
        case "256": return .ansi256
        case "truecolor": return .truecolor
        default: return nil
        }
    }

    static func defaultTheme(for depth: ColorDepth) -> String {
        switch depth {
        case .none: return "mono"
        case .ansi16: return "ansi16"
        case .ansi256, .truecolor: return "default"
        }
    }
}
