import Testing
@testable import MemcastNumerics

/// A design held as dense columns plus level codes must give, from the codes, what
/// the same design gives as a dense matrix — and hand back what it cannot solve.
@Suite struct StructuredDesignTests {
    /// n rows: intercept, two numeric columns of different scales, and three factors
    /// (4, 7 and 30 levels, treatment coded: the first level has no column), with the
    /// design columns interleaved (dense and factor columns mixed) to exercise the mapping.
    static func design(n: Int, seed: UInt64 = 11, levels: [Int] = [4, 7, 30]) -> (StructuredDesign, [Double]) {
        var g = SplitMix(state: seed)
        let numeric = 2
        let k = 1 + numeric + levels.reduce(0) { $0 + $1 - 1 }
        // Design column order: intercept, factor 0, numeric 0, factor 1, numeric 1, factor 2.
        // Design column order: intercept, factor 0, numeric 0, factor 1, numeric 1, further factors.
        var next = 0
        func take(_ c: Int) -> [Int] { defer { next += c }; return Array(next..<(next + c)) }
        let intercept = take(1)[0]
        var factorColumns: [[Int]] = [], numericColumns: [Int] = []
        for f in levels.indices {
            factorColumns.append(take(levels[f] - 1))
            if numericColumns.count < numeric { numericColumns.append(take(1)[0]) }
        }
        while numericColumns.count < numeric { numericColumns.append(take(1)[0]) }
        precondition(next == k)
        var dense = Matrix(rows: n, cols: 3)
        var codes = [[Int32]](repeating: [Int32](repeating: 0, count: n), count: levels.count)
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            dense[i, 0] = 1
            dense[i, 1] = 1000 * (g.next() + 2)
            dense[i, 2] = 0.01 * g.next()
            for f in levels.indices { codes[f][i] = Int32(Int((g.next() + 0.5) * Double(levels[f])) % levels[f]) }
            y[i] = 3 + 0.002 * dense[i, 1] - 40 * dense[i, 2] + 0.3 * Double(codes[0][i]) - 0.1 * Double(codes[levels.count - 1][i] % 5)
                + 0.5 * g.next()
        }
        let factors = factorColumns.enumerated().map { f, cols in
            StructuredDesign.Factor(codes: codes[f], columnOfLevel: [-1] + cols)
        }
        let x = StructuredDesign(rows: n, cols: k, dense: dense, denseColumns: [intercept] + numericColumns, factors: factors)
        return (x, y)
    }

    /// The Gram of the codes equals the Gram of the materialised matrix: counts and
    /// cross-tabulations exactly, sums to rounding (compensated: to the last bit of the
    /// dense double-double Gram), with a y border and with weights. Level sets: few
    /// combinations (accumulated as joint cells), more than `maximumJointCells`
    /// combinations (by factor and pair), one factor.
    @Test(arguments: [[4, 7, 30], [70, 80], [12]])
    func gramMatchesTheDenseGram(levels: [Int]) {
        let (x, y) = Self.design(n: 40_000, levels: levels)
        let dense = x.materialize()
        let k = x.cols
        var g = SplitMix(state: 5)
        let w = (0..<x.rows).map { _ in 0.5 + g.next() }
        let plain = x.gram(bordering: y, weights: w, summation: .plain)
        let compensated = x.gram(bordering: y, summation: .compensated)
        #expect(plain.order == k + 1 && compensated.order == k + 1)
        let reference = dense.weightedGram(rowWeights: w)
        for j in 0..<k { for i in 0..<k {
            let a = plain.hi[i + j * (k + 1)], b = reference[i, j]
            #expect(abs(a - b) <= 1e-12 * (reference[i, i] * reference[j, j]).squareRoot(), "weighted (\(i), \(j))")
        } }
        // Unweighted, compensated: every entry is Σ of exact products, so hi + lo is the
        // correctly rounded sum; compare with a double-double dot of the dense columns.
        for j in 0..<k { for i in 0...j {
            let ci = Array(dense.storage[(i * x.rows)..<((i + 1) * x.rows)])
            let cj = Array(dense.storage[(j * x.rows)..<((j + 1) * x.rows)])
            let exact = DoubleDouble.dot(ci, cj)
            #expect(compensated.hi[i + j * (k + 1)] + compensated.lo[i + j * (k + 1)] == exact, "(\(i), \(j))")
        } }
        for j in 0..<k {
            let cj = Array(dense.storage[(j * x.rows)..<((j + 1) * x.rows)])
            #expect(compensated.hi[j + k * (k + 1)] + compensated.lo[j + k * (k + 1)] == DoubleDouble.dot(cj, y), "Xᵀy \(j)")
        }
    }

    /// Fixed row blocks summed in block order: one thread and three give the same bits
    /// (Gram in both summations, and the refined solve with its residuals).
    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let (x, y) = Self.design(n: 50_000)
        for summation in [StructuredDesign.Summation.plain, .compensated] {
            let one = x.gram(bordering: y, summation: summation, threads: 1)
            let three = x.gram(bordering: y, summation: summation, threads: 3)
            #expect(one.hi == three.hi && one.lo == three.lo)
        }
        let a = try #require(try LeastSquaresSolver().solve(x, y, threads: 1))
        let b = try #require(try LeastSquaresSolver().solve(x, y, threads: 3))
        #expect(a.coefficients == b.coefficients && a.residuals == b.residuals)
        #expect(a.unscaledCovariance == b.unscaledCovariance)
    }

    /// wᵢ·xᵢᵀBxᵢ from the codes equals the dense computation.
    @Test func quadraticFormsMatchDense() throws {
        let (x, _) = Self.design(n: 3_000, levels: [3, 5, 4])
        let k = x.cols
        var g = SplitMix(state: 9)
        let b = g.matrix(k, k)
        let w = (0..<x.rows).map { _ in 1 + g.next() }
        let q = x.quadraticForms(b, weights: w)
        let d = x.materialize()
        for i in stride(from: 0, to: x.rows, by: 7) {
            let row = d.row(i)
            var s = 0.0
            for a in 0..<k { for c in 0..<k { s += row[a] * b[a, c] * row[c] } }
            #expect(abs(q[i] - w[i] * s) <= 1e-12 * max(1, abs(w[i] * s)), "row \(i)")
        }
    }

    /// OLS and WLS from the codes against the general (SVD) dense path: coefficients and
    /// residuals to 1e-13 relative, (XᵀWX)⁻¹ to 1e-11, singular values to 1e-10 (they
    /// come from the Gram's eigenvalues: relative error ≈ κₛ²·ε).
    @Test(arguments: [false, true])
    func matchesTheDensePath(weighted: Bool) throws {
        let (x, y) = Self.design(n: 40_000)
        let n = x.rows, k = x.cols
        var g = SplitMix(state: 3)
        let w: [Double]? = weighted ? (0..<n).map { _ in 0.25 + 2 * (g.next() + 0.5) } : nil
        guard let s = try LeastSquaresSolver().solve(x, y, weights: w) else {
            Issue.record("the structured path declined a well-conditioned design"); return
        }
        var dx = x.materialize(), dy = y
        if let w {
            for j in 0..<k { for i in 0..<n { dx.storage[i + j * n] *= w[i].squareRoot() } }
            for i in 0..<n { dy[i] *= w[i].squareRoot() }
        }
        let general = try LeastSquares.solve(dx, dy, method: .svd)
        #expect(s.rank == k && s.aliased.isEmpty && s.warnings.isEmpty)
        #expect(s.refinementSteps >= 1 && s.estimatedRelativeError <= 1e-14)
        for j in 0..<k {
            let scale = abs(general.coefficients[j]) + general.unscaledCovariance[j, j].squareRoot()
            #expect(abs(s.coefficients[j] - general.coefficients[j]) <= 1e-13 * scale, "coefficient \(j)")
        }
        for i in stride(from: 0, to: n, by: 991) {
            let r = general.residuals[i] / (w?[i].squareRoot() ?? 1)
            #expect(abs(s.residuals[i] - r) <= 1e-12 * max(1, abs(y[i])), "residual \(i)")
            #expect(abs(s.fitted[i] + s.residuals[i] - y[i]) <= 4e-16 * max(1, abs(y[i])))
        }
        for j in 0..<k { for i in 0..<k {
            let scale = (general.unscaledCovariance[i, i] * general.unscaledCovariance[j, j]).squareRoot()
            #expect(abs(s.unscaledCovariance[i, j] - general.unscaledCovariance[i, j]) <= 1e-11 * scale, "covariance (\(i), \(j))")
        } }
        for (a, b) in zip(s.singularValues, general.singularValues) { #expect(abs(a - b) <= 1e-10 * b) }
        #expect(abs(s.conditionNumber - general.conditionNumber) <= 1e-10 * general.conditionNumber)
    }

    /// Without refinement (bootstrap replications): the normal equations plus one
    /// correction agree with the refined answer to 1e-12 relative.
    @Test func unrefinedSolveIsCloseToTheRefinedOne() throws {
        let (x, y) = Self.design(n: 20_000, seed: 4, levels: [5, 7])
        let solver = LeastSquaresSolver()
        let refined = try #require(try solver.solve(x, y))
        let quick = try #require(try solver.solve(x, y, refine: false, diagnostics: false))
        #expect(quick.residuals.isEmpty && quick.estimatedRelativeError.isNaN)
        for j in 0..<x.cols {
            let scale = abs(refined.coefficients[j]) + refined.unscaledCovariance[j, j].squareRoot()
            #expect(abs(quick.coefficients[j] - refined.coefficients[j]) <= 1e-12 * scale)
        }
    }

    /// What the structured path must hand back (nil) to the dense path, which then
    /// decides rank and aliasing: a level no row has (a zero column), a factor that
    /// duplicates another (collinear indicator blocks), a numeric column nearly equal
    /// to another (κₛ above the gate), and a non-finite value.
    @Test func declinesWhatItCannotCertify() throws {
        let (x, y) = Self.design(n: 2_000, levels: [4, 6])
        let solver = LeastSquaresSolver()
        #expect(try solver.solve(x, y) != nil)
        let dense = x.dense, factors = x.factors

        // Level 3 of factor 0 never occurs: its column is zero.
        var empty = factors
        empty[0].codes = empty[0].codes.map { $0 == 3 ? 2 : $0 }
        let xEmpty = StructuredDesign(rows: x.rows, cols: x.cols, dense: dense, denseColumns: x.denseColumns, factors: empty)
        #expect(try solver.solve(xEmpty, y) == nil)
        let fallback = try LeastSquares.solve(xEmpty.materialize(), y)
        #expect(fallback.aliased == [empty[0].columnOfLevel[3]])

        // Two 4-level factors with the same codes: the second's indicators repeat the first's.
        let (x4, y4) = Self.design(n: 2_000, levels: [4, 4])
        var copy = x4.factors
        copy[1].codes = copy[0].codes
        let xCopy = StructuredDesign(rows: x4.rows, cols: x4.cols, dense: x4.dense, denseColumns: x4.denseColumns, factors: copy)
        #expect(try solver.solve(x4, y4) != nil)
        #expect(try solver.solve(xCopy, y4) == nil)
        #expect(try LeastSquares.solve(xCopy.materialize(), y4).aliased == copy[1].columnOfLevel.filter { $0 >= 0 })

        // Second numeric column ≈ a multiple of the first: κₛ ≈ 10⁷.
        var near = dense
        for i in 0..<x.rows { near[i, 2] = near[i, 1] * (1 + 1e-7 * Double(i % 3)) }
        let xNear = StructuredDesign(rows: x.rows, cols: x.cols, dense: near, denseColumns: x.denseColumns, factors: factors)
        #expect(try solver.solve(xNear, y) == nil)

        var yBad = y
        yBad[17] = .nan
        #expect(try solver.solve(x, yBad) == nil)
        var infinite = dense
        infinite[1_999, 1] = .infinity  // in the scalar tail of the SIMD check
        let xInf = StructuredDesign(rows: x.rows, cols: x.cols, dense: infinite, denseColumns: x.denseColumns, factors: factors)
        #expect(try solver.solve(xInf, y) == nil)
        var w = [Double](repeating: 1, count: x.rows)
        #expect(try solver.solve(x, y, weights: w) != nil)
        w[8] = -1
        #expect(try solver.solve(x, y, weights: w) == nil)
    }

    /// Gathering rows (a bootstrap resample) then materialising equals materialising
    /// then gathering.
    @Test func gatheringMatchesDenseRows() {
        let (x, _) = Self.design(n: 500, levels: [3, 4])
        let index = (0..<300).map { ($0 * 37 + 11) % 500 }
        let gathered = index.withUnsafeBufferPointer { x.gathering(rows: $0) }.materialize()
        let d = x.materialize()
        for (r, i) in index.enumerated() { #expect(gathered.row(r) == d.row(i)) }
    }
}
