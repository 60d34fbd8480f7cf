import Planning
import TerminalUI

/// A question in the status bar before a destructive or final step (delete a task, close or
/// turn a risk into an issue, quit a running stand-up): one key per answer, any other key keeps
/// things as they are. The effects are computed before asking, so what is confirmed is exactly
/// what happens.
public struct Confirmation: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        public var key: Character
        public var label: String
        public var effects: [Effect]
    }

    public var question: String
    public var choices: [Choice]
    /// Said when another key is pressed.
    public var declined: String

    /// The status-bar line: the question, each key with what it does, and the way out.
    public var prompt: String {
        " \(question) " + choices.map { "\($0.key) \($0.label)" }.joined(separator: " · ") + " · any other key keeps it"
    }

    public static func yes(_ question: String, _ label: String, _ effects: [Effect], declined: String = "Nothing changed.") -> Confirmation {
        Confirmation(question: question, choices: [Choice(key: "y", label: label, effects: effects)], declined: declined)
    }
}

extension AppState {
    mutating func answer(_ confirmation: Confirmation, with key: Key) -> [Effect] {
        mode = .board
        if case .char(let c) = key, let choice = confirmation.choices.first(where: { $0.key == Character(c.lowercased()) }) {
            return choice.effects
        }
        message = .info(confirmation.declined)
        return []
    }

    /// Quitting asks first while a stand-up is running: its summary is saved only when it ends.
    mutating func requestQuit() -> [Effect] {
        guard self.standup.clock != nil else { return [.quit] }
        mode = .confirm(Confirmation(question: "A stand-up is running.", choices: [
            .init(key: "y", label: "saves its summary and quits", effects: [.endStandup, .quit]),
            .init(key: "n", label: "quits without saving it", effects: [.quit]),
        ], declined: "The stand-up goes on."))
        return []
    }
}
