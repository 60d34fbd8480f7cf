import TerminalUI

/// The keys of the help overlay, a modal context: these scroll it, any other key closes it.
public enum HelpAction: String, Hashable, Sendable, CaseIterable {
    case scrollDown, scrollUp, pageDown, pageUp

    /// The keymap context of the help overlay (`[keys.help]` in the config file).
    static let context = "help"

    static let bindings: [KeyMap<AppAction>.Binding] = [
        .init([.down, .char("j")], .help(.scrollDown), name: "scroll-down", help: "Scroll down a line", group: "Help", context: context),
        .init([.up, .char("k")], .help(.scrollUp), name: "scroll-up", help: "Scroll up a line", group: "Help", context: context),
        .init([.pageDown, .char(" ")], .help(.pageDown), name: "scroll-page-down", help: "Scroll down a screen", group: "Help", context: context),
        .init([.pageUp], .help(.pageUp), name: "scroll-page-up", help: "Scroll up a screen", group: "Help", context: context),
    ]
}

extension Theme {
    /// The look of panels and overlays.
    var panel: Panel.Styles { Panel.Styles(fill: style("ui.overlay"), border: style("ui.border"), title: style("ui.title")) }
}
