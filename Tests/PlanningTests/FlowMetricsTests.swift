import Foundation
import Testing
@testable import Planning

@Suite struct FlowMetricsTests {
    @Test func percentilesOfSmallSetsAreNearestRank() {
        let ten = (1...10).map(Double.init)
        #expect(Percentile.standard.map { Percentile.of(ten, $0)! } == [5, 7, 9, 10])
        #expect(Percentile.of([4], 95) == 4)
        #expect(Percentile.of([1, 2, 3], 50) == 2)
        #expect(Percentile.of([], 50) == nil)
    }

    @Test func cycleAndLeadTimeCountWorkingDaysInclusively() throws {
        var s = try FlowScript()
        try s.card("Fix", points: 1, column: "Backlog", type: .bug, at: "2026-11-06 09:00")   // Friday
        try s.move("F-1", to: "To do", at: "2026-11-06 10:00")
        try s.move("F-1", to: "In progress", at: "2026-11-09 10:00")                     // Monday
        try s.move("F-1", to: "Review", at: "2026-11-12 10:00")
        try s.move("F-1", to: "In progress", at: "2026-11-13 10:00")                     // sent back
        try s.move("F-1", to: "Done", at: "2026-11-18 16:00")                           // Wednesday
        try s.card("Same day", points: 1, at: "2026-11-10 09:00")
        try s.move("F-2", to: "In progress", at: "2026-11-10 10:00")
        try s.move("F-2", to: "Done", at: "2026-11-10 15:00")
        try s.card("Open", points: 1, at: "2026-11-10 09:00")
        let times = CycleTimes.compute(in: s.context(now: "2026-11-20 12:00"), from: Day("2026-11-01")!, through: Day("2026-11-20")!)
        #expect(times.items.map(\.key) == ["F-2", "F-1"])
        #expect(times.items.map(\.cycle) == [1, 8], "Mon 9 to Wed 18 is eight working days")
        #expect(times.items.map(\.lead) == [1, 9], "Fri 6 to Wed 18 is nine")
        #expect(times.byType.map(\.type) == [.feature, .bug])
        #expect(times.overall.cycle.map(\.1) == [1, 8, 8, 8])
        let weeks = Throughput.compute(times, from: Day("2026-11-09")!, through: Day("2026-11-20")!)
        #expect(weeks.weeks.map(\.count) == [1, 1])
        #expect(weeks.weeks.map(\.monday.description) == ["2026-11-09", "2026-11-16"])
    }

    @Test func cumulativeFlowBandsAddUpToTheCardsOnTheBoardEveryDay() throws {
        var s = try FlowScript()
        var rng = SplitMix(seed: 7)
        let names = ["Backlog", "To do", "In progress", "Review", "Done"]
        var created: [(key: String, at: Date)] = []
        var deleted: [(key: String, at: Date)] = []
        for day in 0..<30 {
            let date = Day("2026-10-01")!.adding(days: day)
            for hour in [9, 11, 14] {
                let at = "\(date) \(hour):00"
                if rng.next() % 3 == 0 || s.project.cards.isEmpty {
                    let card = try s.card("c\(day)-\(hour)", points: 1, column: names[Int(rng.next() % 2)], at: at)
                    created.append((card.key, FlowScript.at(at)))
                } else {
                    let keys = s.project.cards.values.map(\.key).sorted()
                    let key = keys[Int(rng.next() % UInt64(keys.count))]
                    if rng.next() % 15 == 0 {
                        try s.commit(s.project.deleteCard(try s.project.card(key: key)), at: at)
                        deleted.append((key, FlowScript.at(at)))
                    } else {
                        try s.move(key, to: names[Int(rng.next() % 5)], at: at)
                    }
                }
            }
        }
        let cfd = CumulativeFlow.compute(in: s.context(now: "2026-11-05 12:00"), from: Day("2026-10-01")!, through: Day("2026-10-31")!)
        #expect(cfd.columns == names)
        #expect(cfd.days.count == 22, "the working days of October 2026")
        for (d, day) in cfd.days.enumerated() {
            let close = day.adding(days: 1).start(in: FlowScript.utc)
            let existing = created.filter { $0.at < close }.count - deleted.filter { $0.at < close }.count
            #expect(cfd.counts[d].reduce(0, +) == existing, "\(day)")
        }
    }

    @Test func cumulativeFlowCountsByHand() throws {
        var s = try FlowScript()
        try s.card("a", points: 1, at: "2026-11-02 09:00")
        try s.card("b", points: 1, at: "2026-11-02 09:00")
        try s.move("F-1", to: "In progress", at: "2026-11-03 09:00")
        try s.move("F-1", to: "Done", at: "2026-11-04 09:00")
        try s.move("F-2", to: "In progress", at: "2026-11-04 10:00")
        let cfd = CumulativeFlow.compute(in: s.context(now: "2026-11-06 12:00"), from: Day("2026-11-02")!, through: Day("2026-11-05")!)
        // Backlog, To do, In progress, Review, Done
        #expect(cfd.counts == [[0, 2, 0, 0, 0], [0, 1, 1, 0, 0], [0, 0, 1, 0, 1], [0, 0, 1, 0, 1]])
    }

    @Test func agingComparesOpenCardsWithPastStaysInTheirColumn() throws {
        var s = try FlowScript()
        for i in 0..<4 {
            try s.card("done \(i)", points: 1, at: "2026-11-02 09:00")
            try s.move("F-\(i + 1)", to: "In progress", at: "2026-11-02 10:00")
            try s.move("F-\(i + 1)", to: "Done", at: "2026-11-0\(3 + i) 10:00")    // stays of 2, 3, 4, 5 days
        }
        try s.card("slow", points: 1, at: "2026-11-09 09:00")
        try s.move("F-5", to: "In progress", at: "2026-11-09 10:00")
        try s.card("fresh", points: 1, at: "2026-11-13 09:00")
        try s.move("F-6", to: "In progress", at: "2026-11-13 10:00")
        let aging = AgingWIP.compute(in: s.context(now: "2026-11-13 12:00"))
        let doing = try #require(aging.columns.first { $0.name == "In progress" })
        #expect(doing.pastStays == 4)
        #expect(doing.percentiles == [3, 4, 5, 5])
        #expect(doing.cards.map(\.key) == ["F-5", "F-6"])
        #expect(doing.cards.map(\.age) == [5, 1])
        #expect(doing.cards.map(\.pastNorm) == [false, false])
        let later = AgingWIP.compute(in: s.context(now: "2026-11-16 12:00"))
        #expect(later.columns.first { $0.name == "In progress" }?.cards.first?.pastNorm == true, "six days is past the 85th percentile of five")
    }

    @Test func monteCarloIsReproducibleMonotonicAndExactForSteadyThroughput() throws {
        let s = try FlowScript()
        let context = s.context(now: "2026-11-20 12:00")   // a Friday
        let steady = (from: Day("2026-11-02")!, through: Day("2026-11-19")!, counts: [Int](repeating: 2, count: 14))
        let when = try Forecast.when(cards: 40, samples: steady, in: context, seed: 1)
        #expect(when.dates.map(\.description) == ["2026-12-18", "2026-12-18", "2026-12-18"], "20 working days at two a day")
        let many = try Forecast.howMany(by: Day("2026-11-27")!, samples: steady, in: context, seed: 1)
        #expect(many.counts == [10, 10, 10])

        let bumpy = (from: Day("2026-11-02")!, through: Day("2026-11-19")!, counts: [0, 3, 1, 0, 5, 2, 0, 0, 4, 1, 2, 0, 6, 1])
        let a = try Forecast.when(cards: 40, samples: bumpy, in: context, seed: 42)
        let b = try Forecast.when(cards: 40, samples: bumpy, in: context, seed: 42)
        #expect(a == b)
        #expect(a.dates[0] <= a.dates[1] && a.dates[1] <= a.dates[2])
        #expect(a.dates[0] < a.dates[2], "a spread of throughput gives a spread of dates")
        let m = try Forecast.howMany(by: Day("2026-12-31")!, samples: bumpy, in: context, seed: 42)
        #expect(m.counts[0] >= m.counts[1] && m.counts[1] >= m.counts[2])
        #expect(throws: PlanningError.self) { try Forecast.when(cards: 5, samples: (steady.from, steady.through, [0, 0]), in: context, seed: 1) }
    }

    @Test func bugViewFlagsBugsOlderThanTheirSeverityAllows() throws {
        var s = try FlowScript()
        try s.card("crash", points: 1, type: .bug, at: "2026-11-10 09:00")
        try s.card("typo", points: 1, type: .bug, at: "2026-11-10 09:00")
        try s.card("fixed", points: 1, column: "Done", type: .bug, at: "2026-11-10 09:00")
        try s.commit(try s.project.editCard(try s.project.card(key: "F-1"), CardDraft(severity: .some(.s1), foundIn: .some("2.3.0"))), at: "2026-11-10 10:00")
        try s.commit(try s.project.editCard(try s.project.card(key: "F-2"), CardDraft(severity: .some(.s4))), at: "2026-11-10 10:00")
        #expect(throws: PlanningError.self) { try s.project.editCard(try s.project.card(key: "F-2"), CardDraft(type: .feature, severity: .some(.s2))) }
        let view = BugView.compute(board: nil, in: s.project, now: FlowScript.at("2026-11-12 12:00"), timeZone: FlowScript.utc)
        #expect(view.open == 2)
        let s1 = try #require(view.groups.first { $0.severity == .s1 })
        #expect(s1.bugs.map(\.age) == [2])
        #expect(s1.breached == 1)
        #expect(s1.bugs.first?.foundIn == "2.3.0")
        #expect(view.groups.first { $0.severity == .s4 }?.breached == 0)
    }
}
