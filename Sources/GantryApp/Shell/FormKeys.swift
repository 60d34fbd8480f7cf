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
    /// The keys every form shares: moving between fields, and settling a field someone else
    /// changed meanwhile (C-t takes theirs, C-y keeps yours). True when `key` was one of them.
    mutating func sharedFormKey<Form: EditForm>(_ key: Key, _ form: inout Form) -> Bool {
        switch key {
        case .tab, .down: form.focusNext(1)
        case .backTab, .up: form.focusNext(-1)
        case .ctrl("t"), .ctrl("y"):
            guard !form.base.clashes.isEmpty else { return true }
            let theirs = key == .ctrl("t")
            form.settle(takeTheirs: theirs)
            message = .info(theirs ? "Took their values; Enter saves the rest of your edits." : "Kept your values; Enter saves them over theirs.")
        default: return false
        }
        return true
    }
}
