import Foundation
import Testing
import Planning
import PlanStore

/// Creating and replacing project files: `init` and `demo` are all-or-nothing, `--force` never
/// destroys a real project, and an open session notices its file was replaced.
@Suite struct ProjectCreationTests {
    @Test func initHonoursProjectOptionAndEnvironment() throws {
        let h = try CLIHarness()
        try h.expectOK("init", "--project", "plans/q1.sqlite", "--name", "Q1")
        #expect(FileManager.default.fileExists(atPath: h.dir + "/plans/q1.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: h.dir + "/.gantry"))
        #expect(try ProjectStore.open(at: h.dir + "/plans/q1.sqlite").load().info.name == "Q1")
        h.environment["GANTRY_PROJECT"] = h.dir + "/env.sqlite"
        try h.expectOK("init", "--name", "Env")
        #expect(try ProjectStore.open(at: h.dir + "/env.sqlite").load().info.name == "Env")
        #expect(h.run("init", "--name", "Env").status == 1, "a second init on the same file is refused")
        let files = try FileManager.default.contentsOfDirectory(atPath: h.dir).filter { $0.contains("incomplete") }
        #expect(files.isEmpty, "no temporary files left: \(files)")
    }

    /// kill -9 at random moments while `init` and `demo` write: afterwards the file is either
    /// absent or a whole project, never one that opens half-filled or says "damaged".
    @Test(arguments: ["init --project p.sqlite --name P", "demo --output p.sqlite"])
    func killedWhileCreatingLeavesNothingOrAWholeProject(command: String) throws {
        let h = try CLIHarness()
        var whole = 0, absent = 0
        for round in 0..<16 {
            let delay = Double(round % 8) * 0.012
            let r = try BinaryHarness.shell("""
                rm -f p.sqlite p.sqlite-wal p.sqlite-shm
                $GANTRY \(command) >/dev/null 2>&1 & pid=$!
                sleep \(delay); kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
                if [ -e p.sqlite ]; then $GANTRY card list --project p.sqlite --json | grep -c '"key"'; else echo absent; fi
                """, in: h.dir)
            let out = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
            if out == "absent" { absent += 1; continue }
            #expect(r.err.isEmpty, "round \(round): \(r.err)")
            let expected = command.hasPrefix("demo") ? SampleProject.cardCount : 0
            #expect(out == "\(expected)" || (expected == 0 && out == "0"), "round \(round): \(out) cards")
            whole += 1
        }
        #expect(whole + absent == 16)
    }

    @Test func demoForceMovesARealProjectAsideAndSaysSo() throws {
        let h = try CLIHarness()
        try h.expectOK("init", "--project", "real.sqlite", "--name", "Real")
        try h.expectOK("card", "add", "Precious", "--project", "real.sqlite")
        #expect(h.run("demo", "--output", "real.sqlite").status == 1)
        let r = h.run("demo", "--output", "real.sqlite", "--force")
        #expect(r.status == 0, "\(r.err)")
        let line = try #require(r.out.split(separator: "\n").first { $0.hasPrefix("Moved the previous") })
        let backup = String(try #require(line.split(separator: " ").last)).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        #expect(backup.contains("real.sqlite.bak-"))
        let kept = try ProjectStore.open(at: backup).load()
        #expect(kept.info.name == "Real")
        #expect(kept.cards.values.map(\.title) == ["Precious"])
        #expect(try ProjectStore.open(at: h.dir + "/real.sqlite").load().info.name == SampleProject.name)
    }

    @Test func demoForceRefusesAFileThatIsNotAProject() throws {
        let h = try CLIHarness()
        try "my notes".write(toFile: h.dir + "/notes.txt", atomically: true, encoding: .utf8)
        let r = h.run("demo", "--output", "notes.txt", "--force")
        #expect(r.status == 1)
        #expect(r.err.contains("is not a Gantry project"))
        #expect(try String(contentsOfFile: h.dir + "/notes.txt", encoding: .utf8) == "my notes")
    }

    /// A board open on a file that is then replaced (a restore, a new sample) says so and saves nothing.
    @Test func anOpenSessionNoticesItsFileWasReplaced() throws {
        let scene = try EndToEndTests.Scene()
        let tmux = try TmuxSession(width: 140, height: 40, command: scene.command(), environment: ["GANTRY_USER": "ana"])
        #expect(tmux.waitFor("Backlog"))
        let r = try BinaryHarness.shell("$GANTRY demo --output other.sqlite && mv other.sqlite \(scene.project)", in: scene.h.dir)
        #expect(r.status == 0, "\(r.err)")
        #expect(tmux.waitFor("The project file was replaced or removed on disk", timeout: 5), "\(tmux.capture())")
        tmux.send("J")
        #expect(tmux.waitFor("Not saved: the project file was replaced"), "\(tmux.capture())")
        tmux.send("q")
    }
}

/// A full disk is a full disk, not damage: reads work, writes say why they failed and what to do.
@Suite(.enabled(if: getuid() == 0, "needs root to mount a small tmpfs"))
struct FullDiskTests {
    final class SmallDisk {
        let dir = "/tmp/gantry-full-" + UUID().uuidString
        init() throws {
            let r = try BinaryHarness.shell("mkdir -p \(dir) && mount -t tmpfs -o size=8m tmpfs \(dir)", in: "/")
            precondition(r.status == 0, r.err)
        }
        deinit { _ = try? BinaryHarness.shell("umount \(dir) && rmdir \(dir)", in: "/") }
        func fill() throws { _ = try BinaryHarness.shell("dd if=/dev/zero of=\(dir)/fill bs=4k 2>/dev/null; sync", in: "/") }
    }

    @Test func readsWorkAndWritesSayTheDiskIsFull() throws {
        let disk = try SmallDisk()
        #expect(try BinaryHarness.shell("$GANTRY demo --output p.sqlite", in: disk.dir).status == 0)
        try disk.fill()
        let list = try BinaryHarness.shell("$GANTRY card list --project p.sqlite", in: disk.dir)
        #expect(list.status == 0, "\(list.err)")
        #expect(list.out.contains("GAN-1"))
        let add = try BinaryHarness.shell("$GANTRY card add 'No room' --project p.sqlite", in: disk.dir)
        #expect(add.status == 1)
        #expect(add.err.contains("is full"), "\(add.err)")
        #expect(!add.err.contains("damaged") && !add.err.contains("backup"))
        let demo = try BinaryHarness.shell("$GANTRY demo --output q.sqlite", in: disk.dir)
        #expect(demo.status == 1)
        #expect(demo.err.contains("is full"), "\(demo.err)")
        let left = try FileManager.default.contentsOfDirectory(atPath: disk.dir).filter { $0.hasPrefix("q.sqlite") || $0.contains("incomplete") }
        #expect(left.isEmpty, "nothing left of the failed sample: \(left)")
    }
}
