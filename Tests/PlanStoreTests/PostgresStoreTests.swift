import Foundation
import GantryTestSupport
import Planning
@testable import PlanStore
@testable import PlanStorePostgres
import Testing

/// What only the PostgreSQL store has: addresses read as libpq reads them, logins with
/// passwords, project roles the server enforces, notifications, schema versions. These run
/// against the test server (`TestPostgres`); without one they are left out, with the reason
/// printed, and `.ci/run` fails if this suite did not pass.
@Suite(.enabled(if: TestPostgres.address != nil, "no PostgreSQL server: \(TestPostgres.unavailable ?? "")"))
struct PostgresStoreTests {
    let server = TestPostgres.address ?? ""

    func parameter(_ name: String) -> String {
        server.split(separator: "?").last?.split(separator: "&").first { $0.hasPrefix("\(name)=") }.map { String($0.dropFirst(name.count + 1)) } ?? ""
    }

    /// A new login with a password, and a project in a new database its admin made.
    func project() throws -> (address: String, store: PostgresStore) {
        let address = try TestPostgres.newDatabase()
        let store = try PostgresStore.create(try PostgresAddress(parsing: address, environment: [:])) {
            try $0.apply(ProjectSetup.newProject(name: "Pg", keyPrefix: "PG", board: "Main"), actor: "ana", at: TempProject.now)
        }
        return (address, store)
    }

    func login(_ password: String = "s3cret:pw") throws -> String {
        let name = "u_" + UUID().uuidString.prefix(8).lowercased()
        try TestPostgres.psql(server, "CREATE ROLE \(name) LOGIN PASSWORD '\(password.replacingOccurrences(of: "'", with: "''"))'")
        return name
    }

    /// `address` as `user` over TCP on the loopback, without a password in it.
    func tcp(_ address: String, user: String) -> String {
        let database = address.split(separator: "?").first!.split(separator: "/").last!
        return "postgres://\(user)@127.0.0.1:\(parameter("port"))/\(database)?sslmode=disable"
    }

    @Test func addressesAreReadAsLibpqReadsThem() throws {
        let a = try PostgresAddress(parsing: "postgres://ana:p%40ss@db.example:6543/plan?sslmode=require", environment: [:])
        #expect(a.host == "db.example" && a.port == 6543 && a.user == "ana" && a.password == "p@ss" && a.database == "plan" && a.sslMode == .require)
        #expect(a.redacted == "postgres://ana@db.example:6543/plan", "the password is never shown")
        let env = ["PGHOST": "/run/pg", "PGPORT": "5433", "PGUSER": "ben", "PGPASSWORD": "fromenv", "PGSSLMODE": "disable"]
        let b = try PostgresAddress(parsing: "postgresql:///work", environment: env)
        #expect(b.isSocket && b.socketPath == "/run/pg/.s.PGSQL.5433" && b.user == "ben" && b.password == "fromenv" && b.database == "work" && b.sslMode == .disable)
        #expect(throws: PostgresStoreError.self) { try PostgresAddress(parsing: "postgres://h/db?sslmode=sometimes", environment: [:]) }
        #expect(throws: PostgresStoreError.self) { try PostgresAddress(parsing: "postgres://h:99999/db", environment: [:]) }
        let error = PostgresStoreError.badAddress("postgres://ana:hunter2@h/db", "x")
        #expect(!error.description.contains("hunter2"))
    }

    @Test func pgpassIsReadOnlyWhenOthersCannotReadIt() throws {
        let dir = NSTemporaryDirectory() + "pgpass-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/.pgpass"
        try "# comment\nother:*:*:*:wrong\ndb.example:5432:plan:ana:pa\\:ss\n*:*:*:ana:fallback\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let a = try PostgresAddress(parsing: "postgres://ana@db.example/plan", environment: ["PGPASSFILE": file])
        #expect(a.password == "pa:ss")
        let b = try PostgresAddress(parsing: "postgres://ana@elsewhere/plan", environment: ["PGPASSFILE": file])
        #expect(b.password == "fallback")
        chmod(file, 0o644)
        #expect(try PostgresAddress(parsing: "postgres://ana@db.example/plan", environment: ["PGPASSFILE": file]).password == nil,
                "a password file others can read is ignored, as libpq does")
    }

    @Test func aLoginWithAPasswordFromPgpassOpensTheProjectAndAWrongOneIsToldWhatToDo() throws {
        let (address, _) = try project()
        let user = try login()
        let admin = try PostgresStore.open(try PostgresAddress(parsing: address, environment: [:]))
        try admin.grant(.editor, to: user)
        let dir = NSTemporaryDirectory() + "pgpass-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/.pgpass"
        try "127.0.0.1:*:*:\(user):s3cret\\:pw\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let store = try PostgresStore.open(try PostgresAddress(parsing: tcp(address, user: user), environment: ["PGPASSFILE": file]))
        #expect(store.role == .editor)
        #expect(try store.load().info.name == "Pg")
        do {
            _ = try PostgresStore.open(try PostgresAddress(parsing: tcp(address, user: user), environment: ["PGPASSWORD": "wrong"]))
            Issue.record("a wrong password was accepted")
        } catch let error as PostgresStoreError {
            #expect(error.description.contains("refused the login"))
            #expect(error.description.contains("PGPASSWORD or ~/.pgpass"))
        }
    }

    /// A viewer reads; neither Gantry nor the viewer's own SQL can write.
    @Test func aViewerCannotWriteEvenWithItsOwnSQL() throws {
        let (address, admin) = try project()
        let user = try login("viewpw")
        try admin.grant(.viewer, to: user)
        let viewerAddress = tcp(address, user: user)
        let viewer = try PostgresStore.open(try PostgresAddress(parsing: viewerAddress, environment: ["PGPASSWORD": "viewpw"]))
        #expect(viewer.role == .viewer && viewer.isReadOnly)
        let p = try viewer.load()
        #expect(p.info.name == "Pg")
        let change = try p.addCard(CardDraft(title: "Sneaky"), board: try p.board(named: nil), now: TempProject.now)
        #expect(throws: PostgresStoreError.self) { try viewer.apply(change, actor: user, at: TempProject.now) }
        // Presence is not work: a viewer is still seen.
        try viewer.beat(PresenceSession(session: "v", actor: user, host: "h", pid: 1, screen: "board", since: TempProject.now, seen: TempProject.now, view: nil))
        let withPassword = viewerAddress.replacingOccurrences(of: "\(user)@", with: "\(user):viewpw@")
        #expect(throws: (any Error).self) { try TestPostgres.psql(withPassword, "INSERT INTO member (id, name) VALUES ('x', 'x')") }
        #expect(throws: (any Error).self) { try TestPostgres.psql(withPassword, "UPDATE card SET title = 'x'") }
        #expect(throws: (any Error).self) { try TestPostgres.psql(withPassword, "DELETE FROM journal") }
        #expect(try admin.load().cards.isEmpty)
        #expect(try admin.roles().first { $0.login == user }?.role == .viewer)
        // An editor may; a login with no role may not even read.
        try admin.grant(.editor, to: user)
        let editor = try PostgresStore.open(try PostgresAddress(parsing: viewerAddress, environment: ["PGPASSWORD": "viewpw"]))
        try editor.apply(change, actor: user, at: TempProject.now)
        #expect(try admin.load().cards.count == 1)
        try TestPostgres.psql(withPassword, "UPDATE card SET title = title")
        #expect(throws: PostgresStoreError.self) { try editor.grant(.admin, to: user) }
        try admin.revokeRoles(from: user)
        #expect(throws: PostgresStoreError.self) {
            _ = try PostgresStore.open(try PostgresAddress(parsing: viewerAddress, environment: ["PGPASSWORD": "viewpw"])).load()
        }
    }

    @Test func anotherSessionsChangeIsNotifiedWithin200Milliseconds() throws {
        let (address, writer) = try project()
        let reader = try PostgresStore.open(try PostgresAddress(parsing: address, environment: [:]))
        let feed = try reader.makeWatcher()
        #expect(try feed.poll() == false)
        var delays: [Double] = []
        for i in 0..<20 {
            let p = try writer.load()
            let start = Date()
            let entry = try writer.apply(try p.addCard(CardDraft(title: "c\(i)"), board: try p.board(named: nil), force: true, now: TempProject.now),
                                         actor: "ben", at: TempProject.now)
            while try !feed.poll() {
                guard Date().timeIntervalSince(start) < 2 else { Issue.record("no notification after 2 s"); return }
                usleep(200)
            }
            delays.append(Date().timeIntervalSince(start))
            #expect(try reader.journal(after: entry.seq - 1).map(\.seq) == [entry.seq], "the notified change can be replayed at once")
        }
        let median = delays.sorted()[delays.count / 2]
        #expect(median < 0.2, "median notification delay \(median) s")
    }

    @Test func aDatabaseFromANewerGantryIsRefusedAndAnOlderOneUpgraded() throws {
        let (address, _) = try project()
        try TestPostgres.psql(address, "UPDATE gantry_schema SET version = \(Schema.supportedVersion + 1)")
        #expect(throws: StoreError.newerSchema(path: try PostgresAddress(parsing: address, environment: [:]).redacted,
                                               found: Schema.supportedVersion + 1, supported: Schema.supportedVersion)) {
            _ = try PostgresStore.open(try PostgresAddress(parsing: address, environment: [:]))
        }
        try TestPostgres.psql(address, "UPDATE gantry_schema SET version = 7")
        try TestPostgres.psql(address, "ALTER TABLE card DROP COLUMN \"externalID\"")
        try TestPostgres.psql(address, "DROP INDEX card_assignee")
        let upgraded = try PostgresStore.open(try PostgresAddress(parsing: address, environment: [:]))
        #expect(try TestPostgres.psql(address, "SELECT version FROM gantry_schema") == "\(Schema.supportedVersion)")
        #expect(try TestPostgres.psql(address, "SELECT to_regclass('card_assignee') IS NOT NULL") == "t", "the upgrade made the index it lacked")
        let p = try upgraded.load()
        try upgraded.apply(try p.addCard(CardDraft(title: "After upgrade"), board: try p.board(named: nil), now: TempProject.now), actor: "ana", at: TempProject.now)
        #expect(try upgraded.load().cards.values.map(\.title) == ["After upgrade"])
    }

    @Test func anEmptyDatabaseIsNotTakenForAProject() throws {
        let address = try TestPostgres.newDatabase()
        do {
            _ = try PostgresStore.open(try PostgresAddress(parsing: address, environment: [:]))
            Issue.record("an empty database opened")
        } catch let error as PostgresStoreError {
            #expect(error.description.contains("holds no Gantry project"))
        }
        let missing = TestPostgres.with(database: "no_such_db", address)
        #expect(throws: PostgresStoreError.noDatabase(try PostgresAddress(parsing: missing, environment: [:]).redacted)) {
            _ = try PostgresStore.open(try PostgresAddress(parsing: missing, environment: [:]))
        }
    }

    /// A random project's document, restored into PostgreSQL, exports the same bytes; its flow
    /// history (rebuilt from the journal there) and its next key are the same as in the file.
    @Test(arguments: [11, 12, 13] as [UInt64]) func aRandomProjectComesBackFromPostgresExactly(seed: UInt64) throws {
        let t = try ArchiveTests.randomProject(seed: seed)
        let document = try t.store.archiveDocument(history: true)
        let archive = try ProjectArchive.decode(document)
        let address = try PostgresAddress(parsing: try TestPostgres.newDatabase(), environment: [:])
        let copy = try PostgresStore.create(address) { try $0.restore(archive) }
        #expect(try copy.archiveDocument(history: true) == document)
        #expect(try copy.flowHistory().events == t.store.flowHistory().events)
        #expect(try copy.journal().map(\.undoneBy) == t.store.journal().map(\.undoneBy))
        let p = try copy.load(), q = try t.store.load()
        let next = try copy.apply(try p.addCard(CardDraft(title: "after"), board: try p.board(named: nil), force: true, now: TempProject.now), actor: "ana", at: TempProject.now)
        let expected = try t.store.apply(try q.addCard(CardDraft(title: "after"), board: try q.board(named: nil), force: true, now: TempProject.now), actor: "ana", at: TempProject.now)
        #expect(next.change.edits.last?.label == expected.change.edits.last?.label)
        #expect(next.seq == expected.seq)
    }

    /// sslmode as libpq: `require` encrypts, `verify-full` checks the certificate and the host
    /// name, `verify-ca` the certificate only; the test server's certificate names only localhost.
    @Test func sslModesEncryptAndCheckTheCertificateAsLibpqDoes() throws {
        let (address, admin) = try project()
        let user = try login("tlspw")
        try admin.grant(.editor, to: user)
        let root = parameter("host") + "/root.crt"
        let database = address.split(separator: "?").first!.split(separator: "/").last!
        func open(_ host: String, _ mode: String, root: String? = nil) throws -> PostgresStore {
            let cert = root.map { "&sslrootcert=\($0)" } ?? ""
            return try PostgresStore.open(try PostgresAddress(parsing: "postgres://\(user)@\(host):\(parameter("port"))/\(database)?sslmode=\(mode)\(cert)",
                                                              environment: ["PGPASSWORD": "tlspw", "HOME": "/nonexistent"]))
        }
        func encrypted(_ store: PostgresStore) throws -> Bool {
            try store.link.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?.first?.int == 1
        }
        #expect(try encrypted(try open("127.0.0.1", "require")))
        #expect(try !encrypted(try open("127.0.0.1", "disable")))
        #expect(try encrypted(try open("localhost", "verify-full", root: root)))
        #expect(try encrypted(try open("127.0.0.1", "verify-ca", root: root)), "verify-ca does not check the name")
        #expect(throws: PostgresStoreError.self, "the certificate names localhost, not 127.0.0.1") {
            _ = try open("127.0.0.1", "verify-full", root: root)
        }
        do {
            _ = try open("localhost", "verify-full")
            Issue.record("verify-full without a root certificate connected")
        } catch let error as PostgresStoreError {
            #expect(error.description.contains("sslrootcert"))
        }
    }

    /// The server closes a session's connection (a restart, a failover): the next step opens a
    /// new one, and the session listens again and hears later changes.
    @Test func aSessionWhoseConnectionTheServerClosedCarriesOn() throws {
        let (address, store) = try project()
        let feed = try store.makeWatcher()
        let pid = try #require(try store.link.query("SELECT pg_backend_pid()").first?.first?.int)
        try TestPostgres.psql(server, "SELECT pg_terminate_backend(\(pid))")
        let deadline = Date().addingTimeInterval(5)
        while !store.link.connection.isClosed && Date() < deadline { usleep(5_000) }
        #expect(store.link.connection.isClosed, "the server closed it")
        var p = try store.load()
        try store.apply(try p.addCard(CardDraft(title: "after the cut"), board: try p.board(named: nil), now: TempProject.now), actor: "ana", at: TempProject.now)
        #expect(try store.load().cards.values.map(\.title) == ["after the cut"])
        #expect(try feed.poll(), "listening again, it says to read the journal (notifications may have been missed)")
        let other = try PostgresStore.open(try PostgresAddress(parsing: address, environment: [:]))
        p = try other.load()
        try other.apply(try p.addCard(CardDraft(title: "from ben"), board: try p.board(named: nil), now: TempProject.now), actor: "ben", at: TempProject.now)
        var heard = false
        while !heard && Date() < deadline.addingTimeInterval(5) {
            heard = try feed.poll()
            usleep(2_000)
        }
        #expect(heard, "another session's change is heard on the new connection")
    }
}
