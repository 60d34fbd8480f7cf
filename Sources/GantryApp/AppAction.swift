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
    /// The default bindings: arrows and vim keys both work; shifted keys move the card itself.
    public static let defaultKeyMap = KeyMap<AppAction>([
        .init([.left, .char("h")], .selectLeft, name: "select-left", help: "Select in the column to the left", group: "Move around"),
        .init([.right, .char("l")], .selectRight, name: "select-right", help: "Select in the column to the right", group: "Move around"),
        .init([.up, .char("k")], .selectUp, name: "select-up", help: "Select the card above", group: "Move around"),
        .init([.down, .char("j")], .selectDown, name: "select-down", help: "Select the card below", group: "Move around"),
        .init([.home, .char("g")], .selectTop, name: "select-top", help: "Select the first card of the column", group: "Move around"),
        .init([.end, .char("G")], .selectBottom, name: "select-bottom", help: "Select the last card of the column", group: "Move around"),
        .init([.pageUp, .ctrl("b")], .pageUp, name: "page-up", help: "Up one screen", group: "Move around"),
        .init([.pageDown, .ctrl("f")], .pageDown, name: "page-down", help: "Down one screen", group: "Move around"),
        .init([.shiftLeft, .char("H"), .char("<")], .moveCardLeft, name: "move-card-left", help: "Move the card to the previous column", group: "Move cards"),
        .init([.shiftRight, .char("L"), .char(">")], .moveCardRight, name: "move-card-right", help: "Move the card to the next column", group: "Move cards"),
        .init([.shiftUp, .char("K")], .moveCardUp, name: "move-card-up", help: "Move the card up in its column", group: "Move cards"),
        .init([.shiftDown, .char("J")], .moveCardDown, name: "move-card-down", help: "Move the card down in its column", group: "Move cards"),
        .init([.char("n")], .newCard, name: "new-card", help: "New card in this column", group: "Edit"),
        .init([.enter, .char("e")], .editCard, name: "edit-card", help: "Edit the card", group: "Edit"),
        .init([.char("E")], .editDescription, name: "edit-description", help: "Edit the description in $VISUAL / $EDITOR", group: "Edit"),
        .init([.char("d"), .delete], .deleteCard, name: "delete-card", help: "Delete the card (asks first)", group: "Edit"),
        .init([.char("b")], .toggleBlocked, name: "toggle-blocked", help: "Block (with a reason) or unblock", group: "Edit"),
        .init([.char("u")], .undo, name: "undo", help: "Undo your last change", group: "Edit"),
        .init([.ctrl("r")], .redo, name: "redo", help: "Redo what you undid", group: "Edit"),
        .init([.char("/")], .filter, name: "filter", help: "Filter cards (same syntax as gantry card list)", group: "View"),
        .init([.escape], .clearFilter, name: "clear-filter", help: "Clear the filter", group: "View"),
        .init([.char("s")], .cycleSwimlanes, name: "swimlanes", help: "Swimlanes: none, assignee, priority, epic", group: "View"),
        .init([.char(":")], .command, name: "command", help: "Command line (:help lists commands)", group: "View"),
        .init([.char("?")], .help, name: "help", help: "This help", group: "View"),
        .init([.char("1")], .showBoard, name: "show-board", help: "The board", group: "Screens"),
        .init([.char("2")], .showRaid, name: "show-raid", help: "The RAID log (risks, assumptions, issues, …)", group: "Screens"),
        .init([.char("3")], .showTimeline, name: "show-timeline", help: "The timeline (Gantt chart)", group: "Screens"),
        .init([.char("4")], .showStandup, name: "show-standup", help: "Stand-up: walk the board with a timer per speaker", group: "Screens"),
        .init([.char("w")], .togglePanel, name: "panel", help: "Side panel: who is here, the activity feed", group: "Together"),
        .init([.char("W")], .activityPerson, name: "activity-person", help: "Activity feed: everyone, or one person at a time", group: "Together"),
        .init([.char("F")], .follow, name: "follow", help: "Follow another session, read-only (again: stop)", group: "Together"),
        .init([.char(".")], .nextSpeaker, name: "next-speaker", help: "Stand-up: next speaker", group: "Stand-up"),
        .init([.char(",")], .previousSpeaker, name: "previous-speaker", help: "Stand-up: previous speaker", group: "Stand-up"),
        .init([.char("S")], .shuffleSpeakers, name: "shuffle", help: "Stand-up: shuffle the speakers still to come", group: "Stand-up"),
        .init([.char("v")], .standupOrder, name: "standup-order", help: "Stand-up: walk the board, or person by person", group: "Stand-up"),
        .init([.char("a")], .captureAction, name: "capture-action", help: "Stand-up: new action card for the speaker", group: "Stand-up"),
        .init([.char("R")], .captureRisk, name: "capture-risk", help: "Stand-up: new risk owned by the speaker", group: "Stand-up"),
        .init([.char("D")], .captureDecision, name: "capture-decision", help: "Stand-up: record a decision", group: "Stand-up"),
        .init([.char("X")], .endStandup, name: "end-standup", help: "Stand-up: end it and save the summary", group: "Stand-up"),
        .init([.char("z")], .zoom, name: "zoom", help: "Timeline: zoom day, week, month, quarter", group: "Timeline"),
        .init([.char(" ")], .fold, name: "fold", help: "Timeline: fold or unfold a phase", group: "Timeline"),
        .init([.char("+")], .longer, name: "longer", help: "Timeline: one working day longer", group: "Timeline"),
        .init([.char("-")], .shorter, name: "shorter", help: "Timeline: one working day shorter", group: "Timeline"),
        .init([.char("p")], .progress, name: "progress", help: "Timeline: progress +10% (after 100%, back to 0)", group: "Timeline"),
        .init([.char("t")], .today, name: "today", help: "Timeline: scroll to today", group: "Timeline"),
        .init([.char("]")], .nextLog, name: "next-log", help: "RAID: next log (risks → assumptions → …)", group: "RAID log"),
        .init([.char("[")], .previousLog, name: "previous-log", help: "RAID: previous log", group: "RAID log"),
        .init([.tab, .char("m")], .toggleHeatmap, name: "heatmap", help: "RAID: table or heat map (arrows pick a cell)", group: "RAID log"),
        .init([.char("r")], .toggleResidual, name: "residual", help: "RAID: heat map of inherent or residual scores", group: "RAID log"),
        .init([.char("o")], .cycleSort, name: "sort", help: "RAID: sort by score, proximity, review, owner", group: "RAID log"),
        .init([.char("c")], .closeItem, name: "close-item", help: "RAID: close the item", group: "RAID log"),
        .init([.char("O")], .occurRisk, name: "occur", help: "RAID: the risk happened — make it an issue", group: "RAID log"),
        .init([.char("q")], .quit, name: "quit", help: "Quit", group: "View"),
    ])
}
