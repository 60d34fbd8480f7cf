import Foundation
import GRDB
import Planning

/// The whole project as one versioned JSON document: every entity with every field, the key
/// sequences, saved stand-ups and, unless left out, the journal. It is how a project leaves
/// Gantry whole, and how it comes back: importing it into an empty project gives the same
/// project, and exporting that gives the same document.
///
/// The journal is most of a long-lived project's document, so it is never held whole: the export
/// writes it row by row from the store, and the import reads it row by row from the file (mapped,
/// its pages given back as they are used); only the entities are read in one piece.
public struct ProjectArchive: @unchecked Sendable {
    public static let formatName = "gantry-project"
    public static let currentVersion = 1

    /// Where the entities lie, and how many of each kind: they are read when the project is built.
    private let entityRange: Range<Int>
    private let counts: [String: Int]
    public let projectName: String
    package var sequences: [String: Int64]
    package var standups: [[String: StoredValue]]
    /// Where each journal row lies in the document; nil: the document has no journal.
    private(set) var journal: [Range<Int>]?
    private let source: ArchiveSource

    /// How many of each kind, and the journal's length, in words: what an import would create.
    public var summary: String {
        Self.summary(counts: counts, standups: standups.count, journal: journal?.count)
    }

    static func summary(counts: [String: Int], standups: Int, journal: Int?) -> String {
        let names: [EntityKind: (String, String)] = [
            .member: ("member", "members"), .board: ("board", "boards"), .column: ("column", "columns"), .card: ("card", "cards"),
            .raid: ("RAID item", "RAID items"), .raidLink: ("RAID link", "RAID links"), .task: ("task", "tasks"),
            .taskLink: ("dependency", "dependencies"), .holiday: ("holiday", "holidays"), .baseline: ("baseline", "baselines"),
            .taskCard: ("card–task link", "card–task links"), .sprint: ("sprint", "sprints"), .leave: ("leave", "leaves"),
            .assignment: ("assignment", "assignments"), .timeEntry: ("time entry", "time entries"), .fixedCost: ("fixed cost", "fixed costs"),
        ]
        func count(_ n: Int, _ name: (String, String)) -> String { "\(n) \(n == 1 ? name.0 : name.1)" }
        var parts = EntityKind.allCases.compactMap { kind -> String? in
            guard let name = names[kind], let n = counts[kind.rawValue], n > 0 else { return nil }
            return count(n, name)
        }
        if standups > 0 { parts.append(count(standups, ("stand-up", "stand-ups"))) }
        parts.append(journal.map { count($0, ("journal row", "journal rows")) } ?? "no journal")
        return parts.joined(separator: ", ")
    }

    public var hasHistory: Bool { journal != nil }


    public mutating func dropHistory() { journal = nil }

    /// Reads a document held in memory.
    public static func decode(_ data: Data) throws -> ProjectArchive {
        try read(ArchiveSource(copying: data))
    }

    /// Reads a document from a file, mapped rather than loaded.
    public static func open(path: String) throws -> ProjectArchive {
        try read(ArchiveSource(file: try MappedFile(path: path)))
    }

    /// The top-level sections, each decoded from its own slice; the journal's rows only located.
    /// The first thing wrong is named by its place (`entities.card[0].priority`, `journal[3]`).
    private static func read(_ source: ArchiveSource) throws -> ProjectArchive {
        let scan = JSONScan(bytes: source.bytes)
        var sections: [String: Range<Int>] = [:]
        do {
            let start = scan.skipSpace(0)
            guard start < source.bytes.count, source.bytes[start] == UInt8(ascii: "{") else {
                throw JSONScan.Failure(offset: start, message: start < source.bytes.count ? "it does not start with {" : "it is empty")
            }
            for (key, range) in try scan.members(start) { sections[key] = range }
        } catch let failure as JSONScan.Failure {
            throw StoreError.badInput("it is not JSON (line \(scan.line(of: failure.offset)): \(failure.message))")
        }
        func section<T: Decodable>(_ name: String, _ type: T.Type) throws -> T {
            guard let range = sections[name] else { throw StoreError.badInput("\(name) is missing") }
            do {
                return try JSONDecoder().decode(T.self, from: source.data(range))
            } catch let error as DecodingError {
                throw StoreError.badInput(describe(error, in: name))
            }
        }
        if let unknown = sections.keys.sorted().first(where: { !["entities", "format", "journal", "sequences", "standups", "version"].contains($0) }) {
            throw StoreError.badInput("\"\(unknown)\" is not part of a \(formatName) document")
        }
        let format = try section("format", String.self)
        guard format == formatName else {
            throw StoreError.badInput("\"format\" is \"\(format)\", not \"\(formatName)\"")
        }
        let version = try section("version", Int.self)
        guard version <= currentVersion, version >= 1 else {
            throw StoreError.badInput("it is version \(version) of the format; this Gantry reads versions 1 to \(currentVersion)")
        }
        var journal: [Range<Int>]?
        if let range = sections["journal"] {
            do { journal = try scan.elements(range.lowerBound) } catch let failure as JSONScan.Failure {
                throw StoreError.badInput("journal (line \(scan.line(of: failure.offset))): \(failure.message)")
            }
        }
        guard let entityRange = sections["entities"] else { throw StoreError.badInput("entities is missing") }
        var counts: [String: Int] = [:]
        var name = "the project"
        do {
            for (kind, range) in try scan.members(entityRange.lowerBound) {
                counts[kind] = try scan.elements(range.lowerBound).count
                if kind == EntityKind.project.rawValue {
                    let project = try FlatJSON.entities(source.bytes, entityRange.lowerBound..<entityRange.upperBound, only: kind)
                    name = project[kind]?.first?["name"]?.string ?? name
                }
            }
        } catch let failure as JSONScan.Failure {
            throw StoreError.badInput("entities (line \(scan.line(of: failure.offset))): \(failure.message)")
        } catch let failure as FlatJSON.Failure {
            throw StoreError.badInput("\(failure.message) (line \(scan.line(of: failure.offset)))")
        }
        return ProjectArchive(entityRange: entityRange, counts: counts, projectName: name,
                              sequences: try section("sequences", [String: Int64].self),
                              standups: try section("standups", [[String: StoredValue]].self), journal: journal, source: source)
    }

    /// The project the document holds, every entity checked.
    public func snapshot() throws -> ProjectSnapshot {
        let entities: [String: [[String: Value]]]
        do { entities = try FlatJSON.entities(source.bytes, entityRange) } catch let failure as FlatJSON.Failure {
            throw StoreError.badInput("\(failure.message) (line \(JSONScan(bytes: source.bytes).line(of: failure.offset)))")
        }
        source.release(upTo: entityRange.upperBound)
        var byKind: [EntityKind: [[String: Value]]] = [:]
        for (name, rows) in entities {
            guard let kind = EntityKind(rawValue: name) else { throw StoreError.badInput("entities.\(name): not a kind of thing Gantry keeps") }
            byKind[kind] = rows
        }
        do { return try ProjectSnapshot.rebuilt(from: byKind) } catch let error as PlanningError {
            throw StoreError.badInput(error.description)
        }
    }

    /// Reads the journal's rows in order, one at a time, giving back the pages read; `body` gets
    /// each row with its change and the change's text as the document has it.
    package func eachJournalRow(_ body: (Int, FlatJSON.JournalRow, String) throws -> Void) throws {
        guard let journal else { return }
        let scan = JSONScan(bytes: source.bytes)
        for (i, range) in journal.enumerated() {
            let row: FlatJSON.JournalRow
            do { row = try FlatJSON.journalRow(source.bytes, range, path: "journal[\(i)]") } catch let failure as FlatJSON.Failure {
                throw StoreError.badInput("\(failure.message) (line \(scan.line(of: failure.offset)))")
            }
            guard JournalEntry.Kind(rawValue: row.kind) != nil else {
                throw StoreError.badInput("journal[\(i)].kind is \"\(row.kind)\"; a journal row is do, undo or redo")
            }
            try body(i, row, String(decoding: UnsafeRawBufferPointer(rebasing: source.bytes[row.changeText]), as: UTF8.self))
            if i % 4096 == 4095 { source.release(upTo: range.upperBound) }
        }
    }

    /// Every journal row decoded and checked, nothing written (for `--dry-run`).
    public func checkJournal() throws {
        try eachJournalRow { _, _, _ in }
    }

    private static func describe(_ error: DecodingError, in section: String) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce(section) { out, key in key.intValue.map { "\(out)[\($0)]" } ?? "\(out).\(key.stringValue)" }
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// The bytes of a document: a mapped file, or a copy of data handed in.
final class ArchiveSource: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let file: MappedFile?
    private let owned: UnsafeMutableRawBufferPointer?

    init(file: MappedFile) {
        self.file = file
        bytes = file.bytes
        owned = nil
    }

    init(copying data: Data) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 8)
        data.copyBytes(to: buffer)
        owned = buffer
        file = nil
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<data.count])
    }

    func data(_ range: Range<Int>) -> Data { Data(UnsafeRawBufferPointer(rebasing: bytes[range])) }

    func release(upTo offset: Int) { file?.release(upTo: offset) }

    deinit { owned?.deallocate() }
}

extension ProjectStore {
    /// Writes the project as a document to `sink`, piece by piece (the journal a row at a time,
    /// each row's change as the store keeps it), all read in one transaction. Keys are sorted and
    /// the layout fixed, so the same project always gives the same bytes. Returns the summary.
    @discardableResult
    public func exportArchive(history: Bool, to sink: (Data) throws -> Void) throws -> String {
        let snapshot = try load()
        return try Self.translating(path) {
            try reader.read { db in
                var sequences: [String: Int64] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT name, next FROM sequence") { sequences[row[0]] = row[1] }
                let standups = try Row.fetchAll(db, sql: "SELECT * FROM standup ORDER BY id").map { row in
                    Dictionary(uniqueKeysWithValues: row.columnNames.map { ($0, Value(row[$0] as DatabaseValue)) })
                }
                let journal: ArchiveWriter.Journal? = history ? { each in
                    let cursor = try Row.fetchCursor(db, sql: "SELECT seq, at, actor, kind, undoes, undoneBy, change FROM journal ORDER BY seq")
                    while let row = try cursor.next() {
                        try each(StoredJournalRow(seq: row[0], at: row[1], actor: row[2], kind: row[3], undoes: row[4], undoneBy: row[5], change: row[6]))
                    }
                } : nil
                return try ArchiveWriter.write(snapshot: snapshot, sequences: sequences, standups: standups, journal: journal, to: sink)
            }
        }
    }

    /// Fills an empty project from an archive in one transaction: its entities, key sequences,
    /// stand-ups and journal, read a row at a time, with the flow history recorded as each row
    /// goes in. Refused, with nothing written, when this project already holds work.
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
                for id in snapshot.entityIDs(of: kind) {
                    guard let fields = snapshot.fields(of: kind, id: id) else { continue }
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
            let insertRow = try db.makeStatement(sql: "INSERT INTO journal (seq, at, actor, kind, summary, change, undoes, undoneBy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            let insertEntity = try db.makeStatement(sql: "INSERT OR IGNORE INTO journal_entity (entityID, seq) VALUES (?, ?)")
            var flow = FlowRecorder.Replay()
            try archive.eachJournalRow { _, row, stored in
                let change = row.change
                try insertRow.execute(arguments: [row.seq, row.at, row.actor, row.kind, change.summary, stored, row.undoes, row.undoneBy])
                for id in Set(change.edits.map(\.id)) { try insertEntity.execute(arguments: [id, row.seq]) }
                try flow.record(change, seq: row.seq, at: Date(timeIntervalSince1970: row.at), db)
            }
        }
    }
}
