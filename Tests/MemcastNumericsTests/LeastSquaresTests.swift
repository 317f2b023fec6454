import Testing
@testable import MemcastNumerics

/// Least squares: identities and refusals that must hold for any correct solver.
@Suite struct LeastSquaresTests {

    static func design(n: Int, k: Int, seed: UInt64) -> Matrix {
        var g = SplitMix(state: seed)
        var a = Matrix(rows: n, cols: k)
        for j in 0..<k { for i in 0..<n { a[i, j] = j == 0 ? 1 : g.next() } }
        return a
    }

    /// y = X·β exactly (small integers, exact in binary) ⇒ b̂ = β, e = 0.
    @Test(arguments: [LeastSquaresMethod.qr, .svd])
    func exactFitRecoversCoefficients(method: LeastSquaresMethod) throws {
        let x = Matrix(rowMajor: [[1, 0], [1, 1], [1, 2], [1, 3]])
        let y: [Double] = [2, 5, 8, 11]  // 2 + 3x
        let s = try LeastSquares.solve(x, y, method: method)
        #expect(s.coefficients == [2, 3])
        #expect(s.residuals == [0, 0, 0, 0])
        #expect(s.rank == 2 && s.aliased.isEmpty && s.warnings.isEmpty)
    }

    /// Xb̂ + e = y and Xᵀe ≈ 0 (normal equations) on a random design with noise.
    @Test(arguments: [LeastSquaresMethod.qr, .svd])
    func residualIdentities(method: LeastSquaresMethod) throws {
        let x = Self.design(n: 50, k: 4, seed: 7)
        var g = SplitMix(state: 99)
        let y = (0..<50).map { i in 1 + 2 * x[i, 1] - x[i, 2] + 0.5 * x[i, 3] + 0.1 * g.next() }
        let s = try LeastSquares.solve(x, y, method: method)
        for i in 0..<50 { #expect(abs(s.fitted[i] + s.residuals[i] - y[i]) <= 4e-16 * max(1, abs(y[i]))) }
        for j in 0..<4 {
            let xte = DoubleDouble.dot(x.column(j), s.residuals)
            #expect(abs(xte) <= 1e-14, "column \(j): Xᵀe = \(xte)")
        }
    }

    /// QR and SVD solutions agree to near working precision on a well-conditioned design.
    @Test func qrAndSvdAgree() throws {
        let x = Self.design(n: 40, k: 5, seed: 3)
        var g = SplitMix(state: 5)
        let y = (0..<40).map { _ in g.next() }
        let q = try LeastSquares.solve(x, y, method: .qr)
        let v = try LeastSquares.solve(x, y, method: .svd)
        for j in 0..<5 { #expect(abs(q.coefficients[j] - v.coefficients[j]) <= 1e-14 * max(1, abs(q.coefficients[j]))) }
        for i in 0..<5 { for j in 0..<5 {
            let a = q.unscaledCovariance[i, j], b = v.unscaledCovariance[i, j]
            #expect(abs(a - b) <= 1e-12 * max(abs(a), 1e-3))
        } }
        #expect(abs(q.conditionNumber / v.conditionNumber - 1) < 1e-10)
    }

    /// A column equal to the sum of two earlier ones is aliased (the later one,
    /// as in R), reported by name with a warning; the fit uses the others.
    @Test(arguments: [LeastSquaresMethod.qr, .svd])
    func collinearColumnIsAliasedByName(method: LeastSquaresMethod) throws {
        let base = Self.design(n: 30, k: 3, seed: 11)
        var cols = (0..<3).map { base.column($0) }
        cols.insert(zip(cols[1], cols[2]).map { $0 + $1 }, at: 2)  // c = a + b, placed before b? no: after a
        // columns: const, a, a+b, b  → b is a combination of earlier columns
        let x = Matrix(columns: cols)
        let y = (0..<30).map { i in 1 + cols[1][i] - 2 * cols[3][i] }
        let s = try LeastSquares.solve(x, y, columnNames: ["const", "a", "a_plus_b", "b"], method: method)
        #expect(s.rank == 3)
        #expect(s.aliased == [3])
        #expect(s.aliasedNames == ["b"])
        #expect(s.coefficients[3].isNaN)
        #expect(s.warnings.contains { $0.contains("b") && $0.contains("aliased") })
        // y = 1 + a − 2b = 1 + 3a − 2(a+b)
        #expect(abs(s.coefficients[0] - 1) < 1e-12 && abs(s.coefficients[1] - 3) < 1e-12 && abs(s.coefficients[2] + 2) < 1e-12)
        #expect(s.unscaledCovariance[3, 3].isNaN && s.unscaledCovariance[0, 3].isNaN && !s.unscaledCovariance[0, 0].isNaN)
    }

    /// The example in `LeastSquares.solve`'s documentation.
    @Test func documentedExample() throws {
        let x = Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 3], [0, 2, 4, 6]])
        let fit = try LeastSquares.solve(x, [1, 3, 5, 7], columnNames: ["const", "t", "two_t"])
        #expect(abs(fit.coefficients[0] - 1) < 1e-15 && abs(fit.coefficients[1] - 2) < 1e-15 && fit.coefficients[2].isNaN)
        #expect(fit.aliasedNames == ["two_t"] && fit.columnNames == ["const", "t", "two_t"])
    }

    /// An all-zero design has rank 0: every coefficient NaN, residuals = y.
    @Test func zeroDesignHasRankZero() throws {
        let s = try LeastSquares.solve(Matrix(rows: 3, cols: 2), [1, 2, 3])
        #expect(s.rank == 0 && s.aliased == [0, 1] && s.residuals == [1, 2, 3])
        #expect(s.coefficients.allSatisfy { $0.isNaN })
    }

    // MARK: Bad input: thrown errors that say which and where.

    @Test func rejectsEmpty() {
        #expect(throws: LapackError.empty(operation: "least squares design X", shape: (0, 2))) {
            try LeastSquares.solve(Matrix(rows: 0, cols: 2), [])
        }
    }

    @Test func rejectsMismatchedShapesNamingBoth() {
        #expect(throws: LapackError.dimensionMismatch(operation: "least squares X·b ≈ y", lhs: (3, 1), rhs: (2, 1))) {
            try LeastSquares.solve(Matrix(rows: 3, cols: 1, repeating: 1), [1, 2])
        }
    }

    @Test func rejectsMoreColumnsThanRows() {
        #expect(throws: LapackError.underdetermined(operation: "least squares", rows: 2, cols: 3)) {
            try LeastSquares.solve(Matrix(rows: 2, cols: 3, repeating: 1), [1, 2])
        }
    }

    @Test func rejectsNonFiniteNamingRowAndColumn() throws {
        var x = Matrix(rows: 4, cols: 2, repeating: 1)
        x[2, 1] = .nan
        let e = #expect(throws: LapackError.self) {
            try LeastSquares.solve(x, [1, 2, 3, 4], columnNames: ["const", "dram_usd_per_gb"])
        }
        #expect(e?.description == "least squares X column 'dram_usd_per_gb': non-finite value nan at row 3, column 2")
        #expect(throws: LapackError.nonFinite(operand: "least squares y", row: 1, column: 0, value: .infinity)) {
            try LeastSquares.solve(Matrix(rows: 3, cols: 1, repeating: 1), [1, .infinity, 2])
        }
    }

    @Test func rejectsBadToleranceAndNameCount() {
        #expect(throws: LapackError.self) { try LeastSquares.solve(Matrix(rows: 3, cols: 1, repeating: 1), [1, 2, 3], rankTolerance: 2) }
        #expect(throws: LapackError.self) { try LeastSquares.solve(Matrix(rows: 3, cols: 1, repeating: 1), [1, 2, 3], columnNames: ["a", "b"]) }
    }

    /// The reusable solver gives bit-identical answers to the one-shot call,
    /// also after solving a larger problem in between (scratch reuse).
    @Test func reusableSolverMatchesOneShot() throws {
        let solver = LeastSquaresSolver()
        let small = Self.design(n: 10, k: 3, seed: 1), big = Self.design(n: 200, k: 6, seed: 2)
        let ys = (0..<10).map { Double($0 % 3) }, yb = (0..<200).map { Double($0 % 7) }
        let a = try solver.solve(small, ys)
        _ = try solver.solve(big, yb)
        let b = try solver.solve(small, ys)
        let c = try LeastSquares.solve(small, ys)
        #expect(a.coefficients == b.coefficients && b.coefficients == c.coefficients)
        #expect(a.unscaledCovariance == c.unscaledCovariance && a.residuals == c.residuals)
    }
}

/// Extreme magnitudes: no trap, and never a silent NaN/Inf.
@Suite struct LeastSquaresExtremeValueTests {
    /// Columns whose 2-norm overflows (entries near 1e308) are still scaled
    /// exactly and solved.
    @Test func hugeButFiniteColumnsAreSolved() throws {
        let x = Matrix(columns: [[1, 1, 1, 1], [1e308, 1.5e308, -1e308, 0.5e308]])
        let y = [1.0, 2, 3, 4]
        let s = try LeastSquares.solve(x, y)
        #expect(s.coefficients.allSatisfy { $0.isFinite })
        let exact = try LeastSquares.solve(Matrix(columns: [[1, 1, 1, 1], [1, 1.5, -1, 0.5]]), y)
        #expect(abs(s.coefficients[0] - exact.coefficients[0]) < 1e-14 * abs(exact.coefficients[0]))
        #expect(abs(s.coefficients[1] * 1e308 - exact.coefficients[1]) < 1e-14 * abs(exact.coefficients[1]))
    }

    /// A response whose coefficients cannot be represented throws instead of returning Inf.
    @Test func overflowingCoefficientsThrow() {
        let x = Matrix(columns: [[1e-300, 2e-300, 3e-300]])
        #expect(throws: LapackError.self) { try LeastSquares.solve(x, [1e300, 2e300, 3.1e300]) }
    }

    @Test func qrSolveRejectsRankOutOfRange() throws {
        let qr = try PivotedQR(Matrix(rows: 3, cols: 2, repeating: 1))
        #expect(throws: LapackError.self) { try qr.solve([1, 2, 3], rank: 3) }
        #expect(throws: LapackError.self) { try SVD.leastSquares(Matrix.identity(2), [1, 2], rcond: .nan) }
    }
}
