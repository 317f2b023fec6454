import CLapack
import Foundation

// Cholesky factorization of symmetric positive (semi)definite matrices:
// dpotrf (factor), dpotrs (solve), dpotri (inverse), dpstrf (pivoted, for
// semidefinite covariance matrices). Column-major; only the lower triangle
// of the input is read by LAPACK, but the whole input is checked for
// symmetry first so a transposed or garbled matrix is not half-used.

/// A = L·Lᵀ for a symmetric positive definite n×n matrix (LAPACK `dpotrf`, UPLO = L).
///
///     let chol = try Cholesky(covariance)
///     let draw = try chol.lower.times(standardNormals)   // ~ N(0, covariance)
///
/// - Complexity: O(n³/3).
public struct Cholesky: Sendable {
    /// L, lower triangular with positive diagonal; zeros above the diagonal.
    public let lower: Matrix

    /// Factors a copy of `a`.
    /// - Throws: `empty`, `nonFinite`, `dimensionMismatch` (not square),
    ///   `notSymmetric`, `notPositiveDefinite(routine: "dpotrf", minor:)`.
    public init(_ a: Matrix) throws {
        try a.requireSymmetric("dpotrf")
        var l = a
        let n = a.rows
        try l.storage.withUnsafeMutableBufferPointer { p in
            let info = LAPACKE_dpotrf_work(colMajor, Triangle.lower.lapack, Int32(n), p.baseAddress, Int32(n))
            try LapackError.check(info, "dpotrf") { .notPositiveDefinite(routine: "dpotrf", minor: $0) }
            for j in 1..<max(n, 1) { for i in 0..<j { p[i + j * n] = 0 } }  // dpotrf leaves the upper triangle as input
        }
        lower = l
    }

    /// A⁻¹ from the factor (LAPACK `dpotri`), symmetric with both triangles filled.
    /// - Complexity: O(2n³/3).
    public func inverse() throws -> Matrix {
        var inv = lower
        let n = lower.rows
        try inv.storage.withUnsafeMutableBufferPointer { p in
            let info = LAPACKE_dpotri_work(colMajor, Triangle.lower.lapack, Int32(n), p.baseAddress, Int32(n))
            try LapackError.check(info, "dpotri") { .singular(routine: "dpotri", minor: $0) }
            for j in 1..<max(n, 1) { for i in 0..<j { p[i + j * n] = p[j + i * n] } }
        }
        return inv
    }

    /// x with A·x = b (LAPACK `dpotrs`).
    /// - Throws: `dimensionMismatch` when `b.count != n`.
    /// - Complexity: O(n²).
    public func solve(_ b: [Double]) throws -> [Double] {
        let n = lower.rows
        guard b.count == n else {
            throw LapackError.dimensionMismatch(operation: "dpotrs A·x = b", lhs: lower.shape, rhs: (b.count, 1))
        }
        var x = b
        let info = LAPACKE_dpotrs_work(colMajor, Triangle.lower.lapack, Int32(n), 1, lower.storage, Int32(n), &x, Int32(n))
        LapackError.check(info, "dpotrs")
        return x
    }

    /// log det A = 2·Σ log Lᵢᵢ (no overflow for large n).
    public var logDeterminant: Double {
        (0..<lower.rows).reduce(0) { $0 + 2 * log(lower[$1, $1]) }
    }

    /// A factor F with F·Fᵀ = Σ for drawing from N(μ, Σ) as μ + F·z, z ~ N(0, I).
    ///
    /// Positive definite Σ: F = L from `dpotrf` (lower triangular). When
    /// dpotrf fails and `allowSemidefinite` is true, the pivoted Cholesky
    /// `dpstrf` is used (Pᵀ·Σ·P = L·Lᵀ with rank r at tolerance
    /// n·ε·max Σᵢᵢ) and F = P·L[:, 0..<r] padded with zero columns: valid for
    /// sampling, not triangular. Σ must then be semidefinite: if
    /// max|Σ − F·Fᵀ| exceeds 1e-8·max|Σᵢⱼ| (a clearly negative eigenvalue),
    /// this throws.
    /// - Throws: as `init`; `notPositiveDefinite(routine: "dpstrf", minor: r)`
    ///   for an indefinite Σ.
    /// - Complexity: O(n³).
    public static func samplingFactor(covariance sigma: Matrix, allowSemidefinite: Bool = false) throws -> Matrix {
        do {
            return try Cholesky(sigma).lower
        } catch LapackError.notPositiveDefinite where allowSemidefinite {
            // fall through to the pivoted factorization
        }
        let n = sigma.rows
        var l = sigma
        var piv = [Int32](repeating: 0, count: n)
        var rank: Int32 = 0
        var work = [Double](repeating: 0, count: 2 * n)
        let info = l.storage.withUnsafeMutableBufferPointer { p in
            LAPACKE_dpstrf_work(colMajor, Triangle.lower.lapack, Int32(n), p.baseAddress, Int32(n), &piv, &rank,
                                -1, &work)  // tol < 0: LAPACK's default n·ε·max diag
        }
        // info > 0 only says "rank deficient", which is the case handled here.
        precondition(info >= 0, "dpstrf: illegal argument \(-info) (memcast bug)")
        var f = Matrix(rows: n, cols: n)
        for j in 0..<Int(rank) { for i in j..<n { f[Int(piv[i]) - 1, j] = l[i, j] } }
        let scale = sigma.storage.reduce(0) { max($0, abs($1)) }
        let ffT = f.gram(.none)
        let err = zip(ffT.storage, sigma.storage).reduce(0) { max($0, abs($1.0 - $1.1)) }
        if err > 1e-8 * scale {
            throw LapackError.notPositiveDefinite(routine: "dpstrf", minor: Int(rank) + 1)
        }
        return f
    }
}

extension Matrix {
    /// Throws unless square, non-empty, finite and symmetric to within
    /// 1e-10·max|aᵢⱼ| (rounding in a matrix built from sums is tolerated;
    /// a transposed or unrelated triangle is not).
    func requireSymmetric(_ operation: String) throws {
        try requireUsable(operation)
        guard rows == cols else { throw LapackError.dimensionMismatch(operation: "\(operation) (square matrix)", lhs: shape, rhs: (cols, rows)) }
        let scale = storage.reduce(0) { max($0, abs($1)) }
        for j in 0..<cols {
            for i in (j + 1)..<max(rows, j + 1) where abs(self[i, j] - self[j, i]) > 1e-10 * scale {
                throw LapackError.notSymmetric(operation: operation, row: i, column: j)
            }
        }
    }
}
