import CLapack
import Foundation

/// Weighted least squares min Σ wᵢ(yᵢ − xᵢᵀb)² on a `StructuredDesign` (dense columns
/// plus categorical factors held as level codes), from its Gram matrix, never
/// forming X: every pass over the rows costs O(m + F) per row (m dense columns,
/// F factors) instead of O(k).
///
/// 1. G = XᵀWX accumulated in double-double from the codes (cross-tabulations and
///    sums by level; `StructuredDesign.gram`), D the power-of-two scaling that brings
///    diag(D·G·D) into [1, 4) (exact), Rₛ = chol(D·G·D) (`dpotrf`).
/// 2. Gate: proceed only when κₛ = κ(Rₛ) — the condition number of the design after
///    column scaling — is at most `structuredMaximumCondition` (10⁴), and 1/κₛ exceeds
///    ten times the rank tolerance (so the rank is certainly full and nothing is
///    aliased). Otherwise return nil: the caller falls back to the dense path, whose
///    pivoted QR decides the rank and whose refinement works on the augmented system.
///    Why 10⁴: the normal-equation refinement below contracts the error by about
///    κₛ²·ε per step (≈ 10⁻⁸ at the gate, so two or three steps reach rounding level),
///    and the singular values read from the Gram carry a relative error of about
///    κₛ²·ε (the dense path's, from a QR factor, about κₛ·ε); at 10⁴ that is ≈ 2·10⁻⁸.
///    Zero columns (an empty level) fail the Cholesky or the gate and go dense too.
/// 3. b from the normal equations (XᵀWy is G's border, accumulated with it), then
///    iterative refinement with the residual computed in double-double: r = y − X·b
///    per row and ρ = XᵀW·r accumulated in double-double (`residualProducts`), then
///    D·Rₛ⁻¹Rₛ⁻ᵀ·D·ρ is the correction. The fixed point
///    satisfies XᵀW(y − X·b) = 0 to double-double accuracy, so b is accurate to
///    working precision however large κ²·‖r‖ is — the dense path's contract. It stops
///    when the correction reaches rounding level (that last correction, below one ulp
///    relative, is not applied: the pass that computed it also wrote b's residuals and
///    fitted values, so no further pass is needed) or stagnates; if it does not reach
///    the trust threshold (1e-8) the result is nil and the dense path decides (and
///    throws or warns as it does).
/// 4. Fitted values and residuals y − X·b in double-double, rounded once each (from
///    the last refinement pass when it was b's);
///    (XᵀWX)⁻¹ = D·(Rₛ⁻¹Rₛ⁻ᵀ)·D refined against the double-double G (as the dense path
///    refines its inverse); singular values of W^½X as σ(Rₛ·D⁻¹), that is, the square
///    roots of the eigenvalues of the unscaled Gram (statsmodels computes its
///    `condition_number` from those eigenvalues too).
///
/// With `refine: false` (bootstrap replications): G and its border in plain double,
/// b from the normal equations, then one correction with the residual in working
/// precision (Björck's CSNE), as accurate as an unrefined QR solve. With
/// `diagnostics: false` step 4 is skipped (empty residuals and fitted values, 0×0
/// covariance, no singular values), as on the tall dense path.
///
/// `residuals` and `fitted` are of the unweighted model (y − X·b and X·b);
/// `unscaledCovariance` is (XᵀWX)⁻¹; `singularValues` are those of W^½X.
extension LeastSquaresSolver {
    /// Largest scaled condition number κₛ the structured path accepts (see step 2).
    public static let structuredMaximumCondition = 1e4

    /// Solves on a structured design, or returns nil when this path does not apply
    /// (see the extension's documentation); the caller then solves on
    /// `X.materialize()` with the dense path, which also raises any input error.
    /// - Parameters:
    ///   - weights: wᵢ ≥ 0 and finite, n of them (nil: ordinary least squares); a zero
    ///     weight drops the row, an integer weight c counts it c times (a bootstrap
    ///     resample as multiplicities).
    ///   - rankTolerance, refine, diagnostics, columnNames: as for the dense `solve`.
    ///   - threads: workers for the passes over the rows (default: by size; 1 inside
    ///     an outer parallel loop); results do not depend on it.
    /// - Throws: `LapackError` from a LAPACK call on the k×k matrices.
    /// - Complexity: O(n·((m+F)² )) for G, O(n·(m+F)) per refinement step, O(k³).
    public func solve(_ X: StructuredDesign, _ y: [Double], weights: [Double]? = nil, columnNames: [String]? = nil,
                      rankTolerance: Double? = nil, refine: Bool = true,
                      diagnostics: Bool = true, threads: Int? = nil) throws -> LeastSquaresSolution? {
        defer { withExtendedLifetime(self) {} }
        let n = X.rows, k = X.cols
        guard k >= 1, n >= k, y.count == n, (weights?.count ?? n) == n, columnNames.map({ $0.count == k }) ?? true,
              n <= Int(Int32.max) else { return nil }
        // Input errors are the dense path's to report (with row and column).
        guard y.withUnsafeBufferPointer({ allFinite($0.baseAddress!, n) }),
              weights?.withUnsafeBufferPointer({ allFinite($0.baseAddress!, n, nonNegative: true) }) ?? true,
              (0..<X.denseCount).allSatisfy({ allFinite(X.densePointer($0), n) }) else { return nil }
        let tol = rankTolerance ?? LeastSquares.defaultRankTolerance(rows: n, cols: k)
        guard tol > 0 && tol < 1 else { return nil }
        let name = { (j: Int) in columnNames?[j] ?? "x\(j + 1)" }

        // 1. G, the scaling D, Rₛ = chol(D·G·D) (upper).
        let G = X.gram(bordering: y, weights: weights, summation: refine ? .compensated : .plain, threads: threads)
        let K = G.order
        let kv = kvec.get(4 * k)
        let (d, v, sv, sw) = (kv, kv + k, kv + 2 * k, kv + 3 * k)
        for j in 0..<k {
            let gjj = G.hi[j + j * K]
            guard gjj > 0 && gjj.isFinite else { return nil }
            d[j] = Double(sign: .plus, exponent: -gjj.squareRoot().exponent, significand: 1)
        }
        let r = small.get(k * k), c = small2.get(k * k)
        for j in 0..<k {
            for i in 0..<k { r[i + j * k] = i <= j ? G.hi[i + j * K] * d[i] * d[j] : 0 }
        }
        guard LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), Int32(k), r, Int32(k)) == 0 else { return nil }

        // 2. The gate, and the singular values.
        guard let cond = try conditioning(ofScaled: r, scales: d, k: k, maximum: Self.structuredMaximumCondition, tol: tol,
                                          diagnostics: diagnostics, scratch: c, sw: sw, sv: sv) else { return nil }
        let scaledConditionNumber = cond.scaledConditionNumber
        let singularValues = cond.singularValues, conditionNumber = cond.conditionNumber
        var warnings: [String] = []
        if let w = stabilityWarning(scaledConditionNumber: scaledConditionNumber) { warnings.append(w) }

        // v ← D·Rₛ⁻¹Rₛ⁻ᵀ·D·v: the correction for a normal-equation residual v.
        func solveNormal(_ v: UnsafeMutablePointer<Double>) {
            for j in 0..<k { v[j] *= d[j] }
            cblas_dtrsv(CblasColMajor, CblasUpper, CblasTrans, CblasNonUnit, Int32(k), r, Int32(k), v, 1)
            cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, Int32(k), r, Int32(k), v, 1)
            for j in 0..<k { v[j] *= d[j] }
        }
        // ‖D⁻¹·v‖∞: sizes in the scaled unknowns, as the dense paths measure them.
        func scaledNorm(_ v: UnsafePointer<Double>) -> Double {
            var s = 0.0
            for j in 0..<k { s = max(s, abs(v[j] / d[j])) }
            return s
        }

        // 3. Solve from the border XᵀWy, then refine. Each refinement pass also writes
        //    the residuals and fitted values of the coefficients it starts from.
        var b = [Double](repeating: 0, count: k)
        for j in 0..<k { v[j] = G.hi[j + k * K] + G.lo[j + k * K] }
        solveNormal(v)
        for j in 0..<k { b[j] = v[j] }
        var steps = 0
        var estimate = refine ? 0.0 : .nan
        var residuals = [Double](repeating: 0, count: diagnostics ? n : 0), fitted = residuals
        var outputsCurrent = false  // whether `residuals` and `fitted` belong to b
        func pass(_ summation: StructuredDesign.Summation, projection: Bool, write: Bool) -> [Double] {
            residuals.withUnsafeMutableBufferPointer { rp in
                fitted.withUnsafeMutableBufferPointer { fp in
                    X.residualProducts(y, coefficients: b, weights: weights, summation: summation, wantProjection: projection,
                                       residuals: write ? rp.baseAddress : nil, fitted: write ? fp.baseAddress : nil,
                                       threads: threads)
                }
            }
        }
        if refine {
            var previous = Double.infinity
            for _ in 0..<maxRefinementSteps {
                let rho = pass(.compensated, projection: true, write: diagnostics)
                outputsCurrent = diagnostics
                for j in 0..<k { v[j] = rho[j] }
                solveNormal(v)
                let dn = scaledNorm(v), un = b.withUnsafeBufferPointer { scaledNorm($0.baseAddress!) }
                let rel = un > 0 ? dn / un : (dn > 0 ? Double.infinity : 0)
                estimate = rel
                if dn > 0.5 * previous { break }  // stagnated: keep the last good iterate
                // A correction at rounding level is not applied: b is as accurate as it
                // gets, and this pass's residuals are b's (saving a pass).
                if rel <= Double.ulpOfOne { break }
                for j in 0..<k { b[j] += v[j] }
                outputsCurrent = false
                steps += 1
                previous = dn
            }
            guard estimate <= maxTrustedRelativeError else { return nil }
            if estimate > 1e-12 {
                warnings.append("iterative refinement stopped with relative correction \(shortNumber(estimate)): "
                    + "coefficients carry about \(Int(-log10(estimate))) significant digits (condition number \(shortNumber(conditionNumber)))")
            }
        } else {
            let rho = pass(.plain, projection: true, write: false)
            for j in 0..<k { v[j] = rho[j] }
            solveNormal(v)
            for j in 0..<k { b[j] += v[j] }
        }
        if let j = (0..<k).first(where: { !b[$0].isFinite }) {
            throw LapackError.invalidArgument(operation: "least squares",
                message: "coefficient of '\(name(j))' overflowed double precision; rescale y or that column")
        }
        if !diagnostics {
            return LeastSquaresSolution(
                coefficients: b, rank: k, aliased: [], aliasedNames: [], residuals: [], fitted: [],
                unscaledCovariance: Matrix(rows: 0, cols: 0), singularValues: [], conditionNumber: .nan,
                scaledConditionNumber: scaledConditionNumber, rankTolerance: tol, warnings: warnings, method: .qr,
                refinementSteps: steps, estimatedRelativeError: estimate, givenColumnNames: columnNames)
        }

        // 4. Fitted values, residuals (unless the last pass left them), (XᵀWX)⁻¹.
        if !outputsCurrent { _ = pass(.compensated, projection: false, write: true) }
        c.update(from: r, count: k * k)
        guard LAPACKE_dpotri_work(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), Int32(k), c, Int32(k)) == 0 else { return nil }
        var inverse = [Double](repeating: 0, count: k * k)
        for j in 0..<k { for i in 0...j { inverse[i + j * k] = c[i + j * k]; inverse[j + i * k] = c[i + j * k] } }
        if refine {
            // Against D·G·D in double-double (exact scaling of both parts).
            var gh = [Double](repeating: 0, count: k * k), gl = gh
            for j in 0..<k {
                for i in 0..<k {
                    gh[i + j * k] = G.hi[i + j * K] * d[i] * d[j]
                    gl[i + j * k] = G.lo[i + j * K] * d[i] * d[j]
                }
            }
            refineInverse(&inverse, kk: k, gh: gh, gl: gl)
        }
        var cov = Matrix(rows: k, cols: k)
        for j in 0..<k { for i in 0..<k { cov.storage[i + j * k] = inverse[i + j * k] * d[i] * d[j] } }
        return LeastSquaresSolution(
            coefficients: b, rank: k, aliased: [], aliasedNames: [], residuals: residuals, fitted: fitted,
            unscaledCovariance: cov, singularValues: singularValues, conditionNumber: conditionNumber,
            scaledConditionNumber: scaledConditionNumber, rankTolerance: tol, warnings: warnings, method: .qr,
            refinementSteps: steps, estimatedRelativeError: estimate, givenColumnNames: columnNames)
    }
}

/// Whether all n values are finite (and ≥ 0 with `nonNegative`): x − x is 0 for a
/// finite x and NaN otherwise, so SIMD lane sums stay 0 exactly when every value is finite.
func allFinite(_ p: UnsafePointer<Double>, _ n: Int, nonNegative: Bool = false) -> Bool {
    let raw = UnsafeRawPointer(p)
    var nan = SIMD8<Double>(repeating: 0)
    var i = 0
    while i + 8 <= n {
        let x = raw.loadUnaligned(fromByteOffset: 8 * i, as: SIMD8<Double>.self)
        nan += x - x
        i += 8
    }
    guard nan.sum() == 0 else { return false }
    while i < n { if !p[i].isFinite { return false }; i += 1 }
    if nonNegative { for j in 0..<n where p[j] < 0 { return false } }
    return true
}
