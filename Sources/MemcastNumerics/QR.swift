import CLapack

// Householder QR with column pivoting and what uses it: dgeqp3 (factor),
// dormqr (apply Q or Qᵀ), dtrtrs (solve with R). All column-major.

/// The QR factorization with column pivoting A·P = Q·R of an m×n matrix
/// (LAPACK `dgeqp3`).
///
/// |R₁₁| ≥ |R₂₂| ≥ … approximately, so the diagonal of R reveals the
/// numerical rank. The factors are kept in LAPACK's compact form: R in the
/// upper triangle of `factors`, the Householder vectors below it with
/// scalars `tau`. Q is never formed; `applyQ` uses `dormqr`.
///
///     let qr = try PivotedQR(a)        // copies a
///     let r = qr.rank(relativeTolerance: 1e-12)
///
/// - Complexity: O(m·n²) (4mn² − 4n³/3 flops for m ≥ n).
public struct PivotedQR: Sendable {
    /// Compact factors: R on and above the diagonal, reflectors below.
    public let factors: Matrix
    /// Householder scalars, min(m, n) of them.
    public let tau: [Double]
    /// 0-based column permutation: column `i` of A·P is column `permutation[i]` of A.
    public let permutation: [Int]

    /// Factors a copy of `a` (`a` is not modified).
    /// - Throws: `LapackError.empty`, `LapackError.nonFinite`.
    public init(_ a: Matrix) throws {
        try a.requireUsable("dgeqp3")
        var f = a
        var jpvt = [Int32](repeating: 0, count: a.cols)
        var tau = [Double](repeating: 0, count: min(a.rows, a.cols))
        let ws = Workspace()
        f.storage.withUnsafeMutableBufferPointer { fp in
            LAPACK.geqp3(m: a.rows, n: a.cols, a: fp.baseAddress!, lda: a.rows,
                         jpvt: &jpvt, tau: &tau, ws: ws)
        }
        factors = f
        self.tau = tau
        permutation = jpvt.map { Int($0) - 1 }
    }

    /// The upper-triangular (or trapezoidal) R, min(m, n)×n, columns in pivot order.
    public var r: Matrix {
        let k = min(factors.rows, factors.cols)
        var out = Matrix(rows: k, cols: factors.cols)
        for j in 0..<factors.cols {
            for i in 0...min(j, k - 1) { out[i, j] = factors[i, j] }
        }
        return out
    }

    /// Number of |Rᵢᵢ| greater than `relativeTolerance`·|R₁₁| counted from the
    /// top until the first that is not (0 when R₁₁ = 0).
    public func rank(relativeTolerance: Double) -> Int {
        let k = min(factors.rows, factors.cols)
        guard k > 0 else { return 0 }
        let r11 = abs(factors[0, 0])
        guard r11 > 0 else { return 0 }
        var r = 0
        while r < k && abs(factors[r, r]) > relativeTolerance * r11 { r += 1 }
        return r
    }

    /// Overwrites `c` with Q·c or Qᵀ·c (LAPACK `dormqr`, SIDE = L); `c` has m rows.
    /// - Throws: `LapackError.dimensionMismatch` when `c.rows != m`.
    /// - Complexity: O(m·n·c.cols).
    public func applyQ(_ trans: Transpose, to c: inout Matrix) throws {
        guard c.rows == factors.rows else {
            throw LapackError.dimensionMismatch(operation: "dormqr Q·C", lhs: factors.shape, rhs: c.shape)
        }
        if c.isEmpty { return }
        let ws = Workspace()
        let (m, k, nc) = (factors.rows, min(factors.rows, factors.cols), c.cols)
        factors.storage.withUnsafeBufferPointer { a in
            c.storage.withUnsafeMutableBufferPointer { cp in
                LAPACK.ormqr(trans, m: m, n: nc, k: k, a: a.baseAddress!, lda: m, tau: tau,
                             c: cp.baseAddress!, ldc: m, ws: ws)
            }
        }
    }

    /// Least-squares solution of A·x ≈ b using the first `rank` columns of R
    /// (basic solution: unknowns beyond `rank` in pivot order are 0).
    /// No refinement; use `LeastSquares.solve` for the careful answer.
    /// - Throws: `dimensionMismatch`, `invalidArgument` for a rank outside
    ///   0…min(m, n), `LapackError.singular` if a used Rᵢᵢ is 0.
    public func solve(_ b: [Double], rank: Int? = nil) throws -> [Double] {
        guard b.count == factors.rows else {
            throw LapackError.dimensionMismatch(operation: "QR solve A·x = b", lhs: factors.shape, rhs: (b.count, 1))
        }
        let r = rank ?? min(factors.rows, factors.cols)
        guard r >= 0 && r <= min(factors.rows, factors.cols) else {
            throw LapackError.invalidArgument(operation: "QR solve", message: "rank \(r) outside 0…\(min(factors.rows, factors.cols))")
        }
        var c = Matrix(rows: b.count, cols: 1, columnMajor: b)
        try applyQ(.transpose, to: &c)
        var z = Array(c.storage[0..<r])
        if r > 0 {
            try factors.storage.withUnsafeBufferPointer { a in
                try LAPACK.trtrs(.upper, .none, n: r, nrhs: 1, a: a.baseAddress!, lda: factors.rows, b: &z, ldb: r)
            }
        }
        var x = [Double](repeating: 0, count: factors.cols)
        for i in 0..<r { x[permutation[i]] = z[i] }
        return x
    }
}

/// Solves op(T)·X = B for triangular T (LAPACK `dtrtrs`), overwriting `b`.
/// `t` is square; only its `triangle` is read.
/// - Throws: `dimensionMismatch`; `LapackError.singular(routine: "dtrtrs", minor:)` on a zero diagonal.
/// - Complexity: O(n²·b.cols).
public func triangularSolve(_ t: Matrix, _ triangle: Triangle, transpose trans: Transpose = .none,
                            diagonal: Diagonal = .nonUnit, _ b: inout Matrix) throws {
    guard t.rows == t.cols, b.rows == t.rows else {
        throw LapackError.dimensionMismatch(operation: "dtrtrs T·X = B", lhs: t.shape, rhs: b.shape)
    }
    if t.isEmpty || b.isEmpty { return }
    let (n, nrhs) = (t.rows, b.cols)
    try t.storage.withUnsafeBufferPointer { a in
        try b.storage.withUnsafeMutableBufferPointer { bp in
            try LAPACK.trtrs(triangle, trans, diagonal, n: n, nrhs: nrhs, a: a.baseAddress!, lda: n,
                             b: bp.baseAddress!, ldb: n)
        }
    }
}

/// Raw LAPACK calls on pointers: workspace queries inside, no allocation
/// beyond the reusable `Workspace`. Callers guarantee shapes and leading
/// dimensions; `info` goes through `LapackError.check`.
enum LAPACK {
    /// dgeqp3: overwrites `a` (m×n, lda) with compact QR factors; jpvt (n) is
    /// reset to 0 here so every column is free to pivot; tau has min(m,n).
    static func geqp3(m: Int, n: Int, a: UnsafeMutablePointer<Double>, lda: Int,
                      jpvt: UnsafeMutablePointer<Int32>, tau: UnsafeMutablePointer<Double>, ws: Workspace) {
        for j in 0..<n { jpvt[j] = 0 }
        let lwork = ws.optimalSize(.init(routine: "dgeqp3", m: m, n: n, k: lda)) {
            var query = 0.0
            let info = LAPACKE_dgeqp3_work(colMajor, Int32(m), Int32(n), a, Int32(lda), jpvt, tau, &query, -1)
            LapackError.check(info, "dgeqp3 (workspace query)")
            return max(Int(query), 3 * n + 1)
        }
        let info = ws.withDoubles(lwork) { w in
            LAPACKE_dgeqp3_work(colMajor, Int32(m), Int32(n), a, Int32(lda), jpvt, tau, w, Int32(lwork))
        }
        LapackError.check(info, "dgeqp3")
    }

    /// dormqr, SIDE = L: overwrites c (m×n, ldc) with op(Q)·c, Q from k reflectors in a (lda).
    static func ormqr(_ trans: Transpose, m: Int, n: Int, k: Int, a: UnsafePointer<Double>, lda: Int,
                      tau: UnsafePointer<Double>, c: UnsafeMutablePointer<Double>, ldc: Int, ws: Workspace) {
        let side = Side.left.lapack
        var query = 0.0
        var info = LAPACKE_dormqr_work(colMajor, side, trans.lapack, Int32(m), Int32(n), Int32(k),
                                       a, Int32(lda), tau, c, Int32(ldc), &query, -1)
        LapackError.check(info, "dormqr (workspace query)")
        let lwork = max(Int(query), max(n, 1))
        info = ws.withDoubles(lwork) { w in
            LAPACKE_dormqr_work(colMajor, side, trans.lapack, Int32(m), Int32(n), Int32(k),
                                a, Int32(lda), tau, c, Int32(ldc), w, Int32(lwork))
        }
        LapackError.check(info, "dormqr")
    }

    /// dtrtrs: overwrites b (n×nrhs, ldb) with op(T)⁻¹·b; T is n×n in a (lda).
    static func trtrs(_ uplo: Triangle, _ trans: Transpose, _ diag: Diagonal = .nonUnit, n: Int, nrhs: Int,
                      a: UnsafePointer<Double>, lda: Int, b: UnsafeMutablePointer<Double>, ldb: Int) throws {
        let info = LAPACKE_dtrtrs_work(colMajor, uplo.lapack, trans.lapack, diag.lapack, Int32(n), Int32(nrhs),
                                       a, Int32(lda), b, Int32(ldb))
        try LapackError.check(info, "dtrtrs") { .singular(routine: "dtrtrs", minor: $0) }
    }
}

extension Matrix {
    /// Throws unless the matrix is non-empty and all finite (input checks
    /// before any LAPACK call, so bad data never reaches C).
    func requireUsable(_ operation: String, operand: String = "A") throws {
        if isEmpty { throw LapackError.empty(operation: operation, shape: shape) }
        if let (i, j) = firstNonFinite() {
            throw LapackError.nonFinite(operand: "\(operation) \(operand)", row: i, column: j, value: self[i, j])
        }
    }
}

