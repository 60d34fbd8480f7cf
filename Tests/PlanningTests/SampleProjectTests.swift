import Foundation
import Testing
@testable import Planning

@Suite struct SampleProjectTests {
    func build(now: Date) throws -> ProjectSnapshot { try SampleProject.snapshot(now: now) }

    @Test func isARealisticTeamAndBoard() throws {
        let p = try build(now: Fixture.now)
        #expect(p.members.count == 6)
        let board = try p.board(named: nil)
        let columns = p.columns(of: board.id)
        #expect(columns.map(\.name) == ["Backlog", "To do", "In progress", "Review", "Done"])
        #expect(columns.map { $0.wipLimit != nil } == [false, true, true, true, false])
        #expect((35...45).contains(p.cards.values.filter { !$0.archived }.count), "the board; past sprints' cards are archived")
        #expect(Set(p.cards.values.map(\.type)) == Set(CardType.allCases))
        #expect(Set(p.cards.values.map(\.priority)) == Set(Priority.allCases))
        #expect(p.cards.values.filter(\.isBlocked).count >= 3)
        #expect(p.cards.values.contains { $0.daysInColumn(now: Fixture.now) >= 7 && columns[2].id == $0.columnID })
        #expect(p.cards.values.allSatisfy { $0.assignee.map { p.members[$0] != nil } ?? true })
        #expect(p.cards.values.contains { !$0.labels.isEmpty && $0.estimate != nil && $0.due != nil })
    }

    @Test func datesFollowToday() throws {
        let later = Fixture.now.addingTimeInterval(86_400 * 100)
        let a = try build(now: Fixture.now), b = try build(now: later)
        let dueA = a.cards.values.compactMap(\.due).map(\.ordinal).sorted()
        let dueB = b.cards.values.compactMap(\.due).map(\.ordinal).sorted()
        #expect(zip(dueA, dueB).allSatisfy { $1 - $0 == 100 })
        let onBoard = { (p: ProjectSnapshot) in p.cards.values.filter { !$0.archived } }
        #expect(onBoard(a).map { $0.daysInColumn(now: Fixture.now) }.sorted() == onBoard(b).map { $0.daysInColumn(now: later) }.sorted())
    }
}
