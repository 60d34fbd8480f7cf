import Foundation
import Testing
import Planning
import PlanStore
@testable import GantryCLI

/// Escape sequences must never reach a terminal through Gantry's output, whoever stored them,
/// and new text with control characters is refused where it is typed.
@Suite struct HostileTextTests {
    static let evil = "To do\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}]0;PWNED\u{07}"

    static func hasControls(_ s: String) -> Bool {
        s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F..<0xA0).contains($0.value) }
    }

    /// A column name stored by an older Gantry (before input was checked), written straight to the store.
    static func renameColumnRaw(_ h: CLIHarness, from: String, to: String) throws {
        let store = try ProjectStore.open(at: h.projectPath)
        let p = try store.load()
        let column = try p.column(named: from, on: try p.board(named: nil))
        let edit = EntityEdit(kind: .column, id: column.id, label: column.name, operation: .update,
                              fields: [FieldChange(name: "name", from: .text(from), to: .text(to))])
        try store.apply(Change(summary: "renamed", edits: [edit]), actor: "mallory", at: CLIHarness.now)
    }

    @Test func storedEscapesNeverReachStderrOrStdout() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("column", "wip", "To do", "1")
        try h.expectOK("card", "add", "First", "--column", "To do")
        try Self.renameColumnRaw(h, from: "To do", to: Self.evil)
        // Refused at the WIP limit: the message names the column.
        let refused = h.run("card", "add", "Second", "--column", Self.evil)
        #expect(refused.status != 0)
        #expect(refused.err.contains("WIP limit"))
        #expect(!Self.hasControls(refused.err), "\(refused.err.debugDescription)")
        for args in [["card", "list"], ["card", "show", "GAN-1"], ["log"], ["board", "show"]] {
            let r = h.run(args)
            #expect(!Self.hasControls(r.out + r.err), "\(args): \((r.out + r.err).debugDescription)")
        }
        // A name typed with escapes that matches nothing.
        let missing = h.run("card", "move", "GAN-1", "Nope\u{1B}]0;PWNED\u{07}")
        #expect(missing.status != 0)
        #expect(!Self.hasControls(missing.err), "\(missing.err.debugDescription)")
    }

    @Test(arguments: [["card", "add", "Title \u{1B}[2J"], ["card", "add", "ok", "--description", "line\u{1B}]0;x\u{07}"],
                      ["member", "add", "zed", "--name", "Zed\u{9B}31m"], ["column", "add", "Bad\u{7F}"],
                      ["risk", "add", "Risk\u{1B}", "--probability", "2", "--impact", "2"],
                      ["task", "add", "Task \u{7}", "--duration", "2"]])
    func controlCharactersAreRefusedAtInput(args: [String]) throws {
        let h = try CLIHarness.withProject()
        let before = try h.state()
        let r = h.run(args)
        #expect(r.status != 0)
        #expect(r.err.contains("contains the control character U+"), "\(r.err)")
        #expect(!Self.hasControls(r.err))
        #expect(try h.state() == before)
    }

    @Test func descriptionsKeepNewlinesAndTabs() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Multi", "--description", "one\n\ttwo")
        let card = try #require(try h.json("card", "show", "GAN-1", "--json") as? [String: Any])
        #expect(card["description"] as? String == "one\n\ttwo")
    }
}
