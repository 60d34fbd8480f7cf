import Foundation

/// What a session is looking at, published with its heartbeat so that `--follow` sessions can
/// show the same screen, selection and stand-up speaker. Ids, not positions: a follower whose
/// window is a different size still lands on the same card.
public struct SharedView: Codable, Sendable, Equatable {
    public var screen: String
    public var boardID: String?
    public var cardID: String?
    public var raidItemID: String?
    public var taskID: String?
    public var standup: StandupClock?

    public init(screen: String, boardID: String? = nil, cardID: String? = nil, raidItemID: String? = nil,
                taskID: String? = nil, standup: StandupClock? = nil) {
        self.screen = screen
        self.boardID = boardID
        self.cardID = cardID
        self.raidItemID = raidItemID
        self.taskID = taskID
        self.standup = standup
    }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }

    public static func decode(_ text: String) -> SharedView? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try? decoder.decode(SharedView.self, from: Data(text.utf8))
    }
}
