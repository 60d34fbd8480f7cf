import Foundation
import GantryApp
import Planning
import PlanStore
import TerminalUI

/// The charts' targets on a project with a year of flow: reading the flow history, computing
/// every chart, the forecast's trials, and the Reports screen's first frame after its key.
enum FlowBenchmark {
    static func run(path: String) throws {
        let store = try ProjectStore.open(at: path)
        let seq = try store.latestSeq()
        let project = try store.load()
        var flow = FlowHistory()
        let read = try Measure.median(runs: 5) { flow = try store.flowHistory() }
        let events = flow.events.values.reduce(0) { $0 + $1.count }
        print("Flow charts (\(project.cards.count) cards, \(seq) journal rows, \(events) flow rows; medians of 5):")
        print("  read the flow history from the store     " + Measure.format(read, "ms", target: 100))
        print("    (once per session, after the first frame; the charts below start from it in memory)")
        let board = try project.board(named: nil)
        let context = FlowContext(project: project, history: flow, board: board, now: Date())
        let today = context.today, from = today.adding(days: -83)
        guard let sprint = project.sprintToChart(on: board.id) else {
            throw BenchError("the generated project has no sprint")
        }
        var times = CycleTimes.compute(in: context, from: from, through: today)
        let charts: [(String, () throws -> Void)] = [
            ("burndown and burnup", { _ = try SprintBurn.compute(sprint, in: context) }),
            ("velocity", { _ = Velocity.compute(board: board.id, in: project) }),
            ("cumulative flow, 12 weeks", { _ = CumulativeFlow.compute(in: context, from: from, through: today) }),
            ("cumulative flow, 52 weeks", { _ = CumulativeFlow.compute(in: context, from: today.adding(days: -363), through: today) }),
            ("cycle and lead time", { times = CycleTimes.compute(in: context, from: from, through: today) }),
            ("throughput", { _ = Throughput.compute(CycleTimes.compute(in: context, from: from, through: today), from: from, through: today) }),
            ("aging WIP", { _ = AgingWIP.compute(in: context) }),
            ("bugs", { _ = BugView.compute(board: board, in: project, now: Date()) }),
        ]
        for (name, body) in charts {
            let ms = try Measure.median(runs: 5, body)
            print("  \(name.padding(toLength: 40, withPad: " ", startingAt: 0)) " + Measure.format(ms, "ms", target: 100))
        }
        let samples = Forecast.samples(times, in: context, weeks: 12)
        let when = try Measure.median(runs: 5) { _ = try Forecast.when(cards: 40, samples: samples, in: context, seed: 1) }
        let by = try Measure.median(runs: 5) { _ = try Forecast.howMany(by: today.adding(days: 28), samples: samples, in: context, seed: 1) }
        print("  forecast: 40 cards, 10,000 trials        " + Measure.format(when, "ms", target: 50))
        print("  forecast: how many in 4 weeks, 10,000    " + Measure.format(by, "ms", target: 50))

        let terminal = TestTerminal(width: 120, height: 40)
        let runtime = try AppRuntime(store: store, backend: terminal, theme: AppTheme.fallback(depth: .ansi256), keymap: AppAction.defaultKeyMap,
                                     actor: "bench", clock: Date.init, editor: DescriptionEditor(environment: [:]), preview: true)
        runtime.redraw()
        runtime.completeLoad()
        var frames: [Double] = []
        for _ in 0..<5 {
            frames.append(Measure.milliseconds { runtime.handle(.key(.char("6"))) })
            runtime.handle(.key(.char("1")))
        }
        frames.sort()
        print("  Reports screen, key to first frame       " + Measure.format(frames[frames.count / 2], "ms", target: 50))
        runtime.handle(.key(.char("6")))
        var moves: [Double] = []
        for i in 0..<40 { moves.append(Measure.milliseconds { runtime.handle(.key(i % 20 < 10 ? .char("h") : .char("l"))) }) }
        moves.sort()
        print("  Reports screen, key to frame, cursor move " + Measure.format(moves[moves.count / 2], "ms", target: 5))
    }
}
