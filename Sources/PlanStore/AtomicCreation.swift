import Foundation
import GRDB
import Planning

extension ProjectStore {
    /// Builds a new project under a temporary name in the same folder and renames it into place
    /// only when `fill` has finished: a kill, a full disk or an error leaves either no project or
    /// the whole one, never a half-written file at `path`. With `replacing`, an existing file at
    /// `path` is replaced in that one rename; without it, an existing file is never touched.
    public static func build(at path: String, replacing: Bool = false,
                             environment: [String: String] = ProcessInfo.processInfo.environment,
                             _ fill: (ProjectStore) throws -> Void) throws {
        let temporary = ProjectFile.directory(of: path) + "/." + (path as NSString).lastPathComponent + ".incomplete-" + UUID().uuidString.prefix(8)
        func discard() { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) } }
        do {
            let store = try create(at: temporary, environment: environment)
            try fill(store)
            try store.close(checkpoint: true)
        } catch let error as StoreError {
            discard()
            // Messages name the file the user asked for, not our temporary one.
            throw error.naming(path, for: temporary)
        } catch {
            discard()
            throw error
        }
        // No -wal or -shm of the temporary name may outlive it: everything is in the main file.
        for suffix in ["-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
        if replacing {
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw StoreError.io("Cannot move the new project into place at \(path): \(reason). Nothing was changed.")
            }
        } else {
            // link() fails if the name exists: a project someone made meanwhile is never replaced.
            guard link(temporary, path) == 0 else {
                let code = errno
                // Some filesystems have no hard links; there a rename after a check is the best left.
                if code != EEXIST, access(path, F_OK) != 0, rename(temporary, path) == 0 { return }
                discard()
                if code == EEXIST { throw StoreError.alreadyExists(path: path) }
                throw StoreError.io("Cannot create \(path): \(String(cString: strerror(code))). Nothing was changed.")
            }
            unlink(temporary)
        }
    }

    /// Moves a project nobody has open out of the way, to `FILE.bak-YYYYMMDD-HHMMSS` beside it,
    /// with its WAL written back first; returns where it went.
    public static func moveAside(_ path: String, now: Date) throws -> String {
        let store = try open(at: path)
        guard !store.isReadOnly else { throw StoreError.readOnly(path: path) }
        if let holder = SharedFiles.processHolding(path + "-shm") {
            throw StoreError.io("\(path) is open in \(holder); close that session first. Nothing was changed.")
        }
        try store.close(checkpoint: true)
        let stamp = Timestamp.iso(now).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            .replacingOccurrences(of: "T", with: "-").replacingOccurrences(of: "Z", with: "")
        var backup = path + ".bak-" + stamp
        var n = 1
        while access(backup, F_OK) == 0 { n += 1; backup = path + ".bak-\(stamp)-\(n)" }
        guard rename(path, backup) == 0 else {
            throw StoreError.io("Cannot move \(path) aside: \(String(cString: strerror(errno))). Nothing was changed.")
        }
        for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
        return backup
    }

    /// Closes the connections; with `checkpoint`, first writes the WAL back into the main file.
    public func close(checkpoint: Bool = false) throws {
        try Self.translating(path) {
            if checkpoint, let pool = try writerIfOpen() {
                _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            }
            try writerIfOpen()?.close()
            try reader.close()
        }
    }
}

extension StoreError {
    /// The same error with `temporary` (a path Gantry made up) said as `path`.
    func naming(_ path: String, for temporary: String) -> StoreError {
        switch self {
        case .io(let message): return .io(message.replacingOccurrences(of: temporary, with: path))
        case .readOnly: return .readOnly(path: path)
        case .damaged(_, let detail): return .damaged(path: path, detail: detail)
        default: return self
        }
    }
}
