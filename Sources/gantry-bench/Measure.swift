import Foundation

/// Timing helpers: medians of repeated runs, in milliseconds.
enum Measure {
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var samples: [Double] = []
        for _ in 0..<runs { samples.append(try milliseconds(body)) }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// Peak resident set of this process, in MB.
    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Current resident set of this process, in MB (Linux).
    static func currentRSSMegabytes() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    /// Runs a program with output discarded; returns wall time in ms, its peak RSS in MB and its
    /// exit status. Spawned with posix_spawn (Foundation's Process adds its own start-up cost).
    /// The RSS comes from GNU time (`/usr/bin/time`, Debian package `time`), because Linux
    /// carries the spawning process's high-water mark into a child's own figure; nil without it.
    static func runProcess(_ path: String, _ args: [String]) throws -> (ms: Double, rssMB: Double?, status: Int32) {
        let time = "/usr/bin/time"
        let useTime = FileManager.default.isExecutableFile(atPath: time)
        let report = NSTemporaryDirectory() + "gantry-bench-rss-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: report) }
        let command = useTime ? [time, "-f", "%M", "-o", report, path] + args : [path] + args
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = command.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        var status: Int32 = 0
        let ms = try milliseconds {
            let rc = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
            guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        let kb = (try? String(contentsOfFile: report, encoding: .utf8))?.split(separator: "\n").last.flatMap { Double($0) }
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (ms, kb.map { $0 / 1024 }, exit)
    }

    /// Runs `body` with a fresh folder for its files, removed afterwards.
    static func inTemporaryFolder(_ name: String, _ body: (String) throws -> Void) throws {
        let dir = NSTemporaryDirectory() + "gantry-bench-\(name)-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    static func format(_ value: Double, _ unit: String, target: Double) -> String {
        let verdict = value <= target ? "ok" : "OVER"
        return String(format: "%8.2f %@   (target ≤ %g %@, %@)", value, unit, target, unit, verdict)
    }
}
