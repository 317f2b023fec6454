import Testing
@testable import MemcastData

/// The `--as-of` rule on the real datasets and on synthetic rows.
@Suite struct VintageSelectionTests {
    static func memoryPrices() throws -> [Observation] { try TestPaths.catalog().observations("memory_prices") }

    /// TrendForce's first 1Q26 conventional DRAM contract call (+55–60%, dated 2026-01-05 in
    /// shared/data/memory_prices.csv line 61) is what was known on 2026-01-05.
    @Test func firstCallKnownOnJanuary5() throws {
        let rows = try Self.memoryPrices()
        let o = try #require(VintageSelection.latest(rows, series: "conventional_dram", period: "2026Q1",
                                                     metric: "qoq_pct", asOf: CalendarDate("2026-01-05")))
        #expect(o.low == 55 && o.high == 60)
        #expect(o.kind == .forecast)
        #expect(o.published?.description == "2026-01-05")
        #expect(o.publisher == "TrendForce")
        #expect(o.value == 57.5)
    }

    /// The February revision (+90–95%, 2026-02-02, line 62) replaces it from that day.
    @Test func revisionKnownOnFebruary2() throws {
        let rows = try Self.memoryPrices()
        let o = try #require(VintageSelection.latest(rows, series: "conventional_dram", period: "2026Q1",
                                                     metric: "qoq_pct", asOf: CalendarDate("2026-02-02")))
        #expect(o.low == 90 && o.high == 95)
        #expect(o.kind == .revisedForecast)
        #expect(o.published?.description == "2026-02-02")
        let dayBefore = try #require(VintageSelection.latest(rows, series: "conventional_dram", period: "2026Q1",
                                                             metric: "qoq_pct", asOf: CalendarDate("2026-02-01")))
        #expect(dayBefore.low == 55 && dayBefore.high == 60)
    }

    /// An --as-of in the future ran without a word. After the newest publication (a figure dated only
    /// by year counts from the year's end) the run uses everything and says so; after today but
    /// before that, it says what is still left out; otherwise nothing.
    @Test func asOfPastTheDataIsNoted() throws {
        let dated = [(PublicationDate("2026-02-27")!, "memory_prices.csv:857"), (PublicationDate("2026")!, "supply_demand.csv:34"),
                     (PublicationDate("2026-02")!, "memory_prices.csv:71")]
        let newest = "the newest publication in the data (2026, supply_demand.csv:34, which counts from 2026-12-31)"
        func note(_ asOf: String, today: String? = "2026-12-03") -> String? {
            VintageSelection.asOfNote(asOf: CalendarDate(asOf), dated: dated, today: today.flatMap(CalendarDate.init))
        }
        #expect(note("2030-01-01") == "--as-of 2030-01-01 is after \(newest): it uses every published figure, as without --as-of")
        #expect(note("2026-12-20") == "--as-of 2026-12-20 is after today (2026-12-03); \(newest) is still left out")
        #expect(note("2026-12-20", today: nil) == nil && note("2026-06-01") == nil && note("2026-12-31") == nil)
        #expect(VintageSelection.asOfNote(asOf: nil, dated: dated) == nil)
        #expect(VintageSelection.asOfNote(asOf: CalendarDate("2026-03-01"), dated: [(PublicationDate("2026-02-27")!, "m.csv:2")])
                == "--as-of 2026-03-01 is after the newest publication in the data (2026-02-27, m.csv:2): it uses every published figure, as without --as-of")
    }

    @Test func nothingKnownBeforeTheFirstCall() throws {
        let rows = try Self.memoryPrices()
        #expect(VintageSelection.latest(rows, series: "conventional_dram", period: "2026Q1", metric: "qoq_pct",
                                        asOf: CalendarDate("2026-01-04")) == nil)
    }

    @Test func sameDayMoreFinalKindWins() {
        let rows: [Observation] = [
            .make(low: 1, high: 2, kind: .actual, published: "2025-05-01", id: "a"),
            .make(low: 3, high: 4, kind: .forecast, published: "2025-05-01", id: "f"),
            .make(low: 5, high: 6, kind: .revisedForecast, published: "2025-05-01", id: "r"),
        ]
        #expect(VintageSelection.latest(rows, asOf: nil).map(\.id) == ["a"])
        #expect(VintageSelection.latest(Array(rows.dropFirst()), asOf: nil).map(\.id) == ["r"])
    }

    @Test func laterPublicationWinsOverKind() {
        let rows: [Observation] = [
            .make(point: 10, kind: .actual, published: "2025-05-01", id: "old-actual"),
            .make(point: 12, kind: .forecast, published: "2025-05-02", id: "new-forecast"),
        ]
        #expect(VintageSelection.latest(rows, asOf: nil).map(\.id) == ["new-forecast"])
        #expect(VintageSelection.latest(rows, asOf: CalendarDate("2025-05-01")).map(\.id) == ["old-actual"])
    }

    @Test func coarseDateCountsAtMonthEndAndUndatedRowsAreDropped() {
        let rows: [Observation] = [
            .make(point: 1, published: "2026-01", id: "month"),
            .make(point: 2, published: nil, id: "undated"),
        ]
        #expect(VintageSelection.latest(rows, asOf: CalendarDate("2026-01-30")).isEmpty)
        #expect(VintageSelection.latest(rows, asOf: CalendarDate("2026-01-31")).map(\.id) == ["month"])
        #expect(VintageSelection.latest(rows, asOf: nil).map(\.id) == ["month"])
    }

    /// A month-only date is a span: a repost dated `2026-02` does not displace the release of
    /// 2026-02-02 (it cannot be shown to be later), in either dataset order; a month-only row from a
    /// later month still wins, and a day-dated row outside the span is compared as before.
    @Test func coarseDateWinsOnlyWhenCertainlyLater() {
        let release = Observation.make(low: 90, high: 95, kind: .revisedForecast, published: "2026-02-02", id: "release")
        let repost = Observation.make(point: 90, kind: .revisedForecast, published: "2026-02", id: "repost")
        #expect(VintageSelection.latest([release, repost], asOf: nil).map(\.id) == ["release"])
        #expect(VintageSelection.latest([repost, release], asOf: nil).map(\.id) == ["release"])
        let march = Observation.make(point: 80, kind: .forecast, published: "2026-03", id: "march")
        #expect(VintageSelection.latest([release, march], asOf: nil).map(\.id) == ["march"])
        let january = Observation.make(point: 50, kind: .forecast, published: "2026-01-05", id: "january")
        #expect(VintageSelection.latest([repost, january], asOf: nil).map(\.id) == ["repost"])
        // Before the month's end only the release is known.
        #expect(VintageSelection.latest([repost, release], asOf: CalendarDate("2026-02-27")).map(\.id) == ["release"])
    }

    @Test func lowReliabilityOnlyWhenNothingElse() {
        let doubtful = Observation.make(point: 32, kind: .estimate, published: "2026-01-20", reliability: "low", id: "low")
        let solid = Observation.make(low: 45, high: 50, kind: .estimate, published: "2026-01-10", id: "ok")
        #expect(VintageSelection.latest([solid, doubtful], asOf: nil).map(\.id) == ["ok"])
        #expect(VintageSelection.latest([doubtful], asOf: nil).map(\.id) == ["low"])
    }

    @Test func tiesKeepDatasetOrder() {
        let rows: [Observation] = [
            .make(point: 90, kind: .revisedForecast, published: "2026-02-02", id: "first"),
            .make(low: 88, high: 93, kind: .revisedForecast, published: "2026-02-02", id: "second"),
        ]
        #expect(VintageSelection.latest(rows, asOf: nil).map(\.id) == ["first"])
    }

    /// Per publisher, each tracker keeps its own latest 2026 shipment call (handset_market).
    @Test func perPublisherKeepsEachTrackersLatestCall() throws {
        let rows = try TestPaths.catalog().observations("handset_market").filter {
            $0.series == "forecast_revision" && $0.entity == "global" && $0.region == "global"
                && $0.periodText == "2026" && $0.metric == "yoy_pct"
        }
        let asOf = CalendarDate("2026-02-01")
        let pooled = VintageSelection.latest(rows, asOf: asOf)
        #expect(pooled.count == 1)
        #expect(pooled.first?.point == -6.1 && pooled.first?.publisher == "Counterpoint")  // 2026-01-28, the seed's figure
        let byTracker = VintageSelection.latest(rows, asOf: asOf, perPublisher: true)
        let calls = Dictionary(uniqueKeysWithValues: byTracker.map { ($0.publisher, $0.point) })
        #expect(calls["Counterpoint"] == -6.1)
        #expect(calls["IDC"] == -0.9)
        #expect(calls["DIGITIMES"] == -1.6)
    }

    @Test func separatesPeriodsAndSeries() {
        let rows: [Observation] = [
            .make(period: "2025Q4", point: 1, published: "2025-10-01", id: "a"),
            .make(period: "2026Q1", point: 2, published: "2025-10-01", id: "b"),
            .make(period: "2026Q1", point: 3, published: "2025-10-01", series: "nand", id: "c"),
        ]
        #expect(VintageSelection.latest(rows, asOf: nil).map(\.id) == ["a", "b", "c"])
    }
}

@Suite struct ObservationTests {
    @Test func valueIsPointElseMidpointElseOneBound() {
        #expect(Observation.make(low: 55, high: 60, published: "2026").value == 57.5)
        #expect(Observation.make(low: 1, high: 3, point: 7, published: "2026").value == 7)
        let over = Observation.make(low: 40, published: "2026")
        #expect(over.value == 40 && over.isOneSided && over.valueText == ">40")
        let under = Observation.make(high: -10, published: "2026")
        #expect(under.value == -10 && under.isOneSided && under.valueText == "<-10")
        #expect(Observation.make(published: "2026").value == nil)
    }
}
