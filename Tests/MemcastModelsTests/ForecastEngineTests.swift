import Testing
import Foundation
import MemcastData
@testable import MemcastModels

@Suite struct ForecastEngineTests {
    /// A one-cell market with every input pinned: 8 GB of LPDDR4X at $3.00/GB, 128 GB eMMC at
    /// $0.05/GB, $150 of other parts, price $250; contract prices flat except DRAM +10% in 2026Q1.
    static func tinyInputs(passThrough: Double = 1, elasticity: Double = -1) -> ForecastInputs {
        let q = { (s: String) in Period(quarterText: s)! }
        var prices: [MemoryKind: [Period: PriceChangeRange]] = [.dram: [:], .nand: [:]]
        for p in q("2024Q1").quarters(through: q("2026Q4")) {
            for k in MemoryKind.allCases {
                let v = (k == .dram && p == q("2026Q1")) ? 10.0 : 0
                prices[k]![p] = PriceChangeRange(lowPct: v, highPct: v, origin: .projected)
            }
        }
        let cell = HandsetConfig(year: 2025, region: .china, segment: .entry, dramGB: 8, dramType: .lpddr4x,
                                 nandGB: 128, nandType: .emmc, nonMemoryBOMUSD: 150, aspUSD: 250, volumeShare: 1)
        let flat = PriceModelFit(kind: .dram, model: SupplyDemandPriceModel(interceptPct: 0, momentum: 0, gapCoefficient: 0, residualSDPct: 0),
                                 samplingFactor: Array(repeating: [0, 0, 0, 0], count: 4), observations: 0, rSquared: 0, note: "")
        var mix = Array(repeating: [Double](repeating: 0, count: 5), count: 7)
        mix[SoCVendor.unisoc.index] = [1, 1, 1, 1, 1]
        return ForecastInputs(
            asOfLabel: "test", scenarioName: "tiny", baseYear: 2025, start: q("2024Q1"), horizon: q("2026Q4"),
            cells: [cell], anchorUSDPerGB: [.lpddr4x: 3, .lpddr5x: 3, .emmc: 0.05, .ufs: 0.05, .ufs4: 0.05],
            anchorQuarter: q("2025Q1"), priceInputs: prices, previousChangesPct: [.dram: [0, 0, 0, 0], .nand: [0, 0, 0, 0]],
            priceFits: [.dram: flat, .nand: flat], gapPP: [:], seasonalShares: [0.25, 0.25, 0.25, 0.25], baseYearUnitsM: 1000,
            vendorMix: VendorMix(shares: mix), passThrough: .fixed(passThrough), adjustmentSpeed: .fixed(1),
            inventoryCoverWeeks: .fixed(0), elasticity: .fixed(elasticity), elasticityShape: [1, 1, 1, 1, 1],
            baselineGrowthPct: .fixed(0), baselineASPGrowthPct: .fixed(0))
    }

    /// The memory check refuses before allocating and names a draw count that fits: with 1 GB of
    /// memory the budget is 0.5 GB, i.e. 0.5e9 / (8·outputs) draws.
    @Test func drawsThatDoNotFitInMemoryAreRefusedWithACountThatFits() throws {
        let engine = try ForecastEngine(inputs: Self.tinyInputs())
        let perDraw = Double(engine.metricsPerDraw * 8)
        let fit = Int(0.5e9 / perDraw)
        try MonteCarlo.checkMemory(engine, draws: fit, physicalMemoryBytes: 1_000_000_000)
        do {
            try MonteCarlo.checkMemory(engine, draws: fit + 1, physicalMemoryBytes: 1_000_000_000)
            Issue.record("expected a refusal")
        } catch let ForecastError.invalidInputs(m) {
            #expect(m.hasPrefix("--draws \(fit + 1) would keep"), "\(m)")
            #expect(m.contains("use --draws \(fit / 1000 * 1000) or fewer"), "\(m)")
        }
    }

    /// End to end by hand: the 10% DRAM rise adds 8 × $0.30 = $2.40 of BOM (180.40 → 182.80);
    /// with π = 1, θ = 1 × 180.40/250 = 0.7216 and the price moves to 250·(182.80/180.40)^0.7216;
    /// units move by that price ratio to the power ε = −1.
    @Test func tenPercentDRAMRiseFlowsThroughTheChain() throws {
        let r = MonteCarlo.run(try ForecastEngine(inputs: Self.tinyInputs()), draws: 3, seed: 1)
        let q1 = try #require(r.quarterly.first { $0.label == "2026Q1" })
        let q4 = try #require(r.quarterly.first { $0.label == "2025Q4" })
        #expect(abs(q4.global.bomUSD.p50 - 180.40) < 1e-9)
        #expect(abs(q1.global.bomUSD.p50 - 182.80) < 1e-9)
        #expect(abs(q1.global.memoryBOMSharePct.p50 - 100 * 32.8 / 182.8) < 1e-9)
        let theta = 180.40 / 250
        let price = 250 * pow(182.80 / 180.40, theta)
        #expect(abs(q1.global.aspUSD.p50 - price) < 1e-9)
        #expect(abs(q1.global.aspYoYPct!.p50 - 100 * (price / 250 - 1)) < 1e-9)
        #expect(abs(q1.global.shipmentsM.p50 - 250 * 250 / price) < 1e-9)
        #expect(abs(q1.socVendors[.unisoc]!.sharePct.p50 - 100) < 1e-12)
        // Gross margin falls: (price − 182.80)/price.
        #expect(abs(q1.global.grossMarginPct.p50 - 100 * (price - 182.80) / price) < 1e-9)
    }

    /// An LPDDR4X part call of +32% against the family's +10% in 2026Q1 (factor 1.2) moves only
    /// LPDDR4X: $3.00 × 1.1 × 1.2 = $3.96/GB, so 8 GB add $7.68 (180.40 → 188.08). A factor before
    /// the anchor quarter cancels: the anchor prices are 2025Q1 levels.
    @Test func partCallMovesOnlyItsType() throws {
        var inp = Self.tinyInputs()
        let q = { (s: String) in Period(quarterText: s)! }
        inp.partCalls = [.init(type: .lpddr4x, quarter: q("2026Q1"), part: .init(lowPct: 32, highPct: 32, origin: .projected),
                               familyMidPct: 10, factor: 1.2),
                         .init(type: .lpddr4x, quarter: q("2024Q3"), part: .init(lowPct: 0, highPct: 0, origin: .projected),
                               familyMidPct: 0, factor: 3),
                         .init(type: .lpddr5x, quarter: q("2025Q3"), part: .init(lowPct: 0, highPct: 0, origin: .projected),
                               familyMidPct: 0, factor: 5)]
        let r = MonteCarlo.run(try ForecastEngine(inputs: inp), draws: 2, seed: 1)
        #expect(abs(r.quarterly.first { $0.label == "2025Q4" }!.global.bomUSD.p50 - 180.40) < 1e-9)
        #expect(abs(r.quarterly.first { $0.label == "2026Q1" }!.global.bomUSD.p50 - 188.08) < 1e-9)
        let path = try ForecastInputs.centralContractPath(inp)
        #expect(abs(path(.lpddr4x, q("2026Q2")) - 3.96) < 1e-12 && abs(path(.lpddr4x, q("2024Q2")) - 1) < 1e-12)
    }

    /// Absorbing everything (π = 0) keeps the price and the units; the margin takes the cost.
    @Test func zeroPassThroughAbsorbsTheCost() throws {
        let r = MonteCarlo.run(try ForecastEngine(inputs: Self.tinyInputs(passThrough: 0)), draws: 2, seed: 1)
        let q1 = try #require(r.quarterly.first { $0.label == "2026Q1" })
        #expect(abs(q1.global.aspUSD.p50 - 250) < 1e-9)
        #expect(abs(q1.global.shipmentsM.p50 - 250) < 1e-9)
        #expect(abs(q1.global.grossMarginPct.p50 - 100 * (250 - 182.80) / 250) < 1e-9)
    }

    /// Inventory cover of 6.5 weeks prices half the quarter's memory at last quarter's contract:
    /// the 2026Q1 BOM rises by half of $2.40, the rest arrives in 2026Q2.
    @Test func inventoryCoverDelaysTheBOM() throws {
        var inp = Self.tinyInputs()
        inp.inventoryCoverWeeks = .fixed(6.5)
        let r = MonteCarlo.run(try ForecastEngine(inputs: inp), draws: 2, seed: 1)
        #expect(abs(r.quarterly.first { $0.label == "2026Q1" }!.global.bomUSD.p50 - 181.60) < 1e-9)
        #expect(abs(r.quarterly.first { $0.label == "2026Q2" }!.global.bomUSD.p50 - 182.80) < 1e-9)
    }

    /// `tinyInputs` with 2026 left to one pooled equation (filed under both families): α̂ = 0 with factor 5,
    /// β = δ = γ = 0, σ̂ = 0.
    static func pooledEngine(observations: Int, degreesOfFreedom: Int?,
                             predictive: PriceModelFit.PredictiveScale? = nil) throws -> ForecastEngine {
        var inp = Self.tinyInputs()
        let q = { (s: String) in Period(quarterText: s)! }
        for p in q("2026Q1").quarters(through: q("2026Q4")) { for k in MemoryKind.allCases { inp.priceInputs[k]![p] = nil } }
        var factor = Array(repeating: [0.0, 0, 0, 0], count: 4)
        factor[0][0] = 5
        var fit = PriceModelFit(kind: .dram, model: SupplyDemandPriceModel(interceptPct: 0, momentum: 0, gapCoefficient: 0,
                                                                           residualSDPct: 0),
                                samplingFactor: factor, observations: observations, degreesOfFreedom: degreesOfFreedom,
                                rSquared: 0.5, note: "")
        fit.predictive = predictive
        var nandFit = fit
        nandFit.kind = .nand
        inp.priceFits = [.dram: fit, .nand: nandFit]
        return try ForecastEngine(inputs: inp)
    }

    /// DRAM and NAND share one pooled price equation, so a draw of its coefficients is one draw for both:
    /// with the same history (flat through 2025), no gap and no residual shock, the projected 2026
    /// changes are equal in every draw. The intercept's standard error (5 log points) still spreads
    /// them across draws: α = 5·z, so a change is 100·(e^{5z/100} − 1), about ±8% at p05/p95.
    /// Independent coefficient draws per family would give each family its own α and different quantiles.
    @Test func pooledPriceEquationIsOneDrawForBothFamilies() throws {
        let engine = try Self.pooledEngine(observations: 20, degreesOfFreedom: nil)
        let row = UnsafeMutableBufferPointer<Double>.allocate(capacity: engine.metricsPerDraw)
        defer { row.deallocate() }
        let p = try #require(engine.reportedQuarters.firstIndex(of: Period(quarterText: "2026Q2")!))
        var dram: [Double] = []
        for d in 0..<200 {
            engine.simulate(draw: d, seed: 3, into: row)
            dram.append(row[engine.layout.price(period: p, kind: 0)])
            #expect(row[engine.layout.price(period: p, kind: 0)] == row[engine.layout.price(period: p, kind: 1)], "draw \(d)")
        }
        let s = QuantileSummary(draws: dram)
        #expect(s.p95 - s.p05 > 5, "the intercept's uncertainty still spreads the draws: \(s)")
    }

    /// The pooled equation shares one σ² draw, and the χ² comes from the variance stream, leaving the
    /// main stream as it was. With α's factor 5, σ̂ = 0 and ν = 3, draw d's α is c·5·z where z is the
    /// normal after the six parameters' (uniform, normal) pairs of `SplitMix64.stream(seed:index: d)` and
    /// c = √(3/χ²) with χ² the first draw of `SplitMix64.varianceStream(seed:index: d)`; 2026Q2's change
    /// is 100·(e^{α/100} − 1) in both families. One χ² per family would make DRAM and NAND differ.
    @Test func pooledPriceEquationSharesOneSigmaDrawFromItsOwnStream() throws {
        try Self.expectInterceptDrawsOnly(try Self.pooledEngine(observations: 7, degreesOfFreedom: 3), chiSquareDF: 3)
    }

    /// The forecast takes σ² from the predictive scale exactly as the backtest does (`PriceModelFit.draw`): with
    /// m = 5 recursive residuals beside ν = 3, draw d's α is c·5·z with c = √(5/χ²₅), χ²₅ the first draw of
    /// the variance stream. σ_oos = 10⁻¹² log points keeps the residual shocks negligible (under 10⁻¹⁰ pp).
    @Test func forecastDrawsSigmaOnTheRecursiveResidualCount() throws {
        try Self.expectInterceptDrawsOnly(try Self.pooledEngine(observations: 7, degreesOfFreedom: 3,
                                                                predictive: PriceModelFit.PredictiveScale(sdPct: 1e-12, count: 5)),
                                          chiSquareDF: 5, identicalFamilies: false)
    }

    /// For a `pooledEngine`, 2026Q2's change in draws 0…49 of seed 3 is 100·(e^{c·5·z/100} − 1) (floored at
    /// −60%: heavy tails at few degrees of freedom reach it) in both families, with z the normal after the six
    /// parameters' (uniform, normal) pairs of the main stream and c = √(ν/χ²_ν), χ²_ν the first draw of the
    /// variance stream, ν = `chiSquareDF`. `identicalFamilies`: DRAM and NAND equal to the bit (no residual
    /// shocks; with shocks, each family's own, both are only within the tolerance of it).
    static func expectInterceptDrawsOnly(_ engine: ForecastEngine, chiSquareDF nu: Int, identicalFamilies: Bool = true) throws {
        let row = UnsafeMutableBufferPointer<Double>.allocate(capacity: engine.metricsPerDraw)
        defer { row.deallocate() }
        let p = try #require(engine.reportedQuarters.firstIndex(of: Period(quarterText: "2026Q2")!))
        for d in 0..<50 {
            engine.simulate(draw: d, seed: 3, into: row)
            var main = SplitMix64.stream(seed: 3, index: UInt64(d))
            for _ in 0..<6 { _ = main.nextUniform(); _ = main.nextNormal() }
            let z = main.nextNormal()
            var sigma = SplitMix64.varianceStream(seed: 3, index: UInt64(d))
            let c = (Double(nu) / sigma.nextChiSquare(degreesOfFreedom: nu)).squareRoot()
            let want = Swift.max(100 * (exp(c * 5 * z / 100) - 1), SupplyDemandPriceModel.floorPct)
            let dram = row[engine.layout.price(period: p, kind: 0)], nand = row[engine.layout.price(period: p, kind: 1)]
            #expect(abs(dram - want) < 1e-9 * Swift.max(1, abs(want)), "draw \(d): \(dram) vs \(want)")
            #expect(abs(nand - want) < 1e-9 * Swift.max(1, abs(want)), "draw \(d): \(nand) vs \(want)")
            if identicalFamilies { #expect(dram == nand, "draw \(d)") }
        }
    }

    @Test func horizonBeforeTheForecastIsRefused() {
        var inp = Self.tinyInputs()
        inp.horizon = Period(quarterText: "2025Q4")!
        #expect(throws: ForecastError.self) { _ = try ForecastEngine(inputs: inp) }
    }

    /// A seed reproduces a run exactly, whatever the chunking across threads (draw d always uses
    /// stream d); another seed gives other numbers.
    @Test func runsAreReproducible() throws {
        let engine = try ForecastEngine(inputs: try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished,
                                                                         asOf: CalendarDate("2026-01-28")))
        let a = MonteCarlo.run(engine, draws: 777, seed: 11), b = MonteCarlo.run(engine, draws: 777, seed: 11)
        let c = MonteCarlo.run(engine, draws: 777, seed: 12)
        #expect(a.annual[1].global.shipmentsYoYPct == b.annual[1].global.shipmentsYoYPct)
        #expect(a.annual[1].global.shipmentsYoYPct != c.annual[1].global.shipmentsYoYPct)
        // Sequential reference for one output: draw by draw, then numpy-linear quantiles.
        let row = UnsafeMutableBufferPointer<Double>.allocate(capacity: engine.metricsPerDraw)
        defer { row.deallocate() }
        let k = engine.layout.scope(period: engine.reportedQuarters.count + 1, scope: 0) + 5
        var values: [Double] = []
        for d in 0..<777 { engine.simulate(draw: d, seed: 11, into: row); values.append(row[k]) }
        #expect(QuantileSummary(draws: values) == a.annual[1].global.shipmentsYoYPct)
    }
}
