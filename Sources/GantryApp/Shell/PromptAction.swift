import TerminalUI

/// The keys of the one-line prompts (filter, command line, block reason), a modal context:
/// these answer the prompt, any other key edits its text.
public enum PromptAction: String, Hashable, Sendable, CaseIterable {
    case submit, cancel

    /// The keymap context of the prompts (`[keys.prompt]` in the config file).
    static let context = "prompt"

    static let bindings: [KeyMap<AppAction>.Binding] = [
        .init([.enter], .prompt(.submit), name: "submit", help: "Apply the filter, run the command, block the card", group: "Prompts", context: context),
        .init([.escape], .prompt(.cancel), name: "cancel-prompt", help: "Close the prompt; nothing changes", group: "Prompts", context: context),
    ]
}
