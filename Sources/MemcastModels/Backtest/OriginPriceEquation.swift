import Foundation
import MemcastData

/// The forecast chain's Stage 1 price equation as it would have been at a backtest origin:
/// estimated on what was published by the origin date, then projected from the stage's own
/// recent changes.
///
///     ℓₜ = α + β·ℓₜ₋₁ + δ·Rₜ₋₁ + γ·gap_y(t) + σ·zₜ    (log points, see `SupplyDemandPriceModel`)
///
/// Fit: exactly the chain's (`ForecastInputs.build` without a scenario): one equation pooled
/// over the conventional DRAM and NAND contract indexes and the realized DDR4 contract price
/// levels as of the origin date (`PriceEquationEstimator.pooledRows`), with each
/// family's published bit demand − supply gaps, by `PriceEquationEstimator` (sign-restricted
/// least squares, covariance of the coefficients). Before enough runs of five known quarters
/// exist (7 rows) the model is unavailable at that origin.
///
/// Projection: like the chain's Monte Carlo engine (`ForecastEngine`), `draws` draws, each
/// with a residual SD σ² = σ̂²·ν/χ²_ν (σ̂ the RMS of the equation's recursive residuals as of the origin,
/// s while it has fewer than 8) and coefficients from the fit's covariance scaled by σ/σ̂
/// (`PriceModelFit.draw`; the χ² from `SplitMix64.varianceStream`), each year's gap
/// uniform in its published range (a year without one takes the nearest earlier year's,
/// none → 0), and a shock σ·z per quarter, iterated from the four quarters up to the last known
/// one (a quarter without a figure counts as 0 in the momentum terms, as in the chain). The
/// point forecast is the median of the draws and the interval their p05–p95, numpy-linear
/// quantiles. Draws are seeded by the origin, so runs are reproducible.
///
/// Carry: the k-th projected quarter (k = 1 the quarter after the last known one) takes the weight
/// `UnpublishedPrices.expectedChangeWeight(step: k)` on the equation's expected change, as the chain does
/// after the last published call: `model` projects every quarter, `model_then_flat` only the first (later
/// ones are the shock around a flat price). The draws are the same for every carry.
///
/// Shocks: `shocks` = `by_horizon` multiplies the k-th projected quarter's shock by cₖ (`PriceModelFit.HorizonScale`,
/// k counted as the carry's), as the scenario option of that name does in the chain.
///
/// Calls: given the trackers' calls published by the origin date (`calls`), a projected quarter with one
/// takes it, drawn as the chain draws a published call (uniformly over its range, plus the tracker's past misses
/// as of the origin date when it has enough, `CallMisses` and `CallMissDraws`), and the carry's k counts
/// from the last called quarter, as the chain's does (`ForecastInputs.unpublishedStep`). Without calls k
/// counts from the last known quarter.
enum OriginPriceEquation {
    static let draws = 1000

    struct Failure: Error { var reason: String; init(_ r: String) { reason = r } }

    /// The chain's pooled price equation on what was published by `asOf`.
    static func chainFit(prices: [Observation], supply: [Observation], asOf: CalendarDate) -> Result<PriceModelFit, Failure> {
        var gaps: [MemoryKind: [Int: ValueRange]] = [:]
        for k in MemoryKind.allCases { gaps[k] = ForecastInputs.publishedGaps(supply, entity: k.rawValue, asOf: asOf) }
        let rows = PriceEquationEstimator.pooledRows(prices: prices, asOf: asOf, gaps: gaps)
        do {
            return .success(try PriceEquationEstimator.fit(kind: .dram, rows: rows))
        } catch is ForecastError {
            return .failure(Failure("the chain's price equation needs 7 quarters with the four before them known "
                                    + "(conventional DRAM, NAND and DDR4 contract levels pooled)"))
        } catch {
            return .failure(Failure("the chain's price equation could not be fitted: \(error)"))
        }
    }

    /// Forecasts of `targets` from the last known quarter of `history`.
    static func forecast(_ fit: PriceModelFit, history: QuarterlySeries, gaps: [Int: ValueRange], targets: [Period],
                         seed: UInt64, carry: UnpublishedPrices = .model, shocks: PriceShockScale = .oneStep,
                         calls: [Period: PriceChangeRange] = [:]) -> [PointForecast?] {
        guard let last = history.last, let end = targets.max(), end > last.quarter else { return targets.map { _ in nil } }
        let steps = last.quarter.advanced(by: 1).quarters(through: end)
        // k of `UnpublishedPrices.expectedChangeWeight` for step s: 0 up to the last called quarter.
        let lastCalled = steps.lastIndex { calls[$0] != nil }
        func unpublishedStep(_ s: Int) -> Int { lastCalled.map { Swift.max(s - $0, 0) } ?? s + 1 }
        let lastFour = (0..<4).map { history.value(at: last.quarter.advanced(by: $0 - 3)) ?? 0 }
        let years = Array(Set(steps.map(\.year))).sorted()
        let yearRanges = years.map { ForecastEngine.gap(gaps, year: $0) ?? ValueRange(point: 0) }
        let slot = Dictionary(uniqueKeysWithValues: targets.enumerated().compactMap { i, t in
            steps.firstIndex(of: t).map { ($0, i) }
        })
        var values = Array(repeating: [Double](repeating: 0, count: draws), count: targets.count)
        for d in 0..<draws {
            var rng = SplitMix64.stream(seed: seed, index: UInt64(d))
            var sigmaRNG = SplitMix64.varianceStream(seed: seed, index: UInt64(d))
            let model = fit.draw([rng.nextNormal(), rng.nextNormal(), rng.nextNormal(), rng.nextNormal()],
                                 chiSquare: fit.drawChiSquare(&sigmaRNG))
            let yearGap = yearRanges.map { $0.low + rng.nextUniform() * ($0.high - $0.low) }
            var missDraws = CallMissDraws(seed: seed, draw: d)
            var four = lastFour
            for (s, q) in steps.enumerated() {
                let c = calls[q].map { missDraws.changePct($0, u: rng.nextUniform()) }
                    ?? model.projectedChangePct(lastFourPct: four, gapPP: yearGap[years.firstIndex(of: q.year)!],
                                                shock: shocks.factor(fit, step: unpublishedStep(s)) * rng.nextNormal(),
                                                expectedChangeWeight: carry.expectedChangeWeight(step: unpublishedStep(s)))
                four[0] = four[1]; four[1] = four[2]; four[2] = four[3]; four[3] = c
                if let i = slot[s] { values[i][d] = c }
            }
        }
        return targets.indices.map { i in
            guard slot.values.contains(i) else { return nil }
            let q = QuantileSummary(draws: values[i])
            return PointForecast(point: q.p50, quantiles: q)
        }
    }

    /// A reproducible seed per origin quarter.
    static func seed(origin: Period) -> UInt64 {
        UInt64(origin.year * 4 + origin.quarterNumber) &* 0x9E37_79B9_7F4A_7C15
    }
}
