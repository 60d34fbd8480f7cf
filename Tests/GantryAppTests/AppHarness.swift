import Foundation
import Testing
import Planning
import GantryTestSupport
import PlanStore
import PlanStorePostgres
import TerminalUI
@testable import GantryApp

/// The sample project in a private store, a fixed clock, an in-memory terminal, and the real
/// runtime: key scripts go through keymap, update, store and render exactly as in the app.
final class AppHarness {
    static let now = Date(timeIntervalSince1970: 1_795_694_400) // Thursday 2026-11-26 12:00 UTC
    let dir: String
    let kind: StoreKind
    /// The project file's path or the database's address.
    let location: String
    let store: any ProjectStoring
    let terminal: TestTerminal
    let runtime: AppRuntime
    /// The runtime's clock: fixed at `AppHarness.now` until a test moves it.
    let clock = TestClock()

    init(width: Int = 120, height: Int = 40, theme: Theme = AppHarness.testTheme, actor: String = "ana", keymap: KeyMap<AppAction> = AppAction.defaultKeyMap,
         editor: [String: String] = ["EDITOR": "true"], kind: StoreKind = .sqlite,
         build: (any ProjectStoring) throws -> Void = AppHarness.sample) throws {
        dir = NSTemporaryDirectory() + "gantry-app-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        self.kind = kind
        switch kind {
        case .sqlite:
            location = dir + "/project.sqlite"
            store = try ProjectStore.create(at: location)
            try build(store)
        case .postgres:
            location = try TestPostgres.newDatabase()
            store = try PostgresStore.create(try PostgresAddress(parsing: location, environment: [:])) { try build($0) }
        }
        terminal = TestTerminal(width: width, height: height)
        let clock = clock
        runtime = try AppRuntime(store: store, backend: terminal, theme: theme, keymap: keymap, actor: actor,
                                 clock: { clock.now }, editor: DescriptionEditor(environment: editor))
        runtime.redraw()
    }

    /// Another person's session on the same project, sharing this harness's clock.
    func session(actor: String, width: Int = 120, height: Int = 40) throws -> (runtime: AppRuntime, terminal: TestTerminal) {
        let terminal = TestTerminal(width: width, height: height)
        let clock = clock
        let runtime = try AppRuntime(store: try reopen(), backend: terminal, theme: AppHarness.testTheme,
                                     keymap: AppAction.defaultKeyMap, actor: actor, clock: { clock.now },
                                     editor: DescriptionEditor(environment: ["EDITOR": "true"]))
        runtime.redraw()
        return (runtime, terminal)
    }

    /// Another connection to the same project.
    func reopen() throws -> any ProjectStoring {
        switch kind {
        case .sqlite: return try ProjectStore.open(at: location)
        case .postgres: return try PostgresStore.open(try PostgresAddress(parsing: location, environment: [:]))
        }
    }

    /// A tick once others' commits can have been noticed: at once in a file; a PostgreSQL
    /// notification arrives within milliseconds, so give it 30 ms.
    func tickAfterOthers(_ runtime: AppRuntime? = nil) {
        if kind == .postgres { usleep(30_000) }
        (runtime ?? self.runtime).tick()
    }

    /// Moves the shared clock on.
    func advance(_ seconds: TimeInterval) { clock.now = clock.now.addingTimeInterval(seconds) }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    static func sample(_ store: any ProjectStoring) throws {
        for step in try SampleProject.history(now: now) { try store.apply(step.change, actor: step.actor, at: step.at) }
    }

    /// Sends keys by keymap name or literal text: "L", "enter", "S-right", "C-r".
    func press(_ keys: String...) {
        for k in keys {
            if let key = Key(name: k) { runtime.handle(.key(key)) } else { type(k) }
        }
    }

    func type(_ text: String) {
        for c in text { runtime.handle(.key(.char(c))) }
    }

    /// One event as the runtime gets it; a resize also resizes the terminal.
    func handle(_ event: Event) {
        if case .resize(let w, let h) = event { terminal.size = (w, h) }
        runtime.handle(event)
    }

    var screen: [String] { terminal.screen?.lines ?? [] }
    var text: String { screen.joined(separator: "\n") }
    var state: AppState { runtime.state }

    /// The project as saved in the store.
    func load() throws -> ProjectSnapshot { try store.load() }

    func card(_ key: String) throws -> Card { try store.load().card(key: key) }

    func column(of key: String) throws -> String {
        let p = try store.load()
        return p.columns[try p.card(key: key).columnID]?.name ?? "?"
    }

    /// A theme that gives every role its own colour, so a style grid can name the role of each cell.
    static let roles = [
        "ui", "ui.muted", "ui.title", "ui.tab", "ui.tab.active", "ui.statusbar", "ui.statusbar.error", "ui.selection", "ui.prompt",
        "ui.overlay", "ui.border", "ui.help.key", "ui.form.label", "ui.form.field", "ui.form.field.focused", "ui.form.error",
        "board", "board.column.header", "board.column.wip.full", "board.column.wip.breach", "board.card", "board.card.selected",
        "board.card.key", "board.card.blocked", "board.card.overdue", "board.card.age.fresh", "board.card.age.ageing",
        "board.card.age.stale", "board.card.priority.critical", "board.card.priority.high", "board.card.priority.low",
        "board.card.type", "board.card.label", "board.card.assignee", "board.swimlane", "board.more",
        "risk.severity.low", "risk.severity.medium", "risk.severity.high", "risk.severity.critical", "risk.review.overdue",
        "risk.proximity.near", "risk.trend.rising", "board.card.raid",
        "timeline.bar", "timeline.bar.critical", "timeline.bar.late", "timeline.bar.phase", "timeline.milestone",
        "timeline.baseline", "timeline.today", "timeline.nonworking", "timeline.related", "timeline.task.critical",
        "chart.axis", "chart.cursor", "chart.ideal", "chart.scope", "chart.alert", "chart.series.1", "chart.series.2", "chart.series.3",
        "chart.series.4", "chart.series.5",
    ]
    static let letters = Array(".mtTAsEcpoBkLfFeHhWXCSKbOganPQylxwrM1234RNUZ5678901234" + "|^-~!abcde")

    static func letter(for role: String) -> Character { letters[roles.firstIndex(of: role)!] }

    static var testTheme: Theme {
        var specs: [String: Theme.RoleSpec] = [:]
        for (i, role) in roles.enumerated() {
            specs[role] = Theme.RoleSpec(foreground: .indexed(UInt8(16 + i)))
        }
        return Theme(name: "test", roles: specs, depth: .ansi256)
    }

    /// One letter per cell naming the role that coloured it (its foreground).
    var styleGrid: [String] { Self.styleGrid(terminal.screen) }

    static func styleGrid(_ screen: Buffer?) -> [String] {
        guard let b = screen else { return [] }
        return (0..<b.height).map { y in
            String((0..<b.width).compactMap { x -> Character? in
                let cell = b[x, y]
                if cell.isContinuation { return nil }
                guard case .indexed(let i) = cell.style.foreground, Int(i) >= 16, Int(i) - 16 < AppHarness.letters.count else { return "?" }
                return AppHarness.letters[Int(i) - 16]
            })
        }
    }
}

/// Text snapshots under Tests/GantryAppTests/Snapshots; `GANTRY_RECORD_SNAPSHOTS=1 swift test`
/// rewrites them. A missing snapshot fails the test.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func check(_ name: String, _ content: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["GANTRY_RECORD_SNAPSHOTS"] == "1" {
            try content.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("No snapshot \(name).txt; record it with GANTRY_RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if expected != content {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false), b = content.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDiff = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("Snapshot \(name) differs at line \(firstDiff + 1):\nexpected: \(firstDiff < a.count ? String(a[firstDiff]) : "<end>")\nactual:   \(firstDiff < b.count ? String(b[firstDiff]) : "<end>")",
                         sourceLocation: sourceLocation)
        }
    }

    static func board(_ h: AppHarness) -> String { board(h.screen, h.styleGrid) }

    static func board(_ h: MemoryHarness) -> String { board(h.screen, h.styleGrid) }

    private static func board(_ screen: [String], _ grid: [String]) -> String {
        screen.joined(separator: "\n") + "\n--- roles ---\n" + grid.joined(separator: "\n") + "\n"
    }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    var now = AppHarness.now
}
