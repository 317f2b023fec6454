import Testing
import Foundation
@testable import MemcastModels

@Suite struct SupplyDemandPriceModelTests {
    /// Δp = α + βΔp₋₁ + δR + γ·gap with last four changes (0, 0, 0, 40): R = 100·ln 1.4 = 33.647;
    /// 2 + 0.5·40 − 0.1·33.647 + 3·5 = 33.635; with σ = 10 and z = −1: 23.635.
    @Test func projectionIsTheRegressionEquation() {
        let m = SupplyDemandPriceModel(interceptPct: 2, momentum: 0.5, gapCoefficient: 3, reversion: -0.1, residualSDPct: 10)
        let last = [0.0, 0, 0, 40]
        #expect(abs(SupplyDemandPriceModel.pastYearLogPoints(last) - 100 * log(1.4)) < 1e-12)
        #expect(abs(m.projectedChangePct(lastFourPct: last, gapPP: 5) - (37 - 10 * log(1.4))) < 1e-12)
        #expect(abs(m.projectedChangePct(lastFourPct: last, gapPP: 5, shock: -1) - (27 - 10 * log(1.4))) < 1e-12)
        // A collapse is floored: a price cannot fall by more than 60% in a quarter here.
        #expect(m.projectedChangePct(lastFourPct: [0, 0, 0, 0], gapPP: -50) == SupplyDemandPriceModel.floorPct)
        // +10% then −10% is a 1.005 log-point fall.
        #expect(abs(SupplyDemandPriceModel.pastYearLogPoints([10, -10]) - 100 * log(0.99)) < 1e-12)
    }

    /// HBM at 18% of wafers and 3× area per bit: bits/wafer = 0.82 + 0.06 = 0.88, HBM bits 0.06/0.88 = 6.8%.
    @Test func hbmCrowdOutArithmetic() {
        #expect(abs(SupplyDemandPriceModel.bitsPerWafer(hbmWaferShare: 0.18) - 0.88) < 1e-15)
        #expect(abs(SupplyDemandPriceModel.hbmBitShare(hbmWaferShare: 0.18) - 0.06 / 0.88) < 1e-15)
        // Moving 22% → 30% of wafers to HBM turns +20% bit growth into 1.2·(0.7+0.1)/(0.78+0.22/3) − 1.
        let g = SupplyDemandPriceModel.adjustedSupplyGrowthPct(publishedGrowthPct: 20, baselineShare: 0.22, scenarioShare: 0.30)
        #expect(abs(g - (1.2 * 0.8 / (0.78 + 0.22 / 3) - 1) * 100) < 1e-12)
        #expect(g < 20)
    }

    @Test func rangeValueIsUniformQuantile() {
        let r = PriceChangeRange(lowPct: 90, highPct: 95, origin: .projected)
        #expect(r.value(at: 0) == 90 && r.value(at: 1) == 95 && r.midPct == 92.5)
    }
}
