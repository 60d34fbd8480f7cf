import Testing
@testable import GantryApp

/// The screens and overlays beyond the board: the stand-up walk, the side panel, the prompts,
/// the RAID form and the questions asked before destructive keys. Any change to how they look
/// shows up here as a diff to review (re-record with GANTRY_RECORD_SNAPSHOTS=1).
@Suite struct OverlaySnapshotTests {
    @Test func standupWalk120x40() throws {
        let h = try MemoryHarness(width: 120, height: 40)
        h.press("4")
        h.advance(95)
        h.tick()
        try Snapshot.check("standup-walk-120x40", Snapshot.board(h))
    }

    @Test func standupPersonByPerson80x24() throws {
        let h = try AppHarness(width: 80, height: 24)
        h.press("4", "v", ".")
        try Snapshot.check("standup-person-80x24", Snapshot.board(h))
    }

    @Test func sidePanel120x40() throws {
        let h = try AppHarness(width: 120, height: 40)
        h.press("l", "L", "w")
        try Snapshot.check("side-panel-120x40", Snapshot.board(h))
    }

    @Test func raidForm80x24() throws {
        let h = try MemoryHarness(width: 80, height: 24)
        h.press("2", "e")
        try Snapshot.check("raid-form-80x24", Snapshot.board(h))
    }

    @Test func blockPromptAndCommandLine80x24() throws {
        let h = try MemoryHarness(width: 80, height: 24)
        h.press("b")
        h.type("waiting for the vendor")
        try Snapshot.check("block-prompt-80x24", Snapshot.board(h))
        h.press("esc", ":")
        h.type("move Rev")
        try Snapshot.check("command-line-80x24", Snapshot.board(h))
    }

    @Test func questionsBeforeDestructiveKeys80x24() throws {
        let h = try AppHarness(width: 80, height: 24)
        h.press("d")
        try Snapshot.check("confirm-delete-card-80x24", Snapshot.board(h))
        h.press("n", "2", "c")
        try Snapshot.check("confirm-close-risk-80x24", Snapshot.board(h))
        h.press("n", "4", "q")
        try Snapshot.check("confirm-quit-standup-80x24", Snapshot.board(h))
    }
}
