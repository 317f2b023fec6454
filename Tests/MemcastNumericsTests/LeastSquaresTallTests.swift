import Testing
@testable import MemcastNumerics

/// The tall path (CholeskyQR2 + corrected semi-normal equations, no n×k copies)
/// must give what the general path gives, and must hand hard problems back to it.
@Suite struct LeastSquaresTallTests {
    /// n = 40,000, k = 30 (1.2M elements: the tall path), columns of very different
    /// scales and a dummy block, noisy response. Against the SVD (general) path:
    /// coefficients and residuals to 1e-13 relative, covariance to 1e-11, singular
    /// values to 1e-12.
    @Test func matchesTheGeneralPath() throws {
        var g = SplitMix(state: 77)
        let n = 40_000, k = 30
        var x = Matrix(rows: n, cols: k)
        for i in 0..<n {
            x[i, 0] = 1
            for j in 1..<10 { x[i, j] = pow10(j % 5) * g.next() }
            // 21 levels, the first the reference: dummies for levels 1…20.
            let level = Int((g.next() + 0.5) * 21)
            if level >= 1 { x[i, 9 + level] = 1 }
        }
        let y = (0..<n).map { i in 2 + 0.5 * x[i, 1] - 3 * x[i, 2] + 0.1 * x[i, 12] + 0.3 * g.next() }
        let tall = try LeastSquares.solve(x, y)
        let general = try LeastSquares.solve(x, y, method: .svd)
        #expect(tall.rank == k && tall.aliased.isEmpty)
        #expect(tall.refinementSteps >= 1 && tall.estimatedRelativeError <= 1e-12)
        let bmax = general.coefficients.map(abs).max()!
        for j in 0..<k {
            #expect(abs(tall.coefficients[j] - general.coefficients[j]) <= 1e-13 * bmax, "coefficient \(j)")
        }
        for i in stride(from: 0, to: n, by: 997) {
            #expect(abs(tall.residuals[i] - general.residuals[i]) <= 1e-12, "residual \(i)")
            #expect(abs(tall.fitted[i] + tall.residuals[i] - y[i]) <= 4e-16 * max(1, abs(y[i])))
        }
        for j in 0..<k { for i in 0..<k {
            let a = tall.unscaledCovariance[i, j], b = general.unscaledCovariance[i, j]
            let scale = (general.unscaledCovariance[i, i] * general.unscaledCovariance[j, j]).squareRoot()
            #expect(abs(a - b) <= 1e-11 * scale, "covariance (\(i), \(j))")
        } }
        for (a, b) in zip(tall.singularValues, general.singularValues) { #expect(abs(a - b) <= 1e-12 * b) }
        #expect(abs(tall.conditionNumber / general.conditionNumber - 1) < 1e-10)
    }

    /// A tall design with an exactly collinear column is not full rank: the tall
    /// path must decline (Cholesky fails or κ is too large) and the general path
    /// reports the aliased column by name.
    @Test func collinearTallDesignFallsBackAndAliases() throws {
        var g = SplitMix(state: 3)
        let n = 50_000, k = 24
        var x = Matrix(rows: n, cols: k)
        for i in 0..<n {
            for j in 0..<(k - 1) { x[i, j] = j == 0 ? 1 : g.next() }
            x[i, k - 1] = x[i, 1] + x[i, 2]
        }
        let y = (0..<n).map { i in x[i, 1] + g.next() }
        let s = try LeastSquares.solve(x, y)
        #expect(s.rank == k - 1)
        #expect(s.aliased == [k - 1])
    }

    private func pow10(_ e: Int) -> Double { [1, 10, 100, 1000, 1e4][e] }
}
