import Foundation
import Testing
import Planning
import PlanStore
@testable import GantryCLI

/// Runs `gantry` commands in-process in a private temporary folder with a fixed clock and user.
final class CLIHarness {
    let dir: String
    var actor = "ana"
    var environment: [String: String] = [:]
    /// The moment commands run at; tests that build a history move it forward.
    var clock = CLIHarness.now
    static let now = Date(timeIntervalSince1970: 1_795_694_400) // 2026-11-26 12:00 UTC

    struct Result {
        let status: Int32
        let out: String
        let err: String
    }

    init() throws {
        dir = NSTemporaryDirectory() + "gantry-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    var projectPath: String { dir + "/.gantry/project.sqlite" }

    @discardableResult
    func run(_ args: String..., in cwd: String? = nil) -> Result { run(args, in: cwd) }

    func run(_ args: [String], in cwd: String? = nil) -> Result {
        let sink = OutputSink.capturing()
        let moment = clock
        let context = CLIContext(environment: environment, currentDirectory: cwd ?? dir, actor: actor,
                                 now: { moment }, output: sink)
        let status = GantryCLI.run(args, context: context)
        return Result(status: status, out: sink.standardOutput, err: sink.standardError)
    }

    /// A project with members ana and ben and the default board.
    static func withProject() throws -> CLIHarness {
        let h = try CLIHarness()
        try h.expectOK("init", "--name", "Gantry")
        try h.expectOK("member", "add", "ana", "--name", "Ana Silva")
        try h.expectOK("member", "add", "ben", "--name", "Ben Okafor")
        return h
    }

    @discardableResult
    func expectOK(_ args: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = run(args)
        #expect(r.status == 0, "\(args) failed: \(r.err)", sourceLocation: sourceLocation)
        return r.out
    }

    /// The journal length and a fingerprint of all state, to prove a refused command changed nothing.
    func state() throws -> String {
        let store = try ProjectStore.open(at: projectPath)
        let p = try store.load()
        let cards = p.cards.values.sorted { $0.number < $1.number }.map { "\($0.fields.sorted { $0.key < $1.key })" }
        return "\(try store.latestSeq())|\(p.members.count)|\(p.columns.values.map(\.fields).count)|\(cards)"
    }

    func json(_ args: String...) throws -> Any { try json(args) }

    func json(_ args: [String]) throws -> Any {
        let r = run(args)
        #expect(r.status == 0, "\(r.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8))
    }
}
