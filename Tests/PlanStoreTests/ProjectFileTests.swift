import Foundation
import GRDB
import Testing
@testable import PlanStore

@Suite struct ProjectFileTests {
    func tempFile(_ contents: Data) throws -> String {
        let path = NSTemporaryDirectory() + "gantry-file-" + UUID().uuidString
        try contents.write(to: URL(fileURLWithPath: path))
        return path
    }

    func expectRefused(_ path: String, matching: String) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let store = try ProjectStore.open(at: path)
            _ = try store.load()
            Issue.record("\(path) should be refused")
        } catch let error as StoreError {
            #expect(error.description.contains(matching), "\(error)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "file must be byte-for-byte untouched")
        let wal = FileManager.default.contents(atPath: path + "-wal") ?? Data()
        #expect(wal.isEmpty, "nothing may be written to the WAL either")
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test func refusesATextFile() throws {
        try expectRefused(try tempFile(Data("name,owner\nx,y\n".utf8)), matching: "is not a Gantry project (not a SQLite database)")
    }

    @Test func refusesAnEmptyFile() throws {
        try expectRefused(try tempFile(Data()), matching: "the file is empty")
    }

    @Test func refusesAnotherApplicationsDatabase() throws {
        let path = NSTemporaryDirectory() + "gantry-other-" + UUID().uuidString
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try q.close()
        try expectRefused(path, matching: "a SQLite database of another application")
    }

    @Test func refusesAFileFromANewerGantry() throws {
        let t = try TempProject()
        let copy = t.dir + "/newer.sqlite"
        try FileManager.default.copyItem(atPath: t.path, toPath: copy)
        let q = try DatabaseQueue(path: copy)
        try q.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = \(Schema.supportedVersion + 1)") }
        try q.close()
        try expectRefused(copy, matching: "written by a newer Gantry (schema \(Schema.supportedVersion + 1); this one knows up to \(Schema.supportedVersion))")
    }

    @Test func refusesAnUnknownMigrationEvenWithAnOldVersionNumber() throws {
        let t = try TempProject()
        let copy = t.dir + "/sneaky.sqlite"
        try FileManager.default.copyItem(atPath: t.path, toPath: copy)
        let q = try DatabaseQueue(path: copy)
        try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-plugins')") }
        try q.close()
        try expectRefused(copy, matching: "written by a newer Gantry (schema 99; this one knows up to \(Schema.supportedVersion))")
    }

    @Test func refusesACorruptFile() throws {
        let t = try TempProject()
        for i in 0..<30 { _ = try t.addCard("Card \(i) " + String(repeating: "x", count: 100)) }
        let copy = t.dir + "/corrupt.sqlite"
        let q = try DatabaseQueue(path: t.path)
        try q.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try q.close()
        var data = try Data(contentsOf: URL(fileURLWithPath: t.path))
        let pageSize = 4096
        for offset in stride(from: pageSize, to: data.count, by: 1) where offset % pageSize > 8 && offset % 7 == 0 {
            data[offset] = 0xA5
        }
        try data.write(to: URL(fileURLWithPath: copy))
        try expectRefused(copy, matching: "is damaged")
    }

    @Test func reportsAMissingFile() throws {
        #expect(throws: StoreError.notFound(path: "/nonexistent/project.sqlite")) { try ProjectStore.open(at: "/nonexistent/project.sqlite") }
    }

    @Test func loadsWhatWasWritten() throws {
        let t = try TempProject()
        let card = try t.addCard("Persisted ✓ 漢字")
        let reopened = try ProjectStore.open(at: t.path)
        #expect(try reopened.load().card(key: "GAN-1") == card)
        #expect(try reopened.load().info.name == "Test")
    }
}
