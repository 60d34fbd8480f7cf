import Foundation

/// The -wal and -shm files SQLite keeps beside a project in WAL mode, and the rule that keeps
/// teammates from locking each other out with them. SQLite creates them with the project file's
/// mode but owned by whoever opens the file first; a reader who cannot write the project (its
/// owner's umask made it 644) would leave files its owner cannot write, and every later write
/// would fail. So a reader never creates them (it reads the file as it stands, see
/// `ProjectStore.open`), and a writer who finds such files, left by an older Gantry or by SQLite
/// elsewhere, replaces them when nobody is using them (an empty WAL holds nothing to lose).
enum SharedFiles {
    static func exist(_ path: String) -> Bool {
        access(path + "-wal", F_OK) == 0 || access(path + "-shm", F_OK) == 0
    }

    /// Clears -wal/-shm that we cannot write, when no process has the project open and the WAL
    /// holds no unsaved transactions; otherwise says who holds them.
    static func recoverForWriter(_ path: String) throws {
        let wal = path + "-wal", shm = path + "-shm"
        // Only a file that is there and refuses us counts: one that another process's close
        // removed between the two checks (ENOENT) is no obstacle, and treating it as one made a
        // writer refuse while its teammate's session was merely closing and reopening.
        let blocked: [String] = [wal, shm].filter { (file: String) in access(file, W_OK) != 0 && errno != ENOENT }
        guard !blocked.isEmpty else { return }
        let owner = blocked.compactMap(ownerName).first ?? "another user"
        if let holder = processHolding(shm) {
            throw StoreError.io("\(path) is open right now in \(holder), which created its shared files (-wal, -shm) without write access for you. Nothing was saved; try again once that session has closed.")
        }
        if fileSize(wal) > 0 {
            throw StoreError.io("\(path) has unsaved transactions in \(wal), owned by \(owner) and not writable for you. Nothing was saved; ask \(owner) to open the project once so they are written back.")
        }
        for file in [wal, shm] where unlink(file) != 0 && errno != ENOENT {
            throw StoreError.io("Cannot replace \(file) (owned by \(owner), not writable for you): \(String(cString: strerror(errno))).")
        }
    }

    /// Removes -wal and -shm when nobody has the project open and the WAL holds nothing: what
    /// a failed attempt to open created. True when none are left. The caller must hold no SQLite
    /// connection to the file: closing our descriptor would drop that connection's locks.
    ///
    /// Safe against a process opening the project at the same moment, as SQLite's own clean-up
    /// on close is: SQLite takes a shared lock on the database file before it touches -wal or
    /// -shm, so while we hold the write lock on that range nobody can be using them.
    @discardableResult
    static func removeIfUnused(_ path: String) -> Bool {
        guard exist(path) else { return true }
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // SQLite's shared-lock range: PENDING_BYTE + 2, 510 bytes.
        var lock = writeLock(start: 0x4000_0002, length: 510)
        guard fcntl(fd, F_SETLK, &lock) == 0 else { return false }
        if fileSize(path + "-wal") == 0 {
            unlink(path + "-wal")
            unlink(path + "-shm")
        }
        return !exist(path)
    }

    private static func writeLock(start: Int, length: Int) -> flock {
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = start
        lock.l_len = length
        return lock
    }

    private static func fileSize(_ path: String) -> Int64 {
        var st = stat()
        return stat(path, &st) == 0 ? Int64(st.st_size) : 0
    }

    static func ownerName(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return userName(st.st_uid)
    }

    static func userName(_ uid: uid_t) -> String {
        guard let pw = getpwuid(uid) else { return "user \(uid)" }
        return String(cString: pw.pointee.pw_name)
    }

    /// "ben's Gantry (pid 4242)" when a process holds SQLite's "someone is connected" lock on the
    /// shared-memory file (byte 128 on Unix), nil when nobody has the project open.
    static func processHolding(_ shm: String) -> String? {
        let fd = open(shm, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var lock = writeLock(start: 128, length: 1)
        guard fcntl(fd, F_GETLK, &lock) == 0, lock.l_type != Int16(F_UNLCK) else { return nil }
        var st = stat()
        let who = stat("/proc/\(lock.l_pid)", &st) == 0 ? userName(st.st_uid) + "'s" : "another"
        return "\(who) Gantry (pid \(lock.l_pid))"
    }
}
