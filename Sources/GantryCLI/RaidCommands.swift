import ArgumentParser
import Foundation
import Planning
import PlanStore

/// Ties a generic RAID command to one of the five logs.
protocol RaidTag {
    static var type: RaidType { get }
}

enum RiskTag: RaidTag { static var type: RaidType { .risk } }
enum AssumptionTag: RaidTag { static var type: RaidType { .assumption } }
enum IssueTag: RaidTag { static var type: RaidType { .issue } }
enum DependencyTag: RaidTag { static var type: RaidType { .dependency } }
enum DecisionTag: RaidTag { static var type: RaidType { .decision } }

struct RaidGroup<Tag: RaidTag>: ParsableCommand {
    static var configuration: CommandConfiguration {
        var subcommands: [ParsableCommand.Type] = [RaidAdd<Tag>.self, RaidList<Tag>.self, RaidShow<Tag>.self, RaidEdit<Tag>.self,
                                                   RaidClose<Tag>.self, RaidRemove<Tag>.self]
        if Tag.type == .risk { subcommands.append(RiskOccur.self) }
        return CommandConfiguration(commandName: Tag.type.rawValue,
                                    abstract: "The \(Tag.type.rawValue) log: add, list, show, edit, close, rm (keys \(Tag.type.prefix)-1, \(Tag.type.prefix)-2, …).",
                                    subcommands: subcommands)
    }
}

/// Checks that a key names an item of the command's type.
func raidItem(_ key: String, of type: RaidType, in p: ProjectSnapshot) throws -> RaidItem {
    let item = try p.raidItem(key: key)
    guard item.type == type else {
        throw PlanningError.invalid(field: "key", message: "\(item.key) is \(item.type.withArticle), not \(type.withArticle); use gantry \(item.type.rawValue) …")
    }
    return item
}

struct RaidAdd<Tag: RaidTag>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: "Add \(Tag.type.withArticle).") }
    @Argument(help: "Title, 1–200 characters.") var title: String
    @OptionGroup var fields: RaidFieldOptions
    @Option(name: .customLong("link"), help: "A card or task this concerns, by key (repeatable).") var links: [String] = []
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        var draft = try fields.draft(today: s.today)
        draft[.title] = .text(title)
        let targets = try links.map { try s.snapshot.linkTarget(key: $0) }
        try s.commit(try s.snapshot.addRaid(Tag.type, draft, links: targets, now: s.now))
    }
}

struct RaidList<Tag: RaidTag>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: "List \(Tag.type.plural) (open ones unless the query says otherwise).",
                             discussion: "QUERY: owner:ana score>=10 band:high status:open is:overdue|near|closed|opportunity category:vendor review<+7d \"text\"")
    }
    @Argument(parsing: .allUnrecognized, help: "Filter query, for example 'owner:ana score>=10' or -band:low.") var words: [String] = []
    @Option(help: "Sort by: score, proximity, review, owner or key (default: score for risks, key otherwise).") var sort: String?
    @Flag(help: "Risks: sort by the score after the response (residual).") var residual = false
    @Flag(help: "Include closed items.") var all = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var project: ProjectOption

    func run() throws {
        let query = try ArgumentValues.query(words, command: "\(Tag.type.rawValue) list")
        let s = try project.open()
        let q = try Query(query)
        let filter = try RaidFilter(q, project: s.snapshot, today: s.today, me: s.context.actor)
        let mentionsStatus = q.terms.contains { $0.field == "status" || ($0.field == "is" && $0.values.contains("closed")) }
        var items = s.snapshot.raidItems.values.filter { $0.type == Tag.type && filter.matches($0) && (all || mentionsStatus || !$0.isClosed) }
        let sortName = sort ?? (Tag.type == .risk ? "score" : "key")
        guard let order = RaidOrder(rawValue: sortName.lowercased()) else {
            throw CLIError.usage("--sort: \"\(Quote.cut(sortName))\" is not valid; use \(RaidOrder.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        items = order.sorted(items, residual: residual)
        let trends = try RaidOutput.trends(items, store: s.store, now: s.now)
        if json {
            JSON.stream(items, to: s.context.output) { RaidOutput.json($0, s.snapshot, trend: trends[$0.id]) }
        } else if items.isEmpty {
            s.print("No \(Tag.type.plural)\(query.isEmpty ? "" : " match \(query)"). Add one with: gantry \(Tag.type.rawValue) add \"Title\"")
        } else {
            s.print(RaidOutput.table(items, type: Tag.type, s.snapshot, trends: trends))
        }
    }
}

struct RaidShow<Tag: RaidTag>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: "Show one \(Tag.type.rawValue) with its history.") }
    @Argument var key: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var time: TimeOption
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        let item = try raidItem(key, of: Tag.type, in: s.snapshot)
        let trend = try RaidOutput.trends([item], store: s.store, now: s.now)[item.id]
        let object = RaidOutput.json(item, s.snapshot, trend: trend)
        if json { s.print(object.rendered()); return }
        guard case .object(let pairs) = object else { return }
        var lines: [String] = []
        for (name, value) in pairs where !["id", "key", "title"].contains(name) {
            let text: String
            switch value {
            case .null: continue
            case .string(let v): if v.isEmpty { continue }; text = v
            case .int(let v): text = "\(v)"
            case .bool(let v): if !v { continue }; text = "yes"
            case .array(let list): if list.isEmpty { continue }; text = list.compactMap { if case .string(let k) = $0 { return k } else { return nil } }.joined(separator: ", ")
            default: text = value.rendered()
            }
            lines.append("\(Text.sentence(FieldLabel.words(name))): \(text)")
        }
        let history = try s.store.history(of: item.id, limit: 10).map { "  \(Timestamp.display($0.at, in: time.zone))  \($0.actor)  \($0.change.summary)" }
        s.print(([ "\(item.key)  \(item.title)" ] + lines + (history.isEmpty ? [] : ["", "History:"] + history)).map(Sanitizer.cleanKeepingNewlines).joined(separator: "\n"))
    }
}

struct RaidEdit<Tag: RaidTag>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "edit", abstract: "Change \(Tag.type.withArticle)'s fields.") }
    @Argument var key: String
    @Option(help: "New title.") var title: String?
    @OptionGroup var fields: RaidFieldOptions
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        let item = try raidItem(key, of: Tag.type, in: s.snapshot)
        var draft = try fields.draft(today: s.today)
        if let title { draft[.title] = .text(title) }
        try s.commit(try s.snapshot.editRaid(item, draft, now: s.now))
    }
}

struct RaidClose<Tag: RaidTag>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "close", abstract: "Close \(Tag.type.withArticle) (as \(Tag.type.closeStatus) unless --as).")
    }
    @Argument var key: String
    @Option(name: .customLong("as"), help: "The closing status: \(Tag.type.closedStatuses.sorted().joined(separator: ", ")).") var status: String?
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        try s.commit(try s.snapshot.closeRaid(try raidItem(key, of: Tag.type, in: s.snapshot), status: status?.lowercased(), now: s.now))
    }
}

struct RaidRemove<Tag: RaidTag>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "rm", abstract: "Delete \(Tag.type.withArticle) (gantry undo brings it back).") }
    @Argument var key: String
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        try s.commit(s.snapshot.deleteRaid(try raidItem(key, of: Tag.type, in: s.snapshot)))
    }
}

struct RiskOccur: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "occur", abstract: "A risk happened: mark it occurred and open an issue with its links.")
    @Argument var key: String
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        try s.commit(try s.snapshot.occur(try raidItem(key, of: .risk, in: s.snapshot), now: s.now))
    }
}

struct RaidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raid", abstract: "Across the RAID log: link items to cards, summary, severity bands, risk appetite.",
        subcommands: [Link.self, Unlink.self, Summary.self, Bands.self, Appetite.self])

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Link a RAID item to a card or a timeline task it concerns.")
        @Argument(help: "RAID key, e.g. R-3.") var key: String
        @Argument(help: "Card key (GAN-12) or task key (T-4).") var target: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let item = try s.snapshot.raidItem(key: key)
            try s.commit(try s.snapshot.link(item, to: try s.snapshot.linkTarget(key: target)))
        }
    }

    struct Unlink: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a link between a RAID item and a card or task.")
        @Argument var key: String
        @Argument var target: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let item = try s.snapshot.raidItem(key: key)
            try s.commit(try s.snapshot.unlink(item, from: try s.snapshot.linkTarget(key: target)))
        }
    }

    struct Bands: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the lowest scores of the medium, high and critical bands (default 5,10,20).")
        @Argument(help: "Three numbers, e.g. 5,10,20.") var thresholds: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let n = thresholds.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard n.count == 3 else { throw CLIError.usage("bands: give three numbers, e.g. 5,10,20.") }
            try s.commit(s.snapshot.setBands(try RiskBands.make(medium: n[0], high: n[1], critical: n[2])))
        }
    }

    struct Appetite: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the highest risk score accepted without escalation (1–25, or none for the high band's lowest score).",
            discussion: "An open risk scoring above it turns the risk area of `gantry report status` red.")
        @Argument(help: "A score from 1 to 25, or none.") var score: String
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let value: Int?
            if score.lowercased() == "none" {
                value = nil
            } else {
                guard let n = Int(score), (1...25).contains(n) else {
                    throw CLIError.usage("appetite: give a score from 1 to 25 (probability × impact), or none; got \"\(score)\".")
                }
                value = n
            }
            try s.commit(s.snapshot.setRiskAppetite(value))
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Counts by type, status and band; the top risks.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var project: ProjectOption

        func run() throws {
            let s = try project.open()
            let items = s.snapshot.raidItems.values
            let bands = s.snapshot.info.bands
            let openRisks = items.filter { $0.type == .risk && !$0.isClosed }
            let top = Array(RaidOrder.score.sorted(openRisks).prefix(5))
            var byType: [(String, JSON)] = []
            for type in RaidType.allCases {
                let ofType = items.filter { $0.type == type }
                byType.append((type.rawValue, .object(type.statuses.map { st in (st, .int(ofType.filter { $0.status == st }.count)) })))
            }
            let byBand = RiskBands.Band.allCases.map { b in (b.rawValue, JSON.int(openRisks.filter { $0.score.map(bands.band) == b }.count)) }
            let overdue = items.filter { !$0.isClosed && [$0.reviewDate, $0.due].compactMap { $0 }.contains { $0 < s.today } }
            if json {
                s.print(JSON.object([("byType", .object(byType)), ("openRisksByBand", .object(byBand)),
                                     ("overdue", .array(overdue.sorted { $0.key < $1.key }.map { .string($0.key) })),
                                     ("topRisks", .array(top.map { .object([("key", .string($0.key)), ("score", $0.score.map { .int($0) } ?? .null), ("title", .string($0.title))]) }))]).rendered())
                return
            }
            var lines = ["RAID log of \(s.snapshot.info.name)"]
            for type in RaidType.allCases {
                let ofType = items.filter { $0.type == type }
                let counts = type.statuses.map { st in "\(ofType.filter { $0.status == st }.count) \(st)" }.joined(separator: ", ")
                lines.append("  \(type.plural): \(ofType.count) (\(counts))")
            }
            lines.append("  open risks by band: " + byBand.map { "\($0.0) \(String(describing: $0.1.rendered()))" }.joined(separator: ", "))
            if !overdue.isEmpty { lines.append("  overdue for review or due: " + overdue.map(\.key).sorted().joined(separator: ", ")) }
            if !top.isEmpty {
                lines.append("Top risks:")
                for r in top { lines.append("  \(r.key)  \(r.score ?? 0) \(r.score.map { bands.band($0).rawValue } ?? "")  \(r.owner ?? "-")  \(r.title)") }
            }
            s.print(lines.map(Sanitizer.clean).joined(separator: "\n"))
        }
    }
}

import TerminalUI
