import Foundation

/// How people and columns in the file become Gantry's: `--map-user jdoe=ana`,
/// `--map-column "Doing=In progress"`. Unmapped names are used as they are (people as handles
/// made from them).
public struct ImportMapping: Sendable, Equatable {
    public var users: [String: String]
    public var columns: [String: String]

    public init(users: [String: String] = [:], columns: [String: String] = [:]) {
        self.users = users
        self.columns = columns
    }

    /// Parses `from=to` pairs; a pair without `=` or with an empty side is an error naming it.
    public static func pairs(_ list: [String], option: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for entry in list {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw PlanningError.invalid(field: option, message: "\"\(entry)\" is not FROM=TO")
            }
            out[parts[0].lowercased()] = parts[1]
        }
        return out
    }
}

/// An import worked out against the project before anything is written: the changes with their
/// moments (each card created when the source says it was, done when it was resolved, so cycle
/// and lead time carry over), and what they amount to for `--dry-run`.
public struct ImportPlan: Sendable {
    public var steps: [TimedChange] = []
    public var cardsCreated = 0, cardsUpdated = 0, cardsUnchanged = 0
    public var tasksCreated = 0, tasksUpdated = 0, links = 0
    public var columnsCreated: [String] = []
    public var membersCreated: [String] = []
    public var sprintsCreated: [String] = []
    public var boardCreated: String?
    public var notes: [String] = []

    public var summary: String {
        var parts: [String] = []
        func add(_ n: Int, _ what: String) { if n > 0 { parts.append("\(n) \(what)") } }
        add(cardsCreated, cardsCreated == 1 ? "new card" : "new cards")
        add(cardsUpdated, cardsUpdated == 1 ? "card updated" : "cards updated")
        add(cardsUnchanged, cardsUnchanged == 1 ? "card unchanged" : "cards unchanged")
        add(tasksCreated, tasksCreated == 1 ? "new task" : "new tasks")
        add(tasksUpdated, tasksUpdated == 1 ? "task updated" : "tasks updated")
        add(links, links == 1 ? "dependency" : "dependencies")
        if let boardCreated { parts.append("board \(boardCreated)") }
        if !columnsCreated.isEmpty { parts.append("column\(columnsCreated.count == 1 ? "" : "s") \(columnsCreated.joined(separator: ", "))") }
        if !membersCreated.isEmpty { parts.append("member\(membersCreated.count == 1 ? "" : "s") \(membersCreated.joined(separator: ", "))") }
        if !sprintsCreated.isEmpty { parts.append("sprint\(sprintsCreated.count == 1 ? "" : "s") \(sprintsCreated.joined(separator: ", "))") }
        return parts.isEmpty ? "nothing new" : parts.joined(separator: "; ")
    }
}

/// Turns what a foreign file holds into this project's changes, checked by the same domain rules
/// as typing them: one planner for every source, so mapping, updating earlier imports and dating
/// history behave the same whichever tool the file came from.
public enum ImportPlanner {
    public static func plan(_ batch: ImportBatch, into project: ProjectSnapshot, mapping: ImportMapping, actor: String, now: Date) throws -> ImportPlan {
        var planner = Planner(p: project, batch: batch, mapping: mapping, actor: actor, now: now)
        try planner.run()
        planner.plan.notes = batch.notes + planner.plan.notes
        return planner.plan
    }

    /// A handle from a name in another tool: lower case, letters, digits and `_.-` ("Jane Doe" → "jane-doe").
    public static func handle(from name: String) -> String {
        var out = ""
        for s in name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased().unicodeScalars {
            if s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "_.-".unicodeScalars.contains(s)) {
                out.unicodeScalars.append(s)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while let f = out.unicodeScalars.first, !(f.properties.isAlphabetic || f == "_") { out.unicodeScalars.removeFirst() }
        return out.isEmpty ? "user" : String(out.prefix(32))
    }

    /// A label Gantry accepts from another tool's: lower case, spaces as dashes, other characters
    /// dropped; nil when nothing is left.
    public static func label(from text: String) -> String? {
        let folded = text.folding(options: .diacriticInsensitive, locale: Locale(identifier: "en_US_POSIX"))
        let cleaned = folded.lowercased().trimmingCharacters(in: .whitespaces).unicodeScalars.compactMap { s -> Character? in
            if s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "_.-/".unicodeScalars.contains(s)) { return Character(s) }
            return s == " " ? "-" : nil
        }
        let l = String(String(cleaned).prefix(32))
        return (try? Limits.label(l)) ?? nil
    }
}

private struct Planner {
    var p: ProjectSnapshot
    let batch: ImportBatch
    let mapping: ImportMapping
    let actor: String
    let now: Date
    var plan = ImportPlan()
    var board: Board?
    var handles: [String: String] = [:]

    init(p: ProjectSnapshot, batch: ImportBatch, mapping: ImportMapping, actor: String, now: Date) {
        self.p = p
        self.batch = batch
        self.mapping = mapping
        self.actor = actor
        self.now = now
    }

    mutating func step(_ change: Change, at: Date) throws {
        guard !change.isEmpty else { return }
        try p.apply(change)
        plan.steps.append(TimedChange(at: at, actor: actor, change: change))
    }

    mutating func run() throws {
        if !batch.items.isEmpty { try cards() }
        if !batch.tasks.isEmpty { try tasks() }
        // The journal reads in time order: structure first, then each card's history.
        plan.steps = plan.steps.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    // MARK: People

    mutating func member(_ sourceName: String?, at: Date) throws -> String? {
        guard let sourceName, !sourceName.isEmpty else { return nil }
        if let known = handles[sourceName] { return known }
        let target = mapping.users[sourceName.lowercased()] ?? sourceName
        let handle = (try? Limits.handle(target)) ?? ImportPlanner.handle(from: target)
        if p.members[handle] == nil {
            let display = batch.people[sourceName] ?? sourceName
            try step(try p.addMember(handle: handle, name: String(display.prefix(Limits.nameLength.upperBound)), role: nil, capacity: nil, costRate: nil), at: at)
            plan.membersCreated.append(handle)
        }
        handles[sourceName] = handle
        return handle
    }

    // MARK: Cards

    mutating func cards() throws {
        let earliest = min(now, batch.items.compactMap(\.createdAt).min() ?? now)
        board = try targetBoard(at: earliest)
        guard let board else { return }
        for name in batch.columns { _ = try column(named: name, done: false, at: earliest) }
        var byExternal: [String: Card] = [:]
        for c in p.cards.values { if let e = c.externalID { byExternal[e] = c } }
        var created: [String: String] = [:]
        for item in batch.items {
            let column = try column(for: item, at: earliest)
            let assignee = try member(item.assignee, at: earliest)
            let sprintName = try sprint(item.sprint, at: earliest)
            var draft = CardDraft(title: Self.title(item.title), description: String(item.description.prefix(Limits.descriptionLength.upperBound)),
                                  type: item.type, priority: item.priority, assignee: .some(assignee),
                                  labels: Array(item.labels.compactMap(ImportPlanner.label(from:)).uniqued().prefix(Limits.labelsPerCard)),
                                  estimate: .some(item.estimate), due: .some(item.due), blockedReason: .some(item.blockedReason))
            if let existing = byExternal[item.externalID] ?? created[item.externalID].flatMap({ p.cards[$0] }) {
                draft.sprintName = .some(sprintName)
                var change = try p.editCard(existing, draft)
                if existing.columnID != column.id {
                    change.edits += try p.moveCard(existing, to: column, force: true, now: now).edits
                }
                if change.isEmpty { plan.cardsUnchanged += 1; continue }
                try step(Change(summary: "updated \(existing.key) from \(batch.source)", edits: change.edits), at: now)
                plan.cardsUpdated += 1
                continue
            }
            draft.sprintName = .some(sprintName)
            let createdAt = min(item.createdAt ?? now, now)
            let id = NewID.random()
            let finishedAt = item.resolvedAt.map { max(createdAt, min($0, now)) }
            let startColumn = finishedAt != nil && item.done ? startedColumn(board) ?? column : column
            var change = try p.addCard(draft, board: board, column: startColumn, force: true, now: createdAt, id: id)
            change.edits = change.edits.map { edit in
                guard edit.id == id, edit.operation == .create else { return edit }
                var e = edit
                if let i = e.fields.firstIndex(where: { $0.name == "externalID" }) { e.fields[i].to = .text(item.externalID) }
                if item.archived, let i = e.fields.firstIndex(where: { $0.name == "archived" }) { e.fields[i].to = Value(true) }
                return e
            }
            change.summary = "imported \(EntityEdit.pendingKey(id)) from \(batch.source)"
            try step(change, at: createdAt)
            created[item.externalID] = id
            plan.cardsCreated += 1
            if let finishedAt, startColumn.id != column.id, let card = p.cards[id] {
                try step(try p.moveCard(card, to: column, force: true, now: finishedAt), at: finishedAt)
            }
        }
        try parents(byExternal: byExternal, created: created)
    }

    static func title(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        let t = line.isEmpty ? "(untitled)" : line
        return t.count > Limits.titleLength.upperBound ? String(t.prefix(Limits.titleLength.upperBound - 1)) + "…" : t
    }

    mutating func parents(byExternal: [String: Card], created: [String: String]) throws {
        var edits: [EntityEdit] = []
        var waits: [EntityEdit] = []
        for item in batch.items {
            guard let id = created[item.externalID] ?? byExternal[item.externalID]?.id, let card = p.cards[id] else { continue }
            if let parent = item.parent, let parentID = created[parent] ?? byExternal[parent]?.id, parentID != id, card.parentID != parentID,
               let edit = card.update([("parentID", .text(parentID))]) {
                edits.append(edit)
            }
            let pending = item.dependsOn.compactMap { created[$0] ?? byExternal[$0]?.id }.compactMap { p.cards[$0] }
                .filter { dep in !(p.columns[dep.columnID]?.category == .done) }
            if !pending.isEmpty, card.blockedReason == nil, !(p.columns[card.columnID]?.category == .done) {
                let reason = "Waits for " + pending.map { $0.key.isEmpty ? "“\($0.title)”" : "\($0.key) \($0.title)" }.joined(separator: ", ")
                if let edit = card.update([("blockedReason", .text(String(reason.prefix(Limits.titleLength.upperBound))))]) { waits.append(edit) }
            }
        }
        if !edits.isEmpty { try step(Change(summary: "linked \(edits.count) imported card\(edits.count == 1 ? "" : "s") to their epics", edits: edits), at: now) }
        if !waits.isEmpty { try step(Change(summary: "marked \(waits.count) imported card\(waits.count == 1 ? "" : "s") blocked by what they depend on", edits: waits), at: now) }
    }

    mutating func targetBoard(at: Date) throws -> Board {
        if let name = batch.boardName {
            if let b = p.boards.values.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) { return b }
            let names = batch.columns.map { mapping.columns[$0.lowercased()] ?? $0 }.uniqued()
            let title = Self.title(name)
            try step(try p.addBoard(name: String(title.prefix(Limits.nameLength.upperBound)), columns: names.isEmpty ? nil : names.map { String($0.prefix(Limits.nameLength.upperBound)) }), at: at)
            plan.boardCreated = title
            return p.sortedBoards.last { $0.name == String(title.prefix(Limits.nameLength.upperBound)) } ?? p.sortedBoards.last!
        }
        if let first = p.sortedBoards.first { return first }
        try step(try p.addBoard(name: "Board"), at: at)
        plan.boardCreated = "Board"
        return p.sortedBoards[0]
    }

    mutating func column(named source: String, done: Bool, at: Date) throws -> Column {
        let board = board!
        let name = String((mapping.columns[source.lowercased()] ?? source).prefix(Limits.nameLength.upperBound))
        if let c = p.columns(of: board.id).first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) { return c }
        let lower = name.lowercased()
        let category: ColumnCategory = done || ["done", "closed", "resolved", "complete", "completed", "shipped"].contains(lower) ? .done
            : ["backlog", "icebox"].contains(lower) ? .backlog : ["to do", "todo", "open", "new", "ready", "pending"].contains(lower) ? .todo : .doing
        let cols = p.columns(of: board.id)
        // A new column goes before the done columns unless it is one.
        let position = category == .done ? nil : (cols.firstIndex { $0.category == .done }).map { $0 + 1 }
        try step(try p.addColumn(to: board, name: name, wipLimit: nil, category: category, position: position), at: at)
        plan.columnsCreated.append(name)
        return p.columns(of: board.id).first { $0.name == name }!
    }

    mutating func column(for item: ImportBatch.Item, at: Date) throws -> Column {
        if let name = item.column { return try column(named: name, done: item.done, at: at) }
        let cols = p.columns(of: board!.id)
        if item.done, let done = cols.last(where: { $0.category == .done }) ?? cols.last { return done }
        if let first = cols.first(where: { $0.category == .todo }) ?? cols.first { return first }
        return try column(named: item.done ? "Done" : "To do", done: item.done, at: at)
    }

    func startedColumn(_ board: Board) -> Column? {
        p.columns(of: board.id).first { $0.category == .doing }
    }

    mutating func sprint(_ name: String?, at: Date) throws -> String? {
        guard let name, !name.isEmpty, let board else { return nil }
        if let s = p.sprints(of: board.id).first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) { return s.name }
        try step(try p.addSprint(board: board, name: String(name.prefix(Limits.nameLength.upperBound)), goal: nil, start: nil, end: nil, now: at), at: at)
        plan.sprintsCreated.append(name)
        return p.sprints(of: board.id).first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.name
    }

    // MARK: Tasks

    mutating func tasks() throws {
        if let start = batch.projectStart, p.info.startDate == nil { try step(p.setProjectStart(start), at: now) }
        for day in batch.holidays where p.holidays[day.description] == nil {
            try step(try p.addHoliday(day, name: "Holiday (\(batch.source))"), at: now)
        }
        var byExternal: [String: String] = [:]
        for t in p.tasks.values { if let e = t.externalID { byExternal[e] = t.id } }
        let today = Day.containing(now)
        for item in batch.tasks {
            let people = try item.assignees.compactMap { try member($0, at: now) }
            if let id = byExternal[item.externalID], let existing = p.tasks[id] {
                let change = try p.editTask(existing, name: Self.title(item.name), duration: item.isSummary ? nil : item.duration,
                                            startNoEarlier: .some(item.startNoEarlier), deadline: .some(item.deadline),
                                            progress: item.isSummary ? nil : item.progress, assignees: item.isSummary ? nil : people,
                                            actualStart: item.isSummary ? nil : .some(item.actualStart), actualFinish: item.isSummary ? nil : .some(item.actualFinish))
                if !change.isEmpty { try step(change, at: now); plan.tasksUpdated += 1 }
                continue
            }
            let phase = item.parent.flatMap { byExternal[$0] }.flatMap { p.tasks[$0] }
            var change = try p.addTask(name: Self.title(item.name), duration: item.isSummary ? 0 : item.duration, phase: phase, after: [],
                                       startNoEarlier: item.startNoEarlier, deadline: item.deadline, assignees: item.isSummary ? [] : people, now: now)
            guard let index = change.edits.firstIndex(where: { $0.kind == .task && $0.operation == .create }) else { continue }
            let id = change.edits[index].id
            if let i = change.edits[index].fields.firstIndex(where: { $0.name == "externalID" }) { change.edits[index].fields[i].to = .text(item.externalID) }
            if !item.isSummary {
                let values: [(String, Value)] = [("progress", .int(Int64(min(100, item.progress)))), ("actualStart", Value(item.actualStart)), ("actualFinish", Value(item.actualFinish))]
                for (name, value) in values {
                    if let i = change.edits[index].fields.firstIndex(where: { $0.name == name }) { change.edits[index].fields[i].to = value }
                }
            }
            try step(change, at: now)
            byExternal[item.externalID] = id
            plan.tasksCreated += 1
        }
        var dropped = 0
        for item in batch.tasks {
            guard let succ = byExternal[item.externalID].flatMap({ p.tasks[$0] }) else { continue }
            for link in item.links {
                guard let pred = byExternal[link.from].flatMap({ p.tasks[$0] }) else { dropped += 1; continue }
                guard p.taskLinks["\(pred.id)>\(succ.id)"] == nil else { continue }
                do {
                    try step(try p.linkTasks(pred, succ, type: link.type, lag: link.lag, today: today), at: now)
                    plan.links += 1
                } catch {
                    dropped += 1
                }
            }
        }
        if dropped > 0 { plan.notes.append("\(dropped) dependenc\(dropped == 1 ? "y" : "ies") left out: on a summary task, to a task not in the file, or making a loop.") }
    }
}

extension Sequence where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
