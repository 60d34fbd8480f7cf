import Foundation
import GRDB
import Planning

/// One project file. Owns the GRDB pool and the migrator and offers intent-level operations:
/// load a snapshot, apply a `Change` with its journal row, undo, read the journal.
///
/// WAL mode with a busy timeout of several seconds, so concurrent writers from other processes
/// wait their turn instead of failing with "database is locked".
public final class ProjectStore: Sendable {
    public let path: String
    public let isReadOnly: Bool
    let pool: DatabasePool

    static let busyTimeout: TimeInterval = 10

    private init(path: String, pool: DatabasePool, readOnly: Bool) {
        self.path = path
        self.pool = pool
        self.isReadOnly = readOnly
    }

    /// Opens an existing project, refusing (and leaving untouched) files that are not Gantry
    /// projects, are damaged, or come from a newer Gantry.
    public static func open(at path: String) throws -> ProjectStore {
        try ProjectFile.inspect(path)
        let readOnly = access(path, W_OK) != 0 || access((path as NSString).deletingLastPathComponent, W_OK) != 0
        let complete = try validate(path)
        let pool = try translating(path) { try DatabasePool(path: path, configuration: configuration(readOnly: readOnly)) }
        if !complete {
            guard !readOnly else { throw StoreError.readOnly(path: path) }
            try translating(path) {
                try Schema.migrator.migrate(pool)
                try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            }
        }
        return ProjectStore(path: path, pool: pool, readOnly: readOnly)
    }

    /// Checks the file through a read-only connection before any writable one exists (opening a
    /// GRDB pool writes to the file): known migrations only, and SQLite's own integrity check.
    /// Returns whether all migrations are applied.
    private static func validate(_ path: String) throws -> Bool {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        return try translating(path) {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                let problem = try String.fetchOne(db, sql: "PRAGMA quick_check(1)") ?? "ok"
                guard problem == "ok" else { throw StoreError.damaged(path: path, detail: problem) }
                let migrator = Schema.migrator
                if try migrator.hasBeenSuperseded(db) {
                    throw StoreError.newerSchema(path: path, found: Schema.supportedVersion + 1, supported: Schema.supportedVersion)
                }
                return try migrator.hasCompletedMigrations(db)
            }
        }
    }

    /// Creates a new, empty project file (its folder must exist). The schema is checkpointed into
    /// the main file at once, so its header identifies it as a Gantry project from the start.
    public static func create(at path: String) throws -> ProjectStore {
        try ProjectFile.createEmpty(path)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false))
            try Schema.migrator.migrate(pool)
            try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            return ProjectStore(path: path, pool: pool, readOnly: false)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.io("Cannot create a project at \(path): \(error).")
        }
    }

    /// Creates the folder for `path` if needed, group-writable and never world-writable.
    public static func prepareDirectory(for path: String) throws {
        try ProjectFile.createDirectory((path as NSString).deletingLastPathComponent)
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.readonly = readOnly
        config.label = "gantry"
        config.prepareDatabase { db in
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        return config
    }

    /// Runs `body`, turning SQLite's low-level failures into sentences about this file.
    static func translating<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: throw StoreError.notAProject(path: path, reason: "not a SQLite database")
            case .SQLITE_CORRUPT: throw StoreError.damaged(path: path, detail: error.message ?? "corrupt")
            case .SQLITE_READONLY: throw StoreError.readOnly(path: path)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw StoreError.io("\(path) stayed busy for \(Int(busyTimeout)) s (another Gantry is writing a lot). Nothing was saved; try again.")
            case .SQLITE_CANTOPEN: throw StoreError.io("Cannot open \(path): check that its folder is readable and writable.")
            case .SQLITE_FULL: throw StoreError.io("The disk holding \(path) is full. Nothing was saved.")
            default: throw StoreError.damaged(path: path, detail: error.message ?? "\(error.resultCode)")
            }
        }
    }
}
