import Testing
import MemcastData
@testable import MemcastModels

/// Baseline forecasts and their intervals, computed by hand (FPP3 §5.5 formulas).
@Suite struct BaselinesTests {
    static func q(_ s: String) -> Period { Period(quarterText: s)! }
    static func series(_ pairs: [(String, Double)]) -> QuarterlySeries {
        QuarterlySeries(Dictionary(uniqueKeysWithValues: pairs.map { (q($0.0), $0.1) }))
    }
    static let z = PointForecast.z95

    /// History 10, 12, 11 (2020Q1–Q3). Naive: 11; σ̂ = √((2² + 1²)/2) = √2.5; σₕ = σ̂·√h.
    @Test func naive() throws {
        let h = Self.series([("2020Q1", 10), ("2020Q2", 12), ("2020Q3", 11)])
        let f1 = try #require(Baseline.naive.forecast(history: h, target: Self.q("2020Q4")))
        #expect(f1.point == 11)
        #expect(abs(f1.quantiles!.p95 - (11 + Self.z * 2.5.squareRoot())) < 1e-12)
        let f2 = try #require(Baseline.naive.forecast(history: h, target: Self.q("2021Q1")))
        #expect(abs(f2.quantiles!.p05 - (11 - Self.z * 5.0.squareRoot())) < 1e-12)   // √2.5·√2 = √5
    }

    /// No change (for a series of price changes): 0 at every h; σ̂ = √((10² + (−20)² + 5²)/3) = √175,
    /// the same at h = 2 (each target is one quarter's change).
    @Test func noChange() throws {
        let h = Self.series([("2020Q1", 10), ("2020Q2", -20), ("2020Q3", 5)])
        let f1 = try #require(Baseline.noChange.forecast(history: h, target: Self.q("2020Q4")))
        #expect(f1.point == 0)
        #expect(abs(f1.quantiles!.p95 - Self.z * 175.0.squareRoot()) < 1e-12)
        let f2 = try #require(Baseline.noChange.forecast(history: h, target: Self.q("2021Q1")))
        #expect(f2 == f1)
    }

    /// Drift: slope (11 − 10)/2 = 0.5 → 11.5 at h = 1, 12 at h = 2.
    /// σ̂² = ((2 − 0.5)² + (−1 − 0.5)²)/(2 − 1) = 4.5; σ₁ = √(4.5·1·(1 + 1/2)) = √6.75.
    @Test func drift() throws {
        let h = Self.series([("2020Q1", 10), ("2020Q2", 12), ("2020Q3", 11)])
        let f1 = try #require(Baseline.drift.forecast(history: h, target: Self.q("2020Q4")))
        #expect(f1.point == 11.5)
        #expect(abs(f1.quantiles!.p95 - (11.5 + Self.z * 6.75.squareRoot())) < 1e-12)
        #expect(Baseline.drift.forecast(history: h, target: Self.q("2021Q1"))?.point == 12)
        // One value: no drift.
        #expect(Baseline.drift.forecast(history: Self.series([("2020Q1", 3)]), target: Self.q("2020Q2")) == nil)
    }

    /// Seasonal naive over 2019Q1–2020Q2 (values 1…6): 2020Q3 ← 2019Q3 (k = 1);
    /// 2021Q1 ← 2020Q1 (k = 1); 2021Q3 ← 2019Q3 (k = 2, two years back).
    /// σ̂ from lag-4 changes (5 − 1, 6 − 2) = 4 → σₖ = 4·√k.
    @Test func seasonalNaive() throws {
        let h = Self.series([("2019Q1", 1), ("2019Q2", 2), ("2019Q3", 3), ("2019Q4", 4), ("2020Q1", 5), ("2020Q2", 6)])
        #expect(Baseline.seasonalNaive.forecast(history: h, target: Self.q("2020Q3"))?.point == 3)
        #expect(Baseline.seasonalNaive.forecast(history: h, target: Self.q("2021Q1"))?.point == 5)
        let f = try #require(Baseline.seasonalNaive.forecast(history: h, target: Self.q("2021Q3")))
        #expect(f.point == 3)
        #expect(abs(f.quantiles!.p95 - (3 + Self.z * 4 * 2.0.squareRoot())) < 1e-12)
    }

    /// Gaps: the seasonal value is taken from the latest year that has it; none → nil.
    @Test func seasonalNaiveWithGaps() {
        let h = Self.series([("2018Q3", 7), ("2019Q1", 1), ("2020Q2", 6)])
        #expect(Baseline.seasonalNaive.forecast(history: h, target: Self.q("2020Q3"))?.point == 7)
        #expect(Baseline.seasonalNaive.forecast(history: h, target: Self.q("2020Q4")) == nil)
    }

    /// Quarters without a one-quarter neighbour give no σ̂: a point, no interval; the
    /// horizon runs from the last known quarter.
    @Test func gappyHistoryHasNoInterval() throws {
        let h = Self.series([("2020Q1", 10), ("2020Q3", 14)])
        let f = try #require(Baseline.naive.forecast(history: h, target: Self.q("2020Q4")))
        #expect(f.point == 14 && f.quantiles == nil)
        #expect(Baseline.drift.forecast(history: h, target: Self.q("2020Q4"))?.point == 16)   // slope 2 per quarter
    }

    @Test func noForecastOfThePast() {
        let h = Self.series([("2020Q1", 10), ("2020Q2", 12)])
        #expect(Baseline.naive.forecast(history: h, target: Self.q("2020Q2")) == nil)
        #expect(Baseline.naive.forecast(history: .empty, target: Self.q("2020Q2")) == nil)
    }
}
