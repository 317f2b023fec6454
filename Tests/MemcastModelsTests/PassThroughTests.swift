import Testing
import Foundation
@testable import MemcastModels

@Suite struct PassThroughTests {
    /// θ = π·B/A: full dollar pass-through on a phone with BOM $85 and price $100 is θ = 0.85, so a
    /// BOM rise from $85 to $95 (+$10) targets a price of 100·(95/85)^0.85 = $109.92 — about the
    /// $10 of cost in dollars (exactly $10 only in the small-change limit).
    @Test func fullDollarPassThroughOnEntryPhone() {
        let p = PassThrough(dollarPassThrough: 1, adjustmentSpeed: 1)
        let theta = p.priceElasticity(bomUSD: 85, aspUSD: 100)
        #expect(abs(theta - 0.85) < 1e-15)
        let x = p.target(bomUSD: 95, referenceBOMUSD: 85, elasticity: theta)
        #expect(abs(100 * exp(x) - 100 * pow(95.0 / 85.0, 0.85)) < 1e-9)
        #expect(abs(100 * exp(x) - 109.92) < 0.01)
    }

    /// Partial adjustment with κ = 0.5 toward a constant target 0.2: 0.1, 0.15, 0.175.
    @Test func partialAdjustmentHalvesTheGapEachQuarter() {
        let p = PassThrough(dollarPassThrough: 0.6, adjustmentSpeed: 0.5)
        var y = 0.0
        var path: [Double] = []
        for _ in 0..<3 { y = p.adjust(previous: y, target: 0.2); path.append(y) }
        #expect(zip(path, [0.1, 0.15, 0.175]).allSatisfy { abs($0 - $1) < 1e-15 })
    }

    /// Launch-price calibration inverts the target: a price up ln(2599/2499) with a BOM up 10%
    /// and B/A = 0.75 implies π = ln(2599/2499) / (0.75·ln 1.1) = 0.5489.
    @Test func impliedPassThroughInvertsTarget() throws {
        let pi = try #require(PassThrough.impliedDollarPassThrough(oldPrice: 2499, newPrice: 2599,
                                                                  oldBOMUSD: 200, newBOMUSD: 220, bomToASP: 0.75))
        #expect(abs(pi - log(2599.0 / 2499.0) / (0.75 * log(1.1))) < 1e-12)
        #expect(abs(pi - 0.5489) < 1e-4)
        #expect(PassThrough.impliedDollarPassThrough(oldPrice: 1, newPrice: 2, oldBOMUSD: 5, newBOMUSD: 5, bomToASP: 1) == nil)
    }

    /// θ never exceeds constant percentage markup: π = 1.5 on B/A = 0.85 would be θ = 1.275; it is 1.
    /// A negative lever π is full absorption (θ = 0).
    @Test func priceElasticityIsCappedAtConstantMarkup() {
        #expect(PassThrough(dollarPassThrough: 1.5, adjustmentSpeed: 1).priceElasticity(bomUSD: 85, aspUSD: 100) == 1)
        #expect(PassThrough(dollarPassThrough: -0.2, adjustmentSpeed: 1).priceElasticity(bomUSD: 85, aspUSD: 100) == 0)
        let r = PassThrough.admissibleRange(bomToASP: 0.72)
        #expect(r.lowerBound == 0 && abs(r.upperBound - 1 / 0.72) < 1e-15)
    }

    /// What the price step leaves open meets the admissible [0, 1/0.72 = 1.389]:
    /// 0.4…1.2 → U(0.4, 1.2) untouched; −0.21…0.95 (the K90's shape) → U(0, 0.95) cut; 15…25 (a launch
    /// price that outran a BOM that barely moved) and −2…−1 (a BOM that fell) say nothing usable → U(0, 1.389).
    @Test func calibratedPassThroughIsCutToTheAdmissibleRange() {
        let adm = PassThrough.admissibleRange(bomToASP: 0.72)
        let a = PassThroughCalibration.singlePairDistribution(piRange: 0.4...1.2, admissible: adm)
        #expect(a.distribution == .uniform(0.4, 1.2) && !a.clipped)
        let b = PassThroughCalibration.singlePairDistribution(piRange: -0.21...0.95, admissible: adm)
        #expect(b.distribution == .uniform(0, 0.95) && b.clipped)
        let c = PassThroughCalibration.singlePairDistribution(piRange: 15...25, admissible: adm)
        #expect(c.distribution == .uniform(0, 1 / 0.72) && c.clipped)
        let d = PassThroughCalibration.singlePairDistribution(piRange: -2 ... -1, admissible: adm)
        #expect(d.distribution == .uniform(0, 1 / 0.72) && d.clipped)
    }

    @Test func grossMarginPercent() {
        #expect(PassThrough.grossMarginPct(aspUSD: 200, bomUSD: 150) == 25)
    }
}
