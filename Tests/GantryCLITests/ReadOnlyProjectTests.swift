import Foundation
import Testing

/// A project someone may read but not write (a colleague's file on a shared server): it opens,
/// lists and shows, refuses changes with a sentence, and the file stays byte-for-byte the same.
@Suite struct ReadOnlyProjectTests {
    /// The sample project in a folder others can read, and the command that runs gantry as
    /// someone without write access: another user when the tests run as root (root may write
    /// anything), from folders in /tmp that user can reach whatever $TMPDIR is, with a copy of the
    /// binary; else this user after the file and folder lose their write bits.
    final class ReadOnlyScene {
        let h: CLIHarness
        let dir: String
        let project: String
        let asReader: String
        private var ownFolders: [String] = []

        init() throws {
            h = try CLIHarness()
            let asRoot = getuid() == 0
            dir = asRoot ? "/tmp/gantry-readonly-" + UUID().uuidString : h.dir
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let r = try BinaryHarness.shell("$GANTRY demo --output sample.sqlite", in: dir)
            precondition(r.status == 0, r.err)
            project = dir + "/sample.sqlite"
            if asRoot {
                let copy = "/tmp/gantry-reader-" + UUID().uuidString
                try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
                // Copied by cp, not in this process: a child that another test spawns meanwhile
                // would inherit our write descriptor and make running the copy fail ("Text file busy").
                let cp = try BinaryHarness.shell("cp \"$GANTRY\" '\(copy)/gantry'", in: copy)
                precondition(cp.status == 0, cp.err)
                for path in [copy, copy + "/gantry", dir] { chmod(path, 0o755) }
                chmod(project, 0o644)
                ownFolders = [dir, copy]
                asReader = "runuser -u nobody -- env HOME=/tmp \(copy)/gantry"
            } else {
                chmod(project, 0o444)
                chmod(dir, 0o555)
                asReader = "env $GANTRY"
            }
        }

        deinit {
            chmod(dir, 0o755)
            for folder in ownFolders { try? FileManager.default.removeItem(atPath: folder) }
        }

        func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: project)) }
    }

    @Test func aFileYouMayOnlyReadListsButRefusesChangesAndStaysUntouched() throws {
        let scene = try ReadOnlyScene()
        let before = try scene.bytes()
        let list = try BinaryHarness.shell("\(scene.asReader) card list key:GAN-1 --project \(scene.project)", in: "/")
        #expect(list.status == 0, "\(list.err)")
        #expect(list.out.contains("GAN-1  To do"))
        let block = try BinaryHarness.shell("\(scene.asReader) card block GAN-1 'no access' --project \(scene.project)", in: "/")
        #expect(block.status == 1)
        #expect(block.err.contains("\(scene.project) is read-only for you, so this change was not saved."))
        #expect(try scene.bytes() == before)
        let files = try FileManager.default.contentsOfDirectory(atPath: scene.dir)
        #expect(files == ["sample.sqlite"], "no -wal or -shm left beside a file nobody had open")
    }

    @Test func theBoardOpensReadOnlyWithANotice() throws {
        let scene = try ReadOnlyScene()
        let before = try scene.bytes()
        // Wide enough for the refusal with the whole path in it.
        let tmux = try TmuxSession(width: 180, height: 40,
                                   command: "TERM=xterm-256color \(scene.asReader) --project \(scene.project); sleep 600")
        #expect(tmux.waitFor("Read-only: you can look but not change"))
        #expect(tmux.waitFor("GAN-2"))
        tmux.send("J")
        #expect(tmux.waitFor("is read-only for you, so this change was not saved"))
        tmux.send("q")
        #expect(tmux.waitFor { !$0.contains("Backlog") })
        #expect(try scene.bytes() == before)
    }
}
