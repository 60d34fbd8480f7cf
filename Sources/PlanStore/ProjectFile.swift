import Foundation
import Planning

/// Checks a file before SQLite touches it, from the 100-byte SQLite header alone, so that a file
/// which is not ours, or is from a newer Gantry, is refused without a single byte written.
enum ProjectFile {
    static func inspect(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw StoreError.io("Cannot read \(path): permission denied. Ask the project's owner for group read access.")
            }
            throw StoreError.notFound(path: path)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        guard !header.isEmpty else { throw StoreError.notAProject(path: path, reason: "the file is empty") }
        let magic = Data("SQLite format 3\u{0}".utf8)
        guard header.count == 100, header.prefix(16) == magic else {
            throw StoreError.notAProject(path: path, reason: "not a SQLite database")
        }
        let userVersion = Int(bigEndian32(header, at: 60))
        let appID = bigEndian32(header, at: 68)
        guard appID == Schema.applicationID else {
            throw StoreError.notAProject(path: path, reason: "a SQLite database of another application")
        }
        if userVersion > Schema.supportedVersion {
            throw StoreError.newerSchema(path: path, found: userVersion, supported: Schema.supportedVersion)
        }
    }

    private static func bigEndian32(_ data: Data, at offset: Int) -> Int32 {
        let bytes = data.subdata(in: offset..<offset + 4)
        return bytes.reduce(Int32(0)) { ($0 << 8) | Int32($1) }
    }

    /// Creates an empty project file, group-writable under the caller's umask but never
    /// world-writable; SQLite then gives its -wal and -shm files the same mode.
    static func createEmpty(_ path: String) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o664)
        guard fd >= 0 else {
            if errno == EEXIST { throw StoreError.alreadyExists(path: path) }
            throw StoreError.io("Cannot create \(path): \(String(cString: strerror(errno))).")
        }
        close(fd)
    }

    /// The folder holding `path` ("." for a bare file name).
    static func directory(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    /// Creates the project folder the same way (group-writable, never world-writable).
    static func createDirectory(_ path: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw StoreError.io("\(path) exists and is not a folder.") }
            return
        }
        guard mkdir(path, 0o775) == 0 else {
            throw StoreError.io("Cannot create \(path): \(String(cString: strerror(errno))).")
        }
    }
}
