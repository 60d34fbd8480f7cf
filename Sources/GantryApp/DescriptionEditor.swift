import Foundation

/// Edits long text in the user's editor ($VISUAL, else $EDITOR, else vi) on a private temporary
/// file. The editor command is split into words and the file is passed as its own argument: no
/// shell ever sees the file name or the text.
public struct DescriptionEditor: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public var command: [String] {
        let chosen = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        return chosen.split(separator: " ").map(String.init)
    }

    public func edit(_ text: String) throws -> String {
        let dir = NSTemporaryDirectory() + "gantry-edit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/description.md"
        guard FileManager.default.createFile(atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw EditorError("Could not write a temporary file for the editor.")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = command + [file]
        do { try p.run() } catch { throw EditorError("Could not start \(command.joined(separator: " ")): \(error). Set $VISUAL or $EDITOR.") }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw EditorError("\(command.first ?? "The editor") exited with status \(p.terminationStatus); the description was not changed.")
        }
        var edited = try String(contentsOfFile: file, encoding: .utf8)
        while edited.hasSuffix("\n") { edited.removeLast() }
        return edited
    }
}

public struct EditorError: Error, CustomStringConvertible {
    public let description: String
    init(_ d: String) { description = d }
}
