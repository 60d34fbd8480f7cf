import Foundation
import Testing
import Planning

/// Two real Unix users of one group sharing a setgid folder (2775), as a team does on a server:
/// the owner creates the project under umask 022 (so teammates may read, not write); a teammate
/// only reads. The owner must keep writing whatever the reader did.
@Suite(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd"),
                "needs root to create two Unix users"))
struct SharedFolderTests {
    static let group = "gantryteam"
    static let owner = "gantryowner", reader = "gantryreader"

    final class Team {
        let dir = "/tmp/gantry-team-" + UUID().uuidString
        let binary: String
        var project: String { dir + "/plan.sqlite" }

        init() throws {
            _ = try BinaryHarness.shell("""
                getent group \(SharedFolderTests.group) >/dev/null || groupadd \(SharedFolderTests.group) 2>/dev/null
                for u in \(SharedFolderTests.owner) \(SharedFolderTests.reader); do
                  id -u $u >/dev/null 2>&1 || useradd -M -N -g \(SharedFolderTests.group) -s /bin/sh $u 2>/dev/null
                done; true
                """, in: "/")
            let bin = "/tmp/gantry-team-bin-" + UUID().uuidString
            let r = try BinaryHarness.shell("""
                mkdir -p \(dir) \(bin) && cp "$GANTRY" \(bin)/gantry && chmod 755 \(bin) \(bin)/gantry &&
                chgrp \(SharedFolderTests.group) \(dir) && chmod 2775 \(dir)
                """, in: "/")
            precondition(r.status == 0, r.err)
            binary = bin + "/gantry"
        }

        deinit {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: (binary as NSString).deletingLastPathComponent)
        }

        func run(as user: String, _ args: String) throws -> BinaryHarness.Result {
            let script = "umask 022; cd \(dir) && HOME=/tmp GANTRY_USER=\(user) \(binary) \(args)"
            return try BinaryHarness.shell("runuser -u \(user) -- sh -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))'", in: "/")
        }

        /// Each of -wal and -shm that exists must be writable by the owner.
        func sharedFilesWritableByOwner() throws -> Bool {
            let r = try BinaryHarness.shell("""
                for f in \(project)-wal \(project)-shm; do
                  [ -e $f ] || continue
                  runuser -u \(SharedFolderTests.owner) -- test -w $f || { echo "$f not writable: $(stat -c '%U %a' $f)"; exit 1; }
                done
                """, in: "/")
            return r.status == 0
        }
    }

    @Test func aReaderLeavesNothingTheOwnerCannotWrite() throws {
        let team = try Team()
        let created = try team.run(as: Self.owner, "demo --output plan.sqlite")
        #expect(created.status == 0, "\(created.err)")
        let list = try team.run(as: Self.reader, "card list --project plan.sqlite")
        #expect(list.status == 0, "\(list.err)")
        #expect(list.out.contains("GAN-1"))
        #expect(try team.sharedFilesWritableByOwner())
        let add = try team.run(as: Self.owner, "card add 'After the reader' --project plan.sqlite")
        #expect(add.status == 0, "\(add.err)")
        #expect(!add.err.contains("ask the project's owner"))
        // The reader now reads the owner's change.
        let again = try team.run(as: Self.reader, "card list 'After' --project plan.sqlite")
        #expect(again.out.contains("After the reader"), "\(again.err)")
    }

    /// Files an older Gantry (or plain SQLite) left: -wal and -shm owned by the reader, mode 644.
    @Test func theOwnerRecoversFromSharedFilesLeftByAReader() throws {
        let team = try Team()
        #expect(try team.run(as: Self.owner, "demo --output plan.sqlite").status == 0)
        let left = try BinaryHarness.shell("""
            runuser -u \(Self.reader) -- sh -c 'umask 022; python3 -c "import sqlite3; c = sqlite3.connect(\\"\(team.project)\\"); c.execute(\\"select count(*) from sqlite_master\\").fetchall()"'
            stat -c '%U %a' \(team.project)-shm
            """, in: "/")
        #expect(left.out.contains("\(Self.reader) 644"), "the stale files exist: \(left.out) \(left.err)")
        let add = try team.run(as: Self.owner, "card add 'Owner writes again' --project plan.sqlite")
        #expect(add.status == 0, "\(add.err)")
        #expect(try team.sharedFilesWritableByOwner())
        #expect(try team.run(as: Self.reader, "card list Owner --project plan.sqlite").out.contains("Owner writes again"))
    }

    /// While the reader's board is open, the owner's changes reach it live and the owner writes.
    @Test func aReadersOpenBoardDoesNotBlockTheOwner() throws {
        let team = try Team()
        #expect(try team.run(as: Self.owner, "demo --output plan.sqlite").status == 0)
        let tmux = try TmuxSession(width: 120, height: 40, command: "runuser -u \(Self.reader) -- env HOME=/tmp TERM=xterm-256color GANTRY_USER=\(Self.reader) \(team.binary) --project \(team.project); sleep 600")
        #expect(tmux.waitFor("Backlog"))
        tmux.send("w")
        let add = try team.run(as: Self.owner, "card add 'Seen live' --project plan.sqlite")
        #expect(add.status == 0, "\(add.err)")
        #expect(tmux.waitFor("\(Self.owner) added GAN-\(SampleProject.cardCount + 1) \"Seen live\"", timeout: 5), "\(tmux.capture())")
        #expect(try team.sharedFilesWritableByOwner())
        tmux.send("q")
    }
}
