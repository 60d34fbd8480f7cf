import Foundation
import Testing
import Planning
@testable import GantryCLI

/// Error messages are one line, repeat at most a short cut of what was typed, and point at the
/// nearest command or option when a word is a typo.
@Suite struct MessageTests {
    @Test func typosGetOneSentenceWithTheNearestName() throws {
        let h = try CLIHarness.withProject()
        let crad = h.run("crad", "list")
        #expect(crad.status == 2)
        #expect(crad.err == "gantry: Unknown command 'crad' for gantry. Did you mean 'card'? See 'gantry --help'.\n")
        let lsit = h.run("card", "lsit")
        #expect(lsit.err == "gantry: Unknown command 'lsit' for gantry card. Did you mean 'list'? See 'gantry card --help'.\n")
        let missing = h.run("task", "add", "Build")
        #expect(missing.status == 2)
        #expect(missing.err == "gantry: Missing expected argument '--duration <duration>'. See 'gantry task add --help'.\n")
        let option = h.run("card", "add", "x", "--colum", "Done")
        #expect(option.err.split(separator: "\n").count == 1)
        #expect(option.err.contains("Did you mean '--column'?"))
    }

    @Test func fieldsAndKindsAreNamedAsPeopleSayThem() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "Payments", "--type", "epic")
        try h.expectOK("card", "add", "Saved cards")
        let edit = h.run("card", "edit", "GAN-2", "--epic", "GAN-1")
        #expect(edit.out == "Edited GAN-2 (epic)\n")
        let log = h.run("log", "--limit", "1")
        #expect(log.out.contains("edited GAN-2 (epic)"), "\(log.out)")
        let help = h.run("assumption", "add", "--help")
        #expect(help.out.contains("Add an assumption."), "\(help.out)")
        let bad = h.run("assumption", "add", "Budget holds", "--status", "nonsense")
        #expect(bad.err.contains("is not an assumption status"), "\(bad.err)")
    }

    @Test func longInputIsCutInMessages() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("card", "add", "A")
        let huge = String(repeating: "line of text\n", count: 10_000)
        let r = h.run("card", "move", "GAN-1", huge)
        #expect(r.status != 0)
        #expect(r.err.split(separator: "\n").count == 1, "one line")
        #expect(r.err.count < 300, "\(r.err.count) characters")
        #expect(r.err.contains("…"))
    }

    @Test(arguments: ["9999-12-31", "0001-01-01", "+100000d"])
    func datesOutsideTheSupportedRangeAreRefusedWithTheRange(date: String) throws {
        let h = try CLIHarness.withProject()
        let r = h.run("task", "add", "Far", "--duration", "2", "--start-no-earlier", date)
        #expect(r.status == 2)
        #expect(r.err.contains("from 1970-01-01 to 2200-12-31"), "\(r.err)")
    }

    @Test func quoteCutsEachQuotedSpan() {
        #expect(Quote.cutQuoted("No column named \"\(String(repeating: "x", count: 100))\".") == "No column named \"\(String(repeating: "x", count: 60))…\".")
        #expect(Quote.cutQuoted("ana's card \"short\"") == "ana's card \"short\"")
    }
}

/// Smaller defects from the new-user trial.
@Suite struct SmallDefectTests {
    @Test(arguments: [("0.8", 80), ("80%", 80), ("80", 80), ("1", 100), ("50 %", 50)])
    func capacityIsTakenAsItIsShown(input: String, percent: Int) throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("member", "add", "zoe", "--capacity", input)
        #expect(try h.expectOK("member", "list").contains("zoe ") && h.run("member", "list").out.contains("\(percent)%"), "\(input)")
    }

    @Test func overAWIPLimitIsSaidAsOver() throws {
        let h = try CLIHarness.withProject()
        try h.expectOK("column", "wip", "Review", "2")
        for i in 1...3 { try h.expectOK("card", "add", "C\(i)", "--column", "Review", "--force") }
        let r = h.run("card", "add", "C4", "--column", "Review")
        #expect(r.err.contains("Review is over its WIP limit (3, limit 2)"), "\(r.err)")
        #expect(!r.err.contains("3 of 2"))
    }
}
