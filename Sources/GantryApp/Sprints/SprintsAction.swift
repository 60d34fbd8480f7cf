import TerminalUI

/// The planning screen's own keys. Moving a card across keeps the board's names
/// (`move-card-left`, `move-card-right`), so a `[keys]` rebinding moves cards everywhere alike.
public enum SprintsAction: String, Hashable, Sendable, CaseIterable {
    case toSprint, toBacklog, start, close, previousSprint, nextSprint

    static let bindings: [KeyMap<AppAction>.Binding] = [
        .init([.shiftRight, .char("L"), .char(">")], .sprints(.toSprint), name: "move-card-right", help: "Put the card in the sprint on the right", group: "Sprints", context: "sprints"),
        .init([.shiftLeft, .char("H"), .char("<")], .sprints(.toBacklog), name: "move-card-left", help: "Take the card back to the backlog", group: "Sprints", context: "sprints"),
        .init([.char("s")], .sprints(.start), name: "start-sprint", help: "Start the sprint (asks for its goal and end)", group: "Sprints", context: "sprints"),
        .init([.char("c")], .sprints(.close), name: "close-sprint", help: "Close the active sprint; asks where the rest goes", group: "Sprints", context: "sprints"),
        .init([.char("[")], .sprints(.previousSprint), name: "previous-sprint", help: "Plan the sprint before", group: "Sprints", context: "sprints"),
        .init([.char("]")], .sprints(.nextSprint), name: "next-sprint", help: "Plan the sprint after", group: "Sprints", context: "sprints"),
    ]
}
