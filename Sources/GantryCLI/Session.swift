import ArgumentParser
import Foundation
import Planning
import PlanStore

/// `--project FILE`, shared by every command that works on a project.
public struct ProjectOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project: a file, or a PostgreSQL address postgres://user@host/database (default: $GANTRY_PROJECT, else .gantry/project.toml or .gantry/project.sqlite here or in a parent folder).", valueName: "file|url"))
    public var project: String?

    public init() {}

    /// Which cards a command reads: all of them, only epics (for commands that show no cards
    /// but epics' names, such as the log and the schedule), or epics and the cards named (for a
    /// command about one card, which then costs the same at any project size; such a command
    /// never needs the plan, so its tables are not read).
    enum Cards { case all, epicsOnly, named([String]) }

    /// `schedule: false` leaves the plan's tables (tasks, links, calendars, baselines,
    /// resources, costs) unread, for commands that show no part of the plan (the log).
    func open(cards: Cards = .all, schedule: Bool = true) throws -> Session {
        let context = CLIContext.current
        let path = try ProjectLocator.locate(explicit: project, context: context)
        return try Session(store: ProjectLocator.open(path, context: context), context: context, cards: cards, schedule: schedule)
    }
}

/// An open project for one command: the store, the snapshot it read, and the context.
struct Session {
    let store: any ProjectStoring
    let context: CLIContext
    var snapshot: ProjectSnapshot

    init(store: any ProjectStoring, context: CLIContext, cards: ProjectOption.Cards, schedule: Bool) throws {
        self.store = store
        self.context = context
        switch cards {
        case .all: snapshot = try store.load()
        case .epicsOnly: snapshot = try store.loadStructure(schedule: schedule)
        case .named(let keys):
            snapshot = try store.loadStructure(schedule: false)
            // Keys are matched as people type them (gan-12 is GAN-12).
            for card in try store.cards(withKeys: keys.map { $0.uppercased() }) { snapshot.cards[card.id] = card }
        }
    }

    var now: Date { context.now() }
    var today: Day { context.today }

    /// Writes `change` with its journal row and says what happened.
    @discardableResult
    func commit(_ change: Change, quiet: Bool = false) throws -> JournalEntry? {
        guard !change.isEmpty else {
            if !quiet { context.output.print("Nothing to change.") }
            return nil
        }
        let entry = try store.apply(change, actor: context.actor, at: now)
        if !quiet { context.output.print(Text.sentence(entry.change.summary)) }
        return entry
    }

    func board(_ name: String?) throws -> Board { try snapshot.board(named: name) }

    func print(_ text: String) { context.output.print(text) }
}

enum Text {
    static func sentence(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}
