import Foundation
import GantryApp
import Planning
import PlanStore
import TerminalUI

/// The board's in-process costs on a large project: first frame (preview), and key to finished
/// frame for a selection move and a card move, at 120×40. Terminal bytes and RSS come from
/// tuimeter through a real pty (see README).
enum BoardBenchmark {
    static func run(path: String) throws {
        let theme = AppTheme.fallback(depth: .ansi256)
        let store = try ProjectStore.open(at: path)
        var firstFrame = 0.0
        var runtime: AppRuntime?
        firstFrame = try Measure.milliseconds {
            let terminal = TestTerminal(width: 120, height: 40)
            let r = try AppRuntime(store: store, backend: terminal, theme: theme, keymap: AppAction.defaultKeyMap, actor: "bench",
                                   clock: Date.init, editor: DescriptionEditor(environment: [:]), preview: true)
            r.redraw()
            runtime = r
        }
        guard let runtime else { return }
        let complete = Measure.milliseconds { runtime.completeLoad() }
        print("Board at 120×40 (in process, release):")
        print("  first frame (store open + preview + draw) " + Measure.format(firstFrame, "ms", target: 50))
        print(String(format: "  rest of the project loaded after it in %.1f ms", complete))
        var selection: [Double] = []
        for i in 0..<200 {
            selection.append(Measure.milliseconds { runtime.handle(.key(i % 40 < 20 ? .down : .up)) })
        }
        selection.sort()
        print("  key to frame, selection move             " + Measure.format(selection[selection.count / 2], "ms", target: 5))
        var moves: [Double] = []
        for i in 0..<40 {
            moves.append(Measure.milliseconds { runtime.handle(.key(i % 2 == 0 ? .char("L") : .char("H"))) })
        }
        moves.sort()
        print("  key to frame, card move (with its commit) " + Measure.format(moves[moves.count / 2], "ms", target: 5))
    }
}
