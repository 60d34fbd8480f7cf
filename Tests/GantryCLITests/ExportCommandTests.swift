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
        #expect(written.out == "Wrote plan.tjp (tjp: 2 tasks).\n")
        #expect(try String(contentsOfFile: h.dir + "/plan.tjp", encoding: .utf8) == out.out, "relative to the folder the command runs in")
    }

    @Test func anUnknownFormatOrAnUnwritableFileIsRefusedClearly() throws {
        let h = try CapacityCommandsTests.withTask()
        let bad = h.run("export", "--format", "xlsx")
        #expect(bad.status == 2)
        #expect(bad.err.contains("'xlsx'") && bad.err.contains("tjp"))
        let misplaced = h.run("export", "--format", "tjp", "--entity", "cards")
        #expect(misplaced.status == 2 && misplaced.err.contains("--entity chooses a table of the csv export"), "\(misplaced.err)")
        #expect(h.run("export", "--format", "csv", "--no-history").err.contains("--no-history is for --format json"))
        #expect(h.run("export", "--format", "csv", "--entity", "widgets").err.contains("--entity widgets: choose one of cards, tasks, raid, members, sprints, time."))
        #expect(h.run("export", "--format", "csv").err.contains("give --output DIR"))
        let nowhere = h.run("export", "--format", "tjp", "--output", h.dir + "/no/such/folder/plan.tjp")
        #expect(nowhere.status == 1)
        #expect(nowhere.err == "gantry: Cannot write \(h.dir)/no/such/folder/plan.tjp: there is no folder \(h.dir)/no/such/folder.\n")
    }

    @Test func jsonGoesOutAndComesBackIntoANewProject() throws {
        let h = try CapacityCommandsTests.withTask()
        try h.expectOK("card", "add", "Ship \"it\" 🚀")
        try h.expectOK("export", "--format", "json", "--output", "p.json")
        let dry = try h.expectOK("import", "p.json", "--project", "copy.sqlite", "--dry-run")
        #expect(dry.hasPrefix("Would import Gantry into a new project at \(h.dir)/copy.sqlite: 2 members, 1 board, 5 columns, 1 card, 1 task, 1 holiday, "))
        #expect(!FileManager.default.fileExists(atPath: h.dir + "/copy.sqlite"), "a dry run writes nothing")
        #expect(try h.expectOK("import", "p.json", "--project", "copy.sqlite").hasPrefix("Imported Gantry into \(h.dir)/copy.sqlite"))
        #expect(try h.expectOK("card", "list", "--project", "copy.sqlite") == h.expectOK("card", "list"))
        #expect(try h.expectOK("log", "--project", "copy.sqlite") == h.expectOK("log"), "the journal came too")
        try h.expectOK("export", "--format", "json", "--output", "again.json", "--project", "copy.sqlite")
        #expect(FileManager.default.contents(atPath: h.dir + "/again.json") == FileManager.default.contents(atPath: h.dir + "/p.json"))

        let occupied = h.run("import", "p.json")
        #expect(occupied.status == 1 && occupied.err.contains("already holds cards, tasks or RAID items, so nothing was imported"))
        try h.expectOK("import", "p.json", "--project", "bare.sqlite", "--no-history")
        #expect(try h.expectOK("log", "--project", "bare.sqlite") == "No changes.\n", "--no-history leaves the journal behind")
    }

    @Test func aBrokenFileImportsNothingAndSaysWhere() throws {
        let h = try CapacityCommandsTests.withTask()
        try "{\"format\": \"gantry-project\", \"version\": 1}".write(toFile: h.dir + "/bad.json", atomically: true, encoding: .utf8)
        let bad = h.run("import", "bad.json", "--project", "new.sqlite")
        #expect(bad.status == 2)
        #expect(bad.err == "gantry: Cannot import: entities is missing. Nothing was imported.\n")
        #expect(!FileManager.default.fileExists(atPath: h.dir + "/new.sqlite"))
        let missing = h.run("import", "nowhere.json", "--project", "new.sqlite")
        #expect(missing.status == 1 && missing.err.contains("Cannot read nowhere.json: no such file."))
    }

    @Test func aLargeDocumentIsRecognisedFromItsFirstBytes() throws {
        let h = try CLIHarness.withProject()
        for i in 1...60 { try h.expectOK("card", "add", "Card number \(i) with a title long enough to fill the first page of the file") }
        try h.expectOK("export", "--format", "json", "--output", "big.json")
        let head = try #require(FileHandle(forReadingAtPath: h.dir + "/big.json")?.readData(ofLength: 4096))
        #expect(!String(decoding: head, as: UTF8.self).contains("gantry-project"), "the format's name is past the first 4 KB")
        let out = try h.expectOK("import", "big.json", "--project", "copy.sqlite")
        #expect(out.contains("60 cards"), "\(out)")
    }

    @Test func csvWritesATableForEachKindIntoAFolder() throws {
        let h = try CapacityCommandsTests.withTask()
        try h.expectOK("card", "add", "Ship, \"it\"")
        let out = try h.expectOK("export", "--format", "csv", "--output", "tables")
        #expect(out.hasPrefix("Wrote cards.csv (1), tasks.csv (1), raid.csv (0), members.csv (2), sprints.csv (0), time.csv (0) to tables."), "\(out)")
        let cards = try String(contentsOfFile: h.dir + "/tables/cards.csv", encoding: .utf8)
        #expect(cards.hasPrefix("key,title,board,column,"))
        #expect(cards.contains("GAN-1,\"Ship, \"\"it\"\"\",Board,"), "quoted and doubled as RFC 4180 says: \(cards)")
        #expect(try h.expectOK("export", "--format", "csv", "--entity", "members") == String(contentsOfFile: h.dir + "/tables/members.csv", encoding: .utf8),
                "standard output carries the same bytes, CRLF included")
        #expect(try h.expectOK("export", "--format", "ical").contains("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        try "x".write(toFile: h.dir + "/file.txt", atomically: true, encoding: .utf8)
        #expect(h.run("export", "--format", "csv", "--output", "file.txt").err.contains("file.txt is a file; csv writes one file per table into a folder"))
    }
}
