import Foundation
import Testing
import PlanStore

/// The real binary in a real terminal (tmux): start, edit, resize, signals, suspend, terminal types.
@Suite struct EndToEndTests {
    /// A sample project in a fresh folder, and the wrapper command that records the terminal
    /// settings before and after, and the exit status.
    final class Scene {
        let h: CLIHarness
        let project: String

        init() throws {
            h = try CLIHarness()
            let r = try BinaryHarness.shell("$GANTRY demo --output sample.sqlite", in: h.dir, environment: ["GANTRY_USER": "ana"])
            precondition(r.status == 0, r.err)
            project = h.dir + "/sample.sqlite"
        }

        func command(_ gantryArgs: String = "", prefix: String = "") -> String {
            "stty -g > \(h.dir)/before; \(prefix) $GANTRY --project \(project) \(gantryArgs); echo status=$? > \(h.dir)/status; stty -g > \(h.dir)/after; sleep 600"
        }

        func expectRestored(_ tmux: TmuxSession, status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let recorded = waitForFile(h.dir + "/status")
            #expect(recorded == "status=\(status)\n", sourceLocation: sourceLocation)
            _ = waitForFile(h.dir + "/after")
            let before = try String(contentsOfFile: h.dir + "/before", encoding: .utf8)
            let after = try String(contentsOfFile: h.dir + "/after", encoding: .utf8)
            #expect(before == after, "stty -g differs", sourceLocation: sourceLocation)
            #expect(tmux.display("#{alternate_on}") == "0", "back on the main screen", sourceLocation: sourceLocation)
            #expect(tmux.display("#{cursor_flag}") == "1", "cursor visible", sourceLocation: sourceLocation)
        }
    }

    @Test func startMoveACardAndQuitRestoresTheTerminal() throws {
        let scene = try Scene()
        let tmux = try TmuxSession(width: 120, height: 40, command: scene.command(), environment: ["GANTRY_USER": "ana"])
        #expect(tmux.waitFor("Backlog"))
        #expect(tmux.display("#{alternate_on}") == "1")
        tmux.send("l", ":")
        tmux.type("wip 9")
        tmux.send("Enter")
        #expect(tmux.waitFor("Set WIP limit of To do to 9"))
        tmux.send("h", "L")
        #expect(tmux.waitFor("Moved GAN-2 Backlog → To do"))
        let show = try BinaryHarness.shell("$GANTRY card show GAN-2 --json --project \(scene.project)", in: scene.h.dir)
        let json = try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any]
        #expect(json?["column"] as? String == "To do")
        let log = try BinaryHarness.shell("$GANTRY log --limit 1 --project \(scene.project)", in: scene.h.dir)
        #expect(log.out.contains("ana  moved GAN-2 Backlog → To do"))
        tmux.send("q")
        try scene.expectRestored(tmux, status: 0)
    }

    /// Two people on one project: a move in one session is on the other's screen within a
    /// second, presence shows each to the other, and a session that quits leaves the list.
    @Test func aMoveInOneSessionAppearsInAnotherWithinASecond() throws {
        let scene = try Scene()
        let a = try TmuxSession(width: 120, height: 40, command: scene.command(), environment: ["GANTRY_USER": "ana"])
        let b = try TmuxSession(width: 120, height: 40, command: "$GANTRY --project \(scene.project); sleep 600",
                                environment: ["GANTRY_USER": "ben"])
        #expect(a.waitFor("Backlog") && b.waitFor("Backlog"))
        b.send("w")
        #expect(b.waitFor("here: ana"))
        #expect(a.waitFor("here: ben"))
        a.send("l", ":")
        a.type("wip 9")
        a.send("Enter")
        #expect(a.waitFor("Set WIP limit of To do to 9"))
        let sent = Date()
        a.send("h", "L")
        #expect(b.waitFor("ana moved GAN-2 Backlog → To do", timeout: 5))
        let delay = Date().timeIntervalSince(sent)
        #expect(delay < 1.0, "took \(delay) s from the key press in one session to the frame in the other")
        a.send("q")
        try scene.expectRestored(a, status: 0)
        #expect(b.waitFor(timeout: 3) { !$0.contains("here: ana") }, "a session that quits leaves the presence list")
        b.send("q")
    }

    /// `gantry --follow ana` shows what ana's session shows, read-only.
    @Test func aFollowerStaysOnTheFacilitatorsScreen() throws {
        let scene = try Scene()
        let a = try TmuxSession(width: 120, height: 40, command: scene.command(), environment: ["GANTRY_USER": "ana"])
        #expect(a.waitFor("Backlog"))
        let b = try TmuxSession(width: 100, height: 30, command: "$GANTRY --project \(scene.project) --follow ana; sleep 600",
                                environment: ["GANTRY_USER": "ben"])
        #expect(b.waitFor("Following ana: read-only. F or esc stops following."))
        a.send("4")
        #expect(a.waitFor("Stand-up started"))
        #expect(b.waitFor("Stand-up · Checkout"))
        a.send(".")
        #expect(a.waitFor("(2/6)"))
        #expect(b.waitFor("(2/6)"))
        b.send("L")
        #expect(b.waitFor("Following ana: read-only. F or esc stops following."))
        a.send("q")
        #expect(a.waitFor("A stand-up is running."))
        a.send("n")
        try scene.expectRestored(a, status: 0)
        b.send("q")
    }

    @Test func resizeRedrawsAndTooSmallAsksForRoom() throws {
        let scene = try Scene()
        let tmux = try TmuxSession(width: 120, height: 40, command: scene.command())
        #expect(tmux.waitFor("Done"))
        tmux.resize(width: 70, height: 20)
        #expect(tmux.waitFor { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            // A narrow title bar keeps the tabs and leaves the project's name to the status line.
            return lines.first?.contains("1 Board") == true && lines.first.map { $0.count <= 70 } == true && !screen.contains("Done ")
                && lines.contains { $0.contains("Checkout Revamp › Checkout") }
        })
        tmux.resize(width: 30, height: 10)
        #expect(tmux.waitFor("Gantry needs at least"))
        tmux.resize(width: 100, height: 30)
        #expect(tmux.waitFor("Backlog"))
        #expect(!tmux.capture().contains("needs at least"))
        tmux.send("q")
        try scene.expectRestored(tmux, status: 0)
    }

    @Test(arguments: [("INT", Int32(130)), ("TERM", Int32(143)), ("HUP", Int32(129))])
    func signalsRestoreTheTerminal(signal: String, status: Int32) throws {
        let scene = try Scene()
        let tmux = try TmuxSession(width: 100, height: 30, command: scene.command())
        #expect(tmux.waitFor("Backlog"))
        if signal == "INT" {
            tmux.send("C-c")
        } else {
            let pid = try #require(tmux.programPID)
            kill(pid, signal == "TERM" ? SIGTERM : SIGHUP)
        }
        try scene.expectRestored(tmux, status: status)
    }

    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let scene = try Scene()
        let tmux = try TmuxSession(width: 100, height: 30, command: "exec bash --norc --noprofile -i")
        #expect(tmux.waitFor("$") || tmux.waitFor("#"))
        tmux.type("$GANTRY --project \(scene.project)")
        tmux.send("Enter")
        #expect(tmux.waitFor("Backlog"))
        tmux.send("C-z")
        #expect(tmux.waitFor("Stopped"))
        #expect(tmux.display("#{alternate_on}") == "0")
        tmux.type("fg")
        tmux.send("Enter")
        #expect(tmux.waitFor { $0.contains("Backlog") && $0.contains("? help") })
        tmux.send("q")
        #expect(tmux.waitForMainScreen(), "quit and back on the main screen")
    }

    @Test(arguments: ["xterm", "xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"])
    func terminalTypesWork(term: String) throws {
        let scene = try Scene()
        let tmux = try TmuxSession(width: 100, height: 30, command: scene.command(prefix: "TERM=\(term)"))
        #expect(tmux.waitFor("Backlog"), "TERM=\(term)")
        tmux.send("j", "l", "q")
        let recorded = waitForFile(scene.h.dir + "/status")
        #expect(recorded == "status=0\n", "TERM=\(term)")
    }

    @Test(arguments: ["", "dumb"])
    func noUsableTerminalIsAClearError(term: String) throws {
        let scene = try Scene()
        let r = try BinaryHarness.shell(term.isEmpty ? "env -u TERM $GANTRY --project \(scene.project)" : "TERM=dumb $GANTRY --project \(scene.project)",
                                        in: scene.h.dir)
        #expect(r.status == 1)
        #expect(r.err.contains("Gantry needs a full-screen terminal, but TERM is \(term.isEmpty ? "not set" : "\"dumb\"")"))
        #expect(r.err.contains("subcommands"))
    }

    @Test func aPOSIXLocaleStillShowsNonASCII() throws {
        let scene = try Scene()
        let tmux = try TmuxSession(width: 100, height: 30, command: scene.command(prefix: "LANG=C LC_ALL=C"))
        #expect(tmux.waitFor("⊘ GAN-5"))
        #expect(tmux.capture().contains("Checkout Revamp › Checkout"))
        tmux.send("q")
        try scene.expectRestored(tmux, status: 0)
    }

    @Test func noColorAndMonoStillStart() throws {
        let scene = try Scene()
        let tmux = try TmuxSession(width: 100, height: 30, command: scene.command("--theme nonexistent"), environment: ["NO_COLOR": "1"])
        #expect(tmux.waitFor("Theme nonexistent.toml: no such theme"))
        tmux.send("q")
        try scene.expectRestored(tmux, status: 0)
    }

    /// Rebinding keys in the config file: the hints follow, and a key taken from another action
    /// is reported at start with the file and line.
    @Test func rebindingsShowInTheHintsAndConflictsNameTheConfigLine() throws {
        let scene = try Scene()
        let config = scene.h.dir + "/config/gantry"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try "[keys]\nnew-card = \"a\"\nquit = \"Q\"\n\n[keys.board]\nedit-card = \"b\"\n".write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 160, height: 40, command: scene.command(),
                                   environment: ["GANTRY_USER": "ana", "XDG_CONFIG_HOME": scene.h.dir + "/config"])
        #expect(tmux.waitFor { $0.contains("config.toml, line 6: keys.board.edit-card: b was toggle-blocked's key") },
                "the conflict names the line: \(tmux.capture())")
        tmux.send("4")
        #expect(tmux.waitFor { $0.contains("a action") }, "the stand-up keeps a: \(tmux.capture())")
        tmux.send("X")
        #expect(tmux.waitFor { $0.contains("End the stand-up") })
        tmux.send("y")
        #expect(tmux.waitFor { $0.contains("Stand-up saved") })
        tmux.send("j")
        #expect(tmux.waitFor { $0.contains("? help  Q quit") }, "the status bar names the live quit key: \(tmux.capture())")
        tmux.send("Q")
        try scene.expectRestored(tmux, status: 0)
    }
}
