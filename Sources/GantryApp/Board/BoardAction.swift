import TerminalUI

/// What the board's own keys ask for; shifted keys move the card itself.
public enum BoardAction: String, Hashable, Sendable, CaseIterable {
    case moveCardLeft, moveCardRight, moveCardUp, moveCardDown
    case newCard, editCard, editDescription, deleteCard, toggleBlocked, cycleSwimlanes

    static let bindings: [KeyMap<AppAction>.Binding] = [
        .init([.shiftLeft, .char("H"), .char("<")], .board(.moveCardLeft), name: "move-card-left", help: "Move the card to the previous column", group: "Move cards", context: "board"),
        .init([.shiftRight, .char("L"), .char(">")], .board(.moveCardRight), name: "move-card-right", help: "Move the card to the next column", group: "Move cards", context: "board"),
        .init([.shiftUp, .char("K")], .board(.moveCardUp), name: "move-card-up", help: "Move the card up in its column", group: "Move cards", context: "board"),
        .init([.shiftDown, .char("J")], .board(.moveCardDown), name: "move-card-down", help: "Move the card down in its column", group: "Move cards", context: "board"),
        .init([.char("n")], .board(.newCard), name: "new-card", help: "New card in this column", group: "Edit", context: "board"),
        .init([.enter, .char("e")], .board(.editCard), name: "edit-card", help: "Edit the card", group: "Edit", context: "board"),
        .init([.char("E")], .board(.editDescription), name: "edit-description", help: "Edit the description in $VISUAL / $EDITOR", group: "Edit", context: "board"),
        .init([.char("d"), .delete], .board(.deleteCard), name: "delete-card", help: "Delete the card (asks first)", group: "Edit", context: "board"),
        .init([.char("b")], .board(.toggleBlocked), name: "toggle-blocked", help: "Block (with a reason) or unblock", group: "Edit", context: "board"),
        .init([.char("s")], .board(.cycleSwimlanes), name: "swimlanes", help: "Swimlanes: none, assignee, priority, epic", group: "View", context: "board"),
    ]
}
