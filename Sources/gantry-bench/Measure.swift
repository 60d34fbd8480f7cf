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

    /// Runs a program with output discarded; returns wall time in ms and its peak RSS in MB.
    /// The RSS comes from GNU time (`/usr/bin/time`, Debian package `time`): a child spawned
    /// from this process would report this process's RSS, since spawning shares its memory
    /// until exec. Nil when GNU time is missing.
    static func runProcess(_ path: String, _ args: [String]) throws -> (ms: Double, rssMB: Double?, status: Int32) {
        let time = "/usr/bin/time"
        let useTime = FileManager.default.isExecutableFile(atPath: time)
        let report = NSTemporaryDirectory() + "gantry-bench-rss-\(getpid())"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: useTime ? time : path)
        p.arguments = useTime ? ["-f", "%M", "-o", report, path] + args : args
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        var status: Int32 = 0
        let ms = try milliseconds {
            try p.run()
            p.waitUntilExit()
            status = p.terminationStatus
        }
        defer { try? FileManager.default.removeItem(atPath: report) }
        let kb = (try? String(contentsOfFile: report, encoding: .utf8))?.split(separator: "\n").last.flatMap { Double($0) }
        return (ms, kb.map { $0 / 1024 }, status)
    }

    static func format(_ value: Double, _ unit: String, target: Double) -> String {
        let verdict = value <= target ? "ok" : "OVER"
        return String(format: "%8.2f %@   (target ≤ %g %@, %@)", value, unit, target, unit, verdict)
    }
}
