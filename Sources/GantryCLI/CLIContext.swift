import Foundation
#if canImport(Glibc)
import Glibc
import TerminalUI
#endif

/// Everything a command needs from the outside world, passed as a task-local value so the same
/// commands run in the real process and, in tests, in-process with captured output, a fixed
/// clock and a chosen user.
public struct CLIContext: Sendable {
    public var environment: [String: String]
    public var currentDirectory: String
    public var actor: String
    public var now: @Sendable () -> Date
    public var output: OutputSink
    /// Opens the interactive screen on a project file; nil where no TUI is linked.
    public var launchInteractive: (@Sendable (InteractiveRequest) throws -> Void)?

    public init(environment: [String: String], currentDirectory: String, actor: String,
                now: @escaping @Sendable () -> Date, output: OutputSink,
                launchInteractive: (@Sendable (InteractiveRequest) throws -> Void)? = nil) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.actor = actor
        self.now = now
        self.output = output
        self.launchInteractive = launchInteractive
    }

    @TaskLocal public static var current = CLIContext.process()

    /// The context of the running process: its environment, directory, Unix user and clock.
    /// `GANTRY_USER` and `GANTRY_NOW` (ISO 8601) override the user and the clock, for tests and demos.
    public static func process(launchInteractive: (@Sendable (InteractiveRequest) throws -> Void)? = nil) -> CLIContext {
        let env = ProcessInfo.processInfo.environment
        let fixed = env["GANTRY_NOW"].flatMap { ISO8601DateFormatter().date(from: $0) }
        return CLIContext(environment: env, currentDirectory: FileManager.default.currentDirectoryPath,
                          actor: env["GANTRY_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? unixUser(env),
                          now: { fixed ?? Date() }, output: .standard, launchInteractive: launchInteractive)
    }

    static func unixUser(_ env: [String: String]) -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return env["USER"] ?? env["LOGNAME"] ?? "unknown"
    }

    var today: Day { Day.containing(now()) }

    /// Resolves a path the user typed against the context's directory.
    func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : (currentDirectory as NSString).appendingPathComponent(expanded)
    }
}

import Planning

/// What the interactive screen is asked to open.
public struct InteractiveRequest: Sendable {
    public var projectPath: String
    public var options: [String: String]

    public init(projectPath: String, options: [String: String] = [:]) {
        self.projectPath = projectPath
        self.options = options
    }
}

/// Where command output goes: the process's stdout/stderr, or a buffer in tests.
public final class OutputSink: @unchecked Sendable {
    private let lock = NSLock()
    private let capture: Bool
    private var out = ""
    private var err = ""

    private init(capture: Bool) { self.capture = capture }

    public static let standard = OutputSink(capture: false)
    public static func capturing() -> OutputSink { OutputSink(capture: true) }

    public func print(_ text: String) { write(text + "\n", error: false) }
    public func printError(_ text: String) { write(text + "\n", error: true) }

    /// Every line Gantry prints passes here, and stored or typed text may hold anything: control
    /// characters other than newline and tab are shown as visible symbols, never sent raw.
    public func write(_ text: String, error: Bool) {
        let text = Sanitizer.cleanKeepingLayout(text)
        if capture {
            lock.lock()
            if error { err += text } else { out += text }
            lock.unlock()
        } else {
            (error ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
        }
    }

    /// Bytes as they are: a document for another program (JSON, CSV, iCalendar, XML), whose
    /// escaping is its format's, and whose line ends (CRLF) must survive.
    public func write(bytes: [UInt8]) {
        if capture {
            lock.lock()
            out += String(decoding: bytes, as: UTF8.self)
            lock.unlock()
        } else {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
                    if n <= 0 { if errno == EINTR { continue } else { return } }
                    offset += n
                }
            }
        }
    }

    public var standardOutput: String { lock.lock(); defer { lock.unlock() }; return out }
    public var standardError: String { lock.lock(); defer { lock.unlock() }; return err }
}
