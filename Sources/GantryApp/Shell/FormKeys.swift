import TerminalUI

/// What the card and RAID forms share, so their keys behave the same.
protocol EditForm {
    var base: FormBase { get }
    var isNew: Bool { get }
    /// What a new one is called ("card", "risk"), for "New card discarded."
    var noun: String { get }
    /// The text the editor opens on, or nil when the form has none.
    var longText: String? { get }
    /// The app in this form's mode.
    var mode: Mode { get }
    mutating func focusNext(_ step: Int)
    mutating func settle(takeTheirs: Bool)
    mutating func edit(_ key: Key) -> Bool
    /// Saves the form: the change to apply, or the form kept open with what to fix.
    static func save(_ form: Self, in state: inout AppState) -> [Effect]
}

extension CardForm: EditForm {
    var noun: String { "card" }
    var longText: String? { self[.description] }
    var mode: Mode { .form(self) }
    static func save(_ form: CardForm, in state: inout AppState) -> [Effect] { state.save(form) }
}

extension RaidForm: EditForm {
    var noun: String { type.rawValue }
    var longText: String? { self[.description] }
    var mode: Mode { .raidForm(self) }
    static func save(_ form: RaidForm, in state: inout AppState) -> [Effect] { state.save(form) }
}

extension AppState {
    /// The form action `key` asks for in the live keymap; nil: the key edits the field.
    func formAction(_ key: Key) -> FormAction? {
        guard case .form(let action)? = keymap.action(for: key, in: FormAction.context) else { return nil }
        return action
    }

    /// A key in an open form: the form's keys from the keymap, any other key edits the field.
    mutating func formKey<Form: EditForm>(_ key: Key, _ form: inout Form) -> [Effect] {
        let action = formAction(key)
        if sharedFormKey(action, &form) {
            mode = form.mode
            return []
        }
        switch action {
        case .cancel:
            mode = .board
            message = .info(form.isNew ? "New \(form.noun) discarded." : "Edit cancelled; nothing changed.")
            return []
        case .editDescription:
            mode = form.mode
            guard let text = form.longText else {
                message = .info("A \(form.noun) has no description; its fields say it all.")
                return []
            }
            return [.editDescription(cardID: nil, text: text)]
        case .save:
            return Form.save(form, in: &self)
        default:
            _ = form.edit(key)
        }
        mode = form.mode
        return []
    }

    /// The form keys as sentences name them.
    var formKeys: FormKeyNames {
        FormKeyNames(save: keyName(.form(.save)), cancel: keyName(.form(.cancel)), next: keyName(.form(.nextField)),
                     editor: keyName(.form(.editDescription)), takeTheirs: keyName(.form(.takeTheirs)), keepMine: keyName(.form(.keepMine)))
    }

    /// Why a save did not happen: the fields at fault, and the way out.
    func fixTheMarked(_ count: Int) -> StatusMessage {
        .error("Fix the marked field\(count == 1 ? "" : "s"), or \(keyName(.form(.cancel))) to cancel.")
    }

    /// The keys every form shares: moving between fields, and settling a field someone else
    /// changed meanwhile (take theirs, keep yours). True when `action` was one of them.
    mutating func sharedFormKey<Form: EditForm>(_ action: FormAction?, _ form: inout Form) -> Bool {
        switch action {
        case .nextField: form.focusNext(1)
        case .previousField: form.focusNext(-1)
        case .takeTheirs, .keepMine:
            guard !form.base.clashes.isEmpty else { return true }
            let theirs = action == .takeTheirs
            form.settle(takeTheirs: theirs)
            message = .info(theirs ? "Took their values; \(keyName(.form(.save))) saves the rest of your edits." : "Kept your values; \(keyName(.form(.save))) saves them over theirs.")
        default: return false
        }
        return true
    }
}
