import Foundation
import Testing

/// `$EDITOR` from the board, in a real terminal: the editor runs in the terminal's foreground
/// process group (so a shell with job control does not stop it), and Gantry comes back redrawn.
@Suite struct EditorEndToEndTests {
    /// An editor script that changes the terminal's modes (as every real editor does: `stty`
    /// is a tcsetattr, which stops a background process) and then writes the file.
    static func scriptEditor(in dir: String) throws -> String {
        let path = dir + "/editor.sh"
        try "#!/bin/sh\nstty sane\nprintf 'Written by the editor script\\n' > \"$1\"\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    /// An interactive shell with job control (as a person's login shell is) runs gantry.
    static func interactiveShell(_ scene: EndToEndTests.Scene, editor: String) throws -> TmuxSession {
        let tmux = try TmuxSession(width: 100, height: 30, command: "exec bash --norc --noprofile -i",
                                   environment: ["GANTRY_USER": "ana", "EDITOR": editor, "VISUAL": ""])
        #expect(tmux.waitFor { $0.contains("$") || $0.contains("#") })
        tmux.type("$GANTRY --project \(scene.project)")
        tmux.send("Enter")
        #expect(tmux.waitFor("Backlog"))
        return tmux
    }

    static func lastLog(_ scene: EndToEndTests.Scene) throws -> String {
        try BinaryHarness.shell("$GANTRY log --limit 1 --project \(scene.project)", in: scene.h.dir).out
    }

    @Test func anEditorThatSetsTerminalModesIsNotStoppedUnderJobControl() throws {
        let scene = try EndToEndTests.Scene()
        let editor = try Self.scriptEditor(in: scene.h.dir)
        let tmux = try Self.interactiveShell(scene, editor: editor)
        tmux.send("E")
        #expect(tmux.waitFor(timeout: 10) { $0.contains("Backlog") && $0.contains("description") && !$0.contains("Stopped") },
                "the editor finished and the board came back: \(tmux.capture())")
        #expect(try Self.lastLog(scene).contains("(description)"))
        tmux.send("q")
        #expect(tmux.waitForMainScreen(), "quit and back on the main screen")
    }

    @Test func viEditsTheDescriptionAndTheBoardIsRedrawn() throws {
        let scene = try EndToEndTests.Scene()
        let tmux = try Self.interactiveShell(scene, editor: "vi")
        let board = tmux.capture()
        tmux.send("E")
        #expect(tmux.waitFor { $0.contains("description.md") || $0.contains("~") && !$0.contains("Backlog") }, "vi is on screen")
        tmux.send("g", "g", "O")
        tmux.type("Typed in vi")
        tmux.send("Escape")
        tmux.type(":wq")
        tmux.send("Enter")
        #expect(tmux.waitFor(timeout: 10) { $0.contains("Backlog") && $0.contains("(description)") }, "\(tmux.capture())")
        #expect(try Self.lastLog(scene).contains("(description)"))
        // The whole board is back, not only the cells that changed while vi was up.
        let after = tmux.capture().split(separator: "\n").dropLast(2)
        let before = board.split(separator: "\n").dropLast(2)
        #expect(Array(after.prefix(20)) == Array(before.prefix(20)))
        // Ctrl-C in the editor is the editor's, not a signal that ends Gantry later.
        tmux.send("E")
        // vi's own screen (it names the file), not the shell's screen between Gantry and vi.
        #expect(tmux.waitFor("description.md"))
        tmux.send("C-c")
        // vi answers Ctrl-C with how to leave; typing before it has read the key loses keys on a busy machine.
        _ = tmux.waitFor(timeout: 3) { $0.contains("abandon") || $0.contains(":qa") }
        tmux.type(":q!")
        tmux.send("Enter")
        #expect(tmux.waitFor("Backlog", timeout: 10), "\(tmux.capture())")
        tmux.send("j")
        usleep(300_000)
        #expect(tmux.display("#{alternate_on}") == "1", "still running after Ctrl-C inside vi")
        tmux.send("q")
        #expect(tmux.waitFor { !$0.contains("? help") })
    }
}

/// A `gantry` binary copied anywhere (a server's /usr/local/bin) has its themes inside it.
@Suite struct CopiedBinaryTests {
    @Test(arguments: ["light", "mono", "ansi16"])
    func aCopiedBinaryHasItsThemes(theme: String) throws {
        let scene = try EndToEndTests.Scene()
        let bin = scene.h.dir + "/bin"
        let cp = try BinaryHarness.shell("mkdir -p \(bin) && cp \"$GANTRY\" \(bin)/gantry", in: scene.h.dir)
        #expect(cp.status == 0)
        let tmux = try TmuxSession(width: 120, height: 30, command: "cd / && HOME=\(scene.h.dir) XDG_CONFIG_HOME= \(bin)/gantry --project \(scene.project) --theme \(theme); sleep 600")
        #expect(tmux.waitFor("Backlog"))
        #expect(!tmux.capture().contains("Theme"), "\(tmux.capture())")
        tmux.send("q")
    }
}

/// `make install-files` (what `make install` runs after its release build and man page):
/// a stripped binary that starts with any shipped theme, the theme files and completions.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/make") && FileManager.default.isExecutableFile(atPath: "/usr/bin/strip")))
struct InstallTests {
    @Test func installFilesPutsEverythingUnderThePrefix() throws {
        let h = try CLIHarness()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL.path
        let prefix = h.dir + "/prefix"
        // The real page comes from generate-manual (`make man`, checked by .ci/run); any page will do here.
        try ".Dt GANTRY 1\n".write(toFile: h.dir + "/gantry.1", atomically: true, encoding: .utf8)
        let r = try BinaryHarness.shell("make -s -C \(root) install-files PREFIX=\(prefix) BIN=\"$GANTRY\" MANPAGE=\(h.dir)/gantry.1", in: h.dir)
        #expect(r.status == 0, "\(r.err)")
        for file in ["bin/gantry", "share/man/man1/gantry.1", "share/gantry/themes/default.toml", "share/gantry/themes/light.toml",
                     "share/bash-completion/completions/gantry", "share/zsh/site-functions/_gantry", "share/fish/vendor_completions.d/gantry.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
        }
        let symbols = try BinaryHarness.shell("nm \(prefix)/bin/gantry 2>&1 | head -1", in: h.dir)
        #expect(symbols.out.contains("no symbols"), "stripped: \(symbols.out)")
        let completion = try String(contentsOfFile: prefix + "/share/bash-completion/completions/gantry", encoding: .utf8)
        #expect(completion.contains("card"))
    }
}
