import TerminalUI

/// What the form overlay draws: labelled one-line fields, one with focus, and a footer with the
/// focused field's hint or error. Card and RAID forms both present themselves this way.
public protocol FormRows {
    var rowCount: Int { get }
    func row(_ i: Int) -> (label: String, input: TextField, error: String?)
    var focusIndex: Int { get }
    /// The focused field's error, or what to type in it; `keys` names the form's live keys.
    func footer(keys: FormKeyNames) -> (text: String, isError: Bool)
}

extension CardForm: FormRows {
    public var rowCount: Int { Field.allCases.count }

    public func row(_ i: Int) -> (label: String, input: TextField, error: String?) {
        let field = Field.allCases[i]
        return (field.label, fields[i], errors[field])
    }

    public var focusIndex: Int { focus.rawValue }

    public func footer(keys: FormKeyNames) -> (text: String, isError: Bool) {
        if let e = errors[focus] { return ("\(focus.label): \(e)", true) }
        return ("\(focus.label): \(focus == .description ? "\(keys.editor) opens $EDITOR" : focus.hint)", false)
    }
}
