import Foundation
import MemcastNumerics

extension RegressionResults {
    /// Standard errors √diag(covParams); NaN for aliased terms.
    public var bse: [Double] { (0..<params.count).map { covParams[$0, $0].squareRoot() } }

    /// t-values (z-values when `useT` is false): β̂ⱼ/seⱼ.
    public var tvalues: [Double] { zip(params, bse).map { $0 / $1 } }

    /// Two-sided p-values 2·P(T > |t|), T ~ t(dfInference) or N(0, 1).
    public var pvalues: [Double] { tvalues.map { $0.isNaN ? .nan : 2 * upperTail(abs($0)) } }

    /// Confidence intervals β̂ⱼ ± q·seⱼ, q the 1 − α/2 quantile; `[lower, upper]` per term.
    public var confInt: [(lower: Double, upper: Double)] { confInt(alpha: alpha) }

    /// Confidence intervals at another level.
    /// - Parameter alpha: significance level in (0, 1).
    public func confInt(alpha: Double) -> [(lower: Double, upper: Double)] {
        let q = criticalValue(alpha: alpha)
        return zip(params, bse).map { ($0 - q * $1, $0 + q * $1) }
    }

    /// The 1 − α/2 quantile of the reference distribution (t with `dfInference` df, or normal).
    func criticalValue(alpha: Double, df: Double? = nil) -> Double {
        useT ? StudentT(df: df ?? dfInference).quantile(1 - alpha / 2) : Normal.quantile(1 - alpha / 2)
    }

    private func upperTail(_ t: Double) -> Double {
        useT ? StudentT(df: dfInference).sf(t) : Normal.sf(t)
    }

    /// The distribution's letter for summaries: `t` or `z`.
    public var statisticName: String { useT ? "t" : "z" }
}

/// The whitened design X̃ = W^½X as the covariance estimators and diagnostics need it:
/// a dense matrix, or a structured design (dense columns plus level codes) with its
/// weights, from which XᵀΩX and the leverages come without forming X̃. Estimators
/// that need X̃ row by row (HAC, cluster) materialise it (n×k doubles).
enum WhitenedDesign: Sendable {
    case dense(Matrix)
    case structured(StructuredDesign, weights: [Double]?)

    var rows: Int {
        switch self {
        case .dense(let x): return x.rows
        case .structured(let s, _): return s.rows
        }
    }

    var cols: Int {
        switch self {
        case .dense(let x): return x.cols
        case .structured(let s, _): return s.cols
        }
    }

    /// X̃ as a dense n×k matrix (allocated for the structured case).
    var matrix: Matrix {
        switch self {
        case .dense(let x): return x
        case .structured(let s, let w): return LinearFit.whiten(s.materialize(), w)
        }
    }

    /// X (unweighted) as a dense n×k matrix.
    var unweighted: Matrix {
        switch self {
        case .dense(let x): return x
        case .structured(let s, _): return s.materialize()
        }
    }

    /// The design over `active` columns (itself when all are active).
    func columns(_ active: [Int]) -> WhitenedDesign {
        if active.count == cols { return self }
        return .dense(matrix.columns(active))  // aliasing happens on the dense path only
    }

    /// X̃ᵀ·diag(ω)·X̃ = Σ ωᵢ x̃ᵢx̃ᵢᵀ (ω nil: X̃ᵀX̃).
    func weightedGram(_ omega: [Double]?) -> Matrix {
        switch self {
        case .dense(let x): return omega.map { x.weightedGram(rowWeights: $0) } ?? x.gram()
        case .structured(let s, let w):
            let rowWeights: [Double]?
            switch (omega, w) {
            case let (o?, w?): rowWeights = zip(o, w).map { $0 * $1 }
            case let (o?, nil): rowWeights = o
            case let (nil, w): rowWeights = w
            }
            return s.weightedGram(rowWeights: rowWeights)
        }
    }

    /// hᵢ = x̃ᵢᵀ·B·x̃ᵢ, the diagonal of the hat matrix for B = (X̃ᵀX̃)⁻¹.
    func leverage(_ bread: Matrix) throws -> [Double] {
        switch self {
        case .dense(let x): return try CovarianceEstimator.leverage(x, bread)
        case .structured(let s, let w): return s.quadraticForms(bread, weights: w)
        }
    }
}

/// Coefficient covariance estimators over the non-aliased columns (see `CovarianceType`).
enum CovarianceEstimator {
    /// Covariance of β̂ for OLS/WLS.
    /// - Parameters:
    ///   - x: whitened design over the estimated columns (n×k), dense or structured.
    ///   - resid: whitened residuals ẽ.
    ///   - bread: (X̃ᵀX̃)⁻¹ (k×k).
    ///   - groups: per-observation cluster codes 0..<G (cluster only).
    /// - Returns: the covariance, the HAC lags used, and warnings (leverage one, many HAC lags).
    /// - Throws: `FitError.tooManyHACLags` when given lags are not fewer than the rows.
    static func estimate(_ type: CovarianceType, x design: WhitenedDesign, resid: [Double], bread: Matrix, scale: Double,
                         groups: [Int]?) throws -> (cov: Matrix, lags: Int?, warnings: [String]) {
        let n = design.rows, k = design.cols
        switch type {
        case .nonrobust:
            var c = bread
            for i in c.storage.indices { c.storage[i] *= scale }
            return (c, nil, [])
        case .hc0, .hc1, .hc2, .hc3:
            var omega = resid.map { $0 * $0 }
            var warnings: [String] = []
            if type == .hc1 {
                let f = Double(n) / Double(n - k)
                omega = omega.map { $0 * f }
            } else if type == .hc2 || type == .hc3 {
                let h = try design.leverage(bread)
                if let i = h.firstIndex(where: { $0 > 1 - 1e-10 }) {
                    warnings.append("observation \(i + 1) has leverage 1 (it alone determines a coefficient); \(type) is undefined there")
                }
                let power = type == .hc2 ? 1.0 : 2.0
                for i in 0..<n { omega[i] /= pow(1 - h[i], power) }
            }
            return (try sandwich(bread, meat: design.weightedGram(omega)), nil, warnings)
        case let .hac(lags, correction):
            let L = lags ?? CovarianceType.defaultHACLags(nobs: n)
            var warnings: [String] = []
            if let l = lags {
                // Only lags the user gave: the automatic choice is the rule of thumb itself.
                if l >= n { throw FitError.tooManyHACLags(lags: l, rows: n) }
                // Past n/4 the far autocovariances rest on few pairs and the estimate gets noisy.
                if l > n / 4 {
                    warnings.append("HAC with \(l) lags on \(n) rows (more than n/4) gives noisy standard errors. \(FitError.usualHACLags(rows: n))")
                }
            }
            let u = scores(design.matrix, resid)
            var s = u.gram()
            if L > 0 && n > 1 {
                for l in 1...min(L, n - 1) {
                    let weight = 1 - Double(l) / Double(L + 1)
                    // Γₗ = Σₜ uₜ uₜ₋ₗᵀ over t = l..<n.
                    let now = rowsSlice(u, from: l, to: n), before = rowsSlice(u, from: 0, to: n - l)
                    let gamma = try Matrix.product(now, .transpose, before)
                    for i in 0..<k { for j in 0..<k { s[i, j] += weight * (gamma[i, j] + gamma[j, i]) } }
                }
            }
            var c = try sandwich(bread, meat: s)
            if correction { scaleInPlace(&c, Double(n) / Double(n - k)) }
            return (c, L, warnings)
        case .cluster:
            let g = groups!
            let G = (g.max() ?? -1) + 1
            let u = scores(design.matrix, resid)
            var sums = Matrix(rows: G, cols: k)
            for i in 0..<n { for j in 0..<k { sums.storage[g[i] + j * G] += u.storage[i + j * n] } }
            var c = try sandwich(bread, meat: sums.gram())
            scaleInPlace(&c, Double(G) / Double(G - 1) * Double(n - 1) / Double(n - k))
            return (c, nil, [])
        }
    }

    /// hᵢ = x̃ᵢᵀ B x̃ᵢ, the diagonal of the hat matrix.
    static func leverage(_ x: Matrix, _ bread: Matrix) throws -> [Double] {
        let xb = try Matrix.product(x, bread)
        let n = x.rows
        var h = [Double](repeating: 0, count: n)
        for j in 0..<x.cols { for i in 0..<n { h[i] += xb.storage[i + j * n] * x.storage[i + j * n] } }
        return h
    }

    /// uᵢ = x̃ᵢ·ẽᵢ as an n×k matrix.
    static func scores(_ x: Matrix, _ resid: [Double]) -> Matrix {
        var u = x
        let n = x.rows
        for j in 0..<x.cols { for i in 0..<n { u.storage[i + j * n] *= resid[i] } }
        return u
    }

    /// B·M·B, symmetrised.
    static func sandwich(_ bread: Matrix, meat: Matrix) throws -> Matrix {
        var c = try Matrix.product(Matrix.product(bread, meat), bread)
        let k = c.rows
        for i in 0..<k {
            for j in 0..<i {
                let v = (c[i, j] + c[j, i]) / 2
                c[i, j] = v
                c[j, i] = v
            }
        }
        return c
    }

    private static func rowsSlice(_ a: Matrix, from: Int, to: Int) -> Matrix {
        var s: [Double] = []
        s.reserveCapacity((to - from) * a.cols)
        for j in 0..<a.cols { s.append(contentsOf: a.storage[(from + j * a.rows)..<(to + j * a.rows)]) }
        return Matrix(rows: to - from, cols: a.cols, columnMajor: s)
    }

    private static func scaleInPlace(_ m: inout Matrix, _ f: Double) {
        for i in m.storage.indices { m.storage[i] *= f }
    }

    /// Wald F for H₀: every non-constant coefficient is zero, F = (Rβ)ᵀ(RVRᵀ)⁻¹(Rβ)/q.
    /// - Parameters:
    ///   - params: estimated coefficients (active columns).
    ///   - cov: their covariance.
    ///   - exclude: index of the constant column among them, if any.
    /// - Returns: F and q, or nil when there is nothing to test or RVRᵀ is singular.
    static func waldF(params: [Double], cov: Matrix, exclude: Int?) -> (value: Double, df: Double)? {
        let idx = params.indices.filter { $0 != exclude }
        guard !idx.isEmpty else { return nil }
        let rb = idx.map { params[$0] }
        let q = idx.count
        var v = Matrix(rows: q, cols: q)
        for (a, i) in idx.enumerated() { for (b, j) in idx.enumerated() { v[a, b] = cov[i, j] } }
        guard let qr = try? PivotedQR(v), qr.rank(relativeTolerance: Double(q) * 1e-15) == q,
              let sol = try? qr.solve(rb) else { return nil }
        let stat = zip(rb, sol).reduce(0) { $0 + $1.0 * $1.1 }
        return (stat / Double(q), Double(q))
    }
}
