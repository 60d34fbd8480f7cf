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
        let status = try Self.runInForeground(command + [file])
        if status == 127 {
            throw EditorError("Could not start \(command.joined(separator: " ")): no such program. Set $VISUAL or $EDITOR.")
        }
        guard status == 0 else {
            throw EditorError("\(command.first ?? "The editor") exited with status \(status); the description was not changed.")
        }
        var edited = try String(contentsOfFile: file, encoding: .utf8)
        while edited.hasSuffix("\n") { edited.removeLast() }
        return edited
    }
}

extension DescriptionEditor {
    /// Runs the editor as the shell would run a foreground job of ours: in our process group (so it
    /// owns the terminal whenever we do, and job-control shells never stop it for touching the
    /// terminal), with every signal at its default and none blocked. The caller ignores interrupt
    /// and quit meanwhile (`withInterruptsIgnored`), as `system(3)` does.
    static func runInForeground(_ argv: [String]) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigfillset(&defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArgs = (["/usr/bin/env"] + argv).map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/usr/bin/env", nil, &attributes, cArgs, environ)
        guard spawned == 0 else {
            throw EditorError("Could not start \(argv.dropLast().joined(separator: " ")): \(String(cString: strerror(spawned))). Set $VISUAL or $EDITOR.")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        return exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

extension DescriptionEditor {
    /// Runs `body` (leaving the screen, the editor, coming back) with interrupt and quit ignored
    /// from the first moment the terminal is the shell's to the last: Ctrl-C inside the editor
    /// is the editor's, and one pressed just before or after it never ends Gantry half-drawn.
    public static func withInterruptsIgnored<T>(_ body: () throws -> T) rethrows -> T {
        var ignore = sigaction(), savedInt = sigaction(), savedQuit = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        sigaction(SIGINT, &ignore, &savedInt)
        sigaction(SIGQUIT, &ignore, &savedQuit)
        defer {
            sigaction(SIGINT, &savedInt, nil)
            sigaction(SIGQUIT, &savedQuit, nil)
        }
        return try body()
    }
}

public struct EditorError: Error, CustomStringConvertible {
    public let description: String
    init(_ d: String) { description = d }
}
