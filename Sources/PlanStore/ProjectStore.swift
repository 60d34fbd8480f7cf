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
    /// The network filesystem the project is on (nil on a local disk): there the store writes
    /// with a rollback journal instead of WAL, which network filesystems cannot share safely.
    public let networkFilesystem: String?
    /// Read-only and opened as the file stands (nobody else had it open and its folder is not
    /// writable for us): later changes by others show only after reopening.
    public let isSnapshot: Bool
    /// Reads go through a read-only connection, so commands that only read never write to the
    /// file (opening a GRDB pool does), and a damaged file is found before anything could.
    let reader: DatabaseQueue
    private let writer: LazyPool

    static let busyTimeout: TimeInterval = 10

    private init(path: String, reader: DatabaseQueue, readOnly: Bool, network: String?, snapshot: Bool) {
        self.path = path
        self.isSnapshot = snapshot
        self.reader = reader
        self.isReadOnly = readOnly
        self.networkFilesystem = network
        self.writer = LazyPool(path: path, readOnly: readOnly, rollbackJournal: network != nil)
    }

    /// The writer (a WAL pool, or one rollback-journal connection on a network filesystem),
    /// opened on first use.
    var pool: any DatabaseWriter {
        get throws { try writer.pool() }
    }

    /// Checks, reading the header only, that `path` holds a Gantry project this version can open;
    /// throws the reason otherwise.
    public static func check(_ path: String) throws {
        try ProjectFile.inspect(path)
    }

    /// Opens an existing project, refusing (and leaving untouched) files that are not Gantry
    /// projects, are damaged, or come from a newer Gantry.
    /// `environment` is where `GANTRY_NETWORK_FS` is looked up (see `Filesystem`).
    public static func open(at path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ProjectStore {
        try ProjectFile.inspect(path)
        let readOnly = access(path, W_OK) != 0 || access(ProjectFile.directory(of: path), W_OK) != 0
        let network = Filesystem.networkName(for: path, environment: environment)
        if network != nil, !readOnly { try leaveWAL(path) }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        // Reads stream through whole tables once; a small page cache keeps the footprint small.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -512") }
        func check(_ reader: DatabaseQueue) throws -> Bool {
            try reader.read { db in
                try Schema.checkNotNewer(db, path: path)
                return try Schema.migrator.hasCompletedMigrations(db)
            }
        }
        var reader: DatabaseQueue
        var complete: Bool
        var snapshot = false
        do {
            reader = try DatabaseQueue(path: path, configuration: config)
            complete = try check(reader)
        } catch let error as DatabaseError where readOnly && [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode) {
            // A WAL file nobody has open, in a folder we cannot write: SQLite cannot create the
            // shared-memory file a reader needs, so read the file as it is.
            reader = try translating(path) { try DatabaseQueue(path: immutableURI(path), configuration: config) }
            complete = try translating(path) { try check(reader) }
            snapshot = true
        } catch {
            return try translating(path) { () throws -> ProjectStore in throw error }
        }
        let store = ProjectStore(path: path, reader: reader, readOnly: readOnly, network: network, snapshot: snapshot)
        if !complete {
            guard !readOnly else {
                throw StoreError.io("\(path) was written by an older Gantry and needs a one-time upgrade, which needs write access. Ask the project's owner to open it once.")
            }
            try translating(path) {
                let pool = try store.pool
                try Schema.migrator.migrate(pool)
                _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            }
        }
        return store
    }

    /// Creates a new, empty project file (its folder must exist). The schema is checkpointed into
    /// the main file at once, so its header identifies it as a Gantry project from the start.
    public static func create(at path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ProjectStore {
        try ProjectFile.createEmpty(path)
        do {
            let writer: any DatabaseWriter = Filesystem.networkName(for: path, environment: environment) == nil
                ? try DatabasePool(path: path, configuration: configuration(readOnly: false))
                : try DatabaseQueue(path: path, configuration: configuration(readOnly: false))
            try Schema.migrator.migrate(writer)
            _ = try writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try writer.close()
            return try open(at: path, environment: environment)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.io("Cannot create a project at \(path): \(error).")
        }
    }

    /// An SQLite URI that opens `path` read-only without the shared-memory file.
    private static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// Switches a file from WAL to a rollback journal (a file made on a local disk and then
    /// moved to a network share). Needs a moment when nobody else has it open.
    private static func leaveWAL(_ path: String) throws {
        do {
            try switchToRollbackJournal(path)
        } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
            throw StoreError.io("\(path) is on a network filesystem but still in WAL mode, and another Gantry has it open. Close the other sessions once so it can switch to a rollback journal, which is safe there.")
        } catch {
            try translating(path) { throw error }
        }
    }

    private static func switchToRollbackJournal(_ path: String) throws {
        let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: false))
        defer { try? queue.close() }
        let mode = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
        if mode.lowercased() == "wal" {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        }
    }

    /// Creates the folder for `path` if needed, group-writable and never world-writable.
    public static func prepareDirectory(for path: String) throws {
        try ProjectFile.createDirectory(ProjectFile.directory(of: path))
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

/// The writer, opened the first time something is written.
private final class LazyPool: @unchecked Sendable {
    private let lock = NSLock()
    private let path: String
    private let readOnly: Bool
    private let rollbackJournal: Bool
    private var opened: (any DatabaseWriter)?

    init(path: String, readOnly: Bool, rollbackJournal: Bool) {
        self.path = path
        self.readOnly = readOnly
        self.rollbackJournal = rollbackJournal
    }

    func pool() throws -> any DatabaseWriter {
        lock.lock()
        defer { lock.unlock() }
        if let opened { return opened }
        let config = ProjectStore.configuration(readOnly: readOnly)
        let writer: any DatabaseWriter = try ProjectStore.translating(path) {
            if rollbackJournal { return try DatabaseQueue(path: path, configuration: config) }
            return try DatabasePool(path: path, configuration: config)
        }
        opened = writer
        return writer
    }
}
