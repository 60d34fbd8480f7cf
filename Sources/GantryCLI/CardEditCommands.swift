import ArgumentParser
import Planning

struct CardEdit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a card's fields.")
    @Argument var key: String
    @Option(help: "New title.") var title: String?
    @OptionGroup var fields: CardFieldOptions
    @Flag(help: "Clear the assignee.") var unassign = false
    @Option(name: .customLong("add-label"), help: "Add a label.") var addLabels: [String] = []
    @Option(name: .customLong("remove-label"), help: "Remove a label.") var removeLabels: [String] = []
    @Flag(name: .customLong("no-due"), help: "Clear the due date.") var noDue = false
    @Flag(name: .customLong("no-estimate"), help: "Clear the estimate.") var noEstimate = false
    @Flag(name: .customLong("no-epic"), help: "Detach from its epic.") var noEpic = false
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open(cards: .named([key] + (fields.epic.map { [$0] } ?? [])))
        let card = try s.snapshot.card(key: key)
        var draft = try fields.draft(today: s.today)
        draft.title = title
        if unassign { draft.assignee = .some(nil) }
        if noDue { draft.due = .some(nil) }
        if noEstimate { draft.estimate = .some(nil) }
        if noEpic { draft.parentKey = .some(nil) }
        if !addLabels.isEmpty || !removeLabels.isEmpty {
            let removing = Set(ArgumentValues.labels(removeLabels).map { $0.lowercased() })
            draft.labels = (draft.labels ?? card.labels).filter { !removing.contains($0) } + ArgumentValues.labels(addLabels)
        }
        try s.commit(try s.snapshot.editCard(card, draft))
    }
}

struct CardMove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a card to another column.")
    @Argument var key: String
    @Argument(help: "Destination column name.") var column: String
    @Flag(help: "Put it at the top of the column (default: bottom).") var top = false
    @Option(help: "Put it just before this card.") var before: String?
    @Option(help: "Put it just after this card.") var after: String?
    @Flag(help: "Move even if the column is at its WIP limit.") var force = false
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        let card = try s.snapshot.card(key: key)
        guard let board = s.snapshot.boards[card.boardID] else { throw CLIError.refused("\(card.key) has no board.") }
        let dest = try s.snapshot.column(named: column, on: board)
        let placement = try CardRank.placement(top: top, bottom: false, before: before, after: after, s.snapshot) ?? .bottom
        try s.commit(try s.snapshot.moveCard(card, to: dest, at: placement, force: force, now: s.now))
    }
}

struct CardRank: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rank", abstract: "Reorder a card within its column.")
    @Argument var key: String
    @Flag(help: "To the top.") var top = false
    @Flag(help: "To the bottom.") var bottom = false
    @Flag(help: "One place up.") var up = false
    @Flag(help: "One place down.") var down = false
    @Option(help: "Just before this card.") var before: String?
    @Option(help: "Just after this card.") var after: String?
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        let card = try s.snapshot.card(key: key)
        let chosen = [top, bottom, up, down, before != nil, after != nil].filter { $0 }.count
        guard chosen == 1 else { throw CLIError.usage("Say where: exactly one of --top, --bottom, --up, --down, --before KEY, --after KEY.") }
        let placement: Placement
        if up || down {
            guard let p = s.snapshot.neighbourPlacement(of: card, step: up ? -1 : 1) else {
                s.print("\(card.key) is already at the \(up ? "top" : "bottom") of its column.")
                return
            }
            placement = p
        } else {
            placement = try Self.placement(top: top, bottom: bottom, before: before, after: after, s.snapshot) ?? .bottom
        }
        try s.commit(try s.snapshot.rankCard(card, at: placement))
    }

    static func placement(top: Bool, bottom: Bool, before: String?, after: String?, _ p: ProjectSnapshot) throws -> Placement? {
        if top { return .top }
        if bottom { return .bottom }
        if let before { return .before(cardID: try p.card(key: before).id) }
        if let after { return .after(cardID: try p.card(key: after).id) }
        return nil
    }
}

struct CardBlock: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "block", abstract: "Mark a card blocked, with the reason.")
    @Argument var key: String
    @Argument(help: "Why it is blocked.") var reason: String
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open(cards: .named([key]))
        try s.commit(try s.snapshot.blockCard(try s.snapshot.card(key: key), reason: reason))
    }
}

struct CardUnblock: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unblock", abstract: "Clear a card's blocked flag.")
    @Argument var key: String
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open(cards: .named([key]))
        try s.commit(try s.snapshot.unblockCard(try s.snapshot.card(key: key)))
    }
}

struct CardArchive: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "archive", abstract: "Archive a card (hidden from the board; list with is:archived).")
    @Argument var key: String
    @Flag(help: "Bring an archived card back.") var restore = false
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open(cards: .named([key]))
        try s.commit(try s.snapshot.archiveCard(try s.snapshot.card(key: key), archived: !restore))
    }
}

struct CardRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete a card (gantry undo brings it back).")
    @Argument var key: String
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        try s.commit(s.snapshot.deleteCard(try s.snapshot.card(key: key)))
    }
}
