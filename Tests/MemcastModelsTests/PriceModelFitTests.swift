import Testing
import Foundation
import MemcastData
@testable import MemcastModels

/// `PriceModelFit.draw` is the noninformative-prior predictive of a linear regression:
/// σ² = s²·ν/χ²_ν, b = b̂ + (σ/s)·F·z, shocks σ·z.
@Suite struct PriceModelFitTests {
    /// b̂ = (α 1, β 0.5, δ −0.2, γ 0.3), s = 4, ν = 10, F lower-triangular with F[1][0] = 0.05.
    static func fit(degreesOfFreedom: Int? = 10, reversionSD: Double = 0.05) -> PriceModelFit {
        var f = Array(repeating: [0.0, 0, 0, 0], count: 4)
        f[0][0] = 2; f[1][0] = 0.05; f[1][1] = 0.1; f[2][2] = reversionSD; f[3][3] = 0.1
        return PriceModelFit(kind: .dram, model: SupplyDemandPriceModel(interceptPct: 1, momentum: 0.5, gapCoefficient: 0.3,
                                                                        reversion: -0.2, residualSDPct: 4),
                             samplingFactor: f, observations: 14, degreesOfFreedom: degreesOfFreedom, rSquared: 0.5, note: "")
    }

    /// z = (0.5, −1, 1, 2): F·z = (1, 0.05·0.5 − 0.1, 0.05, 0.2) = (1, −0.075, 0.05, 0.2).
    /// σ known: (2, 0.425, −0.15, 0.5), σ = 4. χ² = 2.5 with ν = 10: σ/s = √(10/2.5) = 2, so
    /// (1 + 2, 0.5 − 0.15, −0.2 + 0.1, 0.3 + 0.4) = (3, 0.35, −0.1, 0.7) and σ = 8.
    @Test func aFixedChiSquareScalesTheDeviationAndSigmaBySqrtNuOverChiSquare() {
        let f = Self.fit()
        let z = [0.5, -1, 1, 2]
        #expect(f.sigmaScale(chiSquare: 2.5) == 2)
        let known = f.draw(z)
        let tol = 1e-12
        #expect(abs(known.interceptPct - 2) < tol && abs(known.momentum - 0.425) < tol)
        #expect(abs(known.reversion + 0.15) < tol && abs(known.gapCoefficient - 0.5) < tol && known.residualSDPct == 4)
        let m = f.draw(z, chiSquare: 2.5)
        #expect(abs(m.interceptPct - 3) < tol && abs(m.momentum - 0.35) < tol)
        #expect(abs(m.reversion + 0.1) < tol && abs(m.gapCoefficient - 0.7) < tol)
        #expect(m.residualSDPct == 8)
        // χ² = 40: σ/s = 1/2.
        let narrow = f.draw(z, chiSquare: 40)
        #expect(abs(narrow.interceptPct - 1.5) < tol && narrow.residualSDPct == 2)
    }

    /// The sign bounds are imposed after the scaling: δ̂ = −0.2, F[2][2] = 0.15, z₃ = 1 gives −0.05 with
    /// σ known but −0.2 + 2·0.15 = +0.1 → 0 at σ/s = 2.
    @Test func signBoundsStillClampTheScaledDraw() {
        let f = Self.fit(reversionSD: 0.15)
        #expect(abs(f.draw([0, 0, 1, 0]).reversion + 0.05) < 1e-12)
        #expect(f.draw([0, 0, 1, 0], chiSquare: 2.5).reversion == 0)
    }

    /// Without ν (σ taken as known) a χ² value changes nothing, and no χ² is drawn.
    @Test func withoutDegreesOfFreedomSigmaIsKnown() {
        let f = Self.fit(degreesOfFreedom: nil)
        #expect(f.sigmaScale(chiSquare: 2.5) == 1)
        #expect(f.draw([0.5, -1, 1, 2], chiSquare: 2.5) == f.draw([0.5, -1, 1, 2]))
        var g = SplitMix64(seed: 1)
        #expect(f.drawChiSquare(&g) == nil)
    }

    /// With F = 0 and α̂ = 0 the drawn shock σ·z, σ² = s²·ν/χ²_ν, is s·t_ν (Student t): over 100,000 draws
    /// with s = 1, ν = 5 its 95% quantile is t₅,0.95 = 2.015 (standard error ≈ 0.011; bound 0.06), where σ
    /// known would give the normal 1.645; and E[(σ/s)²] = ν/(ν − 2) = 5/3 (standard error ≈ 0.008; bound 0.05).
    @Test func predictiveShockIsStudentT() {
        let f = PriceModelFit(kind: .dram, model: SupplyDemandPriceModel(interceptPct: 0, momentum: 0, gapCoefficient: 0,
                                                                         residualSDPct: 1),
                              samplingFactor: Array(repeating: [0, 0, 0, 0], count: 4), observations: 9,
                              degreesOfFreedom: 5, rSquared: 0, note: "")
        var main = SplitMix64(seed: 11), sigma = SplitMix64.varianceStream(seed: 11, index: 0)
        let n = 100_000
        var shocks = [Double](), sumScale2 = 0.0
        shocks.reserveCapacity(n)
        for _ in 0..<n {
            let m = f.draw([0, 0, 0, 0], chiSquare: f.drawChiSquare(&sigma))
            sumScale2 += m.residualSDPct * m.residualSDPct
            shocks.append(m.residualSDPct * main.nextNormal())
        }
        let q95 = QuantileSummary(draws: shocks).p95
        #expect(abs(q95 - 2.015) < 0.06, "p95 \(q95)")
        #expect(abs(sumScale2 / Double(n) - 5.0 / 3) < 0.05, "E[(σ/s)²] \(sumScale2 / Double(n))")
    }

    /// With a predictive scale (σ_oos = 6 on m = 20 recursive residuals) the draw's σ² is σ_oos²·m/χ²_m: χ² = 5
    /// gives c = √(20/5) = 2, σ = 12 and the coefficient deviation 2·F·z as before (α = 1 + 2·1 = 3); without a χ²
    /// σ = σ_oos. The χ² is drawn on m, not ν = 10.
    @Test func aPredictiveScaleReplacesSAndNu() {
        var f = Self.fit()
        f.predictive = PriceModelFit.PredictiveScale(sdPct: 6, count: 20)
        let z = [0.5, -1, 1, 2]
        let m = f.draw(z, chiSquare: 5)
        #expect(m.residualSDPct == 12 && abs(m.interceptPct - 3) < 1e-12)
        #expect(f.draw(z).residualSDPct == 6)
        var a = SplitMix64(seed: 9), b = SplitMix64(seed: 9)
        #expect(f.drawChiSquare(&a) == b.nextChiSquare(degreesOfFreedom: 20))
    }
}
