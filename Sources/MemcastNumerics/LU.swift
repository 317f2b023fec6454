import CLapack

// LU factorization with partial pivoting of square matrices: dgetrf
// (factor), dgetrs (solve), dgetri (inverse). Column-major.

/// P·A = L·U for a square n×n matrix (LAPACK `dgetrf`).
///
///     let lu = try LU(a)
///     let x = try lu.solve(b)
///     let ainv = try lu.inverse()
///
/// Prefer `solve` to forming the inverse. For least squares use
/// `LeastSquares.solve`, for symmetric positive definite matrices `Cholesky`.
/// - Complexity: O(2n³/3).
public struct LU: Sendable {
    /// L (unit diagonal, implicit) below the diagonal, U on and above.
    public let factors: Matrix
    /// LAPACK's row interchanges, 1-based: row i was swapped with row `pivots[i]`.
    public let pivots: [Int32]

    /// Factors a copy of `a`.
    /// - Throws: `empty`, `nonFinite`, `dimensionMismatch` (not square),
    ///   `singular(routine: "dgetrf", minor:)` when Uᵢᵢ is exactly 0.
    public init(_ a: Matrix) throws {
        try a.requireUsable("dgetrf")
        guard a.rows == a.cols else {
            throw LapackError.dimensionMismatch(operation: "dgetrf (square matrix)", lhs: a.shape, rhs: (a.cols, a.rows))
        }
        var f = a
        var piv = [Int32](repeating: 0, count: a.rows)
        let n = Int32(a.rows)
        let info = f.storage.withUnsafeMutableBufferPointer { p in LAPACKE_dgetrf_work(colMajor, n, n, p.baseAddress, n, &piv) }
        try LapackError.check(info, "dgetrf") { .singular(routine: "dgetrf", minor: $0) }
        factors = f
        pivots = piv
    }

    /// x with A·x = b (LAPACK `dgetrs`).
    /// - Throws: `dimensionMismatch` when `b.count != n`.
    /// - Complexity: O(n²).
    public func solve(_ b: [Double]) throws -> [Double] {
        let n = factors.rows
        guard b.count == n else {
            throw LapackError.dimensionMismatch(operation: "dgetrs A·x = b", lhs: factors.shape, rhs: (b.count, 1))
        }
        var x = b
        let info = LAPACKE_dgetrs_work(colMajor, Transpose.none.lapack, Int32(n), 1, factors.storage, Int32(n),
                                       pivots, &x, Int32(n))
        LapackError.check(info, "dgetrs")
        return x
    }

    /// A⁻¹ (LAPACK `dgetri`, workspace query inside).
    /// - Complexity: O(4n³/3).
    public func inverse() throws -> Matrix {
        var inv = factors
        let n = Int32(factors.rows)
        var query = 0.0
        try inv.storage.withUnsafeMutableBufferPointer { p in
            var info = LAPACKE_dgetri_work(colMajor, n, p.baseAddress, n, pivots, &query, -1)
            LapackError.check(info, "dgetri (workspace query)")
            var work = [Double](repeating: 0, count: max(Int(query), Int(n), 1))
            info = LAPACKE_dgetri_work(colMajor, n, p.baseAddress, n, pivots, &work, Int32(work.count))
            try LapackError.check(info, "dgetri") { .singular(routine: "dgetri", minor: $0) }
        }
        return inv
    }

    /// det A = ±Π Uᵢᵢ (sign from the row interchanges). May overflow for
    /// large n; work with Cholesky.logDeterminant for SPD matrices.
    public var determinant: Double {
        var d = 1.0
        for i in 0..<factors.rows {
            d *= factors[i, i]
            if pivots[i] != Int32(i + 1) { d = -d }
        }
        return d
    }
}
