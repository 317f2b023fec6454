import Foundation
import Testing
@testable import MemcastNumerics

/// Cholesky (dpotrf/dpotrs/dpotri/dpstrf).
@Suite struct CholeskyTests {
    static func spd(_ n: Int, seed: UInt64) -> Matrix {
        var g = SplitMix(state: seed)
        var s = g.matrix(n + 3, n).gram()
        for i in 0..<n { s[i, i] += 0.1 }
        return s
    }

    /// L·Lᵀ = A with L lower triangular, positive diagonal.
    @Test func factorReconstructs() throws {
        let a = Self.spd(5, seed: 30)
        let l = try Cholesky(a).lower
        for j in 0..<5 { for i in 0..<j { #expect(l[i, j] == 0) }; #expect(l[j, j] > 0) }
        #expect(relDiff(l.gram(.none), a) < 1e-14)
    }

    /// A·A⁻¹ = I and A·x = b.
    @Test func inverseAndSolve() throws {
        let a = Self.spd(4, seed: 31)
        let c = try Cholesky(a)
        #expect(relDiff(try Matrix.product(a, try c.inverse()), .identity(4)) < 1e-12)
        let b = [1.0, -2, 0.5, 3]
        #expect(maxAbsDiff(try a.times(try c.solve(b)), b) < 1e-12)
        let lu = try LU(a)
        #expect(abs(c.logDeterminant - log(lu.determinant)) < 1e-12)
    }

    @Test func reportsNotPositiveDefiniteAndNotSymmetric() {
        #expect(throws: LapackError.notPositiveDefinite(routine: "dpotrf", minor: 2)) {
            try Cholesky(Matrix(rowMajor: [[1, 2], [2, 1]]))
        }
        #expect(throws: LapackError.notSymmetric(operation: "dpotrf", row: 1, column: 0)) {
            try Cholesky(Matrix(rowMajor: [[2, 1], [0, 2]]))
        }
        #expect(throws: LapackError.self) { try Cholesky(Matrix(rows: 2, cols: 3, repeating: 1)) }
    }

    /// A semidefinite covariance (rank 2 of 3) still gives a sampling factor F·Fᵀ = Σ;
    /// an indefinite one is refused.
    @Test func samplingFactorForSemidefinite() throws {
        let v = Matrix(columns: [[1, 2, 3], [0, 1, -1]])
        let sigma = v.gram(.none)  // 3×3, rank 2
        #expect(throws: LapackError.self) { try Cholesky.samplingFactor(covariance: sigma) }
        let f = try Cholesky.samplingFactor(covariance: sigma, allowSemidefinite: true)
        #expect(relDiff(f.gram(.none), sigma) < 1e-12)
        #expect(throws: LapackError.self) {
            try Cholesky.samplingFactor(covariance: Matrix(rowMajor: [[1, 0], [0, -1]]), allowSemidefinite: true)
        }
        let pd = Self.spd(3, seed: 32)
        #expect(try Cholesky.samplingFactor(covariance: pd) == (try Cholesky(pd).lower))
    }
}
