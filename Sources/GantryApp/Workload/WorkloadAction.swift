import TerminalUI

/// The Workload screen's own keys.
public enum WorkloadAction: String, Hashable, Sendable, CaseIterable {
    case zoom, today

    static let bindings: [KeyMap<AppAction>.Binding] = [
        .init([.char("z")], .workload(.zoom), name: "zoom", help: "Weeks or days", group: "Workload", context: "workload"),
        .init([.char("t")], .workload(.today), name: "today", help: "Back to this week", group: "Workload", context: "workload"),
    ]
}
