import Foundation
import Testing
@testable import MemcastNumerics

/// "Never silently wrong" on designs past double precision.
///
/// Polynomials of degree 1…12 in x ∈ [10, 14] push κ(X) from ~1e3 past 1e20.
/// Fixtures/near_singular_reference.json holds the exact least-squares
/// solution for the very doubles of each design (rational arithmetic, by
/// near_singular_reference.py). For every degree the solver must do one of:
/// refuse (`LapackError.illConditioned`), report aliased columns with a
/// warning, or return full rank with coefficients correct to ≥ 7 digits
/// (the refusal threshold is an estimated 1e-8; one digit of slack for the
/// estimate) — and a warning whenever it claims fewer than 12 digits.
@Suite struct NearSingularTests {
    struct Case { let degree: Int; let exact: [Double] }

    static func load() throws -> (x: [Double], y: [Double], cases: [Case]) {
        let url = Bundle.module.url(forResource: "Fixtures/near_singular_reference", withExtension: "json")!
        let j = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let nums = { (k: String) in (j[k] as! [NSNumber]).map(\.doubleValue) }
        let cases = (j["cases"] as! [[String: Any]]).map {
            Case(degree: $0["degree"] as! Int, exact: ($0["coefficients"] as! [NSNumber]).map(\.doubleValue))
        }
        return (nums("x"), nums("y"), cases)
    }

    static func design(_ x: [Double], degree: Int) -> Matrix {
        var cols = [Array(repeating: 1.0, count: x.count)]
        var p = x
        for _ in 0..<degree { cols.append(p); p = zip(p, x).map { $0 * $1 } }
        return Matrix(columns: cols)
    }

    @Test(arguments: [LeastSquaresMethod.qr, .svd])
    func refusedAliasedOrAccurate(method: LeastSquaresMethod) throws {
        let (x, y, cases) = try Self.load()
        var outcomes: [String] = []
        for c in cases {
            let X = Self.design(x, degree: c.degree)
            do {
                let s = try LeastSquares.solve(X, y, method: method)
                if s.rank < c.degree + 1 {
                    #expect(!s.aliased.isEmpty && s.warnings.contains { $0.contains("aliased") })
                    outcomes.append("d\(c.degree): aliased \(s.aliasedNames) (κ \(shortNumber(s.conditionNumber)))")
                    continue
                }
                let digits = zip(s.coefficients, c.exact).map(lre).min()!
                outcomes.append("d\(c.degree): \(String(format: "%.1f", digits)) digits (κ \(shortNumber(s.conditionNumber)), est \(shortNumber(s.estimatedRelativeError)))")
                #expect(digits >= 7, "degree \(c.degree) \(method): \(digits) digits returned without refusal")
                if digits < 12 { #expect(!s.warnings.isEmpty, "degree \(c.degree): \(digits) digits without a warning") }
            } catch let e as LapackError {
                guard case .illConditioned = e else { throw e }
                outcomes.append("d\(c.degree): refused")
            }
        }
        print("near-singular \(method): " + outcomes.joined(separator: "; "))
    }

    /// Filip at κ ≈ 1.8e15: against the exact solution of the double-rounded
    /// design it is given (not NIST's decimal data), the solver is exact to
    /// ≥ 13 digits; its 7.9 digits against NIST are the inputs' rounding.
    @Test(arguments: [LeastSquaresMethod.qr, .svd])
    func filipExactForTheDoublesGiven(method: LeastSquaresMethod) throws {
        let url = Bundle.module.url(forResource: "Fixtures/near_singular_reference", withExtension: "json")!
        let j = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let exact = ((j["filip"] as! [String: Any])["coefficients"] as! [NSNumber]).map(\.doubleValue)
        let d = try NISTDataset.load("Filip")
        let s = try LeastSquares.solve(d.design, d.y, method: method)
        let digits = zip(s.coefficients, exact).map(lre).min()!
        print("Filip \(method): \(digits) digits against the exact double-design solution")
        #expect(digits >= 13, "Filip \(method): \(digits) digits against the exact double-design solution")
    }

    /// Forcing full rank past the tolerance (τ = 1e-30) on the degree-12
    /// design (κ after scaling far beyond 1/ε) must be refused: refinement
    /// cannot converge, and the error says what to do.
    @Test(arguments: [LeastSquaresMethod.qr, .svd])
    func forcedFullRankIsRefused(method: LeastSquaresMethod) throws {
        let (x, y, cases) = try Self.load()
        let c = cases.first { $0.degree == 12 }!
        do {
            let s = try LeastSquares.solve(Self.design(x, degree: 12), y, method: method, rankTolerance: 1e-30)
            let digits = zip(s.coefficients, c.exact).map(lre).min()!
            Issue.record("returned \(digits) digits at rank \(s.rank) instead of refusing; warnings \(s.warnings)")
        } catch let e as LapackError {
            guard case .illConditioned = e else { throw e }
            #expect(e.description.contains("rank-deficient"))
        }
    }
}
