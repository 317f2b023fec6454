import Testing
import Foundation
@testable import MemcastModels

@Suite struct SupplyDemandPriceModelTests {
    /// A range prints both ends with the separator; a point prints once.
    @Test func priceChangeRangeText() {
        let r = PriceChangeRange(lowPct: 23, highPct: 28, origin: .projected)
        #expect(r.text { "\(Int($0))" } == "23–28")
        #expect(r.text(separator: "…") { String(format: "%+g%%", $0) } == "+23%…+28%")
        #expect(PriceChangeRange(lowPct: 0, highPct: 0, origin: .projected).text { "\(Int($0))" } == "0")
    }

    /// In log points: last four changes (0, 0, 0, +40%) → ℓ₋₁ = R = 100·ln 1.4 = 33.647;
    /// ℓ = 2 + 0.5·33.647 − 0.1·33.647 + 3·5 = 17 + 0.4·33.647 = 30.459 → Δp = 100·(e^0.30459 − 1) = +35.61%;
    /// with σ = 10 and z = −1: ℓ = 20.459 → +22.70%.
    @Test func projectionIsTheRegressionEquationInLogPoints() {
        let m = SupplyDemandPriceModel(interceptPct: 2, momentum: 0.5, gapCoefficient: 3, reversion: -0.1, residualSDPct: 10)
        let last = [0.0, 0, 0, 40]
        let l40 = 100 * log(1.4)
        #expect(abs(SupplyDemandPriceModel.pastYearLogPoints(last) - l40) < 1e-12)
        #expect(abs(m.projectedChangePct(lastFourPct: last, gapPP: 5) - 100 * (exp((17 + 0.4 * l40) / 100) - 1)) < 1e-10)
        #expect(abs(m.projectedChangePct(lastFourPct: last, gapPP: 5) - 35.606) < 1e-3)
        #expect(abs(m.projectedChangePct(lastFourPct: last, gapPP: 5, shock: -1) - 100 * (exp((7 + 0.4 * l40) / 100) - 1)) < 1e-10)
        // A collapse is floored: ℓ = 2 − 150 = −148 is −77%, held at −60%.
        #expect(m.projectedChangePct(lastFourPct: [0, 0, 0, 0], gapPP: -50) == SupplyDemandPriceModel.floorPct)
        // +10% then −10% is a 1.005 log-point fall.
        #expect(abs(SupplyDemandPriceModel.pastYearLogPoints([10, -10]) - 100 * log(0.99)) < 1e-12)
    }

    /// +92.5% is 65.49 log points and back; a record rise carried at β = 0.9 with nothing else is
    /// 100·(e^0.5894 − 1) = +80.3%, not 0.9·92.5 = +83.25% as a percent-linear equation would say.
    @Test func logPointConversions() {
        #expect(abs(SupplyDemandPriceModel.logPoints(92.5) - 65.4926) < 1e-4)
        #expect(abs(SupplyDemandPriceModel.percent(logPoints: SupplyDemandPriceModel.logPoints(92.5)) - 92.5) < 1e-12)
        let m = SupplyDemandPriceModel(interceptPct: 0, momentum: 0.9, gapCoefficient: 0, residualSDPct: 0)
        #expect(abs(m.projectedChangePct(previousPct: 92.5, gapPP: 0) - 100 * (exp(0.9 * log(1.925)) - 1)) < 1e-10)
        #expect(abs(m.projectedChangePct(previousPct: 92.5, gapPP: 0) - 80.30) < 0.01)
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

    /// A projection holds ℓ₋₁ and R inside the fitted span: α = 1, β = 0.5, δ = −0.1, four quarters of +20%
    /// (ℓ = 18.232 each, R = 72.93) against spans −10…10 and −20…20 → 1 + 0.5·10 − 0.1·20 = 4.0 log points
    /// (the unbounded line: 1 + 9.116 − 7.293 = 2.823, what the residuals are measured against). Inside the span,
    /// or without one, the two agree; a fit's span reaches its draws.
    @Test func projectionHoldsRegressorsInsideTheFittedSpan() {
        var m = SupplyDemandPriceModel(interceptPct: 1, momentum: 0.5, gapCoefficient: 0, reversion: -0.1, residualSDPct: 0)
        let four = [20.0, 20, 20, 20]
        let line = 1 + 0.5 * 100 * log(1.2) - 0.1 * 400 * log(1.2)
        #expect(abs(m.projectedExpectedLogPoints(lastFourPct: four, gapPP: 0) - line) < 1e-12)
        m.projectionSpan = PriceModelFit.RegressorSpan(previousLP: -10...10, pastYearLP: -20...20)
        #expect(abs(m.projectedExpectedLogPoints(lastFourPct: four, gapPP: 0) - 4.0) < 1e-12)
        #expect(abs(m.expectedLogPoints(lastFourPct: four, gapPP: 0) - line) < 1e-12)
        #expect(abs(m.projectedChangePct(lastFourPct: four, gapPP: 0) - 100 * (exp(0.04) - 1)) < 1e-12)
        let small = [1.0, -1, 2, 3]
        #expect(m.projectedExpectedLogPoints(lastFourPct: small, gapPP: 0) == m.expectedLogPoints(lastFourPct: small, gapPP: 0))
        let fit = PriceModelFit(kind: .dram, model: m, samplingFactor: Array(repeating: [0, 0, 0, 0], count: 4),
                                observations: 10, rSquared: 0, note: "")
        #expect(fit.span == m.projectionSpan && fit.draw([0, 0, 0, 0]).projectionSpan == m.projectionSpan)
    }
}
