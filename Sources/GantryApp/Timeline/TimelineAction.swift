import TerminalUI

/// What the timeline's own keys ask for: edits that reschedule at once, and the view.
public enum TimelineAction: String, Hashable, Sendable, CaseIterable {
    case startEarlier, startLater, deleteTask, zoom, fold, longer, shorter, progress, logTime, today, level

    /// The shift keys keep the board's names (`move-card-left`, …), so a `[keys]` rebinding
    /// moves cards and tasks alike.
    static let bindings: [KeyMap<AppAction>.Binding] = [
        .init([.shiftLeft, .char("H"), .char("<")], .timeline(.startEarlier), name: "move-card-left", help: "Start the task a working day earlier", group: "Timeline", context: "timeline"),
        .init([.shiftRight, .char("L"), .char(">")], .timeline(.startLater), name: "move-card-right", help: "Start the task a working day later", group: "Timeline", context: "timeline"),
        .init([.char("d"), .delete], .timeline(.deleteTask), name: "delete-card", help: "Delete the task (asks first)", group: "Timeline", context: "timeline"),
        .init([.char("z")], .timeline(.zoom), name: "zoom", help: "Zoom day, week, month, quarter", group: "Timeline", context: "timeline"),
        .init([.char(" ")], .timeline(.fold), name: "fold", help: "Fold or unfold a phase", group: "Timeline", context: "timeline"),
        .init([.char("+")], .timeline(.longer), name: "longer", help: "One working day longer", group: "Timeline", context: "timeline"),
        .init([.char("-")], .timeline(.shorter), name: "shorter", help: "One working day shorter", group: "Timeline", context: "timeline"),
        .init([.char("p")], .timeline(.progress), name: "progress", help: "Progress +10% (after 100%, back to 0)", group: "Timeline", context: "timeline"),
        .init([.char("T")], .timeline(.logTime), name: "log-time", help: "Log time on the task: hours, who, day", group: "Timeline", context: "timeline"),
        .init([.char("t")], .timeline(.today), name: "today", help: "Scroll to today", group: "Timeline", context: "timeline"),
        .init([.char("V")], .timeline(.level), name: "level", help: "Level: no one over their hours (asks first)", group: "Timeline", context: "timeline"),
    ]
}
