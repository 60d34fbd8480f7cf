import Foundation
import Testing
import TerminalUI

/// Titles with wide, joined and zero-width text in a real terminal (tmux, which places characters
/// by wcwidth as ncurses does): what the frame diff leaves on screen must equal a full repaint,
/// and no row may be wider than the terminal.
@Suite struct WideTextEndToEndTests {
    static let joined = "👩‍👩‍👧‍👦🇺🇦👍🏽 中文中文"
    /// How the terminal shows `joined`: the ZWJ sequence as its emoji, the flag, the hand.
    static let shown = "👩👩👧👦🇺🇦👍 中文中文"

    @Test func joinedAndWideTitlesLeaveNoStaleCellsOnTheBoardOrTheRaidLog() throws {
        let scene = try EndToEndTests.Scene()
        let add = try BinaryHarness.shell("$GANTRY card add 'Family \(Self.joined)' --project \(scene.project)", in: scene.h.dir)
        #expect(add.status == 0, "\(add.err)")
        let risk = try BinaryHarness.shell("$GANTRY risk add 'Vendor \(Self.joined)' --probability 5 --impact 5 --owner ana --project \(scene.project)", in: scene.h.dir)
        #expect(risk.status == 0, "\(risk.err)")
        let tmux = try TmuxSession(width: 120, height: 40, command: scene.command(), environment: ["GANTRY_USER": "ana"])
        #expect(tmux.waitFor("Backlog"))
        for (width, height) in [(120, 40), (97, 30), (80, 24)] {
            tmux.resize(width: width, height: height)
            tmux.send("1")
            tmux.send("G")
            #expect(tmux.waitFor { $0.contains("Family \(Self.shown.prefix(4))") }, "\(width)×\(height): \(tmux.capture())")
            settle(tmux)
            let afterKeys = tmux.capture()
            try repaint(tmux, width: width, height: height)
            #expect(tmux.capture() == afterKeys, "board at \(width)×\(height): the diff differs from a full repaint")
            tmux.send("2")
            #expect(tmux.waitFor { $0.contains("Vendor 👩👩") })
            settle(tmux)
            let raid = tmux.capture()
            try repaint(tmux, width: width, height: height)
            #expect(tmux.capture() == raid, "RAID log at \(width)×\(height): the diff differs from a full repaint")
            for line in raid.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "a row wider than the terminal: \(line)")
            }
        }
        tmux.send("q")
        try scene.expectRestored(tmux, status: 0)
    }

    /// A resize makes the app repaint every cell; going back to the size repaints it again.
    private func repaint(_ tmux: TmuxSession, width: Int, height: Int) throws {
        tmux.resize(width: width + 1, height: height)
        settle(tmux)
        tmux.resize(width: width, height: height)
        settle(tmux)
    }

    /// Waits until the screen stops changing: the app has drawn the frame for the last event.
    private func settle(_ tmux: TmuxSession) {
        var last = tmux.capture()
        for _ in 0..<40 {
            usleep(150_000)
            let now = tmux.capture()
            if now == last { return }
            last = now
        }
    }
}
