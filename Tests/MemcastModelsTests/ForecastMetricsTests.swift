import Testing
@testable import MemcastModels

/// Metric formulas against cases computed by hand (the arithmetic is in each comment).
@Suite struct ForecastMetricsTests {
    /// y = (10, −5, 0), ŷ = (8, −5, 3): e = (2, 0, −3).
    /// MAE = 5/3; RMSE = √(13/3); bias = mean(ŷ − y) = (−2 + 0 + 3)/3 = 1/3; MAPE undefined (y₃ = 0).
    @Test func pointMetrics() {
        let m = ForecastMetrics.of(actual: [10, -5, 0], forecast: [8, -5, 3])
        #expect(m.count == 3)
        #expect(abs(m.mae - 5.0 / 3) < 1e-15)
        #expect(abs(m.rmse - (13.0 / 3).squareRoot()) < 1e-15)
        #expect(abs(m.bias - 1.0 / 3) < 1e-15)
        #expect(m.mapePct == nil && m.mapeZeroActuals == 1)
        #expect(m.mase == nil && m.maseUndefinedScales == 3)
        #expect(m.coverage90 == nil && m.winkler90 == nil && m.pinball == nil && m.intervalCount == 0)
    }

    /// y = (4, −2), ŷ = (3, −3): |e/y| = 1/4, 1/2 → MAPE = 100·(0.75/2) = 37.5%.
    @Test func mapeWhenDefined() {
        let m = ForecastMetrics.of(actual: [4, -2], forecast: [3, -3])
        #expect(m.mapePct == 37.5)
        #expect(m.mapeZeroActuals == 0)
    }

    /// |e| = (1, 1, 3) with scales (2, undefined, 0): only the first pair has a usable
    /// scale (0 is undefined) → MASE = 1/2 over one pair, two undefined.
    @Test func maseSkipsUndefinedScales() {
        let m = ForecastMetrics.of(actual: [1, 1, 1], forecast: [0, 2, 4], scales: [2, nil, 0])
        #expect(m.mase == 0.5)
        #expect(m.maseUndefinedScales == 2)
        #expect(abs(m.mae - 5.0 / 3) < 1e-15)
    }

    /// Winkler, [0, 10], α = 0.1: inside 10; y = 12 → 10 + 20·2 = 50; y = −1 → 10 + 20·1 = 30.
    @Test func winkler() {
        #expect(ForecastMetrics.winklerScore(lower: 0, upper: 10, actual: 5) == 10)
        #expect(ForecastMetrics.winklerScore(lower: 0, upper: 10, actual: 12) == 50)
        #expect(ForecastMetrics.winklerScore(lower: 0, upper: 10, actual: -1) == 30)
    }

    /// Pinball at τ = 0.95, q = 10: y = 12 → 0.95·2 = 1.9; y = 8 → 0.05·2 = 0.1; y = q → 0.
    @Test func pinball() {
        #expect(abs(ForecastMetrics.pinballLoss(quantile: 10, level: 0.95, actual: 12) - 1.9) < 1e-15)
        #expect(abs(ForecastMetrics.pinballLoss(quantile: 10, level: 0.95, actual: 8) - 0.1) < 1e-15)
        #expect(ForecastMetrics.pinballLoss(quantile: 10, level: 0.5, actual: 10) == 0)
    }

    /// Quantiles (0, 5, 10) for y = 12 and y = 5.
    /// y = 12: outside; Winkler 50; pinball (0.05·12 + 0.5·7 + 0.95·2)/3 = (0.6 + 3.5 + 1.9)/3 = 2.
    /// y = 5: inside; Winkler 10; pinball (0.05·5 + 0 + 0.05·5)/3 = 0.5/3.
    /// Means: coverage 1/2, Winkler 30, pinball (2 + 1/6)/2 = 13/12.
    @Test func intervalScores() {
        let q = QuantileSummary(p05: 0, p50: 5, p95: 10)
        let m = ForecastMetrics.of(actual: [12, 5], forecast: [5, 5], quantiles: [q, q])
        #expect(m.intervalCount == 2)
        #expect(m.coverage90 == 0.5)
        #expect(m.winkler90 == 30)
        #expect(abs(m.pinball! - 13.0 / 12) < 1e-15)
    }

    /// Pairs without quantiles count for point metrics only.
    @Test func intervalsOnlyWhereGiven() {
        let q = QuantileSummary(p05: 0, p50: 5, p95: 10)
        let m = ForecastMetrics.of(actual: [5, 5], forecast: [5, 6], quantiles: [q, nil])
        #expect(m.count == 2 && m.intervalCount == 1 && m.coverage90 == 1)
    }

    /// Merging two accumulators equals adding every pair to one.
    @Test func mergeEqualsSequential() {
        let ys: [Double] = [1, -2, 3.5, 0, 7], fs: [Double] = [0.5, -1, 3, 1, 9]
        var whole = ForecastMetricsAccumulator(), a = ForecastMetricsAccumulator(), b = ForecastMetricsAccumulator()
        for i in ys.indices {
            whole.add(actual: ys[i], forecast: fs[i], scale: 2)
            if i < 2 { a.add(actual: ys[i], forecast: fs[i], scale: 2) } else { b.add(actual: ys[i], forecast: fs[i], scale: 2) }
        }
        a.merge(b)
        #expect(a.metrics == whole.metrics)
    }

    /// No pairs: NaN point metrics, nil everything optional.
    @Test func empty() {
        let m = ForecastMetricsAccumulator().metrics
        #expect(m.count == 0 && m.mae.isNaN && m.rmse.isNaN && m.bias.isNaN)
        #expect(m.mapePct == nil && m.mase == nil && m.coverage90 == nil)
    }

    /// [1, 3, 2, 6]: |Δ| = 2, 1, 4 → 7/3; lag 2: |2 − 1|, |6 − 3| → 2. Constant or one value → undefined.
    @Test func naiveScale() {
        #expect(ForecastMetrics.naiveScale([1, 3, 2, 6]) == 7.0 / 3)
        #expect(ForecastMetrics.naiveScale([1, 3, 2, 6], seasonalPeriod: 2) == 2)
        #expect(ForecastMetrics.naiveScale([4, 4, 4]) == nil)
        #expect(ForecastMetrics.naiveScale([4]) == nil)
    }
}
