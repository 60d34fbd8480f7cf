import TerminalUI

/// What the keys that work on every screen ask for. Moving the selection is global as a key
/// (`j` is down everywhere) but each screen decides what down means, so it reaches the screen
/// as a `Motion`.
public enum GlobalAction: String, Hashable, Sendable, CaseIterable {
    case selectLeft, selectRight, selectUp, selectDown, selectTop, selectBottom, pageUp, pageDown
    case undo, redo, filter, clearFilter, command, help, quit
    case togglePanel, activityPerson, follow

    /// The movement this action asks of the screen, if it is one.
    var motion: Motion? {
        switch self {
        case .selectLeft: return .left
        case .selectRight: return .right
        case .selectUp: return .up
        case .selectDown: return .down
        case .selectTop: return .top
        case .selectBottom: return .bottom
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        default: return nil
        }
    }

    typealias Binding = KeyMap<AppAction>.Binding

    /// The keys before the screens' openers in the help: arrows and vim keys both move.
    static let bindings: [Binding] = [
        .init([.left, .char("h")], .global(.selectLeft), name: "select-left", help: "Left (column, heat-map cell, date, speaker)", group: "Move around"),
        .init([.right, .char("l")], .global(.selectRight), name: "select-right", help: "Right (column, heat-map cell, date, speaker)", group: "Move around"),
        .init([.up, .char("k")], .global(.selectUp), name: "select-up", help: "Up one row", group: "Move around"),
        .init([.down, .char("j")], .global(.selectDown), name: "select-down", help: "Down one row", group: "Move around"),
        .init([.home, .char("g")], .global(.selectTop), name: "select-top", help: "The first row", group: "Move around"),
        .init([.end, .char("G")], .global(.selectBottom), name: "select-bottom", help: "The last row", group: "Move around"),
        .init([.pageUp, .ctrl("b")], .global(.pageUp), name: "page-up", help: "Up one screen", group: "Move around"),
        .init([.pageDown, .ctrl("f")], .global(.pageDown), name: "page-down", help: "Down one screen", group: "Move around"),
        .init([.char("u")], .global(.undo), name: "undo", help: "Undo your last change", group: "Edit"),
        .init([.ctrl("r")], .global(.redo), name: "redo", help: "Redo what you undid", group: "Edit"),
        .init([.char("/")], .global(.filter), name: "filter", help: "Filter (the syntax of card list and risk list)", group: "View"),
        .init([.escape], .global(.clearFilter), name: "clear-filter", help: "Clear the filter", group: "View"),
        .init([.char(":")], .global(.command), name: "command", help: "Command line (:help lists commands)", group: "View"),
        .init([.char("?")], .global(.help), name: "help", help: "This help", group: "View"),
        .init([.char("q")], .global(.quit), name: "quit", help: "Quit", group: "View"),
    ]

    /// The keys after the openers: working together.
    static let sharingBindings: [Binding] = [
        .init([.char("w")], .global(.togglePanel), name: "panel", help: "Side panel: who is here, the activity feed", group: "Together"),
        .init([.char("W")], .global(.activityPerson), name: "activity-person", help: "Activity feed: everyone, or one person at a time", group: "Together"),
        .init([.char("F")], .global(.follow), name: "follow", help: "Follow another session, read-only (again: stop)", group: "Together"),
    ]
}

/// A move of the selection, as each screen reads it (a column, a heat-map cell, a date, a speaker).
public enum Motion: Sendable, Equatable {
    case left, right, up, down, top, bottom, pageUp, pageDown
}
