import Foundation
import Testing
@testable import MemcastNumerics

/// Accuracy on the NIST StRD linear least-squares suite (all eleven sets).
///
/// For each set the certified coefficients Bⱼ, their standard deviations
/// sⱼ = σ̂·√((XᵀX)⁻¹)ⱼⱼ, the residual SD σ̂ = √(RSS/(n − p)) and R² are
/// compared by LRE (digits of agreement; absolute error where certified = 0).
/// Floors: the (Norris, NoInt1, Pontius ≥ 11; Longley ≥ 10;
/// Wampler1 ≥ 8 on coefficients), raised to what refinement achieves here
/// less about one digit of margin for other BLAS kernels. Filip: ≥ 7 digits or
/// a refusal, never silently wrong (its own test below).
@Suite struct NISTLeastSquaresTests {
    struct Floor: CustomTestStringConvertible, Sendable {
        let name: String, coef: Double, sd: Double, resSD: Double, r2: Double
        var testDescription: String { name }
    }

    static let floors: [Floor] = [
        Floor(name: "Norris", coef: 12, sd: 12, resSD: 12, r2: 12),
        Floor(name: "Pontius", coef: 12, sd: 12, resSD: 12, r2: 12),
        Floor(name: "NoInt1", coef: 12, sd: 12, resSD: 12, r2: 12),
        Floor(name: "NoInt2", coef: 12, sd: 12, resSD: 12, r2: 12),
        Floor(name: "Longley", coef: 13, sd: 13, resSD: 13, r2: 13),
        Floor(name: "Wampler1", coef: 12, sd: 12, resSD: 12, r2: 12),
        Floor(name: "Wampler2", coef: 12, sd: 12, resSD: 12, r2: 12),
        Floor(name: "Wampler3", coef: 13, sd: 13, resSD: 13, r2: 12),
        Floor(name: "Wampler4", coef: 13, sd: 13, resSD: 13, r2: 12),
        Floor(name: "Wampler5", coef: 13, sd: 13, resSD: 13, r2: 12),
    ]

    /// Every certified quantity meets its floor, with QR and with SVD.
    @Test(arguments: floors, [LeastSquaresMethod.qr, .svd])
    func certifiedValuesToFloor(floor: Floor, method: LeastSquaresMethod) throws {
        let d = try NISTDataset.load(floor.name)
        let s = try LeastSquares.solve(d.design, d.y, method: method)
        #expect(s.rank == d.certifiedCoefficients.count && s.warnings.isEmpty)
        let l = NISTStatistics(s, d).lres(d)
        #expect(l.coef >= floor.coef, "\(floor.name) \(method) coefficients LRE \(l.coef)")
        #expect(l.sd >= floor.sd, "\(floor.name) \(method) coefficient SDs LRE \(l.sd)")
        #expect(l.resSD >= floor.resSD, "\(floor.name) \(method) residual SD LRE \(l.resSD)")
        #expect(l.r2 >= floor.r2, "\(floor.name) \(method) R² LRE \(l.r2)")
    }

    /// Filip (degree-10 polynomial, κ(X) ≈ 1.8e15): either the certified digits
    /// (≥ 7 on every coefficient and SD) with full rank, or a thrown refusal that
    /// says the design is numerically rank-deficient. An aliased column, a
    /// wrong number, or a fit without the ill-conditioning warning fails.
    @Test(arguments: [LeastSquaresMethod.qr, .svd])
    func filipCertifiedOrRefused(method: LeastSquaresMethod) throws {
        let d = try NISTDataset.load("Filip")
        let s: LeastSquaresSolution
        do {
            s = try LeastSquares.solve(d.design, d.y, method: method)
        } catch let e as LapackError {
            #expect(e.description.contains("rank-deficient"), "refusal must say why: \(e)")
            return
        }
        #expect(s.rank == 11 && s.aliased.isEmpty)
        // Honest about sensitivity: κ ≈ 5e9 after column scaling leaves ~6 input-stable digits.
        #expect(s.warnings.contains { $0.contains("ill-conditioned") }, "\(s.warnings)")
        #expect(s.conditionNumber > 1e15 && s.conditionNumber < 3e15)
        let l = NISTStatistics(s, d).lres(d)
        #expect(l.coef >= 7, "Filip \(method) coefficients LRE \(l.coef)")
        #expect(l.sd >= 7, "Filip \(method) SDs LRE \(l.sd)")
        #expect(l.resSD >= 7 && l.r2 >= 7)
    }

    /// Refinement is what carries the hard sets: without it, Wampler5's
    /// coefficients lose digits; with it they are exact. (Documents why
    /// `refine` defaults to true; a sharp drop here means refinement broke.)
    @Test func refinementRecoversDigitsOnWampler5() throws {
        let d = try NISTDataset.load("Wampler5")
        let plain = try LeastSquares.solve(d.design, d.y, refine: false)
        let refined = try LeastSquares.solve(d.design, d.y)
        let lPlain = NISTStatistics(plain, d).lres(d).coef, lRefined = NISTStatistics(refined, d).lres(d).coef
        #expect(lRefined >= 13 && lRefined > lPlain + 3, "plain \(lPlain), refined \(lRefined)")
        #expect(refined.refinementSteps >= 1 && refined.estimatedRelativeError < 1e-15)
    }
}
