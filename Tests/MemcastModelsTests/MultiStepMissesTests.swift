import Testing
import Foundation
@testable import MemcastData
@testable import MemcastModels

/// `PriceEquationEstimator.multiStepMisses` (k-step misses of the iterated equation), `PriceModelFit.HorizonScale`
/// (the step factors cₖ solved from them) and `PriceShockScale` (the scenario option that applies them).
@Suite struct MultiStepMissesTests {
    typealias Row = PriceEquationEstimator.Row
    static func pct(_ l: Double) -> Double { SupplyDemandPriceModel.percent(logPoints: l) }

    /// Reference: Fixtures/make_multistep_misses.py (numpy lstsq on the windows of make_recursive_residuals.py's
    /// series, iterated on their own expected changes). k = 1 are the recursive residuals.
    @Test func noisySeriesMatchesNumpy() throws {
        let l: [Double] = [5, -3, 8, 2, 6.5, 1, -4, 9, 12, 3.5, -7, -2, 4, 10, 6, -5, -9, 3, 14, 1.5]
        let rows = (4..<l.count).map { t in
            Row(quarter: Period(year: 2010 + (t - 4) / 4, quarter: (t - 4) % 4 + 1), changePct: Self.pct(l[t]),
                lastFourPct: l[(t - 4)..<t].map(Self.pct), gapPP: nil)
        }
        let want: [[Double]] = [[-7.814112945798, -2.236640296381, -0.394730658660, -11.552579239103],
                                [-0.365667554174, -0.130231800145, -11.534985825218],
                                [4.887794455016, -9.870923571457],
                                [-6.750459713877]]
        let e = PriceEquationEstimator.multiStepMisses(rows: rows)
        #expect(e.map(\.count) == want.map(\.count))
        for (a, b) in zip(e.joined(), want.joined()) { #expect(abs(a - b) < 1e-9, "\(a) vs \(b)") }
        #expect(e[0] == PriceEquationEstimator.recursiveResiduals(rows: rows).map(\.residualLP))
    }

    /// An exact equation is followed exactly k steps ahead; moving the last row by +5 log points makes each path
    /// that reaches it miss by 5 there (from row 12: k = 2; from row 13: k = 1).
    @Test func anExactEquationMissesOnlyTheMovedRow() {
        var rows = PriceEquationEstimatorTests.generated(count: 14, gamma: 0, gapRows: 0)
        #expect(PriceEquationEstimator.multiStepMisses(rows: rows).joined().allSatisfy { abs($0) < 1e-8 })
        rows[13].changePct = Self.pct(SupplyDemandPriceModel.logPoints(rows[13].changePct) + 5)
        let e = PriceEquationEstimator.multiStepMisses(rows: rows)
        #expect(e.map(\.count) == [2, 1, 0, 0])
        #expect(abs(e[0][0]) < 1e-8 && abs(e[0][1] - 5) < 1e-8 && abs(e[1][0] - 5) < 1e-8, "\(e)")
    }

    /// Two series over the same quarters: a path follows its own series (its successor's four previous changes
    /// are its own), so an exact equation still misses by 0 everywhere. Quarter j's window holds 2j rows, so
    /// origins j = 6…13 (two rows each) and paths up to quarter 13: 16, 14, 12, 10 misses at k = 1…4.
    @Test func aPathFollowsItsOwnSeries() {
        let a = PriceEquationEstimatorTests.generated(count: 14, gamma: 0, gapRows: 0)
        // The same equation from other starting values: ℓ = 1 + 0.5·ℓ₋₁ − 0.1·R (the generator's), so exact too.
        var l: [Double] = [-8, 12, -3, 6]
        for _ in 0..<14 { let n = l.count; l.append(1 + 0.5 * l[n - 1] - 0.1 * l[(n - 4)..<n].reduce(0, +)) }
        let b = (0..<14).map { t in
            Row(quarter: a[t].quarter, changePct: Self.pct(l[t + 4]), lastFourPct: l[t..<(t + 4)].map(Self.pct), gapPP: nil)
        }
        let e = PriceEquationEstimator.multiStepMisses(rows: a + b)
        #expect(e.map(\.count) == [16, 14, 12, 10])
        #expect(e.joined().allSatisfy { abs($0) < 1e-7 }, "\(e)")
    }

    /// ψ for β = 0.73, δ = −0.105 (the default run's equation): 1, 0.625, 0.625² − 0.105 = 0.285625,
    /// 0.625·0.285625 − 0.105·(0.625 + 1) = 0.007890625.
    @Test func impulseResponsesByHand() {
        let psi = PriceModelFit.impulseResponses(momentum: 0.73, reversion: -0.105, count: 4)
        for (a, b) in zip(psi, [1, 0.625, 0.285625, 0.007890625]) { #expect(abs(a - b) < 1e-12, "\(psi)") }
    }

    static func misses(_ rms: [Double], count: Int = 8) -> [[Double]] {
        rms.map { m in (0..<count).map { $0 % 2 == 0 ? m : -m } }
    }

    /// β = 0.5, δ = 0 (ψ = 1, 0.5, 0.25), σ_oos = 10, M = 10, 15, 20:
    /// σ₂² = 225 − 100·0.25 = 200 (c₂ = √2); σ₃² = 400 − (100·0.0625 + 200·0.25) = 343.75 (c₃ = 1.8540).
    /// Past K the last factor holds; a quarter up to the last call (k = 0) and k = 1 take 1.
    @Test func factorsSolvedStepByStep() throws {
        let m = SupplyDemandPriceModel(interceptPct: 0, momentum: 0.5, gapCoefficient: 0, residualSDPct: 10)
        let h = try #require(PriceModelFit.HorizonScale(misses: Self.misses([10, 15, 20]), oneStepSDPct: 10, model: m))
        #expect(h.counts == [8, 8, 8] && h.missRMSLP == [10, 15, 20])
        #expect(abs(h.factors[1] - 2.0.squareRoot()) < 1e-12 && abs(h.factors[2] - 3.4375.squareRoot()) < 1e-12)
        #expect(h.factor(step: 0) == 1 && h.factor(step: 1) == 1 && h.factor(step: 9) == h.factors[2])
        #expect(h.text == "1.41/1.85")
    }

    /// No step is narrower than one step ahead: M₂ below what the momentum already carries gives c₂ = 1.
    /// A horizon with fewer than 8 misses ends the list; without two usable horizons there is no scale.
    @Test func floorAndTooFewMisses() throws {
        let m = SupplyDemandPriceModel(interceptPct: 0, momentum: 0.5, gapCoefficient: 0, residualSDPct: 10)
        let low = try #require(PriceModelFit.HorizonScale(misses: Self.misses([10, 5]), oneStepSDPct: 10, model: m))
        #expect(low.factors == [1, 1])
        let short = Self.misses([10, 15]) + [Array(repeating: 30, count: 7)] + Self.misses([40])
        #expect(try #require(PriceModelFit.HorizonScale(misses: short, oneStepSDPct: 10, model: m)).counts == [8, 8])
        #expect(PriceModelFit.HorizonScale(misses: [Self.misses([10])[0], [15, -15]], oneStepSDPct: 10, model: m) == nil)
    }

    /// `by_horizon` multiplies the k-th projected quarter's shock by cₖ, in the backtest's projection as in the
    /// chain: with α = β = δ = 0 and σ = 5 known, c₂ = 2 (M₂ = 10 with ψ₁ = 0) doubles the second quarter's fan
    /// in log points and leaves the first as it is (the same shocks: same seed).
    @Test func byHorizonWidensOnlyLaterSteps() throws {
        var f = BacktestStagesTests.fit(SupplyDemandPriceModel(interceptPct: 0, momentum: 0, gapCoefficient: 0, residualSDPct: 5))
        f.horizon = PriceModelFit.HorizonScale(misses: Self.misses([5, 10]), oneStepSDPct: 5, model: f.model)
        #expect(f.horizon?.factors == [1, 2])
        let h = BacktestStagesTests.series("2020Q1", [1, 2, 3, 10])
        let targets = [BacktestStagesTests.q("2021Q1"), BacktestStagesTests.q("2021Q2")]
        func run(_ s: PriceShockScale) -> [QuantileSummary] {
            OriginPriceEquation.forecast(f, history: h, gaps: [:], targets: targets, seed: 5, shocks: s).map { $0!.quantiles! }
        }
        let one = run(.oneStep), by = run(.byHorizon)
        func width(_ q: QuantileSummary) -> Double { SupplyDemandPriceModel.logPoints(q.p95) - SupplyDemandPriceModel.logPoints(q.p05) }
        #expect(one[0] == by[0])
        let ratio = width(by[1]) / width(one[1])
        #expect(abs(ratio - 2) < 0.02, "width ratio \(ratio)")
    }

    /// The scenario key: `[prices] shocks = "by_horizon"` reaches the run's inputs; anything else is refused
    /// with the choices. The default run's fit carries k-step misses at four horizons.
    @Test func scenarioOptionAndTheDefaultFit() throws {
        let s = try Scenario(toml: "name = \"h\"\n[prices]\nshocks = \"by_horizon\"\n", file: "h.toml")
        #expect(s.priceShocks == .byHorizon && Scenario.asPublished.priceShocks == .oneStep)
        #expect {
            _ = try Scenario(toml: "name = \"h\"\n[prices]\nshocks = \"wide\"\n", file: "h.toml")
        } throws: { e in
            String(describing: e) == "h.toml:3:10: prices.shocks: expected \"one_step\" (the same shock scale at every step) or "
                + "\"by_horizon\" (wider from two quarters out, from the equation's k-step misses), found \"wide\""
        }
        let inputs = try ForecastInputs.build(catalog: Repo.catalog(), scenario: s, asOf: CalendarDate("2026-02-28"))
        #expect(inputs.priceShocks == .byHorizon)
        let horizon = try #require(inputs.priceFits[.dram]?.horizon)
        #expect(horizon.counts.count == 4 && horizon.factors.allSatisfy { $0 >= 1 })
    }
}
