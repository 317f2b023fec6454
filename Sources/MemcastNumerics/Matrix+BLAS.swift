import CLapack

// Level-2/3 BLAS through OpenBLAS's cblas: dgemm, dgemv, dsyrk, dtrsm, dtrsv.
// All column-major with leading dimension = rows. Operands are read in place
// (no copies); only the result is written. Shapes are checked here and a
// mismatch throws `LapackError.dimensionMismatch` naming both shapes, so no
// user input reaches cblas's own argument checks (which print and continue).
// Empty operands are legal: the product of a 3×0 and a 0×2 matrix is a 3×2
// zero matrix, computed without calling C (cblas rejects lda = 0).

extension Matrix {
    /// op(A)·op(B) (BLAS `dgemm`).
    ///
    ///     let c = try Matrix.product(a, b)               // A·B
    ///     let g = try Matrix.product(x, .transpose, x)   // XᵀX (prefer `gram()`)
    ///
    /// - Throws: `dimensionMismatch(operation: "dgemm op(A)·op(B)", …)` when the
    ///   inner dimensions differ.
    /// - Complexity: O(m·n·k), 2mnk flops.
    public static func product(_ a: Matrix, _ transA: Transpose, _ b: Matrix,
                               _ transB: Transpose = .none) throws -> Matrix {
        let (m, ka) = transA == .none ? (a.rows, a.cols) : (a.cols, a.rows)
        let (kb, n) = transB == .none ? (b.rows, b.cols) : (b.cols, b.rows)
        guard ka == kb else {
            throw LapackError.dimensionMismatch(operation: "dgemm op(A)·op(B)", lhs: (m, ka), rhs: (kb, n))
        }
        var c = Matrix(rows: m, cols: n)
        try multiplyAdd(alpha: 1, a, transA, b, transB, beta: 0, into: &c)
        return c
    }

    /// A·B (BLAS `dgemm`). - Throws: `dimensionMismatch`. - Complexity: O(m·n·k).
    public static func product(_ a: Matrix, _ b: Matrix) throws -> Matrix { try product(a, .none, b, .none) }

    /// A·op(B) (BLAS `dgemm`), e.g. `product(a, a, .transpose)` = AAᵀ.
    public static func product(_ a: Matrix, _ b: Matrix, _ transB: Transpose) throws -> Matrix {
        try product(a, .none, b, transB)
    }

    /// C ← α·op(A)·op(B) + β·C, in place (BLAS `dgemm`). C is overwritten.
    /// - Throws: `dimensionMismatch` when op(A), op(B) and C do not fit.
    /// - Complexity: O(m·n·k).
    public static func multiplyAdd(alpha: Double, _ a: Matrix, _ transA: Transpose, _ b: Matrix,
                                   _ transB: Transpose, beta: Double, into c: inout Matrix) throws {
        let (m, ka) = transA == .none ? (a.rows, a.cols) : (a.cols, a.rows)
        let (kb, n) = transB == .none ? (b.rows, b.cols) : (b.cols, b.rows)
        guard ka == kb else {
            throw LapackError.dimensionMismatch(operation: "dgemm op(A)·op(B)", lhs: (m, ka), rhs: (kb, n))
        }
        guard c.rows == m, c.cols == n else {
            throw LapackError.dimensionMismatch(operation: "dgemm C += op(A)·op(B)", lhs: c.shape, rhs: (m, n))
        }
        if m == 0 || n == 0 { return }
        if ka == 0 {  // empty inner dimension: C ← β·C
            for i in c.storage.indices { c.storage[i] = beta == 0 ? 0 : beta * c.storage[i] }
            return
        }
        a.storage.withUnsafeBufferPointer { ap in
            b.storage.withUnsafeBufferPointer { bp in
                c.storage.withUnsafeMutableBufferPointer { cp in
                    cblas_dgemm(CblasColMajor, transA.cblas, transB.cblas, Int32(m), Int32(n), Int32(ka),
                                alpha, ap.baseAddress, Int32(max(a.rows, 1)), bp.baseAddress, Int32(max(b.rows, 1)),
                                beta, cp.baseAddress, Int32(m))
                }
            }
        }
    }

    /// op(A)·x (BLAS `dgemv`).
    /// - Throws: `dimensionMismatch(operation: "dgemv op(A)·x", …)`.
    /// - Complexity: O(rows·cols).
    public func times(_ x: [Double], _ trans: Transpose = .none) throws -> [Double] {
        let (m, n) = trans == .none ? (rows, cols) : (cols, rows)
        guard x.count == n else {
            throw LapackError.dimensionMismatch(operation: "dgemv op(A)·x", lhs: (m, n), rhs: (x.count, 1))
        }
        var y = [Double](repeating: 0, count: m)
        if m == 0 || n == 0 { return y }
        storage.withUnsafeBufferPointer { ap in
            cblas_dgemv(CblasColMajor, trans.cblas, Int32(rows), Int32(cols), 1, ap.baseAddress, Int32(rows),
                        x, 1, 0, &y, 1)
        }
        return y
    }

    /// The Gram matrix AᵀA (`trans = .transpose`, default) or AAᵀ (`.none`),
    /// symmetric, both triangles filled (BLAS `dsyrk` computes one triangle;
    /// it is mirrored here). About half the flops of `product(a, .transpose, a)`.
    /// - Complexity: O(rows·cols²) for AᵀA.
    public func gram(_ trans: Transpose = .transpose) -> Matrix {
        let (n, k) = trans == .transpose ? (cols, rows) : (rows, cols)
        var c = Matrix(rows: n, cols: n)
        if n == 0 || k == 0 { return c }
        storage.withUnsafeBufferPointer { ap in
            c.storage.withUnsafeMutableBufferPointer { cp in
                cblas_dsyrk(CblasColMajor, CblasUpper, trans.cblas, Int32(n), Int32(k), 1, ap.baseAddress,
                            Int32(rows), 0, cp.baseAddress, Int32(n))
                for j in 0..<n { for i in 0..<j { cp[j + i * n] = cp[i + j * n] } }
            }
        }
        return c
    }

    /// XᵀWX = Σᵢ wᵢ·xᵢxᵢᵀ over the rows xᵢ of `self` (n×k), W = diag(w), wᵢ ≥ 0
    /// (BLAS `dsyrk` on √wᵢ-scaled blocks of 4,096 rows, accumulated): the meat of
    /// a heteroskedasticity-robust covariance without an n×k copy of X.
    /// - Precondition: `w.count == rows`, every wᵢ ≥ 0.
    /// - Complexity: O(n·k²) time, O(4096·k) extra memory.
    public func weightedGram(rowWeights w: [Double]) -> Matrix {
        precondition(w.count == rows, "weightedGram: \(w.count) weights for \(rows) rows")
        let n = rows, k = cols, blockRows = 4096
        var c = Matrix(rows: k, cols: k)
        if n == 0 || k == 0 { return c }
        let block = UnsafeMutablePointer<Double>.allocate(capacity: min(n, blockRows) * (k + 1))
        defer { block.deallocate() }
        let root = block + min(n, blockRows) * k  // √wᵢ of the block's rows, taken once per row
        storage.withUnsafeBufferPointer { ap in
            w.withUnsafeBufferPointer { wp in
                c.storage.withUnsafeMutableBufferPointer { cp in
                    var start = 0
                    while start < n {
                        let m = min(blockRows, n - start)
                        for i in 0..<m {
                            precondition(wp[start + i] >= 0, "weightedGram: negative weight")
                            root[i] = wp[start + i].squareRoot()
                        }
                        for j in 0..<k {
                            let src = ap.baseAddress! + j * n + start, dst = block + j * m
                            for i in 0..<m { dst[i] = src[i] * root[i] }
                        }
                        cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(k), Int32(m), 1, block, Int32(m),
                                    start == 0 ? 0 : 1, cp.baseAddress, Int32(k))
                        start += m
                    }
                    for j in 0..<k { for i in 0..<j { cp[j + i * k] = cp[i + j * k] } }
                }
            }
        }
        return c
    }

    /// Solves op(T)·X = α·B (`side = .left`) or X·op(T) = α·B (`.right`) for
    /// triangular `self` = T, overwriting `b` with X (BLAS `dtrsm`). Only the
    /// `triangle` of T is read. No singularity check: a zero diagonal gives
    /// Inf/NaN; use `triangularSolve` (LAPACK dtrtrs) when T may be singular.
    /// - Throws: `dimensionMismatch` unless T is square and fits B on `side`.
    /// - Complexity: O(n²·m).
    public func solveTriangular(_ side: Side = .left, _ triangle: Triangle, _ trans: Transpose = .none,
                                diagonal: Diagonal = .nonUnit, alpha: Double = 1, _ b: inout Matrix) throws {
        let need = side == .left ? b.rows : b.cols
        guard rows == cols, rows == need else {
            throw LapackError.dimensionMismatch(operation: side == .left ? "dtrsm op(T)·X = B" : "dtrsm X·op(T) = B",
                                                lhs: shape, rhs: b.shape)
        }
        if b.isEmpty { return }
        storage.withUnsafeBufferPointer { tp in
            b.storage.withUnsafeMutableBufferPointer { bp in
                cblas_dtrsm(CblasColMajor, side.cblas, triangle.cblas, trans.cblas, diagonal.cblas,
                            Int32(b.rows), Int32(b.cols), alpha, tp.baseAddress, Int32(rows), bp.baseAddress, Int32(b.rows))
            }
        }
    }

    /// Solves op(T)·x = b for triangular `self` = T, overwriting `x` (BLAS `dtrsv`).
    /// - Throws: `dimensionMismatch` unless T is square with `x.count` rows.
    /// - Complexity: O(n²).
    public func solveTriangular(_ triangle: Triangle, _ trans: Transpose = .none, diagonal: Diagonal = .nonUnit,
                                _ x: inout [Double]) throws {
        guard rows == cols, rows == x.count else {
            throw LapackError.dimensionMismatch(operation: "dtrsv op(T)·x = b", lhs: shape, rhs: (x.count, 1))
        }
        if x.isEmpty { return }
        storage.withUnsafeBufferPointer { tp in
            cblas_dtrsv(CblasColMajor, triangle.cblas, trans.cblas, diagonal.cblas, Int32(rows), tp.baseAddress,
                        Int32(rows), &x, 1)
        }
    }
}
