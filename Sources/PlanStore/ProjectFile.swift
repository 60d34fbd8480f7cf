import Foundation
import Planning

/// Checks a file before SQLite touches it, from the 100-byte SQLite header alone, so that a file
/// which is not ours, or is from a newer Gantry, is refused without a single byte written.
enum ProjectFile {
    /// What the header says beyond "this is ours".
    struct Header {
        /// Bytes 18 and 19 are 2 in WAL mode.
        let isWAL: Bool
    }

    @discardableResult
    static func inspect(_ path: String) throws -> Header {
        try checkKind(path)
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
        return Header(isWAL: header[18] == 2 || header[19] == 2)
    }

    /// Refuses what is not a regular file before anything opens it: a FIFO would block the open
    /// forever, a folder or a device is never a project, and a broken link deserves its own words.
    static func checkKind(_ path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else {
            switch errno {
            case ELOOP:
                throw StoreError.notAProject(path: path, reason: "a symbolic link that loops back on itself; fix or remove the link")
            case ENOENT:
                var link = stat()
                if lstat(path, &link) == 0 {
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                    throw StoreError.notAProject(path: path, reason: "a symbolic link to \(target), which does not exist")
                }
                throw StoreError.notFound(path: path)
            case EACCES:
                throw StoreError.io("Cannot read \(path): permission denied on a folder on its way. Ask the project's owner for group access.")
            default:
                throw StoreError.io("Cannot read \(path): \(String(cString: strerror(errno))).")
            }
        }
        let kind: String?
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = nil
        case S_IFDIR: kind = "a folder; name the project file in it, such as \(path)/.gantry/project.sqlite"
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFSOCK: kind = "a socket"
        case S_IFCHR, S_IFBLK: kind = "a device"
        default: kind = "not a regular file"
        }
        if let kind { throw StoreError.notAProject(path: path, reason: kind) }
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
