import Foundation

/// Intent-named changes for members, boards and columns.
extension ProjectSnapshot {
    public func addMember(handle: String, name: String?, role: String?, capacity: Double?, costRate: Double?) throws -> Change {
        let h = try Limits.handle(handle)
        guard members[h] == nil else { throw PlanningError.refused("A member with handle \(h) already exists.") }
        let member = Member(handle: h, name: try Limits.line(name ?? h, field: "name", length: Limits.nameLength),
                            role: try Limits.line(role ?? "", field: "role", length: 0...60),
                            capacity: try Self.capacity(capacity ?? 1), costRate: try costRate.map(Self.costRate))
        return Change(summary: "added member \(h)", edits: [member.creation()])
    }

    public func editMember(_ member: Member, name: String?, role: String?, capacity: Double?, costRate: Double??) throws -> Change {
        var values: [(String, Value)] = []
        if let name { values.append(("name", .text(try Limits.line(name, field: "name", length: Limits.nameLength)))) }
        if let role { values.append(("role", .text(try Limits.line(role, field: "role", length: 0...60)))) }
        if let capacity { values.append(("capacity", .real(try Self.capacity(capacity)))) }
        if let costRate { values.append(("costRate", Value(try costRate.map(Self.costRate)))) }
        guard let edit = member.update(values) else { return Change(summary: "no change to \(member.handle)", edits: []) }
        return Change(summary: "edited member \(member.handle)", edits: [edit])
    }

    /// Removes a member; refuses while cards are assigned unless `unassign` clears them in the same change.
    public func removeMember(_ member: Member, unassign: Bool) throws -> Change {
        let who = member.handle
        let assigned = cards.values.filter { $0.assignee == who }.sorted { $0.number < $1.number }
        let owned = raidItems.values.filter { $0.owner == who }.sorted { ($0.type.rawValue, $0.number) < ($1.type.rawValue, $1.number) }
        let onTasks = tasks.values.filter { $0.assignees.contains(who) }.sorted { $0.number < $1.number }
        if !unassign && !(assigned.isEmpty && owned.isEmpty && onTasks.isEmpty) {
            func part(_ keys: [String], _ phrase: String, _ one: String, _ many: String) -> String? {
                keys.isEmpty ? nil : "\(phrase) \(keys.count) \(keys.count == 1 ? one : many) (\(keys.prefix(5).joined(separator: ", "))\(keys.count > 5 ? ", …" : ""))"
            }
            let parts = [part(assigned.map(\.key), "is assigned to", "card", "cards"),
                         part(owned.map(\.key), "owns", "RAID item", "RAID items"),
                         part(onTasks.map(\.key), "is on", "task", "tasks")].compactMap { $0 }
            let list = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts.last! : parts[0]
            throw PlanningError.refused("\(who) \(list). Reassign them first.", remedy: .unassign)
        }
        let edits = assigned.compactMap { $0.update([("assignee", .null)]) }
            + owned.compactMap { $0.update([("owner", .null)]) }
            + onTasks.compactMap { $0.update([("assignees", .text($0.assignees.filter { $0 != who }.joined(separator: ",")))]) }
            + assignments.values.filter { $0.member == who }.sorted { $0.id < $1.id }.map { $0.deletion() }
            + leaves.values.filter { $0.member == who }.sorted { $0.start < $1.start }.map { $0.deletion() }
        return Change(summary: "removed member \(who)", edits: edits + [member.deletion()])
    }

    /// Adds a board with the given columns (the usual five when none are given).
    public func addBoard(name: String, columns names: [String]? = nil) throws -> Change {
        let n = try Limits.line(name, field: "board name", length: Limits.nameLength)
        guard !boards.values.contains(where: { $0.name.caseInsensitiveCompare(n) == .orderedSame }) else {
            throw PlanningError.refused("A board named \(n) already exists.")
        }
        let board = Board(id: UUID().uuidString.lowercased(), name: n, position: (boards.values.map(\.position).max() ?? -1) + 1)
        let specs: [(String, ColumnCategory)] = try names.map { list in
            try list.map { (try Limits.line($0, field: "column name", length: Limits.nameLength), .todo) }
        } ?? [("Backlog", .backlog), ("To do", .todo), ("In progress", .doing), ("Review", .doing), ("Done", .done)]
        let cols = specs.enumerated().map { i, spec in
            Column(id: UUID().uuidString.lowercased(), boardID: board.id, name: spec.0, position: i,
                   category: names == nil ? spec.1 : Self.guessCategory(index: i, count: specs.count))
        }
        return Change(summary: "added board \(n)", edits: [board.creation()] + cols.map { $0.creation() })
    }

    public func renameBoard(_ board: Board, to name: String) throws -> Change {
        let n = try Limits.line(name, field: "board name", length: Limits.nameLength)
        if boards.values.contains(where: { $0.id != board.id && $0.name.caseInsensitiveCompare(n) == .orderedSame }) {
            throw PlanningError.refused("A board named \(n) already exists.")
        }
        return Change(summary: "renamed board \(board.name) → \(n)", edits: [board.update([("name", .text(n))])].compactMap { $0 })
    }

    public func addColumn(to board: Board, name: String, wipLimit: Int?, category: ColumnCategory?, position: Int?) throws -> Change {
        let n = try Limits.line(name, field: "column name", length: Limits.nameLength)
        let cols = columns(of: board.id)
        guard !cols.contains(where: { $0.name.caseInsensitiveCompare(n) == .orderedSame }) else {
            throw PlanningError.refused("Board \(board.name) already has a column named \(n).")
        }
        if let wipLimit { try Self.checkWIPLimit(wipLimit) }
        let index = min(max(0, (position ?? cols.count + 1) - 1), cols.count)
        let column = Column(id: UUID().uuidString.lowercased(), boardID: board.id, name: n, position: index,
                            wipLimit: wipLimit, category: category ?? .doing)
        var order = cols
        order.insert(column, at: index)
        let shifts = order.enumerated().compactMap { i, c in c.id == column.id ? nil : c.update([("position", Value(i))]) }
        return Change(summary: "added column \(n) to \(board.name)", edits: shifts + [column.creation()])
    }

    public func renameColumn(_ column: Column, to name: String) throws -> Change {
        let n = try Limits.line(name, field: "column name", length: Limits.nameLength)
        if columns(of: column.boardID).contains(where: { $0.id != column.id && $0.name.caseInsensitiveCompare(n) == .orderedSame }) {
            throw PlanningError.refused("This board already has a column named \(n).")
        }
        return Change(summary: "renamed column \(column.name) → \(n)", edits: [column.update([("name", .text(n))])].compactMap { $0 })
    }

    public func setWIPLimit(_ column: Column, to limit: Int?) throws -> Change {
        if let limit { try Self.checkWIPLimit(limit) }
        let text = limit.map { "\($0)" } ?? "none"
        return Change(summary: "set WIP limit of \(column.name) to \(text)", edits: [column.update([("wipLimit", Value(limit))])].compactMap { $0 })
    }

    /// Moves a column to a 1-based position on its board.
    public func moveColumn(_ column: Column, to position: Int) throws -> Change {
        var order = columns(of: column.boardID)
        guard (1...order.count).contains(position) else {
            throw PlanningError.invalid(field: "position", message: "\(position) is out of range; use 1 to \(order.count)")
        }
        order.removeAll { $0.id == column.id }
        order.insert(column, at: position - 1)
        let edits = order.enumerated().compactMap { i, c in c.update([("position", Value(i))]) }
        return Change(summary: "moved column \(column.name) to position \(position)", edits: edits)
    }

    /// Removes a column; its cards must be moved to `destination` in the same change, or it must be empty.
    public func removeColumn(_ column: Column, movingCardsTo destination: Column?, now: Date) throws -> Change {
        let held = cards.values.filter { $0.columnID == column.id }.sorted(by: Card.rankOrder)
        var edits: [EntityEdit] = []
        if !held.isEmpty {
            guard let destination else {
                throw PlanningError.refused("\(column.name) holds \(held.count) card(s). Move them first.", remedy: .moveCardsElsewhere)
            }
            guard destination.id != column.id else { throw PlanningError.invalid(field: "destination", message: "choose a different column than the one being removed") }
            let base = (cards(inColumn: destination.id).map(\.rank).max() ?? 0) + 1024
            edits = held.enumerated().compactMap { i, c in
                c.update([("columnID", .text(destination.id)), ("rank", .real(base + Double(i) * 1024)),
                          ("enteredColumnAt", .real(now.timeIntervalSince1970))])
            }
        }
        let rest = columns(of: column.boardID).filter { $0.id != column.id }
        let shifts = rest.enumerated().compactMap { i, c in c.update([("position", Value(i))]) }
        return Change(summary: "removed column \(column.name)", edits: edits + shifts + [column.deletion()])
    }

    static func checkWIPLimit(_ limit: Int) throws {
        guard Limits.wipLimit.contains(limit) else {
            throw PlanningError.invalid(field: "WIP limit", message: "\(limit) is out of range; use 1 to \(Limits.wipLimit.upperBound), or none")
        }
    }

    static func capacity(_ c: Double) throws -> Double {
        guard (0...1).contains(c) else { throw PlanningError.invalid(field: "capacity", message: "\(c) is out of range; use 0 to 1 (1 = full time)") }
        return c
    }

    static func costRate(_ c: Double) throws -> Double {
        guard c >= 0, c < 1_000_000 else { throw PlanningError.invalid(field: "cost rate", message: "\(c) is out of range; use 0 to 999999") }
        return c
    }

    static func guessCategory(index: Int, count: Int) -> ColumnCategory {
        index == 0 ? .todo : index == count - 1 ? .done : .doing
    }
}
