import Foundation
import Testing
@testable import GantryCLI

@Suite struct ExportCommandTests {
    @Test func tjpGoesToStandardOutputOrAFileAndSaysWhatItLeftOut() throws {
        let h = try CapacityCommandsTests.withTask()
        try h.expectOK("task", "add", "Test", "--duration", "2")
        try h.expectOK("task", "link", "T-1", "T-2", "--type", "FF")
        try h.expectOK("task", "assign", "T-1", "ana", "--units", "50%")
        let out = h.run("export", "--format", "tjp")
        #expect(out.status == 0)
        #expect(out.out.contains("project gantry \"Gantry\" 2026-11-30"))
        #expect(out.out.contains("leaves holiday \"Founders' day\" 2026-12-02"))
        #expect(out.out.contains("task t1 \"Build\" {\n  effort 20h\n  allocate r1\n  limits { dailymax 4h }\n}"), "half of each of five days")
        #expect(out.err == "Left out (no TaskJuggler form): FF dependency T-1 → T-2\n")

        let written = h.run("export", "--format", "tjp", "--output", "plan.tjp")
        #expect(written.out == "Wrote plan.tjp (tjp, 2 tasks).\n")
        #expect(try String(contentsOfFile: h.dir + "/plan.tjp", encoding: .utf8) == out.out, "relative to the folder the command runs in")
    }

    @Test func anUnknownFormatOrAnUnwritableFileIsRefusedClearly() throws {
        let h = try CapacityCommandsTests.withTask()
        let bad = h.run("export", "--format", "xlsx")
        #expect(bad.status == 2)
        #expect(bad.err.contains("'xlsx'") && bad.err.contains("tjp"))
        let nowhere = h.run("export", "--format", "tjp", "--output", h.dir + "/no/such/folder/plan.tjp")
        #expect(nowhere.status == 1)
        #expect(nowhere.err == "gantry: Cannot write \(h.dir)/no/such/folder/plan.tjp: there is no folder \(h.dir)/no/such/folder.\n")
    }
}
