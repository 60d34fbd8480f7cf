import Foundation

/// A tmux server of its own (private socket) running one command in a terminal of a fixed size,
/// for end-to-end tests of the real binary. Waits on screen content, never on fixed sleeps.
final class TmuxSession {
    let socket = "gantry-test-" + UUID().uuidString.prefix(8)
    let target = "main"

    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        var env = "env"
        env += " GANTRY=\(BinaryHarness.gantryPath)"
        for (k, v) in environment { env += " \(k)='\(v)'" }
        // bash, not sh: after the program handles Ctrl-C and exits, bash runs the rest of the
        // command (recording status and terminal settings); dash would die with the signal.
        try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", target,
                 "\(env) bash -c '\(command.replacingOccurrences(of: "'", with: "'\\''"))'"], capture: false)
    }

    deinit { _ = try? run(["kill-server"], capture: false) }

    /// Runs a tmux client and returns what it printed. Spawned directly and reaped with
    /// waitpid: Foundation's Process waits until every descendant closes an inherited
    /// descriptor, and the tmux server that `new-session` starts never does.
    @discardableResult
    func run(_ args: [String], capture: Bool = true) throws -> String {
        let outputFile = NSTemporaryDirectory() + "gantry-tmux-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? outputFile : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-L", socket] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // Test threads block signals; a terminal's programs must start with them unblocked and
        // at their defaults, as they would from a login shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGPIPE] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ) == 0 else {
            throw TmuxError.cannotStart
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return capture ? ((try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "") : ""
    }

    enum TmuxError: Error { case cannotStart }

    func capture() -> String { (try? run(["capture-pane", "-p", "-t", target])) ?? "" }

    func display(_ format: String) -> String {
        ((try? run(["display-message", "-p", "-t", target, format])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func send(_ keys: String...) { _ = try? run(["send-keys", "-t", target] + keys) }

    func type(_ text: String) { _ = try? run(["send-keys", "-t", target, "-l", text]) }

    func resize(width: Int, height: Int) { _ = try? run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"]) }

    /// Polls until the program has left the alternate screen (it quit and restored the terminal).
    func waitForMainScreen(timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if display("#{alternate_on}") == "0" { return true }
            usleep(50_000)
        }
        return false
    }

    /// Polls until `predicate` holds for the screen text, up to `timeout` seconds.
    @discardableResult
    func waitFor(timeout: Double = 15, _ predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if predicate(capture()) { return true }
            usleep(50_000)
        }
        return false
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) -> Bool { waitFor(timeout: timeout) { $0.contains(text) } }

    /// The pid of the program the pane's shell started.
    var programPID: Int32? {
        guard let shell = Int32(display("#{pane_pid}")),
              let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }
}

/// Waits for a file written by the pane's shell after the program exits.
func waitForFile(_ path: String, timeout: Double = 15) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if let s = try? String(contentsOfFile: path, encoding: .utf8), s.hasSuffix("\n") { return s }
        usleep(50_000)
    }
    return nil
}
