import Foundation
import Testing
@testable import MemcastData
@testable import MemcastModels

/// A tracker call's miss spread (`CallMisses`): which calls and realizations count, s, the draw, and the
/// backtest's and forecast's use of it — on hand-made rows with hand-computed values, and the embedded data.
@Suite struct CallMissesTests {
    static func row(_ quarter: String, series: String = "conventional_dram", kind: Observation.Kind, point: Double? = nil,
                    low: Double? = nil, high: Double? = nil, published: String, publisher: String = "TrendForce",
                    reliability: String = "normal") -> Observation {
        Observation(dataset: "memory_prices", id: "\(series)\(quarter)\(published)\(kind)", series: series, market: "contract",
                    product: "", entity: "industry", region: "", period: Period(quarter), periodText: quarter, metric: "qoq_pct",
                    low: low, high: high, point: point, unit: "pct", kind: kind, published: PublicationDate(published),
                    publisher: publisher, sourceURL: "u", provenance: "published", method: "", note: "", reliability: reliability,
                    origin: "test")
    }
    static func lp(_ p: Double) -> Double { 100 * log(1 + p / 100) }

    /// Six quarters called at +10% (point calls) and realized at +10% + 10·(−1)ⁱ: misses ℓ(realized) − ℓ(10).
    static func sixCalls() -> [Observation] {
        (0..<6).flatMap { i -> [Observation] in
            let q = "2020Q\(i % 4 + 1)".replacingOccurrences(of: "2020", with: String(2020 + i / 4))
            let y = 2020 + i / 4, m = (i % 4) * 3 + 1
            return [row(q, kind: .forecast, point: 10, published: String(format: "%d-%02d-01", y, m)),
                    row(q, kind: .estimate, point: i % 2 == 0 ? 20 : 0, published: String(format: "%d-%02d-28", y, m + 2))]
        }
    }

    /// The misses: ℓ(20) − ℓ(10) = 8.70 and ℓ(0) − ℓ(10) = −9.53, three each; MS = (8.70² + 9.53²)/2.
    @Test func missesOfRealizedCalls() throws {
        let s = try #require(CallMisses.spread(prices: Self.sixCalls(), tracker: "TrendForce", asOf: CalendarDate("2022-01-01")))
        let up = Self.lp(20) - Self.lp(10), down = Self.lp(0) - Self.lp(10)
        #expect(s.count == 6)
        #expect(abs(s.missesLP[0] - up) < 1e-12 && abs(s.missesLP[1] - down) < 1e-12)
        #expect(abs(s.meanSquareLP - (up * up + down * down) / 2) < 1e-9)
        // A point call has no width: s = √MS.
        #expect(abs(s.sdLP(lowPct: 10, highPct: 10) - s.rmsLP) < 1e-12)
    }

    /// What does not count: another tracker's calls, a repost of the same range, a call published after its quarter
    /// ended, a low-reliability row, a realization published after --as-of or of a quarter not ended by it; and with
    /// fewer than six misses there is no spread.
    @Test func whatCountsAndTheFallback() throws {
        var rows = Self.sixCalls()
        let asOf = CalendarDate("2022-01-01")
        rows.append(Self.row("2021Q2", kind: .forecast, point: 30, published: "2021-04-01", publisher: "Micron"))
        rows.append(Self.row("2021Q2", kind: .forecast, point: 10, published: "2021-04-05", publisher: "Evertiq (TrendForce)"))
        rows.append(Self.row("2021Q2", kind: .revisedForecast, point: 5, published: "2021-07-02"))
        rows.append(Self.row("2021Q3", kind: .forecast, point: 5, published: "2021-07-02", reliability: "low"))
        rows.append(Self.row("2021Q4", kind: .forecast, point: 5, published: "2021-10-02"))
        rows.append(Self.row("2021Q4", kind: .estimate, point: 0, published: "2022-02-01"))
        #expect(CallMisses.misses(prices: rows, tracker: "TrendForce", asOf: asOf).count == 6)
        #expect(CallMisses.misses(prices: rows, tracker: "Micron", asOf: asOf).count == 1)
        // As of mid-2021 only the 2020 quarters and 2021Q1 are realized: five misses, no spread.
        #expect(CallMisses.misses(prices: rows, tracker: "TrendForce", asOf: CalendarDate("2021-06-29")).count == 5)
        #expect(CallMisses.spread(prices: rows, tracker: "TrendForce", asOf: CalendarDate("2021-06-29")) == nil)
        // A realization of a quarter under way is not one yet (as of 2022-02-15 2021Q4's estimate is out: 7, not 8).
        let early = [Self.row("2022Q1", kind: .forecast, point: 5, published: "2022-01-02"),
                     Self.row("2022Q1", kind: .estimate, point: 0, published: "2022-02-01")]
        #expect(CallMisses.misses(prices: rows + early, tracker: "TrendForce", asOf: CalendarDate("2022-02-15")).count == 7)
    }

    /// s subtracts the range's own variance: misses ±10 (MS = 100) and a call +90…+95% (w = ℓ(95) − ℓ(90) = 2.598 lp)
    /// give s = √(100 − 2.598²/12) = 9.972; a draw at u = ½, z = 1 is ℓ(92.5) + 9.972 = 75.464 lp, +112.69%.
    /// With MS below w²/12, s = 0 and the draw is the uniform one.
    @Test func theDraw() throws {
        let m = CallMissSpread(tracker: "TrendForce", missesLP: [10, -10, 10, -10, 10, -10])
        var call = PriceChangeRange(lowPct: 90, highPct: 95, origin: .published(publisher: "TrendForce", date: "2026-02-02"))
        #expect(call.drawnChangePct(u: 0.5, z: 1) == 92.5)            // no spread: uniform, z unused
        call.callMiss = m
        let w = Self.lp(95) - Self.lp(90)
        #expect(abs(m.sdLP(lowPct: 90, highPct: 95) - (100 - w * w / 12).squareRoot()) < 1e-12)
        #expect(abs(m.sdLP(lowPct: 90, highPct: 95) - 9.9718) < 1e-4)
        #expect(abs(call.drawnChangePct(u: 0.5, z: 1) - 112.6855) < 1e-3)
        #expect(call.drawnChangePct(u: 0, z: -100) == SupplyDemandPriceModel.floorPct)
        let tiny = CallMissSpread(tracker: "TrendForce", missesLP: Array(repeating: 0.1, count: 6))
        var wide = PriceChangeRange(lowPct: 0, highPct: 50, origin: call.origin)
        wide.callMiss = tiny
        #expect(tiny.sdLP(lowPct: 0, highPct: 50) == 0)
        #expect(wide.drawnChangePct(u: 0.25, z: 3) == 12.5)
    }

    /// The backtest's calls_then_* path draws a call with its spread: a point call +20% with misses ±10 lp gives
    /// ℓ ~ N(ℓ(20), 10²), so p05/p50/p95 near 100·(e^{(18.23 ∓ 16.45)/100} − 1) = −1.4/+20/+41.4 (1,000 draws);
    /// without the spread the draws are exactly the call.
    @Test func backtestCallsCarryTheSpread() throws {
        let f = PriceModelFit(kind: .dram, model: SupplyDemandPriceModel(interceptPct: 2, momentum: 0.5, gapCoefficient: 0,
                                                                         residualSDPct: 0),
                              samplingFactor: Array(repeating: [0, 0, 0, 0], count: 4), observations: 10, rSquared: 0, note: "")
        let h = QuarterlySeries([Period("2020Q1")!: 1, Period("2020Q2")!: 2, Period("2020Q3")!: 3, Period("2020Q4")!: 10])
        let t = Period("2021Q1")!
        var call = PriceChangeRange(lowPct: 20, highPct: 20, origin: .published(publisher: "TrendForce", date: "2020-12-20"))
        let plain = try #require(OriginPriceEquation.forecast(f, history: h, gaps: [:], targets: [t], seed: 1, calls: [t: call])[0]?.quantiles)
        #expect(plain.p05 == 20 && plain.p95 == 20)
        call.callMiss = CallMissSpread(tracker: "TrendForce", missesLP: [10, -10, 10, -10, 10, -10])
        let q = try #require(OriginPriceEquation.forecast(f, history: h, gaps: [:], targets: [t], seed: 1, calls: [t: call])[0]?.quantiles)
        let c = Self.lp(20), z = 1.6449
        #expect(abs(q.p50 - 20) < 1.5)
        #expect(abs(q.p05 - 100 * (exp((c - 10 * z) / 100) - 1)) < 2.5)
        #expect(abs(q.p95 - 100 * (exp((c + 10 * z) / 100) - 1)) < 2.5)
    }

    /// The DDR4 backtest's calls carry TrendForce's spread as of the origin date (pc_dram calls realized by the DDR4
    /// levels among its misses), and none before six calls were realized.
    @Test func ddr4StageCallsCarryTheSpreadAsOfTheOrigin() throws {
        let data = try BacktestStagesTests.data()
        let stage = try #require(BacktestSuite.stages(data).first { $0.name == "ddr4_contract" } as? ContractPriceStage)
        let late = stage.publishedCalls(asOf: CalendarDate("2024-09-30")!)
        let spread = try #require(late.values.first?.callMiss)
        #expect(late.values.allSatisfy { $0.callMiss == spread })
        #expect(spread == CallMisses.spread(prices: data.memoryPrices, tracker: "TrendForce", asOf: CalendarDate("2024-09-30")))
        #expect(spread.count >= CallMisses.minimumMisses)
        #expect(stage.publishedCalls(asOf: CalendarDate("2018-06-30")!).values.allSatisfy { $0.callMiss == nil })
    }

    /// The forecast: quarters from TrendForce's forecast-kind calls carry the spread, those from an estimate or actual
    /// row (DRAM 2025Q4, realized +45…50%) do not, and the notes say which quarters carry it.
    @Test func forecastInputsCarryTheSpreadOnCallsOnly() throws {
        let inputs = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: nil)
        let dram = try #require(inputs.priceInputs[.dram])
        #expect(dram[Period("2025Q4")!]?.callMiss == nil)
        let q1 = try #require(dram[Period("2026Q1")!])
        let m = try #require(q1.callMiss)
        #expect(m.tracker == "TrendForce" && m.count >= CallMisses.minimumMisses)
        #expect(inputs.notes.contains { $0.hasPrefix("prices: TrendForce's calls (") && $0.contains("dram 2026Q1") && $0.contains("\(m.count) misses") })
        // A scenario pin replaces the call and its spread.
        let catalog = try Repo.catalog()
        let shock = try ScenarioStore(datasetsDirectory: catalog.embeddedDirectory).load("2026-memory-shock")
        let pinned = try ForecastInputs.build(catalog: catalog, scenario: shock, asOf: nil)
        #expect(pinned.priceInputs[.dram]?[Period("2026Q1")!]?.callMiss == nil)
    }
}
