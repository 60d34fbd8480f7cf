import Foundation
import Planning

/// Levels the same network with TaskJuggler (`tj3`, when installed) through Gantry's `.tjp`
/// export, and prints its time and finish beside Gantry's.
enum TaskJugglerBeside {
    static let tj3 = "/usr/bin/tj3"

    static func run(_ project: ProjectSnapshot, today: Day, gantry ms: Double, gantryFinish: Day?) throws {
        guard FileManager.default.isExecutableFile(atPath: tj3) else {
            print("  tj3 on the same network                    not installed (apt-get install tj3)")
            return
        }
        let dir = NSTemporaryDirectory() + "gantry-bench-tj3-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = try TaskJugglerProject(project, today: today)
        let report = "taskreport \"out\" { formats csv columns id, end hidetask 0 timeformat \"%Y-%m-%d\" }\n"
        try (export.text + report).write(toFile: dir + "/p.tjp", atomically: true, encoding: .utf8)
        let run = try Measure.runProcess(tj3, ["--no-color", "--silent", "--output-dir", dir, dir + "/p.tjp"])
        guard run.status == 0, let csv = try? String(contentsOfFile: dir + "/out.csv", encoding: .utf8) else {
            print("  tj3 on the same network                    failed (exit \(run.status))")
            return
        }
        let finish = csv.split(separator: "\n").dropFirst().compactMap { Day(String($0.split(separator: ";").last ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }.max()
        print("  tj3 on the same network                    \(String(format: "%.0f ms", run.ms)) (\(String(format: "%.0f", run.ms / ms))× Gantry's time); finish \(finish.map(\.description) ?? "?") vs Gantry's \(gantryFinish.map(\.description) ?? "?")")
    }
}
