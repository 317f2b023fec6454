import Testing
@testable import MemcastData

@Suite struct PeriodTests {
    @Test(arguments: ["2026", "2026H2", "2026Q1", "2026-03", "2026-03-31", "2019Q4", "2024-02-29"])
    func roundTrips(_ text: String) throws {
        let p = try #require(Period(text))
        #expect(p.description == text)
    }

    @Test(arguments: ["", "26Q1", "2026Q5", "2026Q0", "2026-13", "2026-00", "2025-02-29", "2026-3",
                      "2026 Q1", "1Q26", "2026H3", "20260", "abcd"])
    func rejects(_ text: String) {
        #expect(Period(text) == nil)
    }

    @Test func granularityAndBounds() throws {
        let q = try #require(Period("2026Q1"))
        #expect(q.granularity == .quarter)
        #expect(q.start == CalendarDate(year: 2026, month: 1, day: 1))
        #expect(q.end == CalendarDate(year: 2026, month: 3, day: 31))
        #expect(Period("2024Q1")!.end == CalendarDate(year: 2024, month: 3, day: 31))
        #expect(Period("2024-02")!.end == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(Period("2023H2")!.end == CalendarDate(year: 2023, month: 12, day: 31))
        #expect(Period("2026-02")!.quarter == q)
        #expect(Period("2026-05-17")!.quarter == Period("2026Q2"))
        #expect(Period("2026")!.quarter == nil)
        #expect(q.contains(CalendarDate(year: 2026, month: 3, day: 31)!))
        #expect(!q.contains(CalendarDate(year: 2026, month: 4, day: 1)!))
    }

    @Test func advancesAcrossYearEnds() {
        #expect(Period("2025Q4")!.advanced(by: 1).description == "2026Q1")
        #expect(Period("2026Q1")!.advanced(by: -5).description == "2024Q4")
        #expect(Period("2025-12")!.advanced(by: 2).description == "2026-02")
        #expect(Period("2025H2")!.advanced(by: 1).description == "2026H1")
        #expect(Period("2024-02-28")!.advanced(by: 2).description == "2024-03-01")
        #expect(Period("2026")!.advanced(by: -10).description == "2016")
        #expect(Period("2016Q1")!.distance(to: Period("2025Q4")!) == 39)
        #expect(Period("2025-11")!.distance(to: Period("2026-02")!) == 3)
    }

    @Test func ordersCoarseBeforeFineOnTheSameStart() {
        let texts = ["2026-01-01", "2026Q1", "2026", "2025Q4", "2026-01", "2026H1", "2025-12-31"]
        let sorted = texts.compactMap(Period.init).sorted().map(\.description)
        #expect(sorted == ["2025Q4", "2025-12-31", "2026", "2026H1", "2026Q1", "2026-01", "2026-01-01"])
    }
}

@Suite struct PublicationDateTests {
    @Test func coarseDatesCountAtTheEndOfWhatIsKnown() throws {
        let month = try #require(PublicationDate("2026-01"))
        #expect(month.latest == CalendarDate(year: 2026, month: 1, day: 31))
        #expect(!month.isKnown(asOf: CalendarDate("2026-01-05")!))
        #expect(month.isKnown(asOf: CalendarDate("2026-01-31")!))
        let feb = try #require(PublicationDate("2024-02"))
        #expect(feb.latest == CalendarDate(year: 2024, month: 2, day: 29))
        let year = try #require(PublicationDate("2019"))
        #expect(year.latest == CalendarDate(year: 2019, month: 12, day: 31))
        #expect(!year.isKnown(asOf: CalendarDate("2019-12-30")!))
        let day = try #require(PublicationDate("2026-02-02"))
        #expect(day.isKnown(asOf: CalendarDate("2026-02-02")!))
        #expect(!day.isKnown(asOf: CalendarDate("2026-02-01")!))
    }

    @Test func ordersByConservativeDayThenFinerFirst() {
        let d = ["2026-01", "2026-01-05", "2026-01-31", "2025"].compactMap(PublicationDate.init).sorted()
        #expect(d.map(\.description) == ["2025", "2026-01-05", "2026-01-31", "2026-01"])
    }

    @Test(arguments: ["", "2026-1", "2026-13", "2026-02-30", "26-01-01", "2026/01/01"])
    func rejects(_ text: String) { #expect(PublicationDate(text) == nil) }
}
