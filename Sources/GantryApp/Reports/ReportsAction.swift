import TerminalUI

/// The Reports screen's own keys: which range and which sprint the charts cover. The chart is
/// picked with the up and down keys, the day (or sprint, or week) with left and right.
public enum ReportsAction: String, Hashable, Sendable, CaseIterable {
    case range, previousSprint, nextSprint

    static let bindings: [KeyMap<AppAction>.Binding] = [
        .init([.char("r")], .reports(.range), name: "range", help: "Weeks of history charted: 4, 12, 26, 52", group: "Reports", context: "reports"),
        .init([.char("[")], .reports(.previousSprint), name: "previous-sprint", help: "Burndown and burnup of the sprint before", group: "Reports", context: "reports"),
        .init([.char("]")], .reports(.nextSprint), name: "next-sprint", help: "Burndown and burnup of the sprint after", group: "Reports", context: "reports"),
    ]
}
