import Testing
@testable import GantryApp

@Suite struct BoardSnapshotTests {
    @Test func board80x24() throws {
        let h = try MemoryHarness(width: 80, height: 24)
        try Snapshot.check("board-80x24", Snapshot.board(h))
    }

    @Test func board120x40() throws {
        let h = try MemoryHarness(width: 120, height: 40)
        try Snapshot.check("board-120x40", Snapshot.board(h))
    }

    @Test func board120x40WithAssigneeLanes() throws {
        let h = try MemoryHarness(width: 120, height: 40)
        h.press("s")
        try Snapshot.check("board-120x40-lanes-assignee", Snapshot.board(h))
    }

    @Test func helpOverlay80x24() throws {
        let h = try MemoryHarness(width: 80, height: 24)
        h.press("?")
        try Snapshot.check("help-80x24", Snapshot.board(h))
    }

    @Test func editForm80x24() throws {
        let h = try MemoryHarness(width: 80, height: 24)
        h.press("l", "enter")
        try Snapshot.check("form-80x24", Snapshot.board(h))
    }
}
