import Foundation
import Planning
import PlanStore

/// Whole-project JSON: export of the generated project and import back into a new file, in
/// process and through the `gantry` executable (with its peak memory).
enum InterchangeBenchmark {
    static func run(path: String, cards: Int) throws {
        try Measure.inTemporaryFolder("json") { try run(path: path, cards: cards, dir: $0) }
    }

    private static func run(path: String, cards: Int, dir: String) throws {
        let store = try ProjectStore.open(at: path)
        var bytes = Data()
        let export = try Measure.median(runs: 3) { bytes = try store.archiveDocument(history: true) }
        var imported = 0
        let restore = try Measure.median(runs: 3) {
            let target = dir + "/in-\(UUID().uuidString).sqlite"
            try ProjectStore.build(at: target) { try $0.restore(try ProjectArchive.decode(bytes)) }
            imported = try ProjectStore.open(at: target).load().cards.count
        }
        print("Whole-project JSON (\(cards) cards, \(bytes.count / 1024) KB; \(imported) cards back):")
        print("  export in process                         " + Measure.format(export, "ms", target: 1000))
        print("  import into a new project in process      " + Measure.format(restore, "ms", target: 3000))
        let gantry = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gantry").path
        guard FileManager.default.isExecutableFile(atPath: gantry) else {
            print("  (build the gantry executable in the same configuration to time the CLI)")
            return
        }
        let out = try Measure.runProcess(gantry, ["export", "--format", "json", "--output", dir + "/p.json", "--project", path])
        let back = try Measure.runProcess(gantry, ["import", dir + "/p.json", "--project", dir + "/cli.sqlite"])
        guard out.status == 0, back.status == 0 else { throw BenchError("gantry export/import failed (\(out.status), \(back.status))") }
        func rss(_ r: (ms: Double, rssMB: Double?, status: Int32)) -> String {
            r.rssMB.map { ", peak " + Measure.format($0, "MB", target: 100) } ?? " (peak RSS: apt-get install time)"
        }
        print("  gantry export --format json               " + Measure.format(out.ms, "ms", target: 1000) + rss(out))
        print("  gantry import                             " + Measure.format(back.ms, "ms", target: 3000) + rss(back))
        try JiraBenchmark.run(gantry: gantry, dir: dir, rows: 5_000)
    }
}
