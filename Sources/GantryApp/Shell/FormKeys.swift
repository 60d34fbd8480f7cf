import TerminalUI

/// What the card and RAID forms share, so their keys behave the same.
protocol EditForm {
    var base: FormBase { get }
    mutating func focusNext(_ step: Int)
    mutating func settle(takeTheirs: Bool)
}

extension CardForm: EditForm {}
extension RaidForm: EditForm {}

extension AppState {
    /// The form action `key` asks for in the live keymap; nil: the key edits the field.
    func formAction(_ key: Key) -> FormAction? {
        guard case .form(let action)? = keymap.action(for: key, in: FormAction.context) else { return nil }
        return action
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
