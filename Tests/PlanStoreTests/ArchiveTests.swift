import Foundation
import GRDB
import Planning
import Testing
@testable import PlanStore

/// The whole-project JSON: random projects go out and come back exactly, with their journal or
/// without it; a damaged file names the place and imports nothing.
@Suite struct ArchiveTests {
    static let titles = ["Fix login", "Quote \"this\" \\ that", "漢字のカード", "Emoji 🚀 launch", "Tab\tand, comma", "Ünïcödé straße", "   spaced   ", "x"]

    /// A project built by a random walk of the changes people make: cards added, edited, moved
    /// and archived, members, RAID items, tasks with dependencies, effort and logged time,
    /// sprints, and some undos, each at its own moment.
    static func randomProject(seed: UInt64) throws -> TempProject {
        var rng = SplitMix(seed: seed)
        func pick<T>(_ list: [T]) -> T { list[Int(rng.next() % UInt64(list.count))] }
        let t = try TempProject()
        var clock = TempProject.now
        func apply(_ make: (ProjectSnapshot) throws -> Change, actor: String = "ben") throws {
            clock = clock.addingTimeInterval(Double(rng.next() % 7200) + 1)
            let p = try t.store.load()
            try t.store.apply(try make(p), actor: actor, at: clock)
        }
        // Added by someone else, so no undo of ben's takes the team (or the project) away.
        try apply({ try $0.addMember(handle: "ana", name: "Ana Silva", role: "lead", capacity: 0.8, costRate: 95.5) }, actor: "fatima")
        try apply({ try $0.addMember(handle: "ben", name: "Ben 🚀", role: nil, capacity: nil, costRate: nil) }, actor: "fatima")
        for _ in 0..<(20 + Int(rng.next() % 20)) {
            switch rng.next() % 10 {
            case 0, 1, 2:
                let draft = CardDraft(title: pick(titles), description: pick(["", "line one\nline two", "¿qué?"]), type: pick(CardType.allCases),
                                      priority: pick(Priority.allCases), assignee: .some(pick([nil, "ana", "ben"])), labels: pick([[], ["ui"], ["api", "ui"]]),
                                      estimate: .some(pick([nil, 1, 2.5, 8])), due: .some(pick([nil, Day("2026-12-24")!])))
                try apply { p in try p.addCard(draft, board: try p.board(named: nil), force: true, now: clock) }
            case 3:
                try apply { p in
                    guard let card = p.cards.values.sorted(by: { $0.number < $1.number }).first else { return Change(summary: "", edits: []) }
                    return try p.moveCard(card, to: pick(p.columns(of: card.boardID)), force: true, now: clock)
                }
            case 4:
                try apply { p in
                    guard let card = p.cards.values.sorted(by: { $0.number > $1.number }).first else { return Change(summary: "", edits: []) }
                    return try p.editCard(card, CardDraft(title: pick(titles), estimate: .some(3)))
                }
            case 5:
                var draft = RaidDraft()
                draft[.title] = .text(pick(titles))
                draft[.probability] = .int(Int64(rng.next() % 5 + 1))
                draft[.impact] = .int(Int64(rng.next() % 5 + 1))
                try apply { p in try p.addRaid(.risk, draft, now: clock) }
            case 6:
                try apply { p in
                    try p.addTask(name: pick(titles), duration: Int(rng.next() % 5), phase: nil, after: p.tasks.values.sorted { $0.number < $1.number }.suffix(1),
                                  startNoEarlier: nil, deadline: nil, assignees: [], now: clock)
                }
            case 7:
                try apply { p in
                    guard let task = p.tasks.values.first(where: { !$0.isMilestone }) else { return Change(summary: "", edits: []) }
                    return try p.logTime(try p.member(handle: "ana"), on: task, hours: 1.5, day: Day("2026-11-30")!)
                }
            case 8:
                try apply { p in try p.addSprint(board: try p.board(named: nil), name: "Sprint \(p.sprints.count + 1)", goal: pick([nil, "Ship it"]), start: nil, end: nil, now: clock) }
            default:
                clock = clock.addingTimeInterval(60)
                try t.store.undo(actor: "ben", at: clock)
            }
        }
        return t
    }

    static func roundTrip(_ t: TempProject, history: Bool) throws -> (Data, ProjectStore, String) {
        let out = try t.store.archiveDocument(history: history)
        let target = t.dir + "/copy-\(history).sqlite"
        try out.write(to: URL(fileURLWithPath: t.dir + "/out.json"))
        let back = try ProjectArchive.open(path: t.dir + "/out.json")
        #expect(back.hasHistory == history)
        try ProjectStore.build(at: target) { try $0.restore(back) }
        return (out, try ProjectStore.open(at: target), target)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64]) func randomProjectsComeBackExactlyWithTheirJournal(seed: UInt64) throws {
        let t = try Self.randomProject(seed: seed)
        #expect(try t.store.load().cards.count >= 3 && t.store.journal().count > 20, "a project worth the name")
        let (out, copy, _) = try Self.roundTrip(t, history: true)
        #expect(try copy.archiveDocument(history: true) == out, "export → import → export gives the same document")
        #expect(try JSONSerialization.jsonObject(with: out) is [String: Any], "the document is JSON a general parser reads")
        for kind in EntityKind.allCases {
            #expect(try copy.load().entityFields(of: kind) == t.store.load().entityFields(of: kind), "\(kind), seed \(seed)")
        }
        #expect(try copy.journal().map(\.change) == t.store.journal().map(\.change))
        #expect(try copy.journal().map(\.undoneBy) == t.store.journal().map(\.undoneBy), "undo links survive")
        #expect(try copy.flowHistory().events == t.store.flowHistory().events, "the flow history is rebuilt from the journal")
        #expect(try copy.latestSeq() == t.store.latestSeq())
        // New work goes on from the same keys.
        let p = try copy.load()
        let next = try copy.apply(try p.addCard(CardDraft(title: "after"), board: try p.board(named: nil), force: true, now: TempProject.now), actor: "ana", at: TempProject.now)
        let orig = try t.store.load()
        let expected = try t.store.apply(try orig.addCard(CardDraft(title: "after"), board: try orig.board(named: nil), force: true, now: TempProject.now), actor: "ana", at: TempProject.now)
        #expect(next.change.edits.last?.label == expected.change.edits.last?.label)
    }

    @Test(arguments: [7, 8] as [UInt64]) func withoutHistoryTheProjectComesBackWithAnEmptyJournal(seed: UInt64) throws {
        let t = try Self.randomProject(seed: seed)
        let (out, copy, _) = try Self.roundTrip(t, history: false)
        #expect(try copy.journal().isEmpty)
        for kind in EntityKind.allCases {
            #expect(try copy.load().entityFields(of: kind) == t.store.load().entityFields(of: kind), "\(kind), seed \(seed)")
        }
        #expect(try copy.archiveDocument(history: false) == out)
        #expect(!String(decoding: out, as: UTF8.self).contains("\"journal\""))
    }

    @Test func aDamagedDocumentNamesThePlaceAndImportsNothing() throws {
        let t = try Self.randomProject(seed: 9)
        let good = String(decoding: try t.store.archiveDocument(history: true), as: UTF8.self)
        func refusal(_ text: String) throws -> String {
            let target = t.dir + "/bad-\(UUID().uuidString).sqlite"
            do {
                try ProjectStore.build(at: target) { try $0.restore(try ProjectArchive.decode(Data(text.utf8))) }
                Issue.record("imported: \(text.prefix(80))")
                return ""
            } catch let error as StoreError {
                #expect(!FileManager.default.fileExists(atPath: target), "no file is left behind")
                return error.description
            }
        }
        let broken = try refusal(good.replacingOccurrences(of: "\"title\":\"", with: "\"title\":\"\\u12"))
        #expect(broken.contains("a broken \\u escape (line"), "\(broken)")
        #expect(try refusal("{ not json").hasPrefix("Cannot import: it is not JSON (line 1: expected a key in quotes)"))
        #expect(try refusal(String(good.dropLast(40))).contains("it is not JSON (line"), "a document cut short")
        #expect(try refusal(good.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 1, \"extra\" : 2")).contains("\"extra\" is not part of a gantry-project document"))
        #expect(try refusal(good.replacingOccurrences(of: "\"gantry-project\"", with: "\"trello\"")).contains("\"format\" is \"trello\""))
        #expect(try refusal(good.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 9")).contains("version 9 of the format"))
        #expect(try refusal(good.replacingOccurrences(of: "\"keyPrefix\":\"GAN\"", with: "\"keyPrefix\":\"GAN\", \"colour\" : \"red\"")).contains("entities.project"))
        let card = try refusal(good.replacingOccurrences(of: "\"priority\":\"", with: "\"priority\":\"urgent-"))
        #expect(card.contains("entities.card[0]"), "\(card)")
        let journal = try refusal(good.replacingOccurrences(of: "\"kind\":\"do\"", with: "\"kind\":7"))
        #expect(journal.contains("journal[0].kind"), "\(journal)")
        #expect(try refusal(good.replacingOccurrences(of: "\"sequences\"", with: "\"sequencez\"")).contains("\"sequencez\" is not part of a gantry-project document"))
    }

    @Test func aProjectWithWorkInItIsNotOverwritten() throws {
        let t = try Self.randomProject(seed: 10)
        let before = try t.store.archiveDocument(history: true)
        #expect(throws: StoreError.notEmpty(path: t.path)) { try t.store.restore(try ProjectArchive.decode(before)) }
        #expect(try t.store.archiveDocument(history: true) == before)
    }
}
