import TerminalUI

/// The README's key tables, generated from the keymap so they can be checked against it (a
/// test fails when the README differs), as lazygit does with its cheat sheet.
public enum KeyReference {
    public static func markdown(_ keymap: KeyMap<AppAction> = AppAction.defaultKeyMap) -> String {
        var out: [String] = []
        let contexts = [("global", "Everywhere")] + Screen.allCases.map { ($0.keys, $0.title) } + [(FormAction.context, "In forms"), (HelpAction.context, "In the help"), (PromptAction.context, "In prompts")]
        for (context, title) in contexts {
            let bindings = keymap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            let section = context == "global" ? "[keys]" : "[keys.\(context)]"
            out += ["**\(title)** (`\(section)`)", "", "| keys | does | name |", "| --- | --- | --- |"]
            for b in bindings {
                let keys = b.keys.isEmpty ? "(none)" : b.keys.map { "`\($0.description.replacingOccurrences(of: "|", with: "\\|"))`" }.joined(separator: " ")
                out.append("| \(keys) | \(b.help.replacingOccurrences(of: "|", with: "\\|")) | `\(b.name)` |")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
