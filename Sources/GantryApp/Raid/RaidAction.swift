import TerminalUI

/// What the RAID log's own keys ask for.
public enum RaidAction: String, Hashable, Sendable, CaseIterable {
    case newItem, editItem, deleteItem, nextLog, previousLog, toggleHeatmap, toggleResidual, cycleSort, closeItem, occurRisk

    /// Names shared with the board's keys (`new-card`, …) stay, so a `[keys]` rebinding of
    /// one reaches both screens as it always did.
    static let bindings: [KeyMap<AppAction>.Binding] = [
        .init([.char("n")], .raid(.newItem), name: "new-card", help: "New item in this log", group: "RAID log", context: "raid"),
        .init([.enter, .char("e")], .raid(.editItem), name: "edit-card", help: "Edit the item", group: "RAID log", context: "raid"),
        .init([.char("d"), .delete], .raid(.deleteItem), name: "delete-card", help: "Delete the item (asks first)", group: "RAID log", context: "raid"),
        .init([.char("]")], .raid(.nextLog), name: "next-log", help: "Next log (risks → assumptions → …)", group: "RAID log", context: "raid"),
        .init([.char("[")], .raid(.previousLog), name: "previous-log", help: "Previous log", group: "RAID log", context: "raid"),
        .init([.tab, .char("m")], .raid(.toggleHeatmap), name: "heatmap", help: "Table or heat map (arrows pick a cell)", group: "RAID log", context: "raid"),
        .init([.char("r")], .raid(.toggleResidual), name: "residual", help: "Inherent or residual scores", group: "RAID log", context: "raid"),
        .init([.char("o"), .char("s")], .raid(.cycleSort), name: "sort", help: "Sort by score, proximity, review, owner, key", group: "RAID log", context: "raid"),
        .init([.char("c")], .raid(.closeItem), name: "close-item", help: "Close the item (asks first)", group: "RAID log", context: "raid"),
        .init([.char("O")], .raid(.occurRisk), name: "occur", help: "The risk happened: make it an issue (asks first)", group: "RAID log", context: "raid"),
    ]
}
