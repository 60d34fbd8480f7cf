import Foundation
@testable import Planning

/// A board whose history is written at chosen moments (UTC), as the store would record it:
/// each change is applied to the project and appended to the flow history at its time.
struct FlowScript {
    static let utc = TimeZone(identifier: "UTC")!
    var project: ProjectSnapshot
    var history = FlowHistory()
    var board: Board
    var numbers = 0

    init() throws {
        var p = ProjectSnapshot(info: ProjectInfo(name: "Flow", keyPrefix: "F"))
        try p.apply(try p.addBoard(name: "Main"))
        try p.apply(try p.addMember(handle: "ana", name: "Ana", role: nil, capacity: 1, costRate: nil))
        try p.apply(try p.addMember(handle: "ben", name: "Ben", role: nil, capacity: 0.5, costRate: nil))
        project = p
        board = try p.board(named: nil)
    }

    /// "2026-11-03 15:00" in UTC.
    static func at(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let day = Day(String(parts[0]))!
        let hm = parts.count > 1 ? parts[1].split(separator: ":").compactMap { Int($0) } : [12, 0]
        return day.start(in: utc).addingTimeInterval(Double(hm[0] * 3600 + hm[1] * 60))
    }

    mutating func commit(_ change: Change, at: String) throws {
        var change = change
        for i in change.edits.indices where change.edits[i].kind == .card && change.edits[i].operation == .create {
            numbers += 1
            change.edits[i].fields += [FieldChange(name: "key", from: .null, to: .text("F-\(numbers)")),
                                       FieldChange(name: "number", from: .null, to: .int(Int64(numbers)))]
        }
        try project.apply(change)
        history.record(change, at: Self.at(at))
    }

    @discardableResult
    mutating func card(_ title: String, points: Double?, column: String = "To do", type: CardType = .feature, at: String) throws -> Card {
        let col = try project.column(named: column, on: board)
        try commit(try project.addCard(CardDraft(title: title, type: type, estimate: .some(points)), board: board, column: col, force: true, now: Self.at(at)), at: at)
        return try project.card(key: "F-\(numbers)")
    }

    mutating func move(_ key: String, to column: String, at: String) throws {
        let card = try project.card(key: key)
        try commit(try project.moveCard(card, to: try project.column(named: column, on: board), force: true, now: Self.at(at)), at: at)
    }

    mutating func sprint(_ name: String, start: String, end: String, at: String) throws -> Sprint {
        try commit(try project.addSprint(board: board, name: name, goal: nil, start: Day(start), end: Day(end), now: Self.at(at)), at: at)
        return try project.sprint(named: name)
    }

    mutating func put(_ key: String, in sprint: String?, at: String) throws {
        let card = try project.card(key: key)
        try commit(try project.setSprint(of: card, to: try sprint.map { try project.sprint(named: $0) }), at: at)
    }

    mutating func start(_ name: String, at: String) throws {
        let sprint = try project.sprint(named: name)
        let now = Self.at(at)
        try commit(try project.startSprint(sprint, goal: "Ship it", end: nil, today: Day.containing(now, in: Self.utc), now: now), at: at)
    }

    func context(now: String) -> FlowContext {
        FlowContext(project: project, history: history, board: board, now: Self.at(now), timeZone: Self.utc)
    }
}
