import Foundation
import Testing
import Planning
import TerminalUI
@testable import GantryApp

@Suite struct KeyFuzzTests {
    /// Thousands of keys at random across every screen, mode and form: every frame still fills the
    /// terminal exactly and nothing traps. Seeded, so a failing sequence can be replayed.
    @Test(arguments: [1, 2] as [UInt64]) func randomKeysNeverBreakTheScreen(seed: UInt64) throws {
        let h = try MemoryHarness(width: 90, height: 26)
        let names = ["1", "2", "3", "h", "j", "k", "l", "H", "J", "K", "L", "g", "G", "n", "e", "d", "y", "b", "u", "C-r", "/", ":",
                     "s", "?", "z", "space", "+", "-", "p", "t", "[", "]", "tab", "S-tab", "r", "o", "c", "O", "m", "enter", "esc",
                     "backspace", "left", "right", "up", "down", "pgup", "pgdn", "x", "7", "C-u", "C-e", "C-s",
                     "4", "w", "W", "F", "a", "R", "D", "X", ".", ",", "S", "v", "C-t", "C-y"]
        var generator = SplitMix(seed: seed)
        for step in 0..<1500 {
            let name = names[Int.random(in: 0..<names.count, using: &generator)]
            h.press(name)
            if step % 97 == 0 {
                let size = [(40, 12), (90, 26), (130, 40)][step % 3]
                h.terminal.size = size
                h.handle(.resize(width: size.0, height: size.1))
            }
            let (w, hgt) = h.terminal.size
            #expect(h.screen.count == hgt && h.screen.allSatisfy { DisplayWidth.of($0) == w }, "seed \(seed): after \(name) at step \(step)")
        }
    }
}
