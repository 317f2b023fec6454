import Foundation

/// Least squares over an expanding window, one row at a time: the QR factor R
/// of the rows seen so far is updated by Givens rotations, so each added row
/// costs O(k²) and each solve O(k²), with no allocation after `init`.
///
/// This is the engine of rolling-origin backtests (thousands of tiny fits on
/// windows that grow by one row per origin). Rotations are orthogonal, so the
/// solution is as accurate as a Householder QR of the whole window — unlike
/// normal equations, whose error grows with κ(X)².
///
/// For rows xᵢ (k values) and responses yᵢ:
///
///     R (k×k, upper),  z = Qᵀy (first k entries),  rss = ‖y − X·b̂‖²
///     add row (x, y):  rotate [R z; xᵀ y] so the new row becomes zero; the
///                      last entry of the rotated row is a residual: rss += it².
///     solve:           back-substitute R·b = z.
///
/// ```swift
/// let ls = IncrementalLeastSquares(columns: 2)
/// for (t, y) in [(0.0, 1.0), (1, 3), (2, 5)] { ls.add(1, t, y: y) }   // y = 1 + 2t
/// var b = [0.0, 0.0]
/// ls.solve(into: &b)   // true; b == [1, 2]
/// ```
///
/// Rank: column j is numerically dependent on the earlier ones when its part
/// orthogonal to them, |Rⱼⱼ|, is at most `rankTolerance` (default 1e-8) times
/// the column's norm ‖xⱼ‖; `solve` then returns false and leaves `b` alone, and
/// the caller should use `LeastSquares.solve`, which pivots and reports
/// aliased columns. (Without column pivoting this class cannot choose which
/// column to drop; it only refuses to guess.)
///
/// Not thread-safe: use one instance per thread.
public final class IncrementalLeastSquares {
    /// k, the number of columns.
    public let columns: Int
    /// Rows added since `init` or `reset()`.
    public private(set) var rows: Int = 0
    /// ‖y − X·b̂‖² of the least-squares fit to the rows added so far (0 while rows ≤ k).
    public private(set) var residualSumOfSquares: Double = 0
    /// Relative tolerance on |Rⱼⱼ|/‖xⱼ‖ below which a column counts as dependent.
    public var rankTolerance: Double

    private let r: UnsafeMutablePointer<Double>      // k×k, row-major, upper triangle used
    private let z: UnsafeMutablePointer<Double>      // k
    private let w: UnsafeMutablePointer<Double>      // k: the row being rotated in
    private let norm2: UnsafeMutablePointer<Double>  // k: Σ xᵢⱼ² per column

    /// - Parameters:
    ///   - columns: k ≥ 1.
    ///   - rankTolerance: in (0, 1); default 1e-8.
    public init(columns: Int, rankTolerance: Double = 1e-8) {
        precondition(columns >= 1, "IncrementalLeastSquares needs at least one column")
        precondition(rankTolerance > 0 && rankTolerance < 1)
        self.columns = columns
        self.rankTolerance = rankTolerance
        r = .allocate(capacity: columns * columns)
        z = .allocate(capacity: columns)
        w = .allocate(capacity: columns)
        norm2 = .allocate(capacity: columns)
        reset()
    }

    deinit {
        r.deallocate(); z.deallocate(); w.deallocate(); norm2.deallocate()
    }

    /// Forgets every row (keeps the memory).
    public func reset() {
        r.update(repeating: 0, count: columns * columns)
        z.update(repeating: 0, count: columns)
        norm2.update(repeating: 0, count: columns)
        rows = 0
        residualSumOfSquares = 0
    }

    /// Adds one row `x` (k values) with response `y`.
    /// - Precondition: `x.count == columns`; values finite (checked: a programmer error here).
    public func add(_ x: UnsafeBufferPointer<Double>, y: Double) {
        precondition(x.count == columns, "row has \(x.count) values, expected \(columns)")
        for j in 0..<columns { w[j] = x[j] }
        rotateIn(y)
    }

    /// Adds one row given as an array (convenience; the pointer form avoids the array).
    public func add(_ x: [Double], y: Double) {
        x.withUnsafeBufferPointer { add($0, y: y) }
    }

    /// Adds a row of two columns (k must be 2).
    @inline(__always)
    public func add(_ x0: Double, _ x1: Double, y: Double) {
        precondition(columns == 2)
        w[0] = x0; w[1] = x1
        rotateIn(y)
    }

    /// Adds a row of three columns (k must be 3).
    @inline(__always)
    public func add(_ x0: Double, _ x1: Double, _ x2: Double, y: Double) {
        precondition(columns == 3)
        w[0] = x0; w[1] = x1; w[2] = x2
        rotateIn(y)
    }

    /// Zeroes the row in `w` against R by Givens rotations, carrying y along.
    @inline(__always)
    private func rotateIn(_ y0: Double) {
        precondition(y0.isFinite, "response is not finite")
        let k = columns
        var y = y0
        for j in 0..<k {
            precondition(w[j].isFinite, "row value \(j) is not finite")
            norm2[j] += w[j] * w[j]
        }
        for j in 0..<k {
            let wj = w[j]
            if wj == 0 { continue }
            let rjj = r[j * k + j]
            let rho = (rjj * rjj + wj * wj).squareRoot()
            // hypot without overflow concerns: values here are data of modest size;
            // fall back to Foundation's hypot when the square over/underflows.
            let h = rho.isFinite && rho > 0 ? rho : hypot(rjj, wj)
            let c = rjj / h, s = wj / h
            r[j * k + j] = h
            var l = j + 1
            while l < k {
                let a = r[j * k + l], b = w[l]
                r[j * k + l] = c * a + s * b
                w[l] = c * b - s * a
                l += 1
            }
            let zj = z[j]
            z[j] = c * zj + s * y
            y = c * y - s * zj
        }
        residualSumOfSquares += y * y
        rows += 1
    }

    /// Whether every column is independent of the earlier ones at `rankTolerance`.
    public var isFullRank: Bool {
        guard rows >= columns else { return false }
        for j in 0..<columns {
            let n = norm2[j].squareRoot()
            if !(abs(r[j * columns + j]) > rankTolerance * n) || n == 0 { return false }
        }
        return true
    }

    /// Solves R·b = z for the least-squares coefficients of the rows added so far.
    /// - Returns: false (and leaves `b` unchanged) when the window is numerically
    ///   rank-deficient or has fewer rows than columns.
    public func solve(into b: UnsafeMutablePointer<Double>) -> Bool {
        guard isFullRank else { return false }
        let k = columns
        var i = k - 1
        while i >= 0 {
            var s = z[i]
            var l = i + 1
            while l < k { s -= r[i * k + l] * b[l]; l += 1 }
            b[i] = s / r[i * k + i]
            i -= 1
        }
        return true
    }

    /// Array form of `solve(into:)`; `b` must hold k values.
    @discardableResult
    public func solve(into b: inout [Double]) -> Bool {
        precondition(b.count == columns)
        return b.withUnsafeMutableBufferPointer { solve(into: $0.baseAddress!) }
    }
}
