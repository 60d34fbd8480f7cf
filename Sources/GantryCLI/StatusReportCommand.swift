import ArgumentParser
import Foundation
import Planning
import PlanStore

/// `gantry report status`: the stakeholder report, as Markdown, one self-contained HTML page, or JSON.
struct StatusReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "A status report for stakeholders: RAG per area, milestones, risks, decisions, blockers, sprint.",
        discussion: """
            Each area is rated by a stated rule. Schedule: open milestones against the latest baseline (amber from 1 day \
            late, red above \(StatusReport.redSlipDays) days or a deadline missed). Scope: points added and removed in the \
            sprint against those committed (amber above \(Int(StatusReport.amberScopeChange * 100))%, red above \
            \(Int(StatusReport.redScopeChange * 100))%). Risks: red when an open risk scores above the appetite (gantry raid \
            appetite N; default: below the high band), amber when one is rising or past its review date. Budget: CPI and \
            SPI, green from 0.95, red below 0.85, once costs exist. An area with nothing to rate it by says so.
            The HTML page holds its styles and charts (burndown, milestone slip, risk heat map) inline: it can be mailed \
            as one file, printed, and read on a phone, in light or dark mode.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json }

    @Option(help: "md (default), html or json.") var format: Format = .md
    @Option(parsing: .unconditional, help: "What changed since this day (default: 7 days ago).") var since: String?
    @Option(help: "Board whose sprint and blockers are reported (default: the first board).") var board: String?
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?
    @OptionGroup var project: ProjectOption

    func run() throws {
        let s = try project.open()
        let report = try Self.report(s, since: since, board: board)
        let text: String
        switch format {
        case .md: text = StatusMarkdown.render(report, zone: .current)
        case .html: text = StatusHTML.render(report, zone: .current)
        case .json: text = StatusJSON.render(report).rendered() + "\n"
        }
        guard let output else {
            s.context.output.write(bytes: Array(text.utf8))
            return
        }
        try OutputFile.write(Data(text.utf8), to: output, context: s.context)
        s.print("Wrote \(output) (status report, \(report.overall.map { $0.rawValue } ?? "not rated") overall).")
    }

    static func report(_ s: Session, since: String?, board: String?) throws -> StatusReport {
        let today = s.today
        let from = try since.map { try ArgumentValues.day($0, "--since", today: today) } ?? today.adding(days: -7)
        guard from <= today else { throw CLIError.usage("--since \(from) is after today (\(today)).") }
        let p = s.snapshot
        let schedule = p.tasks.isEmpty ? nil : try Scheduler.schedule(p, today: today)
        let home = board == nil && p.boards.isEmpty ? nil : try s.board(board)
        let flow = try home.map { FlowContext(project: p, history: try s.store.flowHistory(), board: $0, now: s.now) }
        let activity = try s.store.journal(since: from.start()).map { entry in
            StatusReport.Activity(at: entry.at, actor: entry.actor,
                                  summary: entry.kind == .do ? entry.change.summary : "\(entry.kind.rawValue): \(entry.change.summary)")
        }
        let trends = try s.store.riskTrends(of: p.raidItems.values.filter { $0.type == .risk && !$0.isClosed }, now: s.now)
        let inputs = StatusReport.Inputs(project: p, schedule: schedule, flow: flow, activity: activity, riskTrends: trends, since: from)
        return StatusReport.compute(inputs, today: today, now: s.now)
    }
}
