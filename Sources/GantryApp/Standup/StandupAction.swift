import TerminalUI

/// What the stand-up's own keys ask for: change speaker, capture, end.
public enum StandupAction: String, Hashable, Sendable, CaseIterable {
    case nextSpeaker, previousSpeaker, shuffleSpeakers, order, captureAction, captureRisk, captureDecision
    case toggleBlocked, editCard, editDescription, end

    static let bindings: [KeyMap<AppAction>.Binding] = [
        .init([.char(".")], .standup(.nextSpeaker), name: "next-speaker", help: "Next speaker", group: "Stand-up", context: "standup"),
        .init([.char(",")], .standup(.previousSpeaker), name: "previous-speaker", help: "Previous speaker", group: "Stand-up", context: "standup"),
        .init([.char("S")], .standup(.shuffleSpeakers), name: "shuffle", help: "Shuffle the speakers still to come", group: "Stand-up", context: "standup"),
        .init([.char("v"), .char("s")], .standup(.order), name: "standup-order", help: "Walk the board, or person by person", group: "Stand-up", context: "standup"),
        .init([.char("a"), .char("n")], .standup(.captureAction), name: "capture-action", help: "New action card for the speaker", group: "Stand-up", context: "standup"),
        .init([.char("R")], .standup(.captureRisk), name: "capture-risk", help: "New risk owned by the speaker", group: "Stand-up", context: "standup"),
        .init([.char("D")], .standup(.captureDecision), name: "capture-decision", help: "Record a decision", group: "Stand-up", context: "standup"),
        .init([.char("b")], .standup(.toggleBlocked), name: "toggle-blocked", help: "Block the card (with a reason) or unblock it", group: "Stand-up", context: "standup"),
        .init([.enter, .char("e")], .standup(.editCard), name: "edit-card", help: "Edit the card", group: "Stand-up", context: "standup"),
        .init([.char("E")], .standup(.editDescription), name: "edit-description", help: "Edit the card's description in $VISUAL / $EDITOR", group: "Stand-up", context: "standup"),
        .init([.char("X")], .standup(.end), name: "end-standup", help: "End it and save the summary", group: "Stand-up", context: "standup"),
    ]
}
