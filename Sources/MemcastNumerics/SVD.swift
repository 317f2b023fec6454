import CLapack

// Singular value decomposition: dgesdd (divide and conquer), dgelsd
// (minimum-norm least squares through the SVD). Column-major.

extension LAPACK {
    /// dgesdd: overwrites `a` (m×n, lda) — destroyed on exit. Writes the
    /// min(m,n) singular values, descending, to `s`; with `thin` true also
    /// U (m×min, ldu = m) and Vᵀ (min×n, ldvt = min(m,n)); else neither (JOBZ = N).
    static func gesdd(thin: Bool, m: Int, n: Int, a: UnsafeMutablePointer<Double>, lda: Int,
                      s: UnsafeMutablePointer<Double>, u: UnsafeMutablePointer<Double>?,
                      vt: UnsafeMutablePointer<Double>?, ws: Workspace) throws {
        let mn = min(m, n)
        let jobz = CChar(UInt8(ascii: thin ? "S" : "N"))
        let ldu = thin ? max(m, 1) : 1
        let ldvt = thin ? max(mn, 1) : 1
        var dummy = 0.0
        try withUnsafeMutablePointer(to: &dummy) { d in
        let u = u ?? d, vt = vt ?? d
        try ws.withInts(8 * mn) { iwork in
            let lwork = ws.optimalSize(.init(routine: thin ? "dgesdd S" : "dgesdd N", m: m, n: n, k: lda)) {
                var query = 0.0
                let info = LAPACKE_dgesdd_work(colMajor, jobz, Int32(m), Int32(n), a, Int32(lda), s,
                                               u, Int32(ldu), vt, Int32(ldvt), &query, -1, iwork)
                LapackError.check(info, "dgesdd (workspace query)")
                return Int(query) + 1
            }
            let info = ws.withDoubles(lwork) { w in
                LAPACKE_dgesdd_work(colMajor, jobz, Int32(m), Int32(n), a, Int32(lda), s,
                                    u, Int32(ldu), vt, Int32(ldvt), w, Int32(lwork), iwork)
            }
            try LapackError.check(info, "dgesdd") { .svdDidNotConverge(routine: "dgesdd", info: $0) }
        }
        }
    }
}

/// The thin singular value decomposition A = U·Σ·Vᵀ of an m×n matrix
/// (LAPACK `dgesdd`, divide and conquer).
///
/// With p = min(m, n): U is m×p with orthonormal columns, σ has p values in
/// descending order, Vᵀ is p×n. `a` is copied (dgesdd destroys its input).
///
///     let svd = try SVD(a)
///     let cond = svd.singularValues.first! / svd.singularValues.last!
///
/// - Throws: `empty`, `nonFinite` (row and column named), `svdDidNotConverge`.
/// - Complexity: O(m·n·p).
public struct SVD: Sendable {
    /// Left singular vectors, m×p.
    public let u: Matrix
    /// σ₁ ≥ σ₂ ≥ … ≥ σ_p ≥ 0.
    public let singularValues: [Double]
    /// Right singular vectors transposed, p×n.
    public let vt: Matrix

    public init(_ a: Matrix) throws {
        try a.requireUsable("dgesdd")
        let (m, n, p) = (a.rows, a.cols, min(a.rows, a.cols))
        var work = a
        var s = [Double](repeating: 0, count: p)
        var u = Matrix(rows: m, cols: p), vt = Matrix(rows: p, cols: n)
        let ws = Workspace()
        try work.storage.withUnsafeMutableBufferPointer { ap in
            try u.storage.withUnsafeMutableBufferPointer { up in
                try vt.storage.withUnsafeMutableBufferPointer { vp in
                    try LAPACK.gesdd(thin: true, m: m, n: n, a: ap.baseAddress!, lda: m, s: &s,
                                     u: up.baseAddress!, vt: vp.baseAddress!, ws: ws)
                }
            }
        }
        self.u = u
        self.singularValues = s
        self.vt = vt
    }

    /// Singular values only (dgesdd with JOBZ = N, cheaper than the full SVD).
    /// - Throws: as `init`.
    public static func singularValues(_ a: Matrix) throws -> [Double] {
        try a.requireUsable("dgesdd")
        var work = a
        var s = [Double](repeating: 0, count: min(a.rows, a.cols))
        try work.storage.withUnsafeMutableBufferPointer { ap in
            try LAPACK.gesdd(thin: false, m: a.rows, n: a.cols, a: ap.baseAddress!, lda: a.rows, s: &s,
                             u: nil, vt: nil, ws: Workspace())
        }
        return s
    }

    /// σ_max/σ_min (∞ when σ_min = 0): the 2-norm condition number.
    public var conditionNumber: Double {
        guard let first = singularValues.first, let last = singularValues.last else { return .nan }
        return last > 0 ? first / last : .infinity
    }

    /// Minimum-norm least-squares solution of A·x ≈ b (LAPACK `dgelsd`).
    ///
    /// Singular values σᵢ ≤ `rcond`·σ₁ are treated as zero, which gives the
    /// minimum-norm solution among all minimizers (numpy's `lstsq`). Unlike
    /// `LeastSquares.solve` there is no refinement and aliased columns are
    /// not reported as such: the weight is spread over collinear columns.
    ///
    /// - Parameters:
    ///   - rcond: relative cut-off in [0, 1); default max(m, n)·ε (numpy's default).
    /// - Returns: x (n values), the effective rank, and σ of A.
    /// - Throws: `empty`, `nonFinite`, `dimensionMismatch`, `invalidArgument`
    ///   (rcond ≥ 1 or NaN), `svdDidNotConverge`.
    /// - Complexity: O(m·n·min(m, n)).
    public static func leastSquares(_ a: Matrix, _ b: [Double], rcond: Double? = nil) throws
        -> (solution: [Double], rank: Int, singularValues: [Double]) {
        try a.requireUsable("dgelsd")
        guard b.count == a.rows else {
            throw LapackError.dimensionMismatch(operation: "dgelsd A·x ≈ b", lhs: a.shape, rhs: (b.count, 1))
        }
        if let i = b.firstIndex(where: { !$0.isFinite }) {
            throw LapackError.nonFinite(operand: "dgelsd b", row: i, column: 0, value: b[i])
        }
        if let rc = rcond, !(rc < 1) || rc.isNaN {
            throw LapackError.invalidArgument(operation: "dgelsd", message: "rcond \(rc) is not below 1")
        }
        let (m, n) = (a.rows, a.cols)
        let ldb = max(m, n)
        var work = a
        var rhs = b + [Double](repeating: 0, count: ldb - m)  // dgelsd writes x (n) into b's storage
        var s = [Double](repeating: 0, count: min(m, n))
        var rank: Int32 = 0
        let rc = rcond ?? Double(max(m, n)) * Double.ulpOfOne
        let ws = Workspace()
        try work.storage.withUnsafeMutableBufferPointer { ap in
            try LAPACK.gelsd(m: m, n: n, a: ap.baseAddress!, lda: m, b: &rhs, ldb: ldb, s: &s, rcond: rc,
                             rank: &rank, ws: ws)
        }
        return (Array(rhs[0..<n]), Int(rank), s)
    }
}

extension LAPACK {
    /// dgelsd, one right-hand side: overwrites a (destroyed) and b (ldb ≥ max(m,n)) with x in its first n entries.
    static func gelsd(m: Int, n: Int, a: UnsafeMutablePointer<Double>, lda: Int, b: UnsafeMutablePointer<Double>,
                      ldb: Int, s: UnsafeMutablePointer<Double>, rcond: Double, rank: UnsafeMutablePointer<Int32>,
                      ws: Workspace) throws {
        var query = 0.0
        var iquery: Int32 = 0
        var info = LAPACKE_dgelsd_work(colMajor, Int32(m), Int32(n), 1, a, Int32(lda), b, Int32(ldb), s, rcond,
                                       rank, &query, -1, &iquery)
        LapackError.check(info, "dgelsd (workspace query)")
        let lwork = Int(query) + 1
        let liwork = max(Int(iquery), 1)
        // Integer workspace from a separate scratch: Workspace holds one of each kind.
        var iwork = [Int32](repeating: 0, count: liwork)
        info = ws.withDoubles(lwork) { w in
            LAPACKE_dgelsd_work(colMajor, Int32(m), Int32(n), 1, a, Int32(lda), b, Int32(ldb), s, rcond,
                                rank, w, Int32(lwork), &iwork)
        }
        try LapackError.check(info, "dgelsd") { .svdDidNotConverge(routine: "dgelsd", info: $0) }
    }
}
