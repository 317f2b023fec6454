import Foundation
import MemcastNumerics

/// A Breusch–Pagan test result.
public struct BreuschPagan: Sendable, Equatable {
    /// Koenker's studentised LM = n·R² of ẽ² on the regressors.
    public let lm: Double
    /// P(χ²_{q} > LM), q = regressors excluding the constant.
    public let lmPValue: Double
    /// F of the same auxiliary regression.
    public let fvalue: Double
    /// Its p-value.
    public let fPValue: Double
}

extension RegressionResults {
    /// Durbin–Watson Σ(ẽₜ − ẽₜ₋₁)²/Σẽₜ² over the observations in design order (≈ 2 without autocorrelation).
    public var durbinWatson: Double {
        let e = whitenedResiduals
        var num = 0.0
        for t in 1..<max(e.count, 1) { num += (e[t] - e[t - 1]) * (e[t] - e[t - 1]) }
        return num / ssr
    }

    /// Skewness of ẽ (biased moment estimator).
    public var skew: Double { NormalityTests.skewness(whitenedResiduals) }

    /// Kurtosis of ẽ (Pearson's; 3 for normal errors).
    public var kurtosis: Double { NormalityTests.kurtosis(whitenedResiduals) }

    /// Jarque–Bera test of ẽ.
    public var jarqueBera: (statistic: Double, pvalue: Double) { NormalityTests.jarqueBera(whitenedResiduals) }

    /// D'Agostino–Pearson omnibus test of ẽ (NaN below 8 observations).
    public var omnibus: (statistic: Double, pvalue: Double) { NormalityTests.omnibus(whitenedResiduals) }

    /// R's residual summary: minimum, first quartile, median, third quartile, maximum of ẽ
    /// (quantile type 7, linear interpolation between order statistics).
    public var residualQuantiles: [Double] {
        let s = whitenedResiduals.sorted()
        return [0, 0.25, 0.5, 0.75, 1].map { p in
            let h = Double(s.count - 1) * p
            let lo = Int(h.rounded(.down)), hi = min(lo + 1, s.count - 1)
            return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
        }
    }

    /// Variance inflation factor per term: 1/(1 − R²ⱼ), R²ⱼ the centred R² of regressing
    /// column j of X on the other non-constant columns and a constant — statsmodels 0.15's
    /// `variance_inflation_factor` (which standardizes the columns first, so models without
    /// an intercept get the same, centred, definition). nil for constant columns (the
    /// intercept) and aliased terms.
    ///
    /// Computed in one pass as the diagonal of the inverse correlation matrix of those
    /// columns (the identity VIFⱼ = (R⁻¹)ⱼⱼ), not by k auxiliary regressions.
    /// After a structured fit with all terms estimated, the correlation matrix comes from the
    /// design's Gram bordered by a column of ones (column sums), in O(n) without forming X.
    public var vif: [Double?] {
        if case .structured(let design, _) = exog, active.count == design.cols {
            return structuredVIF(design)
        }
        let x = designMatrix
        let varying = active.filter { !Self.isConstant(x, $0) }
        guard !varying.isEmpty else { return terms.map { _ in nil } }
        let n = x.rows
        // Centred, unit-length columns: their Gram matrix is the correlation matrix.
        var z = x.columns(varying)
        for c in 0..<varying.count {
            z.storage.withUnsafeMutableBufferPointer { s in
                let col = UnsafeMutableBufferPointer(rebasing: s[(c * n)..<((c + 1) * n)])
                let mean = col.reduce(0, +) / Double(n)
                var ss = 0.0
                for i in col.indices { col[i] -= mean; ss += col[i] * col[i] }
                let norm = ss.squareRoot()
                for i in col.indices { col[i] /= norm }
            }
        }
        guard let inverse = try? Cholesky(z.gram()).inverse() else { return terms.map { _ in nil } }
        return terms.indices.map { j -> Double? in
            guard let c = varying.firstIndex(of: j) else { return nil }
            // statsmodels clips R² to at most 1 − 1e-15.
            return min(inverse[c, c], 1e15)
        }
    }

    /// Breusch–Pagan test (Koenker's robust form, statsmodels' default): regress ẽ² on the
    /// regressors X (unweighted, plus a constant if the model has none); LM = n·R².
    /// nil when the auxiliary regression cannot be formed. After a structured fit of a model
    /// with a constant and every term estimated, the auxiliary fit is solved from the Gram
    /// bordered by ẽ² (normal equations: that design is well conditioned, or the fit would
    /// have taken the dense path); otherwise it materialises the n×k design.
    public var breuschPagan: BreuschPagan? {
        if case .structured(let design, _) = exog, spec.hasIntercept, active.count == design.cols {
            return structuredBreuschPagan(design)
        }
        let x = designMatrix
        var z = x.columns(active)
        if !spec.hasIntercept {
            z = Matrix(rows: z.rows, cols: z.cols + 1, columnMajor: [Double](repeating: 1, count: z.rows) + z.storage)
        }
        let e2 = whitenedResiduals.map { $0 * $0 }
        guard let sol = try? LeastSquares.solve(z, e2, refine: false) else { return nil }
        let n = Double(nobs)
        let mean = e2.reduce(0, +) / n
        let tss = e2.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let ssr = sol.residuals.reduce(0) { $0 + $1 * $1 }
        return Self.breuschPagan(r2: 1 - ssr / tss, n: n, q: Double(sol.rank - 1))
    }

    /// The LM and F forms of the test from the auxiliary R² (q slopes, n rows).
    static func breuschPagan(r2: Double, n: Double, q: Double) -> BreuschPagan? {
        guard q > 0 else { return nil }
        let lm = n * r2
        let f = (r2 / q) / ((1 - r2) / (n - q - 1))
        return BreuschPagan(lm: lm, lmPValue: ChiSquared(df: q).sf(lm), fvalue: f,
                            fPValue: FisherF(dfn: q, dfd: n - q - 1).sf(f))
    }

    /// `vif` from [X 1]ᵀ[X 1]: cov(j, k)·n = Gⱼₖ − sⱼsₖ/n with sⱼ the column sums.
    private func structuredVIF(_ design: StructuredDesign) -> [Double?] {
        let n = Double(design.rows)
        let g = design.gram(bordering: [Double](repeating: 1, count: design.rows), summation: .compensated)
        let m = g.order
        func gram(_ a: Int, _ b: Int) -> Double { g.hi[a + b * m] + g.lo[a + b * m] }
        let sums = (0..<design.cols).map { gram($0, m - 1) }
        let centred = (0..<design.cols).map { gram($0, $0) - sums[$0] * sums[$0] / n }
        // A column is constant when its centred sum of squares vanishes next to its raw one.
        let varying = active.filter { centred[$0] > 1e-12 * gram($0, $0) }
        guard !varying.isEmpty else { return terms.map { _ in nil } }
        var corr = Matrix(rows: varying.count, cols: varying.count)
        for (a, j) in varying.enumerated() {
            for (b, k) in varying.enumerated() {
                corr[a, b] = (gram(j, k) - sums[j] * sums[k] / n) / (centred[j] * centred[k]).squareRoot()
            }
        }
        guard let inverse = try? Cholesky(corr).inverse() else { return terms.map { _ in nil } }
        return terms.indices.map { j -> Double? in
            guard let c = varying.firstIndex(of: j) else { return nil }
            return min(inverse[c, c], 1e15)
        }
    }

    /// `breuschPagan` from [X ẽ²]ᵀ[X ẽ²]: b solves XᵀX b = Xᵀẽ², SSR = ẽ²ᵀẽ² − bᵀXᵀẽ².
    private func structuredBreuschPagan(_ design: StructuredDesign) -> BreuschPagan? {
        let e2 = whitenedResiduals.map { $0 * $0 }
        let g = design.gram(bordering: e2, summation: .compensated)
        let k = design.cols, m = g.order
        var xtx = Matrix(rows: k, cols: k)
        for a in 0..<k { for b in 0..<k { xtx[a, b] = g.hi[a + b * m] + g.lo[a + b * m] } }
        let xty = (0..<k).map { g.hi[$0 + k * m] + g.lo[$0 + k * m] }
        guard let b = try? Cholesky(xtx).solve(xty) else { return nil }
        let n = Double(nobs)
        let mean = e2.reduce(0, +) / n
        let tss = e2.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let ssr = (g.hi[k + k * m] + g.lo[k + k * m]) - zip(b, xty).reduce(0) { $0 + $1.0 * $1.1 }
        return Self.breuschPagan(r2: 1 - ssr / tss, n: n, q: Double(k - 1))
    }

    /// Numbered notes for the summary, in statsmodels' order: no constant, covariance type,
    /// more columns than rows, singular or ill-conditioned design; then memcast's own
    /// (aliased terms, dropped rows, ridge caveat, other warnings).
    public var notes: [String] {
        var out: [String] = []
        if kConstant == 0 {
            out.append("R² is uncentred (computed about zero) because the model has no constant.")
        }
        out.append(covarianceDescription)
        if smallestEigenvalue < 1e-10 {
            out.append("The smallest eigenvalue of X'X is \(Self.sig(smallestEigenvalue, 3)): the regressors are (nearly) collinear or the design is singular.")
        } else if conditionNumber > 1000 {
            out.append("The condition number is large (\(Self.sig(conditionNumber, 3))): strong multicollinearity or other numerical problems are possible.")
        }
        if ssr == 0 {
            out.append("The fit is exact (every residual is zero): standard errors are zero and t-statistics, p-values and residual diagnostics are undefined.")
        }
        if !aliased.isEmpty {
            out.append("Aliased (a linear combination of earlier terms, not estimated): \(aliased.joined(separator: ", ")).")
        }
        if case .ridge = model {
            out.append("Ridge estimates are shrunk towards zero (biased); standard errors, intervals and p-values are conditional on λ and only indicative.")
        }
        for w in warnings where !w.lowercased().contains("alias") { out.append(w) }
        return out
    }

    /// The covariance note: what the standard errors assume.
    public var covarianceDescription: String {
        switch covarianceType {
        case .nonrobust:
            return "Standard errors assume the error covariance matrix is correctly specified (homoskedastic, uncorrelated errors)."
        case .hc0, .hc1, .hc2, .hc3:
            return "Standard errors are robust to heteroskedasticity (\(covarianceType))."
        case .hac(_, let correction):
            return "Standard errors are robust to heteroskedasticity and autocorrelation (HAC, Newey–West, \(hacLags ?? 0) lags, \(correction ? "with" : "without") small-sample correction)."
        case .cluster(let c):
            return "Standard errors are robust to correlation within clusters of '\(c)' (\(clusterCount ?? 0) clusters)."
        }
    }

    /// The unweighted design X over all columns (materialised, n×p doubles, after a
    /// structured fit).
    var designMatrix: Matrix {
        guard case .dense(let wexog) = exog else { return exog.unweighted }
        guard let w = weights else { return wexog }
        var x = wexog
        let n = x.rows
        for j in 0..<x.cols { for i in 0..<n { x.storage[i + j * n] /= w[i].squareRoot() } }
        return x
    }

    /// Whether column j of x holds one value.
    static func isConstant(_ x: Matrix, _ j: Int) -> Bool {
        let col = x.storage[(j * x.rows)..<((j + 1) * x.rows)]
        guard let f = col.first else { return true }
        return col.allSatisfy { $0 == f }
    }

    /// `v` with `digits` significant digits, like C's `%.{digits}g`.
    static func sig(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)g", v) }
}
