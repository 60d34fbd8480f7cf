import ArgumentParser
import Foundation
import Planning
import PlanStore

struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card", abstract: "Add, list, show, edit, move and remove cards.",
        subcommands: [Add.self, List.self, Show.self, CardEdit.self, CardMove.self, CardRank.self,
                      CardBlock.self, CardUnblock.self, CardArchive.self, CardRemove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a card (to the board's first column unless --column).")
        @Argument(help: "Title, 1–200 characters.") var title: String
        @OptionGroup var fields: CardFieldOptions
        @Option(help: "Board name (default: the first board).") var board: String?
        @Option(help: "Column name.") var column: String?
        @Flag(help: "Add even if the column is at its WIP limit.") var force = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            var draft = try fields.draft(today: s.today)
            draft.title = title
            let b = try s.board(board)
            let col = try column.map { try s.snapshot.column(named: $0, on: b) }
            try s.commit(try s.snapshot.addCard(draft, board: b, column: col, force: force, now: s.now))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List cards, optionally filtered.",
            discussion: """
                QUERY terms (ANDed; a comma means any of; - negates; quoted or bare words match text):
                  assignee:ana,me  label:backend  type:bug  priority>=high  column:"In progress"
                  is:blocked|unblocked|overdue|archived|unassigned  due<2026-12-20  due:none  age>=5
                  estimate>3  key:GAN-4  epic:GAN-1  "login page"
                """)
        @Argument(parsing: .allUnrecognized, help: "Filter query, for example 'assignee:ana is:blocked due<+7d' or -label:qa.") var words: [String] = []
        @Option(help: "Only cards of this board.") var board: String?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let query = try ArgumentValues.query(words, command: "card list")
            let context = CLIContext.current
            let store = try ProjectLocator.open(try ProjectLocator.locate(explicit: project.project, context: context), context: context)
            let structure = try store.loadStructure(schedule: false)
            let now = context.now()
            let filter = try CardFilter(try Query(query), project: structure, now: now, today: context.today, me: context.actor)
            let boardID = try board.map { try structure.board(named: $0).id }
            var matching = 0
            let raid = json ? structure.raidKeysByCard() : [:]
            var writer = JSONArrayWriter(sink: context.output)
            var table = CardOutput.table
            try store.forEachCard(in: structure, matching: filter.prefilter(project: structure, me: context.actor)) { card in
                guard (boardID == nil || card.boardID == boardID) && filter.matches(card) else { return }
                matching += 1
                if json { writer.appendObject { CardOutput.json(card, structure, now: now, raid: raid[card.id] ?? [], into: &$0) } } else { table.add(CardOutput.row(card, structure, now: now)) }
            }
            if json {
                writer.finish()
            } else if matching == 0 {
                context.output.print(query.isEmpty ? "No cards yet. Add one with: gantry card add \"Title\"" : "No cards match \(query).")
            } else {
                context.output.print(table.rendered())
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one card with its recent history.")
        @Argument(help: "Card key, for example GAN-12.") var key: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var time: TimeOption
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open(cards: .named([key]))
            let c = try s.snapshot.card(key: key)
            if json { s.print(CardOutput.json(c, s.snapshot, now: s.now)); return }
            let p = s.snapshot
            var lines = [
                "\(c.key)  \(c.title)",
                "Type: \(c.type.rawValue)   Priority: \(c.priority.rawValue)   Board: \(p.boards[c.boardID]?.name ?? "?")   Column: \(p.columns[c.columnID]?.name ?? "?") (\(c.daysInColumn(now: s.now)) days)",
                "Assignee: \(c.assignee ?? "-")   Estimate: \(c.estimate.map { Value.real($0).description } ?? "-")   Due: \(c.due?.description ?? "-")",
                "Labels: \(c.labels.isEmpty ? "-" : c.labels.joined(separator: ", "))   Epic: \(c.parentID.flatMap { p.cards[$0]?.key } ?? "-")",
            ]
            if let reason = c.blockedReason { lines.append("BLOCKED: \(reason)") }
            let raid = p.raidItems(linkedTo: c)
            if !raid.isEmpty {
                lines.append("RAID: " + raid.map { item in
                    "\(item.key) \(item.type.rawValue)\(item.score.map { " \(p.info.bands.band($0).rawValue)" } ?? "") (\(item.status))"
                }.joined(separator: ", "))
            }
            if c.archived { lines.append("Archived.") }
            if !c.description.isEmpty { lines += ["", c.description] }
            let history = try s.store.history(of: c.id, limit: 10)
            if !history.isEmpty {
                lines += ["", "History:"] + history.map { "  \(Timestamp.display($0.at, in: time.zone))  \($0.actor)  \($0.change.summary)" }
            }
            s.print(lines.map(Sanitizer.cleanKeepingNewlines).joined(separator: "\n"))
        }
    }
}

import TerminalUI

extension Sanitizer {
    /// Cleans each line of a multi-line text for printing.
    static func cleanKeepingNewlines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { clean(String($0)) }.joined(separator: "\n")
    }
}

/// The card fields `card add` and `card edit` share.
struct CardFieldOptions: ParsableArguments {
    @Option(help: "Description.") var description: String?
    @Option(help: "feature, bug, chore, spike or epic.") var type: String?
    @Option(help: "critical, high, medium or low.") var priority: String?
    @Option(help: "Member handle.") var assignee: String?
    @Option(name: .customLong("label"), help: "Label (repeat, or comma-separate).") var labels: [String] = []
    @Option(parsing: .unconditional, help: "Estimate in points, 0–1000.") var estimate: String?
    @Option(parsing: .unconditional, help: "Due date: YYYY-MM-DD, today, tomorrow, +3d, 2w.") var due: String?
    @Option(help: "Parent epic's key.") var epic: String?
    @Option(help: "A sprint of the card's board by name, or none for the backlog.") var sprint: String?
    @Option(help: "Bugs: S1 (worst) to S4, or none.") var severity: String?
    @Option(name: .customLong("found-in"), help: "Bugs: the version it was found in (none to clear).") var foundIn: String?
    @Option(name: .customLong("fixed-in"), help: "Bugs: the version it was fixed in (none to clear).") var fixedIn: String?
    @Option(parsing: .unconditional, help: "Hours of work left (counted in its assignee's workload during a sprint); none clears it.") var hours: String?

    func draft(today: Day) throws -> CardDraft {
        var d = CardDraft()
        d.description = description
        d.type = try type.map { try ArgumentValues.choice($0, "--type") }
        d.priority = try priority.map { try ArgumentValues.choice($0, "--priority") }
        if let assignee { d.assignee = .some(assignee) }
        if !labels.isEmpty { d.labels = ArgumentValues.labels(labels) }
        if let estimate { d.estimate = .some(try ArgumentValues.number(estimate, "--estimate")) }
        if let due { d.due = .some(try ArgumentValues.day(due, "--due", today: today)) }
        if let epic { d.parentKey = .some(epic) }
        if let sprint { d.sprintName = .some(sprint.lowercased() == "none" ? nil : sprint) }
        if let severity {
            if severity.lowercased() == "none" {
                d.severity = .some(nil)
            } else {
                guard let level = BugSeverity(text: severity) else {
                    throw CLIError.usage("--severity: \"\(Quote.cut(severity))\" is not valid; use one of S1, S2, S3, S4, or none.")
                }
                d.severity = .some(level)
            }
        }
        if let foundIn { d.foundIn = .some(foundIn.lowercased() == "none" ? nil : foundIn) }
        if let fixedIn { d.fixedIn = .some(fixedIn.lowercased() == "none" ? nil : fixedIn) }
        if let hours { d.hours = .some(hours.lowercased() == "none" ? nil : try ArgumentValues.number(hours.hasSuffix("h") ? String(hours.dropLast()) : hours, "--hours")) }
        return d
    }
}
