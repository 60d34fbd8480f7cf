import Foundation

/// Sprint lookups and intent-named sprint changes. A board runs at most one active sprint; a
/// closed sprint's membership and record are final.
extension ProjectSnapshot {
    /// Working days a sprint gets when no end is given: two weeks of a five-day calendar.
    public static let defaultSprintLength = 10

    public func sprints(of boardID: String) -> [Sprint] {
        sprints.values.filter { $0.boardID == boardID }.sorted(by: Sprint.order)
    }

    public func activeSprint(on boardID: String) -> Sprint? {
        sprints.values.first { $0.boardID == boardID && $0.state == .active }
    }

    /// The sprint burn charts show by default: the active one, else the last closed.
    public func sprintToChart(on boardID: String) -> Sprint? {
        activeSprint(on: boardID) ?? sprints(of: boardID).last { $0.state == .closed }
    }

    /// The sprint being planned next: the first planned one.
    public func nextSprint(on boardID: String) -> Sprint? {
        sprints(of: boardID).first { $0.state == .planned }
    }

    /// A sprint by name, on `board` when given (else on any board, when the name is unique).
    public func sprint(named name: String, on board: Board? = nil) throws -> Sprint {
        let candidates = sprints.values.filter { ($0.boardID == board?.id || board == nil) && $0.name.caseInsensitiveCompare(name) == .orderedSame }
        if candidates.count == 1 { return candidates[0] }
        let known = (board.map { sprints(of: $0.id) } ?? sprints.values.sorted(by: Sprint.order)).map(\.name)
        if candidates.count > 1 {
            throw PlanningError.refused("Several boards have a sprint named \(name); name the board with --board.")
        }
        throw PlanningError.notFound(what: "sprint", name: name, hint: known.isEmpty ? "" : "Sprints: \(known.joined(separator: ", ")).",
                                     remedy: known.isEmpty ? .addSprint : nil)
    }

    public func addSprint(board: Board, name: String, goal: String?, start: Day?, end: Day?, now: Date, id: String = NewID.random()) throws -> Change {
        let n = try sprintName(name, board: board, except: nil)
        try Self.checkSprintDates(start: start, end: end)
        for day in [start, end].compactMap({ $0 }) { try checkWorkingDay(day) }
        let sprint = Sprint(id: id, boardID: board.id, name: n, goal: try Self.sprintGoal(goal ?? ""), start: start, end: end, createdAt: now)
        return Change(summary: "added sprint \(n) to \(board.name)", edits: [sprint.creation()])
    }

    public func editSprint(_ sprint: Sprint, name: String?, goal: String?, start: Day??, end: Day??) throws -> Change {
        var values: [(String, Value)] = []
        if let name { values.append(("name", .text(try sprintName(name, board: boards[sprint.boardID], except: sprint.id)))) }
        if let goal { values.append(("goal", .text(try Self.sprintGoal(goal)))) }
        if start != nil || end != nil {
            guard sprint.state != .closed else { throw PlanningError.refused("\(sprint.name) is closed; its dates are part of its record.") }
            let s = start ?? sprint.start, e = end ?? sprint.end
            try Self.checkSprintDates(start: s, end: e)
            if sprint.state == .active, s == nil || e == nil {
                throw PlanningError.invalid(field: "dates", message: "an active sprint keeps a start and an end")
            }
            if let start { values.append(("start", Value(start))); if let day = start { try checkWorkingDay(day) } }
            if let end { values.append(("end", Value(end))); if let day = end { try checkWorkingDay(day) } }
        }
        guard let edit = sprint.update(values) else { return Change(summary: "no change to \(sprint.name)", edits: []) }
        return Change.edited(sprint.name, edit)
    }

    /// Starts a planned sprint: today (or its planned start) to `end` (or its planned end, else
    /// `defaultSprintLength` working days), with `goal` when given.
    public func startSprint(_ sprint: Sprint, goal: String?, end: Day?, today: Day, now: Date) throws -> Change {
        switch sprint.state {
        case .active: throw PlanningError.refused("\(sprint.name) is already active.")
        case .closed: throw PlanningError.refused("\(sprint.name) is closed; plan a new sprint instead.", remedy: .addSprint)
        case .planned: break
        }
        if let active = activeSprint(on: sprint.boardID) {
            throw PlanningError.refused("\(active.name) is active on \(boards[sprint.boardID]?.name ?? "this board"); a board runs one sprint at a time.",
                                        remedy: .closeActiveSprint)
        }
        let start = min(sprint.start ?? today, today)
        let calendar = calendar(today: today)
        if let end, end != sprint.end { try checkWorkingDay(end) }
        let finish = end ?? sprint.end ?? WorkingDays(calendar: calendar, from: start, through: start)
            .adding(Self.defaultSprintLength - (calendar.isWorking(start) ? 1 : 0), after: start)
        try Self.checkSprintDates(start: start, end: finish)
        var values: [(String, Value)] = [("state", .text(SprintState.active.rawValue)), ("start", Value(start)), ("end", Value(finish)),
                                         ("startedAt", .real(now.timeIntervalSince1970))]
        if let goal { values.append(("goal", .text(try Self.sprintGoal(goal)))) }
        let edits = [sprint.update(values)].compactMap { $0 }
        let count = cards.values.filter { $0.sprintID == sprint.id && !$0.archived }.count
        return Change(summary: "started \(sprint.name) (\(count) card\(count == 1 ? "" : "s"), ends \(finish))", edits: edits)
    }

    /// Closes the active sprint with its record; unfinished cards go to `carryTo` (a planned
    /// sprint on the same board) or, when nil, back to the backlog, in the same change.
    public func closeSprint(_ sprint: Sprint, record: SprintRecord, carryTo next: Sprint?, doneColumnIDs: Set<String>, now: Date) throws -> Change {
        guard sprint.state == .active else {
            throw PlanningError.refused("\(sprint.name) is \(sprint.state.rawValue); only the active sprint can be closed.")
        }
        if let next {
            guard next.boardID == sprint.boardID, next.id != sprint.id else {
                throw PlanningError.invalid(field: "carry over", message: "\(next.name) is not another sprint of this board")
            }
            guard next.state != .closed else { throw PlanningError.refused("\(next.name) is closed; carry the cards to a planned sprint or the backlog.") }
        }
        let unfinished = cards.values.filter { $0.sprintID == sprint.id && !doneColumnIDs.contains($0.columnID) }.sorted { $0.number < $1.number }
        let moves = unfinished.compactMap { $0.update([("sprintID", Value(next?.id))]) }
        var values: [(String, Value)] = [("state", .text(SprintState.closed.rawValue)), ("closedAt", .real(now.timeIntervalSince1970))]
        var closed = sprint
        closed.record = record
        for field in SprintRecord.fields { values.append((field.name, field.read(closed))) }
        let edits = moves + [sprint.update(values)].compactMap { $0 }
        let whereTo = next.map { "to \($0.name)" } ?? "to the backlog"
        return Change(summary: "closed \(sprint.name): \(record.completed.cards) done, \(unfinished.count) carried \(whereTo)", edits: edits)
    }

    /// Removes a sprint; its cards go back to the backlog in the same change.
    public func removeSprint(_ sprint: Sprint) throws -> Change {
        guard sprint.state != .active else { throw PlanningError.refused("\(sprint.name) is active; close it before removing it.") }
        let held = cards.values.filter { $0.sprintID == sprint.id }.sorted { $0.number < $1.number }
        return Change(summary: "removed sprint \(sprint.name)", edits: held.compactMap { $0.update([("sprintID", .null)]) } + [sprint.deletion()])
    }

    /// Puts a card in a sprint, or back in the backlog (nil).
    public func setSprint(of card: Card, to sprint: Sprint?) throws -> Change {
        var updated = card
        try checkSprintMove(of: card, to: sprint)
        updated.sprintID = sprint?.id
        guard let edit = card.update([("sprintID", Value(updated.sprintID))]) else { return Change(summary: "no change to \(card.key)", edits: []) }
        return Change(summary: "moved \(card.key) to \(sprint?.name ?? "the backlog")", edits: [edit])
    }

    /// A card's sprint may change only between open sprints of its own board.
    func checkSprintMove(of card: Card, to sprint: Sprint?) throws {
        if let sprint, sprint.id == card.sprintID { return }
        if let current = card.sprintID.flatMap({ sprints[$0] }), current.state == .closed {
            throw PlanningError.refused("\(card.key) was finished in \(current.name), which is closed; its record is final. Add a new card for more work.")
        }
        guard let sprint else { return }
        guard sprint.boardID == card.boardID else {
            throw PlanningError.invalid(field: "sprint", message: "\(sprint.name) is a sprint of another board than \(card.key)'s")
        }
        guard sprint.state != .closed else {
            throw PlanningError.refused("\(sprint.name) is closed; put \(card.key) in the active or a planned sprint.")
        }
    }

    /// A card of a closed sprint was done there; moving it out of done would rewrite that sprint.
    func checkClosedSprintMove(of card: Card, to column: Column) throws {
        guard let sprint = card.sprintID.flatMap({ sprints[$0] }), sprint.state == .closed else { return }
        let context = FlowContext.doneColumns(of: columns(of: card.boardID))
        guard context.contains(card.columnID), !context.contains(column.id) else { return }
        throw PlanningError.refused("\(card.key) was completed in \(sprint.name), which is closed; moving it back would rewrite that sprint. Add a new card for the rework.")
    }

    private func sprintName(_ name: String, board: Board?, except id: String?) throws -> String {
        let n = try Limits.line(name, field: "sprint name", length: Limits.nameLength)
        if let board, sprints(of: board.id).contains(where: { $0.id != id && $0.name.caseInsensitiveCompare(n) == .orderedSame }) {
            throw PlanningError.refused("\(board.name) already has a sprint named \(n).")
        }
        return n
    }

    /// Sprints start and end on working days of the project calendar.
    func checkWorkingDay(_ day: Day) throws {
        let calendar = calendar(today: day)
        guard !calendar.isWorking(day) else { return }
        var before = day.adding(days: -1)
        while !calendar.isWorking(before) { before = before.adding(days: -1) }
        var after = day.adding(days: 1)
        while !calendar.isWorking(after) { after = after.adding(days: 1) }
        let why = holidays[day.description].map { $0.name.isEmpty ? "is a holiday" : "is a holiday (\($0.name))" } ?? "is not a working day"
        throw PlanningError.invalid(field: "date", message: "\(day) \(why) of the project calendar; use \(before) or \(after)")
    }

    static func sprintGoal(_ goal: String) throws -> String {
        try Limits.line(goal, field: "goal", length: 0...200)
    }

    static func checkSprintDates(start: Day?, end: Day?) throws {
        if let start, let end, end < start {
            throw PlanningError.invalid(field: "end", message: "\(end) is before the start \(start); a sprint ends on or after the day it starts")
        }
    }
}
