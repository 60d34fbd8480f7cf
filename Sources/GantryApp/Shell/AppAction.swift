import TerminalUI

/// Everything a key can ask the app to do. Keys map to these through the keymap (data), so
/// bindings can be changed in the config file and the help overlay lists them truthfully.
public enum AppAction: String, Hashable, Sendable, CaseIterable {
    case selectLeft, selectRight, selectUp, selectDown, selectTop, selectBottom, pageUp, pageDown
    case moveCardLeft, moveCardRight, moveCardUp, moveCardDown
    case newCard, editCard, editDescription, deleteCard, toggleBlocked
    case filter, clearFilter, cycleSwimlanes, undo, redo, help, command, quit
    case showBoard, showRaid, nextLog, previousLog, toggleHeatmap, toggleResidual, cycleSort, closeItem, occurRisk
    case showTimeline, zoom, fold, longer, shorter, progress, today
    case showStandup, nextSpeaker, previousSpeaker, shuffleSpeakers, standupOrder, captureAction, captureRisk, captureDecision
    case endStandup, togglePanel, activityPerson, follow
}

extension AppAction {
    private typealias B = KeyMap<AppAction>.Binding

    /// The default bindings: arrows and vim keys both work; shifted keys move the card itself.
    public static let defaultKeyMap = KeyMap<AppAction>(globalKeys + boardKeys + raidKeys + timelineKeys + standupKeys)

    private static let globalKeys: [B] = [
        .init([.left, .char("h")], .selectLeft, name: "select-left", help: "Left (column, heat-map cell, date, speaker)", group: "Move around"),
        .init([.right, .char("l")], .selectRight, name: "select-right", help: "Right (column, heat-map cell, date, speaker)", group: "Move around"),
        .init([.up, .char("k")], .selectUp, name: "select-up", help: "Up one row", group: "Move around"),
        .init([.down, .char("j")], .selectDown, name: "select-down", help: "Down one row", group: "Move around"),
        .init([.home, .char("g")], .selectTop, name: "select-top", help: "The first row", group: "Move around"),
        .init([.end, .char("G")], .selectBottom, name: "select-bottom", help: "The last row", group: "Move around"),
        .init([.pageUp, .ctrl("b")], .pageUp, name: "page-up", help: "Up one screen", group: "Move around"),
        .init([.pageDown, .ctrl("f")], .pageDown, name: "page-down", help: "Down one screen", group: "Move around"),
        .init([.char("u")], .undo, name: "undo", help: "Undo your last change", group: "Edit"),
        .init([.ctrl("r")], .redo, name: "redo", help: "Redo what you undid", group: "Edit"),
        .init([.char("/")], .filter, name: "filter", help: "Filter (the syntax of card list and risk list)", group: "View"),
        .init([.escape], .clearFilter, name: "clear-filter", help: "Clear the filter", group: "View"),
        .init([.char(":")], .command, name: "command", help: "Command line (:help lists commands)", group: "View"),
        .init([.char("?")], .help, name: "help", help: "This help", group: "View"),
        .init([.char("q")], .quit, name: "quit", help: "Quit", group: "View"),
        .init([.char("1")], .showBoard, name: "show-board", help: "The board", group: "Screens"),
        .init([.char("2")], .showRaid, name: "show-raid", help: "The RAID log (risks, assumptions, issues, …)", group: "Screens"),
        .init([.char("3")], .showTimeline, name: "show-timeline", help: "The timeline (Gantt chart)", group: "Screens"),
        .init([.char("4")], .showStandup, name: "show-standup", help: "Stand-up: walk the board with a timer per speaker", group: "Screens"),
        .init([.char("w")], .togglePanel, name: "panel", help: "Side panel: who is here, the activity feed", group: "Together"),
        .init([.char("W")], .activityPerson, name: "activity-person", help: "Activity feed: everyone, or one person at a time", group: "Together"),
        .init([.char("F")], .follow, name: "follow", help: "Follow another session, read-only (again: stop)", group: "Together"),
    ]

    private static let boardKeys: [B] = [
        .init([.shiftLeft, .char("H"), .char("<")], .moveCardLeft, name: "move-card-left", help: "Move the card to the previous column", group: "Move cards", context: "board"),
        .init([.shiftRight, .char("L"), .char(">")], .moveCardRight, name: "move-card-right", help: "Move the card to the next column", group: "Move cards", context: "board"),
        .init([.shiftUp, .char("K")], .moveCardUp, name: "move-card-up", help: "Move the card up in its column", group: "Move cards", context: "board"),
        .init([.shiftDown, .char("J")], .moveCardDown, name: "move-card-down", help: "Move the card down in its column", group: "Move cards", context: "board"),
        .init([.char("n")], .newCard, name: "new-card", help: "New card in this column", group: "Edit", context: "board"),
        .init([.enter, .char("e")], .editCard, name: "edit-card", help: "Edit the card", group: "Edit", context: "board"),
        .init([.char("E")], .editDescription, name: "edit-description", help: "Edit the description in $VISUAL / $EDITOR", group: "Edit", context: "board"),
        .init([.char("d"), .delete], .deleteCard, name: "delete-card", help: "Delete the card (asks first)", group: "Edit", context: "board"),
        .init([.char("b")], .toggleBlocked, name: "toggle-blocked", help: "Block (with a reason) or unblock", group: "Edit", context: "board"),
        .init([.char("s")], .cycleSwimlanes, name: "swimlanes", help: "Swimlanes: none, assignee, priority, epic", group: "View", context: "board"),
    ]

    private static let raidKeys: [B] = [
        .init([.char("n")], .newCard, name: "new-card", help: "New item in this log", group: "RAID log", context: "raid"),
        .init([.enter, .char("e")], .editCard, name: "edit-card", help: "Edit the item", group: "RAID log", context: "raid"),
        .init([.char("d"), .delete], .deleteCard, name: "delete-card", help: "Delete the item (asks first)", group: "RAID log", context: "raid"),
        .init([.char("]")], .nextLog, name: "next-log", help: "Next log (risks → assumptions → …)", group: "RAID log", context: "raid"),
        .init([.char("[")], .previousLog, name: "previous-log", help: "Previous log", group: "RAID log", context: "raid"),
        .init([.tab, .char("m")], .toggleHeatmap, name: "heatmap", help: "Table or heat map (arrows pick a cell)", group: "RAID log", context: "raid"),
        .init([.char("r")], .toggleResidual, name: "residual", help: "Inherent or residual scores", group: "RAID log", context: "raid"),
        .init([.char("o"), .char("s")], .cycleSort, name: "sort", help: "Sort by score, proximity, review, owner, key", group: "RAID log", context: "raid"),
        .init([.char("c")], .closeItem, name: "close-item", help: "Close the item (asks first)", group: "RAID log", context: "raid"),
        .init([.char("O")], .occurRisk, name: "occur", help: "The risk happened: make it an issue (asks first)", group: "RAID log", context: "raid"),
    ]

    private static let timelineKeys: [B] = [
        .init([.shiftLeft, .char("H"), .char("<")], .moveCardLeft, name: "move-card-left", help: "Start the task a working day earlier", group: "Timeline", context: "timeline"),
        .init([.shiftRight, .char("L"), .char(">")], .moveCardRight, name: "move-card-right", help: "Start the task a working day later", group: "Timeline", context: "timeline"),
        .init([.char("d"), .delete], .deleteCard, name: "delete-card", help: "Delete the task (asks first)", group: "Timeline", context: "timeline"),
        .init([.char("z")], .zoom, name: "zoom", help: "Zoom day, week, month, quarter", group: "Timeline", context: "timeline"),
        .init([.char(" ")], .fold, name: "fold", help: "Fold or unfold a phase", group: "Timeline", context: "timeline"),
        .init([.char("+")], .longer, name: "longer", help: "One working day longer", group: "Timeline", context: "timeline"),
        .init([.char("-")], .shorter, name: "shorter", help: "One working day shorter", group: "Timeline", context: "timeline"),
        .init([.char("p")], .progress, name: "progress", help: "Progress +10% (after 100%, back to 0)", group: "Timeline", context: "timeline"),
        .init([.char("t")], .today, name: "today", help: "Scroll to today", group: "Timeline", context: "timeline"),
    ]

    private static let standupKeys: [B] = [
        .init([.char(".")], .nextSpeaker, name: "next-speaker", help: "Next speaker", group: "Stand-up", context: "standup"),
        .init([.char(",")], .previousSpeaker, name: "previous-speaker", help: "Previous speaker", group: "Stand-up", context: "standup"),
        .init([.char("S")], .shuffleSpeakers, name: "shuffle", help: "Shuffle the speakers still to come", group: "Stand-up", context: "standup"),
        .init([.char("v"), .char("s")], .standupOrder, name: "standup-order", help: "Walk the board, or person by person", group: "Stand-up", context: "standup"),
        .init([.char("a"), .char("n")], .captureAction, name: "capture-action", help: "New action card for the speaker", group: "Stand-up", context: "standup"),
        .init([.char("R")], .captureRisk, name: "capture-risk", help: "New risk owned by the speaker", group: "Stand-up", context: "standup"),
        .init([.char("D")], .captureDecision, name: "capture-decision", help: "Record a decision", group: "Stand-up", context: "standup"),
        .init([.char("b")], .toggleBlocked, name: "toggle-blocked", help: "Block the card (with a reason) or unblock it", group: "Stand-up", context: "standup"),
        .init([.enter, .char("e")], .editCard, name: "edit-card", help: "Edit the card", group: "Stand-up", context: "standup"),
        .init([.char("E")], .editDescription, name: "edit-description", help: "Edit the card's description in $VISUAL / $EDITOR", group: "Stand-up", context: "standup"),
        .init([.char("X")], .endStandup, name: "end-standup", help: "End it and save the summary", group: "Stand-up", context: "standup"),
    ]
}
