import Foundation
import GRDB
import Testing
import Planning
@testable import PlanStore
import GantryTestSupport

@Suite struct SharingStoreTests {
    func session(_ id: String, _ actor: String, seen: Date, view: SharedView? = nil) -> PresenceSession {
        PresenceSession(session: id, actor: actor, host: "host", pid: 42, screen: "board", since: TempProject.now, seen: seen, view: view)
    }

    @Test(arguments: TestPostgres.storeKinds) func aSessionThatStopsBeatingDisappearsWithinThirtySeconds(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let t0 = TempProject.now
        try t.store.beat(session("a", "ana", seen: t0))
        try t.store.beat(session("b", "ben", seen: t0))
        #expect(try t.store.presence(now: t0.addingTimeInterval(1)).map(\.actor) == ["ana", "ben"])
        // ben keeps beating; ana was killed at t0.
        try t.store.beat(session("b", "ben", seen: t0.addingTimeInterval(15)))
        #expect(try t.store.presence(now: t0.addingTimeInterval(19)).map(\.actor) == ["ana", "ben"])
        #expect(try t.store.presence(now: t0.addingTimeInterval(21)).map(\.actor) == ["ben"])
        #expect(try t.store.presence(now: t0.addingTimeInterval(30)).map(\.actor) == ["ben"])
        // A clean exit leaves at once.
        try t.store.leave(session: "b")
        #expect(try t.store.presence(now: t0.addingTimeInterval(16)).map(\.actor) == ["ana"])
    }

    @Test func rowsOfKilledSessionsArePrunedOnceTheyCountAsGone() throws {
        let t = try TempProject()
        let t0 = TempProject.now
        try t.store.beat(session("killed", "ana", seen: t0))
        try t.store.beat(session("alive", "ben", seen: t0.addingTimeInterval(Presence.expiry - 1)))
        func rows() throws -> [String] { try t.file.pool.read { db in try String.fetchAll(db, sql: "SELECT session FROM presence ORDER BY session") } }
        #expect(try rows() == ["alive", "killed"])
        try t.store.beat(session("alive", "ben", seen: t0.addingTimeInterval(Presence.expiry + 1)))
        #expect(try rows() == ["alive"], "a killed session's row does not stay in the file")
    }

    @Test(arguments: TestPostgres.storeKinds) func heartbeatsAreNotJournalledAndDoNotTouchTheWork(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let seq = try t.store.latestSeq()
        for i in 0..<5 { try t.store.beat(session("a", "ana", seen: TempProject.now.addingTimeInterval(Double(i)))) }
        #expect(try t.store.latestSeq() == seq)
        #expect(try t.store.presence(now: TempProject.now).count == 1)
    }

    @Test(arguments: TestPostgres.storeKinds) func followersFindTheLeadersViewFromTheirNewestSession(kind: StoreKind) throws {
        let t = try TempProject(kind)
        let t0 = TempProject.now
        try t.store.beat(session("a1", "ana", seen: t0, view: SharedView(screen: "board", cardID: "c1")))
        try t.store.beat(session("a2", "ana", seen: t0.addingTimeInterval(2), view: SharedView(screen: "standup", cardID: "c2")))
        try t.store.beat(session("b", "ben", seen: t0.addingTimeInterval(3)))
        let view = try #require(try t.store.sharedView(of: "ana", now: t0.addingTimeInterval(3))?.view)
        #expect(view.screen == "standup" && view.cardID == "c2")
        #expect(try t.store.sharedView(of: "ben", now: t0.addingTimeInterval(3)) == nil, "ben shares no view")
        #expect(try t.store.sharedView(of: "ana", now: t0.addingTimeInterval(60)) == nil, "expired sessions lead nobody")
    }

    @Test(arguments: TestPostgres.storeKinds) func standUpsAreSavedAndFoundByDay(kind: StoreKind) throws {
        let t = try TempProject(kind)
        func record(_ day: String, ended: Date) -> StandupRecord {
            StandupRecord(day: day, facilitator: "ana", board: "Main", startedAt: ended.addingTimeInterval(-600), endedAt: ended,
                          timebox: 120, speakers: [.init(name: "ana", seconds: 90)], previousEndedAt: nil, moved: [], blockers: [],
                          captured: ["ana added GAN-9"])
        }
        let d1 = record("2026-11-25", ended: TempProject.now.addingTimeInterval(-86_400))
        let d2 = record("2026-11-26", ended: TempProject.now)
        try t.store.saveStandup(d1)
        try t.store.saveStandup(d2)
        #expect(try t.store.standups() == [d1, d2])
        #expect(try t.store.standups(day: Day("2026-11-25")!) == [d1])
        #expect(try t.store.standups(day: Day("2026-11-24")!).isEmpty)
        #expect(try t.store.lastStandup(before: TempProject.now) == d1)
        #expect(try t.store.lastStandup(before: TempProject.now.addingTimeInterval(1)) == d2)
    }

    @Test func onANetworkFilesystemTheStoreUsesARollbackJournal() throws {
        let dir = NSTemporaryDirectory() + "gantry-nfs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/project.sqlite"
        do {
            // Made on a local disk (WAL), then moved to a share: the store switches it over.
            let local = try ProjectStore.create(at: path)
            try local.apply(ProjectSetup.newProject(name: "Test", keyPrefix: "GAN", board: "Main"), actor: "ana", at: TempProject.now)
            let p = try local.load()
            try local.apply(try p.addCard(CardDraft(title: "made on a local disk"), board: try p.board(named: nil), now: TempProject.now),
                            actor: "ana", at: TempProject.now)
        }
        let t = (path: path, dir: dir)
        let nfs = ["GANTRY_NETWORK_FS": "nfs"]
        let a = try ProjectStore.open(at: t.path, environment: nfs)
        let b = try ProjectStore.open(at: t.path, environment: nfs)
        #expect(a.networkFilesystem == "nfs")
        let mode = try DatabaseQueue(path: t.path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")
        let watcher = try b.makeWatcher()
        let p = try a.load()
        try a.apply(try p.addCard(CardDraft(title: "saved over NFS"), board: try p.board(named: nil), now: TempProject.now),
                    actor: "ana", at: TempProject.now)
        #expect(try watcher.poll())
        #expect(try b.load().cards.values.map(\.title).sorted() == ["made on a local disk", "saved over NFS"])
        #expect(!FileManager.default.fileExists(atPath: t.path + "-wal"))
    }

    @Test func aNetworkFileStillInWALUseIsRefusedWithAReason() throws {
        let t = try TempProject()
        _ = try t.addCard("keeps the WAL pool open")
        #expect {
            try ProjectStore.open(at: t.path, environment: ["GANTRY_NETWORK_FS": "nfs"])
        } throws: { error in
            "\(error)".contains("still in WAL mode, and another Gantry has it open")
        }
    }

    @Test func mountTypesAreReadFromTheLongestMountPoint() {
        let mounts = """
            /dev/sda1 / ext4 rw 0 0
            server:/export /srv/projects nfs4 rw 0 0
            /dev/sdb1 /srv/projects/local ext4 rw 0 0
            host:/x /mnt/with\\040space cifs rw 0 0
            """
        #expect(Filesystem.mountType(of: "/srv/projects/team", mounts: mounts) == "nfs4")
        #expect(Filesystem.mountType(of: "/srv/projects/local/a", mounts: mounts) == "ext4")
        #expect(Filesystem.mountType(of: "/srv/projectsX", mounts: mounts) == "ext4")
        #expect(Filesystem.mountType(of: "/mnt/with space/p", mounts: mounts) == "cifs")
        #expect(Filesystem.networkName(for: "/tmp/x.sqlite", environment: ["GANTRY_NETWORK_FS": "nfs"]) == "nfs")
    }
}
