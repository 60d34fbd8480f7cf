/// The whole project as the domain sees it at one moment: what the store loads, what the CLI and
/// the screens read, and what a `Change` is applied to.
public struct ProjectSnapshot: Sendable {
    public var info: ProjectInfo
    public var members: [String: Member] = [:]
    public var boards: [String: Board] = [:]
    public var columns: [String: Column] = [:]
    public var cards: [String: Card] = [:]
    public var raidItems: [String: RaidItem] = [:]
    public var raidLinks: [String: RaidLink] = [:]
    public var tasks: [String: PlanTask] = [:]
    public var taskLinks: [String: TaskLink] = [:]
    public var holidays: [String: Holiday] = [:]
    public var baselines: [String: Baseline] = [:]
    public var taskCards: [String: TaskCardLink] = [:]
    public var sprints: [String: Sprint] = [:]
    public var leaves: [String: Leave] = [:]
    public var assignments: [String: Assignment] = [:]
    public var timeEntries: [String: TimeEntry] = [:]
    public var fixedCosts: [String: FixedCost] = [:]

    public init(info: ProjectInfo) {
        self.info = info
    }

    /// Applies a change that the store has accepted (or is about to), keeping the snapshot in
    /// step without a reload.
    public mutating func apply(_ change: Change) throws {
        for edit in change.edits { try apply(edit) }
    }

    public mutating func apply(_ edit: EntityEdit) throws {
        switch edit.kind {
        case .project:
            var f = info.fields
            for c in edit.fields { f[c.name] = c.to }
            info = try ProjectInfo(fields: f)
        case .member: try Self.apply(edit, to: &members)
        case .board: try Self.apply(edit, to: &boards)
        case .column: try Self.apply(edit, to: &columns)
        case .card: try Self.apply(edit, to: &cards)
        case .raid: try Self.apply(edit, to: &raidItems)
        case .raidLink: try Self.apply(edit, to: &raidLinks)
        case .task: try Self.apply(edit, to: &tasks)
        case .taskLink: try Self.apply(edit, to: &taskLinks)
        case .holiday: try Self.apply(edit, to: &holidays)
        case .baseline: try Self.apply(edit, to: &baselines)
        case .taskCard: try Self.apply(edit, to: &taskCards)
        case .sprint: try Self.apply(edit, to: &sprints)
        case .leave: try Self.apply(edit, to: &leaves)
        case .assignment: try Self.apply(edit, to: &assignments)
        case .timeEntry: try Self.apply(edit, to: &timeEntries)
        case .fixedCost: try Self.apply(edit, to: &fixedCosts)
        }
    }

    private static func apply<E: Entity>(_ edit: EntityEdit, to table: inout [String: E]) throws {
        switch edit.operation {
        case .delete:
            table[edit.id] = nil
        case .create:
            var f = edit.newValues
            f["id"] = .text(edit.id)
            table[edit.id] = try E(fields: f)
        case .update:
            guard let existing = table[edit.id] else { return }
            var f = existing.fields
            for c in edit.fields { f[c.name] = c.to }
            table[edit.id] = try E(fields: f)
        }
    }

    // MARK: Lookups

    public var sortedBoards: [Board] { boards.values.sorted { ($0.position, $0.name) < ($1.position, $1.name) } }
    public var sortedMembers: [Member] { members.values.sorted { $0.handle < $1.handle } }

    public func columns(of boardID: String) -> [Column] {
        columns.values.filter { $0.boardID == boardID }.sorted { ($0.position, $0.name) < ($1.position, $1.name) }
    }

    /// Cards of a column in rank order (archived cards excluded).
    public func cards(inColumn columnID: String) -> [Card] {
        cards.values.filter { $0.columnID == columnID && !$0.archived }.sorted(by: Card.rankOrder)
    }

    public func activeCount(inColumn columnID: String) -> Int {
        cards.values.reduce(0) { $0 + ($1.columnID == columnID && !$1.archived ? 1 : 0) }
    }

    /// The board a command means: the named one, else the first board.
    public func board(named name: String?) throws -> Board {
        let boards = sortedBoards
        guard let name else {
            guard let first = boards.first else { throw PlanningError.refused("This project has no board yet.", remedy: .addBoard) }
            return first
        }
        if let b = boards.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) { return b }
        throw PlanningError.notFound(what: "board", name: name, hint: "Boards: \(boards.map(\.name).joined(separator: ", ")).")
    }

    public func column(named name: String, on board: Board) throws -> Column {
        let cols = columns(of: board.id)
        if let c = cols.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) { return c }
        throw PlanningError.notFound(what: "column", name: name, hint: "Columns on \(board.name): \(cols.map(\.name).joined(separator: ", ")).")
    }

    public func card(key: String) throws -> Card {
        let wanted = key.uppercased()
        if let c = cards.values.first(where: { $0.key == wanted }) { return c }
        throw PlanningError.notFound(what: "card", name: key, hint: "", remedy: .listCards)
    }

    public func member(handle: String) throws -> Member {
        if let m = members[handle.lowercased()] { return m }
        let known = sortedMembers.map(\.handle)
        throw PlanningError.notFound(what: "member", name: handle, hint: known.isEmpty ? "" : "Members: \(known.joined(separator: ", ")).",
                                     remedy: known.isEmpty ? .addMember : nil)
    }
}

extension Card {
    /// Rank order within a column; the key breaks ties so the order is stable everywhere.
    public static func rankOrder(_ a: Card, _ b: Card) -> Bool {
        a.rank != b.rank ? a.rank < b.rank : a.number < b.number
    }
}
