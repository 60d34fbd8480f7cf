import Foundation
import GRDB
import Planning

/// One project file. Owns the GRDB pool and the migrator and offers intent-level operations:
/// load a snapshot, apply a `Change` with its journal row, undo, read the journal.
///
/// WAL mode with a busy timeout of several seconds, so concurrent writers from other processes
/// wait their turn instead of failing with "database is locked".
public final class ProjectStore: ProjectStoring {
    public let path: String
    public var location: String { path }
    public let isReadOnly: Bool
    /// The network filesystem the project is on (nil on a local disk): there the store writes
    /// with a rollback journal instead of WAL, which network filesystems cannot share safely.
    public let networkFilesystem: String?
    /// Read-only and opened as the file stands (nobody else had it open): its -wal and -shm files
    /// did not exist and a reader must not create them (see `SharedFiles`). Becomes live as soon
    /// as a writer opens the file (`ChangeWatcher` switches the reader over).
    public var isSnapshot: Bool { readerBox.current.snapshot }
    /// Reads go through a read-only connection, so commands that only read never write to the
    /// file (opening a GRDB pool does), and a damaged file is found before anything could.
    var reader: DatabaseQueue { readerBox.current.queue }
    let readerBox: ReaderBox
    private let writer: LazyPool

    static let busyTimeout: TimeInterval = 10

    /// The file's device and inode when it was opened: a project replaced on disk (a new demo
    /// written over it, a restore from backup) is noticed instead of written into the void.
    private let identity: FileIdentity?

    /// True when the file at `path` is no longer the one this store opened.
    public var wasReplaced: Bool { FileIdentity(path) != identity }

    private init(path: String, reader: DatabaseQueue, readOnly: Bool, network: String?, snapshot: Bool) {
        self.path = path
        self.readerBox = ReaderBox(queue: reader, snapshot: snapshot)
        self.identity = FileIdentity(path)
        self.isReadOnly = readOnly
        self.networkFilesystem = network
        self.writer = LazyPool(path: path, readOnly: readOnly, rollbackJournal: network != nil)
    }

    public func readingConnection() throws -> any ProjectStoring {
        let asItStands = isSnapshot
        let queue = try Self.translating(path) {
            try DatabaseQueue(path: asItStands ? Self.immutableURI(path) : path, configuration: Self.readerConfiguration())
        }
        return ProjectStore(path: path, reader: queue, readOnly: true, network: networkFilesystem, snapshot: asItStands)
    }

    /// The writer (a WAL pool, or one rollback-journal connection on a network filesystem),
    /// opened on first use.
    var pool: any DatabaseWriter {
        get throws { try writer.pool() }
    }

    func writerIfOpen() throws -> (any DatabaseWriter)? { writer.openedWriter }

    /// Checks, reading the header only, that `path` holds a Gantry project this version can open;
    /// throws the reason otherwise.
    public static func check(_ path: String) throws {
        try ProjectFile.inspect(path)
    }

    /// Opens an existing project, refusing (and leaving untouched) files that are not Gantry
    /// projects, are damaged, or come from a newer Gantry.
    /// `environment` is where `GANTRY_NETWORK_FS` is looked up (see `Filesystem`).
    public static func open(at path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ProjectStore {
        let header = try ProjectFile.inspect(path)
        let readOnly = access(path, W_OK) != 0 || access(ProjectFile.directory(of: path), W_OK) != 0
        if !readOnly { try SharedFiles.recoverForWriter(path) }
        let network = Filesystem.networkName(for: path, environment: environment)
        if network != nil, !readOnly { try leaveWAL(path) }
        let config = readerConfiguration()
        func check(_ reader: DatabaseQueue) throws -> Bool {
            try reader.read { db in
                try Schema.checkNotNewer(db, path: path)
                return try Schema.migrator.hasCompletedMigrations(db)
            }
        }
        let reader: DatabaseQueue
        let complete: Bool
        var snapshot = false
        let sharedFilesExisted = SharedFiles.exist(path)
        func readAsItStands() throws -> (DatabaseQueue, Bool) {
            let queue = try translating(path) { try DatabaseQueue(path: immutableURI(path), configuration: config) }
            return (queue, try translating(path) { try check(queue) })
        }
        do {
            if readOnly && header.isWAL && !sharedFilesExisted {
                // SQLite would create -wal and -shm owned by us with the file's mode, which its
                // owner could then not write. Read the file as it stands instead.
                (reader, complete) = try readAsItStands()
                snapshot = true
            } else {
                let queue = try DatabaseQueue(path: path, configuration: config)
                (reader, complete) = (queue, try check(queue))
            }
        } catch let error as DatabaseError where Self.canReadAsItStands(error) && SharedFiles.removeIfUnused(path) {
            // A WAL file nobody has open, where SQLite cannot make the shared-memory file a
            // reader needs (a folder we cannot write, a full disk): read the file as it is, and
            // leave nothing of the attempt behind (nor unused, empty ones found there).
            do { (reader, complete) = try readAsItStands() } catch {
                SharedFiles.removeIfUnused(path)
                throw error
            }
            snapshot = true
        } catch {
            // A refused file (damaged, not ours) keeps nothing of ours beside it.
            if !sharedFilesExisted { SharedFiles.removeIfUnused(path) }
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
            let reason = "\(error)"
            throw StoreError.io("Cannot create a project at \(path): \(reason)\(reason.hasSuffix(".") ? "" : ".")")
        }
    }

    /// Whether SQLite's -wal or -shm files lie beside `path`.
    public static func hasSharedFiles(_ path: String) -> Bool { SharedFiles.exist(path) }

    /// Removes empty -wal/-shm files beside `path` that nobody is using (after a refusal); call
    /// with no store on `path` open in this process.
    public static func removeUnusedSharedFiles(_ path: String) { SharedFiles.removeIfUnused(path) }

    /// Failures to set up WAL reading that say nothing about the file's contents.
    static func canReadAsItStands(_ error: DatabaseError) -> Bool {
        [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_FULL].contains(error.resultCode)
    }

    static func readerConfiguration() -> Configuration {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        // Reads stream through whole tables once; a small page cache keeps the footprint small.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -512") }
        return config
    }

    /// A snapshot reader follows the file: once a writer has created the shared files it reads
    /// live; until then, when the file itself changed (a writer came and went, writing its
    /// changes back on close), it reads the file afresh. True when it switched or re-read.
    func followSnapshot(lastSeen: inout FileStamp?) -> Bool {
        guard isSnapshot else { return false }
        if SharedFiles.exist(path), let live = try? DatabaseQueue(path: path, configuration: Self.readerConfiguration()) {
            readerBox.replace(queue: live, snapshot: false)
            return true
        }
        let stamp = FileStamp(path)
        defer { lastSeen = stamp }
        guard let last = lastSeen, stamp != last,
              let fresh = try? DatabaseQueue(path: Self.immutableURI(path), configuration: Self.readerConfiguration()) else { return false }
        readerBox.replace(queue: fresh, snapshot: true)
        return true
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
            case .SQLITE_FULL: throw StoreError.diskFull(path: path)
            case .SQLITE_IOERR:
                if Filesystem.bytesFree(for: path) == 0 { throw StoreError.diskFull(path: path) }
                throw StoreError.io("Could not read or write \(path): \(error.message ?? "disk I/O error"). The file was not changed; check the disk (for example with dmesg) and try again.")
            default: throw StoreError.damaged(path: path, detail: error.message ?? "\(error.resultCode)")
            }
        }
    }
}

/// Which file a path names (device and inode).
struct FileIdentity: Equatable {
    let device: UInt64, inode: UInt64

    init?(_ path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        (device, inode) = (UInt64(st.st_dev), UInt64(st.st_ino))
    }
}

/// What tells that a file was rewritten: its modification time and size.
struct FileStamp: Equatable {
    let seconds: Int, nanoseconds: Int, size: Int64

    init(_ path: String) {
        var st = stat()
        if stat(path, &st) == 0 {
            (seconds, nanoseconds, size) = (st.st_mtim.tv_sec, st.st_mtim.tv_nsec, Int64(st.st_size))
        } else {
            (seconds, nanoseconds, size) = (0, 0, 0)
        }
    }
}

/// The read connection, replaced when a snapshot reader follows the file.
final class ReaderBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (queue: DatabaseQueue, snapshot: Bool)

    init(queue: DatabaseQueue, snapshot: Bool) { value = (queue, snapshot) }

    var current: (queue: DatabaseQueue, snapshot: Bool) {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func replace(queue: DatabaseQueue, snapshot: Bool) {
        lock.lock()
        defer { lock.unlock() }
        value = (queue, snapshot)
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

    var openedWriter: (any DatabaseWriter)? {
        lock.lock()
        defer { lock.unlock() }
        return opened
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
