import Foundation
import GantryTestSupport
import Testing

/// The command line against a project in PostgreSQL, as a team would use it: `init` on an
/// address, discovery through `.gantry/project.toml`, `migrate` both ways with equal exports,
/// roles, and several processes writing at once.
@Suite(.enabled(if: TestPostgres.address != nil, "no PostgreSQL server: \(TestPostgres.unavailable ?? "")"))
struct PostgresCommandsTests {
    @Test func aProjectInPostgresIsUsedLikeAFileAndFoundThroughProjectToml() throws {
        let h = try CLIHarness()
        let address = try TestPostgres.newDatabase()
        #expect(try h.expectOK("init", "--project", address, "--name", "Shared", "--key", "SHR").contains("Created project Shared"))
        try FileManager.default.createDirectory(atPath: h.dir + "/.gantry", withIntermediateDirectories: true)
        try "# where this folder's project is kept\nurl = \"\(address)\"\n".write(toFile: h.dir + "/.gantry/project.toml", atomically: true, encoding: .utf8)
        _ = try h.expectOK("card", "add", "Ship the pilot")
        _ = try h.expectOK("card", "add", "Write the runbook")
        _ = try h.expectOK("card", "move", "SHR-1", "In progress")
        let cards = try #require(try h.json("card", "list", "--json") as? [[String: Any]])
        #expect(cards.compactMap { $0["key"] as? String }.sorted() == ["SHR-1", "SHR-2"])
        #expect(cards.first { $0["key"] as? String == "SHR-1" }?["column"] as? String == "In progress")
        #expect(try h.expectOK("log").contains("moved SHR-1 Backlog → In progress"))
        let again = h.run("init", "--project", address)
        #expect(again.status == 1 && again.err.contains("already holds a Gantry project"))
        try "url = \"/not/an/address\"\n".write(toFile: h.dir + "/.gantry/project.toml", atomically: true, encoding: .utf8)
        let bad = h.run("card", "list")
        #expect(bad.status == 1 && bad.err.contains("project.toml must say where the project is"))
    }

    @Test func migrateCopiesTheWholeJournalBothWaysAndTheEndsExportTheSame() throws {
        let h = try CLIHarness.withProject()
        for i in 1...5 { _ = try h.expectOK("card", "add", "Card \(i)", "--assignee", "ana") }
        _ = try h.expectOK("card", "move", "GAN-2", "In progress")
        _ = try h.expectOK("risk", "add", "Vendor late", "--probability", "4", "--impact", "3")
        _ = try h.expectOK("undo")
        let address = try TestPostgres.newDatabase()
        let out = try h.expectOK("migrate", "--to", address)
        #expect(out.contains("5 cards") && out.contains("Both export the same document"))
        let fromFile = try h.expectOK("export", "--format", "json")
        let fromServer = try h.expectOK("export", "--format", "json", "--project", address)
        #expect(fromFile == fromServer)
        // Work goes on in PostgreSQL, then comes back to a file.
        _ = try h.expectOK("card", "add", "Added on the server", "--project", address)
        let back = h.dir + "/back.sqlite"
        _ = try h.expectOK("migrate", "--project", address, "--to", back)
        #expect(try h.expectOK("export", "--format", "json", "--project", back) == (try h.expectOK("export", "--format", "json", "--project", address)))
        #expect(try h.expectOK("log", "--project", back).contains("added GAN-6 \"Added on the server\""))
        let refused = h.run("migrate", "--to", address)
        #expect(refused.status == 1 && refused.err.contains("already holds a project"))
    }

    @Test func accessRolesAreSetFromTheCommandLineAndAFileExplainsItsPermissions() throws {
        let h = try CLIHarness.withProject()
        let onFile = h.run("access", "list")
        #expect(onFile.status == 1 && onFile.err.contains("Unix permissions"))
        let address = try TestPostgres.newDatabase()
        _ = try h.expectOK("init", "--project", address, "--name", "Roles")
        let login = "cli_" + UUID().uuidString.prefix(8).lowercased()
        try TestPostgres.psql(address, "CREATE ROLE \(login) LOGIN PASSWORD 'pw'")
        #expect(try h.expectOK("access", "grant", login, "viewer", "--project", address).contains("\(login) is now a viewer"))
        #expect(try h.expectOK("access", "list", "--project", address).contains("\(login)  viewer"))
        let wrong = h.run("access", "grant", login, "owner", "--project", address)
        #expect(wrong.status == 2 && wrong.err.contains("use viewer, editor or admin"))
        _ = try h.expectOK("access", "revoke", login, "--project", address)
        #expect(!(try h.expectOK("access", "list", "--project", address)).contains(login))
    }

    /// Fifty processes add a card each, all at once: every card is kept, keys have no gap and no double.
    @Test func concurrentWritersFromSeparateProcessesLoseNothing() throws {
        let h = try CLIHarness()
        let address = try TestPostgres.newDatabase()
        _ = try h.expectOK("init", "--project", address, "--name", "Busy", "--key", "BZY")
        let writers = try (1...50).map { i -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: BinaryHarness.gantryPath)
            p.arguments = ["card", "add", "card \(i)", "--force", "--project", address]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in writers { p.waitUntilExit() }
        #expect(writers.filter { $0.terminationStatus != 0 }.isEmpty, "every writer succeeded")
        let cards = try #require(try h.json("card", "list", "--json", "--project", address) as? [[String: Any]])
        let numbers = cards.compactMap { ($0["key"] as? String)?.split(separator: "-").last.flatMap { Int($0) } }.sorted()
        #expect(numbers == Array(1...50))
    }
}
