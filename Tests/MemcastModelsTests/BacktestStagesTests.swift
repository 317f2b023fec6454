import Foundation
import Testing
@testable import MemcastData
@testable import MemcastModels

/// The dataset stages: what is realized, what each origin could see, the trackers' calls,
/// and the models' fits — checked against rows of the embedded datasets and hand algebra.
@Suite struct BacktestStagesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func data(truthAsOf: CalendarDate? = nil) throws -> BacktestData {
        let catalog = try DatasetCatalog(overlay: nil, environment: ["MEMCAST_DATASETS": root.appendingPathComponent("Datasets").path],
                                         executablePath: nil, currentDirectory: "/")
        return try BacktestData.load(from: catalog, truthAsOf: truthAsOf)
    }
    static func stage(_ name: String, _ d: BacktestData) -> BacktestStage {
        BacktestSuite.stages(d).first { $0.name == name }!
    }
    static func q(_ s: String) -> Period { Period(quarterText: s)! }
    static func day(_ s: String) -> CalendarDate { CalendarDate(s)! }

    /// DDR4 8Gb: 2019Q2's level is June 2019's $3.31 (mp0581), 2019Q1's is February's $5.13
    /// (mp0571, no March figure) → 100·(3.31/5.13 − 1) = −35.48%.
    @Test func ddr4RealizedFromMonthlyLevels() throws {
        let s = Self.stage("ddr4_contract", try Self.data())
        let v = try #require(s.realized[Self.q("2019Q2")]?.value)
        #expect(abs(v - 100 * (3.31 / 5.13 - 1)) < 1e-12)
        #expect(abs(v - -35.4776) < 1e-4)
    }

    /// As of 2019-06-30 only levels published by then count: Sep 2018, Dec 2018 (both out
    /// 2019-01-31), Feb 2019, Jun 2019 → changes for 2018Q4, 2019Q1, 2019Q2; as of 2019-06-27
    /// June's $3.31 (published 2019-06-28) is not yet known, so 2019Q2 uses May's $3.75.
    @Test func ddr4HistoryRespectsPublicationDates() throws {
        let s = Self.stage("ddr4_contract", try Self.data())
        let h = s.history(asOf: Self.day("2019-06-30"), through: Self.q("2019Q2"))
        #expect(h.quarters == [Self.q("2018Q4"), Self.q("2019Q1"), Self.q("2019Q2")])
        #expect(abs(h.value(at: Self.q("2019Q1"))! - 100 * (5.13 / 7.25 - 1)) < 1e-12)
        let before = s.history(asOf: Self.day("2019-06-27"), through: Self.q("2019Q2"))
        #expect(abs(before.value(at: Self.q("2019Q2"))! - 100 * (3.75 / 5.13 - 1)) < 1e-12)
    }

    /// TrendForce's 1Q26 conventional DRAM call: +55–60% as of 2026-01-05 (mp0069), +90–95%
    /// from 2026-02-02 (mp0071); the first call is the January one. 1Q26 is not realized
    /// (forecasts only); 4Q25 is (+45–50% actual, Evertiq 2026-02-26).
    @Test func dramTrackerCallsAndRealized() throws {
        let s = Self.stage("dram_contract", try Self.data())
        #expect(s.trackerCall(target: Self.q("2026Q1"), asOf: Self.day("2026-01-04")) == nil)
        #expect(s.trackerCall(target: Self.q("2026Q1"), asOf: Self.day("2026-01-05"))?.value == 57.5)
        #expect(s.trackerCall(target: Self.q("2026Q1"), asOf: Self.day("2026-02-02"))?.value == 92.5)
        let first = try #require(s.firstTrackerCall(target: Self.q("2026Q1")))
        #expect(first.value == 57.5 && first.published == PublicationDate("2026-01-05")!)
        #expect(s.realized[Self.q("2026Q1")] == nil)
        #expect(s.realized[Self.q("2025Q4")]?.value == 47.5)
    }

    /// A tracker's first call must be out before its quarter ends: a row dated only "2019" for 2019Q3
    /// (it may be from December) is not a forecast of it, even when it is the earliest row.
    @Test func firstCallPublishedBeforeTheQuarterEnds() throws {
        func row(_ published: String, _ value: Double) -> Observation {
            Observation(dataset: "memory_prices", id: published, series: "nand", market: "contract", product: "",
                        entity: "industry", region: "", period: Period("2019Q3"), periodText: "2019Q3", metric: "qoq_pct",
                        low: nil, high: nil, point: value, unit: "pct", kind: .forecast, published: PublicationDate(published),
                        publisher: "T", sourceURL: "u", provenance: "published", method: "", note: "", reliability: "normal",
                        origin: "test")
        }
        let q = Self.q("2019Q3")
        #expect(BacktestData.firstCall([row("2019", -5)], for: q) == nil)
        #expect(BacktestData.firstCall([row("2019", -5), row("2019-08-20", 3)], for: q)?.value == 3)
        #expect(BacktestData.firstCall([row("2019-09", -5), row("2019-09-30", 3)], for: q)?.value == -5)  // month's end = quarter's end
        #expect(BacktestData.firstCall([row("2019-10-02", 1)], for: q) == nil)
    }

    /// The truth date cuts realized values: as of 2024-12-30, 4Q24's estimate (published
    /// 2024-12-31) is not yet realized.
    @Test func truthAsOfBoundsRealized() throws {
        #expect(Self.stage("dram_contract", try Self.data()).realized[Self.q("2024Q4")]?.value == -5.5)
        #expect(Self.stage("dram_contract", try Self.data(truthAsOf: Self.day("2024-12-30"))).realized[Self.q("2024Q4")] == nil)
    }

    /// A quarter that has not ended by the truth date is not realized. DDR4 8Gb 2026Q1 has only
    /// January's $11.50 and February's $13.00 (the data end 2026-02-27): February against
    /// December's $9.30 (+39.8%) is not the quarter's change. As of 2025-11-30 neither DDR4's
    /// 2025Q4 (November's $8.10 vs September's $6.30, +28.6%) nor DRAM's 2025Q4 estimate
    /// (+45–50%, published 2025-11-26) is realized; as of 2025-12-31 DDR4's is, from December's $9.30.
    @Test func realizedNeedsAnEndedQuarter() throws {
        let ddr4 = Self.stage("ddr4_contract", try Self.data())
        #expect(ddr4.realized[Self.q("2026Q1")] == nil)
        #expect(abs(ddr4.realized[Self.q("2025Q4")]!.value - 100 * (9.3 / 6.3 - 1)) < 1e-12)
        let november = try Self.data(truthAsOf: Self.day("2025-11-30"))
        #expect(Self.stage("ddr4_contract", november).realized[Self.q("2025Q4")] == nil)
        #expect(Self.stage("dram_contract", november).realized[Self.q("2025Q4")] == nil)
        #expect(Self.stage("ddr4_contract", november).realized[Self.q("2025Q3")] != nil)
        let december = Self.stage("ddr4_contract", try Self.data(truthAsOf: Self.day("2025-12-31")))
        #expect(abs(december.realized[Self.q("2025Q4")]!.value - 100 * (9.3 / 6.3 - 1)) < 1e-12)
    }

    static func series(_ start: String, _ values: [Double]) -> QuarterlySeries {
        QuarterlySeries(Dictionary(uniqueKeysWithValues: values.enumerated().map { (q(start).advanced(by: $0.offset), $0.element) }))
    }

    /// The backtest's price model at an origin is the chain's: the same central coefficients as
    /// `ForecastInputs.build` fits for the same date (here 2026-02-28, the seed report's vintage).
    @Test func priceModelIsTheChainsEquation() throws {
        let d = try Self.data()
        let fit = try OriginPriceEquation.chainFit(prices: d.memoryPrices, supply: d.supplyDemand, asOf: Self.day("2026-02-28")).get()
        let catalog = try DatasetCatalog(overlay: nil, environment: ["MEMCAST_DATASETS": Self.root.appendingPathComponent("Datasets").path],
                                         executablePath: nil, currentDirectory: "/")
        let inputs = try ForecastInputs.build(catalog: catalog, scenario: .asPublished, asOf: Self.day("2026-02-28"))
        #expect(fit.model == inputs.priceFits[.dram]!.model)
    }

    /// Before 7 runs of five known quarters exist the chain's equation cannot be fitted.
    @Test func priceModelUnavailableEarly() throws {
        let d = try Self.data()
        guard case .failure(let f) = OriginPriceEquation.chainFit(prices: d.memoryPrices, supply: d.supplyDemand, asOf: Self.day("2017-12-31")) else {
            Issue.record("fit should fail"); return
        }
        #expect(f.reason.hasPrefix("the chain's price equation needs 7 quarters"))
    }

    static func fit(_ m: SupplyDemandPriceModel) -> PriceModelFit {
        PriceModelFit(kind: .dram, model: m, samplingFactor: Array(repeating: [0, 0, 0, 0], count: 4), observations: 10,
                      rSquared: 0, note: "")
    }

    /// Without uncertainty (σ = 0, zero covariance) every draw is the central path, in log points:
    /// ℓₜ = 2 + 0.5·ℓₜ₋₁ from the last value +10% (ℓ = 9.531) gives ℓ = 6.766 (+7.00%), then
    /// ℓ = 5.383 (+5.53%). Quarters before the last known one are not forecast.
    @Test func projectionWithoutUncertaintyIsTheCentralPath() throws {
        let f = Self.fit(SupplyDemandPriceModel(interceptPct: 2, momentum: 0.5, gapCoefficient: 0, residualSDPct: 0))
        let h = Self.series("2020Q1", [1, 2, 3, 10])
        let out = OriginPriceEquation.forecast(f, history: h, gaps: [:], targets: [Self.q("2021Q1"), Self.q("2021Q2"), Self.q("2020Q3")], seed: 1)
        let l1 = 2 + 0.5 * 100 * log(1.1), l2 = 2 + 0.5 * l1
        let e1 = 100 * (exp(l1 / 100) - 1), e2 = 100 * (exp(l2 / 100) - 1)
        #expect(abs(e1 - 7.0) < 0.01 && abs(e2 - 5.53) < 0.01)
        #expect(abs(out[0]!.point - e1) < 1e-9 && abs(out[1]!.point - e2) < 1e-9 && out[2] == nil)
        #expect(out[0]!.quantiles?.p05 == out[0]!.quantiles?.p95)
    }

    /// σ² = s²·ν/χ²_ν per draw: with F = 0 and α̂ = β̂ = 0, the one-step log change is s·c·z with the same
    /// z as σ known, so every draw's log change (and the p05–p95) is c times σ known's. With s = 10 and
    /// ν = 7 the 90% interval of the one-step change is wider than with σ known (t₇,0.95 = 1.895 vs
    /// 1.645 on 1,000 draws), and the same seed reproduces it exactly.
    @Test func estimatedSigmaWidensTheIntervalReproducibly() throws {
        let m = SupplyDemandPriceModel(interceptPct: 0, momentum: 0, gapCoefficient: 0, residualSDPct: 10)
        let known = Self.fit(m)
        var estimated = known
        estimated.degreesOfFreedom = 7
        let h = Self.series("2020Q1", [1, 2, 3, 10])
        func run(_ f: PriceModelFit, seed: UInt64) -> QuantileSummary {
            OriginPriceEquation.forecast(f, history: h, gaps: [:], targets: [Self.q("2021Q1")], seed: seed)[0]!.quantiles!
        }
        let a = run(known, seed: 5), b = run(estimated, seed: 5)
        func lp(_ x: Double) -> Double { SupplyDemandPriceModel.logPoints(x) }
        let ratio = (lp(b.p95) - lp(b.p05)) / (lp(a.p95) - lp(a.p05))
        #expect(ratio > 1.05 && ratio < 1.4, "interval width ratio \(ratio)")
        #expect(run(estimated, seed: 5) == b)
        #expect(run(estimated, seed: 6) != b)
    }

    /// The backtest draws its shocks with the fit's predictive scale, as the forecast does: with F = 0, α̂ = β̂ = 0,
    /// s = 10 and σ_oos = 20 on m = 2,000 recursive residuals (c = √(m/χ²_m) within about ±5% of 1), the one-step
    /// fan in log points is about twice the fan with s known (same seed, so the same shocks).
    @Test func predictiveScaleWidensTheBacktestFan() throws {
        let known = Self.fit(SupplyDemandPriceModel(interceptPct: 0, momentum: 0, gapCoefficient: 0, residualSDPct: 10))
        var oos = known
        oos.predictive = PriceModelFit.PredictiveScale(sdPct: 20, count: 2000)
        let h = Self.series("2020Q1", [1, 2, 3, 10])
        func run(_ f: PriceModelFit) -> QuantileSummary {
            OriginPriceEquation.forecast(f, history: h, gaps: [:], targets: [Self.q("2021Q1")], seed: 5)[0]!.quantiles!
        }
        let a = run(known), b = run(oos)
        func lp(_ x: Double) -> Double { SupplyDemandPriceModel.logPoints(x) }
        let ratio = (lp(b.p95) - lp(b.p05)) / (lp(a.p95) - lp(a.p05))
        #expect(ratio > 1.9 && ratio < 2.1, "interval width ratio \(ratio)")
    }

    /// model_then_flat: the same equation for the first quarter after the last known one (+7.00%), then only
    /// the shock around a flat price (σ = 0: exactly 0%). Steps count from the last known quarter, not the
    /// origin: with 2020Q4 unknown, 2020Q4 is step 1 (the equation from 2020Q3's +3%) and 2021Q1 step 2 (0%).
    @Test func modelThenFlatProjectsOnlyTheFirstUnknownQuarter() throws {
        let f = Self.fit(SupplyDemandPriceModel(interceptPct: 2, momentum: 0.5, gapCoefficient: 0, residualSDPct: 0))
        let out = OriginPriceEquation.forecast(f, history: Self.series("2020Q1", [1, 2, 3, 10]), gaps: [:],
                                               targets: [Self.q("2021Q1"), Self.q("2021Q2"), Self.q("2021Q3")], seed: 1,
                                               carry: .modelThenFlat)
        let l1 = 2 + 0.5 * 100 * log(1.1)
        #expect(abs(out[0]!.point - 100 * (exp(l1 / 100) - 1)) < 1e-9)
        #expect(out[1]!.point == 0 && out[2]!.point == 0)
        let stale = OriginPriceEquation.forecast(f, history: Self.series("2020Q1", [1, 2, 3]), gaps: [:],
                                                 targets: [Self.q("2020Q4"), Self.q("2021Q1")], seed: 1, carry: .modelThenFlat)
        #expect(abs(stale[0]!.point - 100 * (exp((2 + 0.5 * 100 * log(1.03)) / 100) - 1)) < 1e-9)
        #expect(stale[1]!.point == 0)
    }

    /// With the trackers' calls (the chain's path): a called quarter takes its call (a point call: exactly it), and
    /// model_then_flat counts from the last call, so the equation carries the quarter after it (from +20%:
    /// ℓ = 2 + 0.5·100·ln 1.2) and only the one after that is flat; without the call 2021Q2 would be flat.
    @Test func callsPinQuartersAndTheCarryCountsFromTheLastCall() throws {
        let f = Self.fit(SupplyDemandPriceModel(interceptPct: 2, momentum: 0.5, gapCoefficient: 0, residualSDPct: 0))
        let h = Self.series("2020Q1", [1, 2, 3, 10])
        let targets = [Self.q("2021Q1"), Self.q("2021Q2"), Self.q("2021Q3")]
        let call = PriceChangeRange(lowPct: 20, highPct: 20, origin: .published(publisher: "TrendForce", date: "2020-12-20"))
        let out = OriginPriceEquation.forecast(f, history: h, gaps: [:], targets: targets, seed: 1, carry: .modelThenFlat,
                                               calls: [Self.q("2021Q1"): call])
        let l2 = 2 + 0.5 * 100 * log(1.2)
        #expect(out[0]!.point == 20)
        #expect(abs(out[1]!.point - 100 * (exp(l2 / 100) - 1)) < 1e-9)
        #expect(out[2]!.point == 0)
        let model = OriginPriceEquation.forecast(f, history: h, gaps: [:], targets: targets, seed: 1, calls: [Self.q("2021Q1"): call])
        let l3 = 2 + 0.5 * l2
        #expect(abs(model[2]!.point - 100 * (exp(l3 / 100) - 1)) < 1e-9)
        // A call's range is drawn uniformly: [10, 30] → p50 near 20 and p05/p95 near 11/29 (1,000 draws).
        let wide = PriceChangeRange(lowPct: 10, highPct: 30, origin: call.origin)
        let q = try #require(OriginPriceEquation.forecast(f, history: h, gaps: [:], targets: [targets[0]], seed: 1,
                                                          calls: [targets[0]: wide])[0]?.quantiles)
        #expect(abs(q.p50 - 20) < 1 && abs(q.p05 - 11) < 1 && abs(q.p95 - 29) < 1)
    }

    /// Variant names round-trip; `flat` is the no_change baseline, not a variant.
    @Test func chainCarryVariantNames() {
        #expect(ChainCarryVariant.scored.map(\.name) == ["model_then_flat", "model_by_horizon", "calls_then_model",
                                                          "calls_then_model_then_flat"])
        for v in ChainCarryVariant.scored { #expect(ChainCarryVariant(name: v.name) == v) }
        #expect(ChainCarryVariant(name: "flat") == nil && ChainCarryVariant(name: "calls_then_flat") == nil)
        #expect(ChainCarryVariant(name: "model") == .model && ChainCarryVariant(name: "calls_then_") == nil)
        #expect(ChainCarryVariant(name: "calls_then_model_by_horizon") == ChainCarryVariant(usesCalls: true, carry: .model, shocks: .byHorizon))
        #expect(ChainCarryVariant(name: "flat_by_horizon") == nil && ChainCarryVariant(name: "_by_horizon") == nil)
    }

    /// Reversion: α = β = γ = 0, δ = −0.1, four past changes of +10% → R = 100·4·ln 1.1 = 38.124 log
    /// points → ℓ = −3.8124 → Δp = 100·(e^−0.038124 − 1) = −3.741%; a missing quarter among the four
    /// counts as 0 (R = 100·3·ln 1.1).
    @Test func projectionUsesThePastYear() throws {
        let f = Self.fit(SupplyDemandPriceModel(interceptPct: 0, momentum: 0, gapCoefficient: 0, reversion: -0.1, residualSDPct: 0))
        let out = OriginPriceEquation.forecast(f, history: Self.series("2020Q1", [10, 10, 10, 10]), gaps: [:], targets: [Self.q("2021Q1")], seed: 1)
        #expect(abs(out[0]!.point - 100 * (exp(-0.1 * 4 * log(1.1)) - 1)) < 1e-12)
        let gappy = QuarterlySeries([Self.q("2020Q1"): 10, Self.q("2020Q3"): 10, Self.q("2020Q4"): 10])
        let g = OriginPriceEquation.forecast(f, history: gappy, gaps: [:], targets: [Self.q("2021Q1")], seed: 1)
        #expect(abs(g[0]!.point - 100 * (exp(-0.1 * 3 * log(1.1)) - 1)) < 1e-12)
    }

    /// With residual noise σ = 10 log points and nothing else uncertain, the one-quarter-ahead draws
    /// are lognormal around the central value: p05/p95 within 1.5 of 100·(e^∓0.1645 − 1) = −15.17/+17.88
    /// (1,000 draws), and the same seed gives the same numbers.
    @Test func projectionIntervalFromShocks() throws {
        let f = Self.fit(SupplyDemandPriceModel(interceptPct: 0, momentum: 0, gapCoefficient: 0, residualSDPct: 10))
        let h = Self.series("2020Q1", [5, 5, 5, 5])
        let a = OriginPriceEquation.forecast(f, history: h, gaps: [:], targets: [Self.q("2021Q1")], seed: 42)
        let b = OriginPriceEquation.forecast(f, history: h, gaps: [:], targets: [Self.q("2021Q1")], seed: 42)
        #expect(a == b)
        let q = try #require(a[0]?.quantiles)
        #expect(abs(q.p05 + 15.17) < 1.5 && abs(q.p95 - 17.88) < 1.5 && abs(q.p50) < 1)
    }

    /// yₛ = 1 + 0.5·yₛ₋₁ + 0.1·Dₛ₋₁ exactly, with D known: the one-step ARX forecast at the last
    /// quarter L is exactly 1 + 0.5·y_L + 0.1·D_L.
    @Test func memoryDrivenARXExact() throws {
        let start = Self.q("2019Q1")
        var y = [Period: Double](), d = [Period: Double]()
        var prev = 3.0
        for i in 0..<10 {
            let qq = start.advanced(by: i)
            d[qq] = Double((i * 7) % 5) - 2
            if i == 0 { y[qq] = prev; continue }
            prev = 1 + 0.5 * prev + 0.1 * d[start.advanced(by: i - 1)]!
            y[qq] = prev
        }
        let h = QuarterlySeries(y)
        let last = h.last!
        guard case .forecasts(let f) = MemoryDrivenARX.forecast(history: h, driver: d, targets: [last.quarter.advanced(by: 1)]) else {
            Issue.record("no forecast"); return
        }
        #expect(abs(f[0]!.point - (1 + 0.5 * last.value + 0.1 * d[last.quarter]!)) < 1e-10)
    }

    /// AR only (no driver): history 1, 2, 4, 3, 5 gives rows (lag → y) 1→2, 2→4, 4→3, 3→5.
    /// XᵀX = [4 10; 10 30], Xᵀy = (14, 37), det 20 → b = (2.5, 0.4); residuals −0.9, 0.7, −1.1, 1.3,
    /// SSR 4.2, s² = 4.2/2 = 2.1; at y_L = 5: ŷ = 4.5, x₀ᵀ(XᵀX)⁻¹x₀ = (30 − 100 + 100)/20 = 1.5,
    /// sd = √(2.1·2.5) = √5.25; p95 = 4.5 + t₀.₉₅(2)·√5.25 with t₀.₉₅(2) = 2.919985580 (scipy).
    @Test func memoryDrivenARXPredictionInterval() throws {
        let h = Self.series("2019Q1", [1, 2, 4, 3, 5])
        guard case .forecasts(let f) = MemoryDrivenARX.forecast(history: h, driver: [:], targets: [Self.q("2020Q2")]) else {
            Issue.record("no forecast"); return
        }
        let fc = try #require(f[0])
        #expect(abs(fc.point - 4.5) < 1e-12)
        #expect(abs(fc.quantiles!.p95 - (4.5 + 2.9199855803537256 * 5.25.squareRoot())) < 1e-9)
    }

    // MARK: The suite's checks on bad requests

    static func schedule(_ a: String, _ b: String, _ h: Int = 4) throws -> RollingOrigin {
        try RollingOrigin(first: q(a), last: q(b), maxHorizon: h)
    }

    @Test func unknownStage() throws {
        #expect(throws: BacktestError.usage("unknown stage 'dram' (stages: " + BacktestSuite.stageNames.joined(separator: ", ") + ")")) {
            try BacktestSuite.run(data: try Self.data(), schedule: try Self.schedule("2018Q1", "2025Q4"), stage: "dram")
        }
    }

    @Test func originAfterTheData() throws {
        let e = #expect(throws: BacktestError.self) {
            try BacktestSuite.run(data: try Self.data(), schedule: try Self.schedule("2027Q1", "2027Q4"))
        }
        #expect(e?.description.hasPrefix("origin 2027Q1 is after the data: the last realized quarter of any stage is 2025Q4") == true)
        #expect(e?.isUsage == false)
    }

    @Test func stageWithoutRealizedValues() throws {
        let e = #expect(throws: BacktestError.self) {
            try BacktestSuite.run(data: try Self.data(), schedule: try Self.schedule("2018Q1", "2025Q4"), stage: "memory_bom_share")
        }
        #expect(e?.description.hasPrefix("stage memory_bom_share has no realized values in the datasets (no quarterly estimate or actual); ") == true)
        // Realized values exist, but none in the targets' range.
        let late = #expect(throws: BacktestError.self) {
            try BacktestSuite.run(data: try Self.data(), schedule: try Self.schedule("2016Q1", "2016Q2", 1), stage: "dram_contract")
        }
        #expect(late?.description == "stage dram_contract has no realized values for 2016Q2…2016Q3 (targets of origins "
                + "2016Q1…2016Q2); realized quarters in the datasets: 2017Q3, 2018Q1, 2018Q3, 2019Q2, 2019Q4, 2022Q3, 2024Q2, 2024Q4, 2025Q4")
    }

    /// mobile NAND's only realized quarter is 2016Q4: an origin in 2018 is after its data, and
    /// no earlier origin has the history a backtest needs, so no --from is suggested.
    @Test func singleStageOriginAfterItsData() throws {
        let e = #expect(throws: BacktestError.self) {
            try BacktestSuite.run(data: try Self.data(), schedule: try Self.schedule("2018Q1", "2025Q4"), stage: "mobile_nand_contract")
        }
        #expect(e?.description == "origin 2018Q1 is after the data: the last realized quarter of stage mobile_nand_contract is 2016Q4 "
                + "(mobile_nand_contract, memory_prices.csv:274 (DRAMeXchange, 2016-12-14)); no origin works: by 2016Q3, "
                + "the last origin before it, stage mobile_nand_contract has fewer than 2 quarters published")
    }

    /// The suggested --from passes the history check too (it suggested 2016Q3 as of 2017-01-01,
    /// which failed with "too few periods").
    @Test func suggestedOriginsWork() throws {
        let early = #expect(throws: BacktestError.self) {
            try BacktestSuite.run(data: try Self.data(truthAsOf: CalendarDate("2017-01-01")!), schedule: try Self.schedule("2018Q1", "2025Q4"),
                                  requireHistoryAtStart: false)
        }
        #expect(early?.description.hasSuffix("; no origin works: by 2016Q3, the last origin before it, no stage has 2 quarters "
                                              + "published; use a later --as-of") == true)
        let data = try Self.data(truthAsOf: CalendarDate("2018-03-01")!)
        let later = #expect(throws: BacktestError.self) {
            try BacktestSuite.run(data: data, schedule: try Self.schedule("2018Q1", "2025Q4"), requireHistoryAtStart: false)
        }
        #expect(later?.description.hasSuffix("; use --from 2017Q3 or earlier, back to 2017Q1") == true)
        for from in ["2017Q1", "2017Q3"] {
            _ = try BacktestSuite.run(data: data, schedule: try Self.schedule(from, "2025Q4"))
        }
        #expect(throws: BacktestError.self) { try BacktestSuite.run(data: data, schedule: try Self.schedule("2016Q4", "2025Q4")) }
    }

    /// China's first quarterly YoY figure (2018Q1) was published 2018-06: nothing is known on 2018-03-31.
    @Test func tooFewPeriodsBeforeFirstOrigin() throws {
        let e = #expect(throws: BacktestError.self) {
            try BacktestSuite.run(data: try Self.data(), schedule: try Self.schedule("2018Q1", "2025Q4"), stage: "shipments_china")
        }
        let text = e?.description ?? ""
        #expect(text.hasPrefix("too few periods before the first origin 2018Q1: shipments_china has 0 quarters published by 2018-03-31"))
        #expect(text.contains("use --from"))
    }

    /// All stages: stages that cannot be scored are reported with counts, not as errors.
    @Test func allStagesReportUnscorableOnes() throws {
        let r = try BacktestSuite.run(data: try Self.data(), schedule: try Self.schedule("2018Q1", "2025Q4"))
        #expect(r.stages.map(\.name) == BacktestSuite.stageNames)
        let bom = r.stages.first { $0.name == "memory_bom_share" }!
        #expect(bom.status == .insufficient("0 realized quarters in 2018Q2…2026Q4; at most 0 scored pairs per horizon (need 8)"))
    }
}
