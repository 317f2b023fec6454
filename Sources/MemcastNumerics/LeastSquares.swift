/// How `LeastSquares.solve` factors the design.
public enum LeastSquaresMethod: String, Sendable, CaseIterable {
    /// Householder QR with column pivoting (LAPACK dgeqp3): the default,
    /// O(n·k²), rank read off |Rᵢᵢ|.
    case qr
    /// Singular value decomposition (LAPACK dgesdd): about 2–3× the cost of
    /// QR, rank read off the singular values.
    case svd
}

/// The answer to min‖y − X·b‖₂, with everything needed to judge it.
///
/// Aliased columns (linear combinations of earlier columns at the rank
/// tolerance) get `coefficients[j] = .nan`, as R's `lm` reports `NA`; the
/// fit then uses the remaining columns only, and `warnings` says so.
public struct LeastSquaresSolution: Sendable {
    /// b̂, one per column of X in the caller's order; `.nan` for aliased columns.
    public var coefficients: [Double]
    /// Numerical rank of X: the number of non-aliased columns.
    public var rank: Int
    /// 0-based indices of aliased columns, ascending.
    public var aliased: [Int]
    /// Names of the aliased columns (from `columnNames`, else `x1`, `x2`, … 1-based).
    public var aliasedNames: [String]
    /// e = y − X·b̂ (aliased columns contribute nothing), each accumulated in
    /// double-double and rounded once.
    public var residuals: [Double]
    /// ŷ = X·b̂, accumulated in double-double; `fitted[i] + residuals[i] == y[i]`
    /// to within one rounding.
    public var fitted: [Double]
    /// (XᵀX)⁻¹ over the non-aliased columns, k×k in the caller's column order;
    /// rows and columns of aliased columns are `.nan`. Multiply by σ̂² =
    /// ‖e‖²/(n − rank) for the covariance of b̂.
    public var unscaledCovariance: Matrix
    /// Singular values of X as given (unscaled, all k columns), descending.
    public var singularValues: [Double]
    /// σ_max/σ_min of X (statsmodels' `condition_number`); `.infinity` when σ_min = 0.
    public var conditionNumber: Double
    /// σ_max/σ_min of X after scaling each column to unit length (by a power
    /// of two): the amplification of relative perturbations of the inputs,
    /// independent of units. About 16 − log10(this) digits of b̂ survive a
    /// one-ulp change of the data; a warning is added when that is below 8.
    public var scaledConditionNumber: Double
    /// The relative rank tolerance τ used (see `LeastSquares.solve`).
    public var rankTolerance: Double
    /// Human-readable conditions that did not stop the fit (aliasing, slow refinement).
    public var warnings: [String]
    /// The factorization used.
    public var method: LeastSquaresMethod
    /// Iterative-refinement steps taken (0 when `refine` is false).
    public var refinementSteps: Int
    /// ‖Δb‖∞/‖b‖∞ of the last refinement correction (in the equilibrated
    /// scale): an estimate of the coefficients' relative error; `.nan` when
    /// refinement was off.
    public var estimatedRelativeError: Double

    /// Column names as given to `solve`, nil for the default `x1`…`xk`.
    var givenColumnNames: [String]?

    /// Column names as resolved for this fit (given, or `x1`…`xk`).
    public var columnNames: [String] {
        givenColumnNames ?? (0..<coefficients.count).map { "x\($0 + 1)" }
    }

    /// Residual sum of squares ‖e‖², accumulated in double-double.
    public var residualSumOfSquares: Double { DoubleDouble.dot(residuals, residuals) }
}

/// Linear least squares that says when it cannot be trusted.
public enum LeastSquares {
    /// Solves min‖y − X·b‖₂ for b.
    ///
    /// The algorithm, in order:
    /// 1. Reject bad input (thrown `LapackError`): empty X, `y.count != X.rows`,
    ///    `columnNames.count != X.cols`, more columns than rows, NaN/±Inf
    ///    (naming row and column).
    /// 2. Equilibrate: scale column j by dⱼ, a power of two bringing ‖xⱼ‖₂
    ///    into [1, 2), and y likewise. This is exact (no rounding), makes the
    ///    rank decision independent of units, and keeps intermediates from
    ///    overflowing whenever the answer itself is representable.
    /// 3. Numerical rank: factor the scaled design (pivoted QR, or SVD) and
    ///    count the pivots |Rᵢᵢ| (or σᵢ) greater than τ·|R₁₁| (τ·σ₁), where the
    ///    default τ = max(n, k)·ε, ε = 2.2e-16 (numpy's `matrix_rank` rule).
    ///    If rank r < k, columns are kept greedily in the caller's order — a
    ///    column is aliased when it adds no rank beyond the earlier kept ones —
    ///    so, as in R, the later of two collinear columns is reported.
    /// 4. Solve on the kept columns, then refine (when `refine` is true):
    ///    Björck's iterative refinement of the augmented system
    ///    [I X; Xᵀ 0]·[e; b] = [y; 0], with both residuals y − e − X·b and
    ///    −Xᵀe accumulated in double-double (TwoSum/TwoProduct via FMA). This
    ///    recovers digits that a single backward-stable solve loses when
    ///    κ(X)²·‖e‖ is large, up to κ(X)·ε ≈ 0.1 or so.
    /// 5. If refinement does not bring the correction below 1e-8 relative
    ///    (that is, about 8 digits cannot be vouched for), throw
    ///    `LapackError.illConditioned` rather than return doubtful numbers;
    ///    a correction above 1e-12 adds a warning with the digits left.
    /// 6. (XᵀX)⁻¹ from the factorization, refined against a double-double
    ///    Gram matrix when κ_scaled·ε > 1e-13.
    /// 7. Warn when the scaled condition number leaves fewer than 8 digits
    ///    stable under rounding of the inputs (16 − log10 κ_scaled < 8): the
    ///    answer is then exact for the doubles given, but those doubles may
    ///    already differ from the user's decimal data by that much.
    ///
    /// - Parameters:
    ///   - X: n×k design, column-major; n ≥ k ≥ 1.
    ///   - y: response, n values.
    ///   - columnNames: k names for messages and `aliasedNames`; default `x1`…`xk`.
    ///   - method: `.qr` (default) or `.svd`.
    ///   - rankTolerance: relative τ in (0, 1); default max(n, k)·ε.
    ///   - refine: iterative refinement in extended precision (default true).
    /// - Throws: `LapackError` for bad input, a failed factorization, or an
    ///   unrefinable (numerically singular at working precision) design.
    /// - Complexity: O(n·k²) for the factorization plus O(n·k) per refinement
    ///   step (typically 1–3 steps) and O(n·k²) for the refined covariance;
    ///   O(k⁴) more when columns are aliased.
    ///
    /// Example:
    ///
    ///     let x = Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 3], [0, 2, 4, 6]])
    ///     let fit = try LeastSquares.solve(x, [1, 3, 5, 7], columnNames: ["const", "t", "two_t"])
    ///     fit.coefficients   // [1, 2, nan]
    ///     fit.aliasedNames   // ["two_t"]; fit.warnings explains
    public static func solve(_ X: Matrix, _ y: [Double], columnNames: [String]? = nil,
                             method: LeastSquaresMethod = .qr, rankTolerance: Double? = nil,
                             refine: Bool = true) throws -> LeastSquaresSolution {
        try LeastSquaresSolver().solve(X, y, columnNames: columnNames, method: method,
                                       rankTolerance: rankTolerance, refine: refine)
    }

    /// The default relative rank tolerance for an n×k design: max(n, k)·ε.
    public static func defaultRankTolerance(rows: Int, cols: Int) -> Double {
        Double(max(rows, cols)) * Double.ulpOfOne
    }
}
