import Foundation

/// Where `--output FILE` writes: atomically (a reader never sees half a report), with the
/// folder checked first so the message names what is missing rather than an errno.
enum OutputFile {
    static func write(_ data: Data, to path: String, context: CLIContext) throws {
        try stream(to: path, context: context) { sink in try sink(data) }
    }

    /// Writes piece by piece into a temporary file beside `path`, renamed over it when complete:
    /// a large export never sits whole in memory, and a reader never sees half of one.
    static func stream<T>(to path: String, context: CLIContext, _ body: (_ sink: (Data) throws -> Void) throws -> T) throws -> T {
        let url = URL(fileURLWithPath: context.absolute(path))
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError.refused("Cannot write \(path): there is no folder \(folder).")
        }
        let temporary = folder + "/." + url.lastPathComponent + ".partial-" + UUID().uuidString.prefix(8)
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CLIError.refused("Cannot write \(path): permission denied.")
        }
        do {
            let result = try body { try handle.write(contentsOf: $0) }
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, url.path) == 0 else { throw CLIError.refused("Cannot write \(path): \(String(cString: strerror(errno))).") }
            return result
        } catch {
            try? handle.close()
            unlink(temporary)
            if let e = error as? CLIError { throw e }
            throw CLIError.refused("Cannot write \(path): \((error as NSError).localizedDescription)")
        }
    }
}
