import Testing
import Foundation
@testable import MemcastData
@testable import MemcastModels

/// `PriceEquationEstimator.recursiveResiduals`: eₜ = ℓₜ − x̂ₜ(b̂ from every row of an earlier quarter), for rows
/// whose window holds at least m = 12 rows; and `PriceModelFit.PredictiveScale`, their RMS σ_oos and count.
@Suite struct RecursiveResidualsTests {
    typealias Row = PriceEquationEstimator.Row

    /// An exact equation (ℓₜ = 1 + 0.5·ℓₜ₋₁ − 0.1·Rₜ₋₁, no gap) is fitted exactly by every window, so its
    /// one-step errors are 0; moving the last row by +5 log points makes its error exactly +5 (its window does
    /// not hold it). 14 rows, one a quarter: windows of 12 and 13 rows predict rows 13 and 14 only.
    @Test func anExactEquationMissesOnlyWhatWasAddedAfterTheWindow() throws {
        var rows = PriceEquationEstimatorTests.generated(count: 14, gamma: 0, gapRows: 0)
        rows[13].changePct = SupplyDemandPriceModel.percent(logPoints: SupplyDemandPriceModel.logPoints(rows[13].changePct) + 5)
        let e = PriceEquationEstimator.recursiveResiduals(rows: rows)
        #expect(e.map(\.quarter) == [rows[12].quarter, rows[13].quarter])
        #expect(e.map(\.windowRows) == [12, 13])
        #expect(abs(e[0].residualLP) < 1e-8, "\(e[0])")
        #expect(abs(e[1].residualLP - 5) < 1e-8, "\(e[1])")
    }

    /// Rows of one quarter share a window: the 14 rows given twice (two sources of the same quarters) give
    /// quarter k (0-based) a window of 2k rows, so quarters 6…13 qualify (2k ≥ 12), two errors each, all 0.
    @Test func rowsOfOneQuarterShareAWindow() throws {
        let rows = PriceEquationEstimatorTests.generated(count: 14, gamma: 0, gapRows: 0)
        let e = PriceEquationEstimator.recursiveResiduals(rows: rows + rows)
        #expect(e.count == 16)
        #expect(e.map(\.windowRows) == (6...13).flatMap { [2 * $0, 2 * $0] })
        #expect(e.allSatisfy { abs($0.residualLP) < 1e-8 })
    }

    /// With γ = 0.8 estimated, a row without a gap cannot be predicted and is skipped: of 16 rows whose last
    /// two carry no gap, only rows 13 and 14 (windows 12 and 13, all with a gap) give errors.
    @Test func aRowWithoutAGapIsSkippedWhenTheWindowUsesTheGap() throws {
        let rows = PriceEquationEstimatorTests.generated(count: 16, gamma: 0.8, gapRows: 14)
        let e = PriceEquationEstimator.recursiveResiduals(rows: rows)
        #expect(e.map(\.windowRows) == [12, 13])
        #expect(e.allSatisfy { abs($0.residualLP) < 1e-8 })
    }

    /// Reference: Fixtures/make_recursive_residuals.py (numpy lstsq on windows of rows 4…t−1 of a noisy
    /// 20-quarter log-point series, no gap; no window's estimate reaches a sign bound, so plain OLS is the
    /// estimator's). Errors of rows 16…19 and their RMS, to 1e-9 log points (percent round trips lose ~1e-13).
    @Test func noisySeriesMatchesNumpy() throws {
        let l: [Double] = [5, -3, 8, 2, 6.5, 1, -4, 9, 12, 3.5, -7, -2, 4, 10, 6, -5, -9, 3, 14, 1.5]
        let pct = { SupplyDemandPriceModel.percent(logPoints: $0) }
        let rows = (4..<l.count).map { t in
            Row(quarter: Period(year: 2010 + (t - 4) / 4, quarter: (t - 4) % 4 + 1), changePct: pct(l[t]),
                lastFourPct: l[(t - 4)..<t].map(pct), gapPP: nil)
        }
        let e = PriceEquationEstimator.recursiveResiduals(rows: rows)
        let want = [-7.814112945798, -2.236640296381, -0.394730658660, -11.552579239103]
        #expect(e.map(\.windowRows) == [12, 13, 14, 15])
        for (a, b) in zip(e, want) { #expect(abs(a.residualLP - b) < 1e-9, "\(a) vs \(b)") }
        // Four errors are fewer than the 8 σ_oos needs; repeated twice they give the same RMS, 7.065423205897.
        #expect(PriceModelFit.PredictiveScale(recursiveResiduals: e) == nil)
        let s = try #require(PriceModelFit.PredictiveScale(recursiveResiduals: e + e))
        #expect(abs(s.sdPct - 7.065423205897) < 1e-9 && s.count == 8)
    }

    /// σ_oos = √(Σe²/m): errors 3, −4, 12 and five zeros → √(169/8) = 4.5962; all zeros give none.
    @Test func predictiveScaleIsTheRootMeanSquare() throws {
        func r(_ e: [Double]) -> [PriceEquationEstimator.RecursiveResidual] {
            e.map { .init(quarter: Period(year: 2020, quarter: 1), windowRows: 12, residualLP: $0) }
        }
        let s = try #require(PriceModelFit.PredictiveScale(recursiveResiduals: r([3, -4, 12, 0, 0, 0, 0, 0])))
        #expect(abs(s.sdPct - (169.0 / 8).squareRoot()) < 1e-12 && s.count == 8)
        #expect(PriceModelFit.PredictiveScale(recursiveResiduals: r([0, 0, 0, 0, 0, 0, 0, 0])) == nil)
        #expect(PriceModelFit.PredictiveScale(recursiveResiduals: r([3, -4, 12, 1, 1, 1, 1])) == nil)
    }

    /// `fit` attaches σ_oos from its own rows' recursive residuals: the noisy exact-equation rows of
    /// `degreesOfFreedomAreTheDivisorOfTheResidualVariance` (+2, −1, −1, … log points on 20 rows) give 8 errors.
    @Test func fitCarriesTheRecursiveScale() throws {
        let rows = PriceEquationEstimatorTests.perturbed(count: 20)
        let f = try PriceEquationEstimator.fit(kind: .dram, rows: rows)
        let e = PriceEquationEstimator.recursiveResiduals(rows: rows)
        #expect(e.count == 8)
        #expect(f.predictive == PriceModelFit.PredictiveScale(recursiveResiduals: e))
        #expect(f.shockSDPct == f.predictive!.sdPct && f.varianceDegreesOfFreedom == 8)
    }
}
