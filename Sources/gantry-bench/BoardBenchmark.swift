import Foundation
import GantryApp
import Planning
import PlanStore
import TerminalUI

/// The board's in-process costs on a large project at 120×40: first frame (preview), keys
/// pressed while the rest loads on its own thread, key to finished frame for selection and card
/// moves, and another session's move replayed. Terminal bytes and RSS come from tuimeter
/// through a real pty (see README).
enum BoardBenchmark {
    static func run(path: String) throws {
        let theme = AppTheme.fallback(depth: .ansi256)
        func session(_ actor: String, preview: Bool) throws -> AppRuntime {
            try AppRuntime(store: try ProjectStore.open(at: path), backend: TestTerminal(width: 120, height: 40), theme: theme,
                           keymap: AppAction.defaultKeyMap, actor: actor, clock: Date.init, editor: DescriptionEditor(environment: [:]),
                           preview: preview)
        }
        var runtime: AppRuntime?
        let firstFrame = try Measure.milliseconds {
            let r = try session("bench", preview: true)
            r.redraw()
            runtime = r
        }
        guard let runtime else { return }
        print("Board at 120×40 (in process, release):")
        print("  first frame (store open + preview + draw) " + Measure.format(firstFrame, "ms", target: 50))

        // As the real loop does: the read starts after the first frame, keys come at once.
        let loadStart = Date()
        runtime.startLoad()
        var whileLoading: [Double] = []
        var takeIn = 0.0
        while runtime.isLoading {
            whileLoading.append(Measure.milliseconds { runtime.handle(.key(whileLoading.count % 2 == 0 ? .down : .up)) })
            takeIn = Measure.milliseconds { runtime.takeLoadIfDone() }
            if runtime.isLoading { usleep(2_000) }
        }
        let loaded = Date().timeIntervalSince(loadStart) * 1000
        print("  first key after the first frame           " + Measure.format(whileLoading.first ?? 0, "ms", target: 5))
        print(String(format: "  rest of the project read on its own thread in %.0f ms; %d keys answered meanwhile, slowest %.2f ms",
                     loaded, whileLoading.count, whileLoading.max() ?? 0))
        print("  taking the read in (UI thread, one pause)  " + Measure.format(takeIn, "ms", target: 5))

        let selection = (0..<200).map { i in Measure.milliseconds { runtime.handle(.key(i % 40 < 20 ? .down : .up)) } }
        report("selection move", selection)
        let across = (0..<40).map { i in Measure.milliseconds { runtime.handle(.key(i % 2 == 0 ? .char("L") : .char("H"))) } }
        report("card move across (commit)", across)
        runtime.handle(.key(.char("j")))
        let within = (0..<40).map { i in Measure.milliseconds { runtime.handle(.key(i % 2 == 0 ? .char("J") : .char("K"))) } }
        report("card move within (commit)", within)

        // Another session moves cards; this one's tick picks each up and draws it.
        let other = try ProjectStore.open(at: path)
        var project = try other.load()
        let board = try project.board(named: nil)
        let columns = project.columns(of: board.id)
        let cards = project.cards(inColumn: columns[1].id).prefix(30)
        var replay: [Double] = []
        for (i, card) in cards.enumerated() {
            let change = try project.moveCard(card, to: columns[i % 2 == 0 ? 2 : 0], at: .top, force: true, now: Date())
            try other.apply(change, actor: "other", at: Date())
            try project.apply(change)
            replay.append(Measure.milliseconds { runtime.tick() })
        }
        report("another session's move, replayed", replay, target: 2)
    }

    static func report(_ what: String, _ samples: [Double], target: Double = 5) {
        let sorted = samples.sorted()
        let pad = what.padding(toLength: 34, withPad: " ", startingAt: 0)
        print("  \(pad) p95 " + Measure.format(sorted[sorted.count * 95 / 100], "ms", target: target)
              + String(format: ", median %.2f ms, %d keys", sorted[sorted.count / 2], sorted.count))
    }
}
