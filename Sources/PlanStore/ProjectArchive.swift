import Foundation
import GRDB
import Planning

/// The whole project as one versioned JSON document: every entity with every field, the key
/// sequences, saved stand-ups and, unless left out, the journal. It is how a project leaves
/// Gantry whole, and how it comes back: importing it into an empty project gives the same
/// project, and exporting that gives the same document.
public struct ProjectArchive: Codable, Sendable {
    public static let formatName = "gantry-project"
    public static let currentVersion = 1

    struct JournalRow: Codable, Sendable {
        var seq: Int64
        var at: Double
        var actor: String
        var kind: String
        var undoes: Int64?
        var undoneBy: Int64?
        var change: StoredChange
    }

    var format: String
    var version: Int
    var entities: [String: [[String: StoredValue]]]
    var sequences: [String: Int64]
    var standups: [[String: StoredValue]]
    var journal: [JournalRow]?

    /// How many of each kind, and the journal's length, in words: what an import would create.
    public var summary: String {
        let names: [EntityKind: (String, String)] = [
            .member: ("member", "members"), .board: ("board", "boards"), .column: ("column", "columns"), .card: ("card", "cards"),
            .raid: ("RAID item", "RAID items"), .raidLink: ("RAID link", "RAID links"), .task: ("task", "tasks"),
            .taskLink: ("dependency", "dependencies"), .holiday: ("holiday", "holidays"), .baseline: ("baseline", "baselines"),
            .taskCard: ("card–task link", "card–task links"), .sprint: ("sprint", "sprints"), .leave: ("leave", "leaves"),
            .assignment: ("assignment", "assignments"), .timeEntry: ("time entry", "time entries"), .fixedCost: ("fixed cost", "fixed costs"),
        ]
        func count(_ n: Int, _ name: (String, String)) -> String { "\(n) \(n == 1 ? name.0 : name.1)" }
        var parts = EntityKind.allCases.compactMap { kind -> String? in
            guard let name = names[kind], let n = entities[kind.rawValue]?.count, n > 0 else { return nil }
            return count(n, name)
        }
        if !standups.isEmpty { parts.append(count(standups.count, ("stand-up", "stand-ups"))) }
        parts.append(journal.map { count($0.count, ("journal row", "journal rows")) } ?? "no journal")
        return parts.joined(separator: ", ")
    }

    public var hasHistory: Bool { journal != nil }

    /// The project's name as the document gives it (checked with the rest by `snapshot()`).
    public var projectName: String { entities[EntityKind.project.rawValue]?.first?["name"]?.value.string ?? "the project" }

    public mutating func dropHistory() { journal = nil }

    /// The document's bytes: keys sorted, so the same project always gives the same text.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a document, naming the place of the first thing wrong (`journal[3].change.edits`).
    public static func decode(_ data: Data) throws -> ProjectArchive {
        let archive: ProjectArchive
        do {
            archive = try JSONDecoder().decode(ProjectArchive.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw StoreError.badInput("it is not JSON (\(Self.reason(context.underlyingError)))")
        } catch let error as DecodingError {
            throw StoreError.badInput(Self.describe(error))
        }
        guard archive.format == formatName else {
            throw StoreError.badInput("\"format\" is \"\(archive.format)\", not \"\(formatName)\"")
        }
        guard archive.version <= currentVersion, archive.version >= 1 else {
            throw StoreError.badInput("it is version \(archive.version) of the format; this Gantry reads versions 1 to \(currentVersion)")
        }
        return archive
    }

    /// The project the document holds, every entity checked.
    public func snapshot() throws -> ProjectSnapshot {
        var byKind: [EntityKind: [[String: Value]]] = [:]
        for (name, rows) in entities {
            guard let kind = EntityKind(rawValue: name) else { throw StoreError.badInput("entities.\(name): not a kind of thing Gantry keeps") }
            byKind[kind] = rows.map { $0.mapValues(\.value) }
        }
        do { return try ProjectSnapshot.rebuilt(from: byKind) } catch let error as PlanningError {
            throw StoreError.badInput(error.description)
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { out, key in key.intValue.map { "\(out)[\($0)]" } ?? (out.isEmpty ? key.stringValue : "\(out).\(key.stringValue)") }
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private static func reason(_ error: (any Error)?) -> String {
        guard let error else { return "unreadable" }
        return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    }
}

extension ProjectStore {
    /// The project as an archive, with or without its journal, read in one transaction.
    public func archive(history: Bool) throws -> ProjectArchive {
        let snapshot = try load()
        return try Self.translating(path) {
            try reader.read { db in
                var entities: [String: [[String: StoredValue]]] = [:]
                for kind in EntityKind.allCases {
                    entities[kind.rawValue] = snapshot.entityFields(of: kind).map { $0.mapValues(StoredValue.init) }
                }
                var sequences: [String: Int64] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT name, next FROM sequence") { sequences[row[0]] = row[1] }
                let standups = try Row.fetchAll(db, sql: "SELECT * FROM standup ORDER BY id").map { row in
                    Dictionary(uniqueKeysWithValues: row.columnNames.map { ($0, StoredValue(Value(row[$0] as DatabaseValue))) })
                }
                var journal: [ProjectArchive.JournalRow]?
                if history {
                    journal = try Row.fetchAll(db, sql: "SELECT seq, at, actor, kind, undoes, undoneBy, change FROM journal ORDER BY seq").map { row in
                        ProjectArchive.JournalRow(seq: row[0], at: row[1], actor: row[2], kind: row[3], undoes: row[4], undoneBy: row[5],
                                                  change: try JSONDecoder().decode(StoredChange.self, from: Data((row[6] as String).utf8)))
                    }
                }
                return ProjectArchive(format: ProjectArchive.formatName, version: ProjectArchive.currentVersion, entities: entities,
                                      sequences: sequences, standups: standups, journal: journal)
            }
        }
    }

    /// Fills an empty project from an archive in one transaction: its entities, key sequences,
    /// stand-ups and journal (with the flow history rebuilt from it). Refused, with nothing
    /// written, when this project already holds work.
    public func restore(_ archive: ProjectArchive) throws {
        let snapshot = try archive.snapshot()
        try immediateTransaction { db in
            let work = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM card) + (SELECT count(*) FROM task) + (SELECT count(*) FROM raid_item)") ?? 0
            guard work == 0 else {
                throw StoreError.notEmpty(path: path)
            }
            for kind in EntityKind.allCases {
                let table = Schema.table(for: kind)
                try db.execute(sql: "DELETE FROM \(table)")
                let names = kind.fieldNames
                let insert = try db.makeStatement(sql: "INSERT INTO \(table) (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))")
                for fields in snapshot.entityFields(of: kind) {
                    try insert.execute(arguments: StatementArguments(names.map { (fields[$0] ?? .null).databaseValue }))
                }
            }
            for table in ["sequence", "journal", "journal_entity", "card_flow", "standup"] { try db.execute(sql: "DELETE FROM \(table)") }
            for (name, next) in archive.sequences.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO sequence (name, next) VALUES (?, ?)", arguments: [name, next])
            }
            let columns = Set(try db.columns(in: "standup").map(\.name))
            for (i, row) in archive.standups.enumerated() {
                if let unknown = row.keys.sorted().first(where: { !columns.contains($0) }) {
                    throw StoreError.badInput("standups[\(i)]: \"\(unknown)\" is not a field of a stand-up")
                }
                let names = row.keys.sorted()
                try db.execute(sql: "INSERT INTO standup (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                               arguments: StatementArguments(names.map { row[$0]!.value.databaseValue }))
            }
            for (i, row) in (archive.journal ?? []).enumerated() {
                guard JournalEntry.Kind(rawValue: row.kind) != nil else {
                    throw StoreError.badInput("journal[\(i)].kind is \"\(row.kind)\"; a journal row is do, undo or redo")
                }
                let change = row.change.change
                try db.execute(sql: "INSERT INTO journal (seq, at, actor, kind, summary, change, undoes, undoneBy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: [row.seq, row.at, row.actor, row.kind, change.summary, try StoredChange.encode(change), row.undoes, row.undoneBy])
                for id in Set(change.edits.map(\.id)) {
                    try db.execute(sql: "INSERT OR IGNORE INTO journal_entity (entityID, seq) VALUES (?, ?)", arguments: [id, row.seq])
                }
            }
            try FlowRecorder.backfill(db)
        }
    }
}
