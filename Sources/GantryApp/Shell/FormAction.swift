import TerminalUI

/// The keys of every form (card, RAID item). Forms are a modal context: letters there are text,
/// so the global keys do not reach them; these are looked up first, and any other key edits the
/// focused field.
public enum FormAction: String, Hashable, Sendable, CaseIterable {
    case nextField, previousField, save, editDescription, cancel, takeTheirs, keepMine

    /// The keymap context of the forms (`[keys.form]` in the config file).
    static let context = "form"

    static let bindings: [KeyMap<AppAction>.Binding] = [
        .init([.tab, .down], .form(.nextField), name: "next-field", help: "Next field", group: "Forms", context: context),
        .init([.backTab, .up], .form(.previousField), name: "previous-field", help: "Previous field", group: "Forms", context: context),
        .init([.enter, .ctrl("s")], .form(.save), name: "save", help: "Save", group: "Forms", context: context),
        .init([.ctrl("e")], .form(.editDescription), name: "open-editor", help: "Open $VISUAL / $EDITOR on the description", group: "Forms", context: context),
        .init([.escape], .form(.cancel), name: "cancel", help: "Cancel", group: "Forms", context: context),
        .init([.ctrl("t")], .form(.takeTheirs), name: "take-theirs", help: "Someone changed it meanwhile: take theirs", group: "Forms", context: context),
        .init([.ctrl("y")], .form(.keepMine), name: "keep-mine", help: "Someone changed it meanwhile: keep yours", group: "Forms", context: context),
    ]
}
