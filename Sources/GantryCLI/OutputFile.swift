import Foundation

/// Where `--output FILE` writes: atomically (a reader never sees half a report), with the
/// folder checked first so the message names what is missing rather than an errno.
enum OutputFile {
    static func write(_ data: Data, to path: String, context: CLIContext) throws {
        let url = URL(fileURLWithPath: context.absolute(path))
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError.refused("Cannot write \(path): there is no folder \(folder).")
        }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? (error as NSError).localizedDescription
            throw CLIError.refused("Cannot write \(path): \(reason)")
        }
    }
}
