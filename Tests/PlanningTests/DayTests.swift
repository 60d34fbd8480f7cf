import Testing
@testable import Planning

@Suite struct DayTests {
    @Test func roundTripsThroughText() {
        for text in ["1970-01-01", "2000-02-29", "2026-12-31", "1999-03-01", "2400-02-29"] {
            #expect(Day(text)?.description == text)
        }
    }

    @Test func knowsWeekdays() {
        #expect(Day("2026-11-26")?.weekday == 4) // Thursday
        #expect(Day("2026-11-30")?.weekday == 1) // Monday
        #expect(Day("2026-11-29")?.weekday == 7) // Sunday
        #expect(Day("1969-12-31")?.weekday == 3)
    }

    @Test func refusesImpossibleDates() {
        for text in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-4-01", "26-04-01", "2026-04-31", "2026/04/01", "", "2026-04-01x", "２０２６-04-01"] {
            #expect(Day(text) == nil, "\(text) should not parse")
        }
    }

    @Test func countsDaysAcrossMonthsAndYears() throws {
        let a = try #require(Day("2026-12-30"))
        #expect(a.adding(days: 3).description == "2027-01-02")
        #expect(try #require(Day("2027-03-01")) - a == 61)
    }

    @Test func parsesWhatPeopleType() throws {
        let today = try #require(Day("2026-11-26"))
        #expect(Day.parse("today", today: today) == today)
        #expect(Day.parse("tomorrow", today: today)?.description == "2026-11-27")
        #expect(Day.parse("+3d", today: today)?.description == "2026-11-29")
        #expect(Day.parse("-1w", today: today)?.description == "2026-11-19")
        #expect(Day.parse("2w", today: today)?.description == "2026-12-10")
        #expect(Day.parse("2026-12-20", today: today)?.description == "2026-12-20")
        #expect(Day.parse("soon", today: today) == nil)
        #expect(Day.parse("+d", today: today) == nil)
    }
}
