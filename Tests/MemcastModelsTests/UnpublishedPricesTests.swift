import Testing
import Foundation
import MemcastData
@testable import MemcastModels

@Suite struct UnpublishedPricesTests {
    static let q = { (s: String) in Period(quarterText: s)! }

    /// w(k) by rule: the equation always (model), for the first quarter after the last call only
    /// (model_then_flat), never (flat); k = 0, a quarter up to the last call, is always the equation's.
    @Test func weightByRuleAndStep() {
        #expect((0...5).map { UnpublishedPrices.model.expectedChangeWeight(step: $0) } == [1, 1, 1, 1, 1, 1])
        #expect((0...5).map { UnpublishedPrices.modelThenFlat.expectedChangeWeight(step: $0) } == [1, 1, 0, 0, 0, 0])
        #expect((0...3).map { UnpublishedPrices.flat.expectedChangeWeight(step: $0) } == [1, 0, 0, 0])
    }

    /// ℓ = w·(α + β·ℓ₋₁ + γ·gap) + σ·z with α = 2, β = 0.5, γ = 0.1, σ = 10, previous +21%, gap 10 pp:
    /// the expected change is 2 + 0.5·100·ln 1.21 + 1, so w = 1 gives 1.21^0.5·e^0.03 − 1 = 1.1·e^0.03 − 1;
    /// w = 0.5 gives 1.21^0.25·e^0.015 − 1; w = 0 leaves only the shock: z = 0 → 0, z = 0.5 → e^0.05 − 1.
    @Test func weightScalesTheExpectedChangeNotTheShock() {
        let m = SupplyDemandPriceModel(interceptPct: 2, momentum: 0.5, gapCoefficient: 0.1, residualSDPct: 10)
        let four = [0.0, 0, 0, 21]
        func c(_ w: Double, _ z: Double) -> Double {
            m.projectedChangePct(lastFourPct: four, gapPP: 10, shock: z, expectedChangeWeight: w)
        }
        #expect(abs(c(1, 0) - 100 * (1.1 * exp(0.03) - 1)) < 1e-9)
        #expect(c(1, 0) == m.projectedChangePct(lastFourPct: four, gapPP: 10))
        #expect(abs(c(0.5, 0) - 100 * (pow(1.21, 0.25) * exp(0.015) - 1)) < 1e-9)
        #expect(c(0, 0) == 0)
        #expect(abs(c(0, 0.5) - 100 * (exp(0.05) - 1)) < 1e-9)
    }

    /// k counts from each family's last call: DRAM called 2024Q1…2025Q2 without 2024Q3 → 2024Q3 is a gap
    /// between calls (k = 0, the equation), 2025Q3 k = 1, 2026Q4 k = 6; NAND without any call counts from
    /// the quarter before the start (2023Q4): 2024Q1 k = 1.
    @Test func stepCountsFromTheLastCallOfEachFamily() {
        var inp = ForecastEngineTests.tinyInputs()
        inp.priceInputs[.dram] = inp.priceInputs[.dram]!.filter { $0.key <= Self.q("2025Q2") && $0.key != Self.q("2024Q3") }
        inp.priceInputs[.nand] = [:]
        inp.unpublishedPrices = .modelThenFlat
        #expect(inp.unpublishedStep(.dram, Self.q("2024Q3")) == 0)
        #expect(inp.unpublishedStep(.dram, Self.q("2025Q3")) == 1)
        #expect(inp.unpublishedStep(.dram, Self.q("2026Q4")) == 6)
        #expect(inp.unpublishedStep(.nand, Self.q("2024Q1")) == 1)
        #expect(inp.expectedChangeWeight(.dram, Self.q("2024Q3")) == 1)
        #expect(inp.expectedChangeWeight(.dram, Self.q("2025Q3")) == 1)
        #expect(inp.expectedChangeWeight(.dram, Self.q("2025Q4")) == 0)
        #expect(inp.expectedChangeWeight(.nand, Self.q("2024Q2")) == 0)
    }

    /// The engine and the central path: DRAM called through 2025Q4, an equation of +5 log points a quarter
    /// (α = 5, no momentum, no shock). model: every 2026 quarter +100·(e^0.05 − 1) = +5.127%;
    /// model_then_flat: 2026Q1 +5.127%, then 0%, so LPDDR4X stays at $3.00·e^0.05 per GB.
    @Test func modelThenFlatProjectsOneQuarterThenHolds() throws {
        var inp = ForecastEngineTests.tinyInputs()
        inp.priceInputs[.dram] = inp.priceInputs[.dram]!.filter { $0.key <= Self.q("2025Q4") }
        let up = PriceModelFit(kind: .dram, model: SupplyDemandPriceModel(interceptPct: 5, momentum: 0, gapCoefficient: 0, residualSDPct: 0),
                               samplingFactor: Array(repeating: [0, 0, 0, 0], count: 4), observations: 0, rSquared: 0, note: "")
        inp.priceFits[.dram] = up
        let rise = 100 * (exp(0.05) - 1)
        for (rule, expected) in [(UnpublishedPrices.model, [rise, rise, rise, rise]), (.modelThenFlat, [rise, 0, 0, 0])] {
            inp.unpublishedPrices = rule
            let r = MonteCarlo.run(try ForecastEngine(inputs: inp), draws: 3, seed: 1)
            let got = try ["2026Q1", "2026Q2", "2026Q3", "2026Q4"].map { l in
                try #require(r.quarterly.first { $0.label == l }?.dramContractQoQPct?.p50)
            }
            for (g, e) in zip(got, expected) { #expect(abs(g - e) < 1e-9, "\(rule): \(got)") }
            let source = r.priceInputs.first { $0.quarter == Self.q("2026Q2") && $0.kind == .dram }?.source
            #expect(source == (rule == .model ? "projected (supply–demand model)"
                : "flat with the supply–demand model's shocks (unpublished = \"model_then_flat\")"))
            let path = try ForecastInputs.centralContractPath(inp)
            let level = rule == .model ? 3 * exp(0.2) : 3 * exp(0.05)
            #expect(abs(path(.lpddr4x, Self.q("2026Q4")) - level) < 1e-9, "\(rule)")
        }
    }
}
