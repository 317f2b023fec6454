import Foundation
import MemcastNumerics

/// Ordinary least squares from a formula: β̂ = argmin ‖y − Xβ‖².
///
/// ```swift
/// let fit = try OLS.fit("log(asp) ~ log(dram_usd_per_gb) + C(segment)", data: frame,
///                       options: FitOptions(covariance: .hc1))
/// print(fit.summary())
/// ```
///
/// The solve: when the formula has categorical terms (`C(segment)`), the design is
/// kept as dense columns plus level codes and solved from its Gram matrix, built by
/// cross-tabulation, with double-double iterative refinement
/// (`LeastSquaresSolver.solve(_:StructuredDesign…)`); the n×k indicator matrix is
/// never formed, and HC0–HC3 meats and leverages come from the codes too. Otherwise —
/// no categorical term, `method: .svd`, a design that path declines (aliased or
/// ill-conditioned columns, an empty level) — the dense design is materialised and
/// solved by the numeric core's pivoted QR (or SVD) with iterative refinement.
/// Collinear columns are aliased (NaN coefficient, listed in `aliased` and noted).
/// Both paths give the same numbers to rounding (StructuredFitTests).
public enum OLS {
    /// Fits `formula` to `data`.
    /// - Throws: `FormulaError`, `DesignError` (data), `FitError` (settings), `LapackError` (numerics).
    /// - Complexity: O(n·(m + F)²) on the structured path (m dense columns, F categorical
    ///   terms) plus O(k³); O(n·k²) on the dense path. HAC and cluster covariances
    ///   materialise the n×k design for their scores.
    public static func fit(_ formula: String, data: DataFrame, options: FitOptions = FitOptions()) throws -> RegressionResults {
        try fit(Formula(parsing: formula), data: data, options: options)
    }

    /// Fits a parsed formula.
    public static func fit(_ formula: Formula, data: DataFrame, options: FitOptions = FitOptions()) throws -> RegressionResults {
        try LinearFit.run(formula, data: data, weightsColumn: nil, lambda: nil, options: options)
    }
}

/// The estimation shared by OLS, WLS and ridge: build the design, solve it structured
/// (OLS/WLS with categorical terms, weights as a weighted inner product) or dense
/// (whitened by √w; augmented by √λ·D for ridge), then covariance and statistics.
enum LinearFit {
    static func run(_ formula: Formula, data: DataFrame, weightsColumn: String?, lambda: Double?,
                    options: FitOptions) throws -> RegressionResults {
        guard options.alpha > 0 && options.alpha < 1 else { throw FitError.invalidAlpha(options.alpha) }
        if case .hac(let l?, _) = options.covariance, l < 0 { throw FitError.invalidHACLags(l) }
        if let l = lambda {
            guard l.isFinite && l >= 0 else { throw FitError.invalidLambda(l) }
            guard options.covariance == .nonrobust else {
                throw FitError.unsupportedCovariance(model: "ridge", covariance: options.covariance.description)
            }
        }
        var required: [String] = []
        if let w = weightsColumn { required.append(w) }
        var clusterColumn: String? = nil
        if case .cluster(let c) = options.covariance { clusterColumn = c; required.append(c) }
        for (name, role) in [(weightsColumn, "weights"), (clusterColumn, "cluster ids")] {
            if let name, data[name] == nil { throw DesignError.missingColumn(name, role: role, available: data.names) }
        }
        let design = try DesignMatrix(formula: formula, data: data, panel: options.panel, required: required)
        let n = design.y.count, p = design.structure.cols

        var weights: [Double]? = nil
        if let name = weightsColumn {
            guard case .numeric(let v) = try data.column(name) else {
                throw DesignError.textInArithmetic(column: name, example: data[name]?.categoricalValues?.levels.first ?? "",
                                                   formula: formula.text, position: 0)
            }
            weights = try design.rows.map { r in
                guard v[r].isFinite && v[r] > 0 else { throw DesignError.badWeight(column: name, value: v[r], origin: data.origin(ofRow: r)) }
                return v[r]
            }
        }
        let names = design.spec.columnNames

        // OLS and WLS on a design with categorical terms are solved from the level codes
        // (LeastSquaresSolver+Structured.swift) when that path applies; otherwise, and
        // for ridge or the SVD method, the dense design is materialised once.
        var structured: LeastSquaresSolution? = nil
        if lambda == nil && options.method == .qr && !design.structure.levelColumns.isEmpty {
            structured = try LeastSquaresSolver().solve(design.structure, design.y, weights: weights, columnNames: names)
        }

        let model: RegressionModel
        let params: [Double], active: [Int], bread: Matrix, fitted: [Double]
        let dfResid: Double, effectiveDF: Double?
        let conditionNumber: Double, smallestEigenvalue: Double
        var warnings: [String]
        let exog: WhitenedDesign
        if let sol = structured {
            model = weightsColumn.map { .wls(weights: $0) } ?? .ols
            exog = .structured(design.structure, weights: weights)
            active = Array(0..<p)
            params = sol.coefficients
            bread = sol.unscaledCovariance
            fitted = sol.fitted  // X·b̂, unweighted
            effectiveDF = nil
            dfResid = Double(n - p)
            conditionNumber = sol.conditionNumber
            smallestEigenvalue = pow(sol.singularValues.last ?? 0, 2)
            warnings = sol.warnings
        } else if let lambda {
            let x = design.x
            let wx = whiten(x, weights)
            let wy = weights.map { w in zip(design.y, w).map { $0 * $1.squareRoot() } } ?? design.y
            exog = .dense(wx)
            model = .ridge(lambda: lambda, weights: weightsColumn)
            let penalized = (0..<p).filter { !(design.spec.hasIntercept && $0 == 0) }
            var aug = Matrix(rows: n + penalized.count, cols: p)
            for j in 0..<p { for i in 0..<n { aug[i, j] = wx[i, j] } }
            for (r, j) in penalized.enumerated() { aug[n + r, j] = lambda.squareRoot() }
            let sol = try LeastSquares.solve(aug, wy + [Double](repeating: 0, count: penalized.count),
                                             columnNames: names, method: options.method)
            active = (0..<p).filter { !sol.aliased.contains($0) }
            params = sol.coefficients
            bread = sol.unscaledCovariance.submatrix(active)
            let xa = x.columns(active)
            fitted = try xa.times(active.map { params[$0] })
            let h = try CovarianceEstimator.leverage(wx.columns(active), bread)
            effectiveDF = h.reduce(0, +)
            dfResid = Double(n) - effectiveDF!
            let plain = try LeastSquares.solve(wx, wy, columnNames: names, method: options.method, refine: false)
            conditionNumber = plain.conditionNumber
            smallestEigenvalue = pow(plain.singularValues.last ?? 0, 2)
            warnings = sol.warnings
        } else {
            let wx = whiten(design.x, weights)
            let wy = weights.map { w in zip(design.y, w).map { $0 * $1.squareRoot() } } ?? design.y
            model = weightsColumn.map { .wls(weights: $0) } ?? .ols
            let sol = try LeastSquares.solve(wx, wy, columnNames: names, method: options.method)
            active = (0..<p).filter { !sol.aliased.contains($0) }
            exog = .dense(wx)
            params = sol.coefficients
            bread = sol.unscaledCovariance.submatrix(active)
            fitted = weights.map { w in zip(sol.fitted, w).map { $0 / $1.squareRoot() } } ?? sol.fitted
            effectiveDF = nil
            dfResid = Double(n - active.count)
            conditionNumber = sol.conditionNumber
            smallestEigenvalue = pow(sol.singularValues.last ?? 0, 2)
            warnings = sol.warnings
        }
        guard dfResid > 0 else { throw DesignError.tooFewRows(rows: n, columns: active.count, dropped: design.droppedRows) }

        let kConstant = try constantCount(design)
        let dfModel = (effectiveDF ?? Double(active.count)) - Double(kConstant)
        let residW = zip(design.y, fitted).enumerated().map { i, yf in (yf.0 - yf.1) * (weights?[i].squareRoot() ?? 1) }
        let ssr = residW.reduce(0) { $0 + $1 * $1 }
        let scale = ssr / dfResid
        let xActive = exog.columns(active)

        var groups: [Int]? = nil
        var clusterCount: Int? = nil
        if let c = clusterColumn {
            let column = try data.column(c)
            var codes: [String: Int] = [:]
            groups = design.rows.map { r in
                let label = PanelIndex.label(column, r)!
                if let g = codes[label] { return g }
                codes[label] = codes.count
                return codes.count - 1
            }
            clusterCount = codes.count
            guard codes.count >= 2 else { throw FitError.tooFewClusters(column: c, groups: codes.count) }
        }

        let cov: Matrix, lags: Int?
        if lambda != nil {
            // Var(β̂) = σ̂²·A⁻¹X̃ᵀX̃A⁻¹ with A = X̃ᵀX̃ + λD: the sandwich for a linear smoother.
            var meat = xActive.weightedGram(nil)
            for i in meat.storage.indices { meat.storage[i] *= scale }
            cov = try CovarianceEstimator.sandwich(bread, meat: meat)
            lags = nil
        } else {
            let est = try CovarianceEstimator.estimate(options.covariance, x: xActive, resid: residW, bread: bread,
                                                   scale: scale, groups: groups)
            cov = est.cov
            lags = est.lags
            warnings += est.warnings
        }
        let useT = options.useT ?? (lambda != nil || !options.covariance.isRobust)
        let dfInference = clusterCount.map { Double($0 - 1) } ?? dfResid

        var wald: (value: Double, df: Double)? = nil
        if options.covariance.isRobust && lambda == nil {
            // statsmodels tests every coefficient but an explicit constant; with only an
            // implied constant (y ~ C(s) - 1) it reports no F.
            let constantIndex = explicitConstant(design, active: active)
            if kConstant == 0 || constantIndex != nil {
                wald = CovarianceEstimator.waldF(params: active.map { params[$0] }, cov: cov, exclude: constantIndex)
            }
        }
        return RegressionResults(
            model: model, design: design, weights: weights, exog: exog, params: params, active: active, fitted: fitted,
            kConstant: kConstant, dfModel: dfModel, dfResid: dfResid, effectiveDF: effectiveDF,
            conditionNumber: conditionNumber, smallestEigenvalue: smallestEigenvalue,
            covariance: lambda != nil ? .nonrobust : options.covariance, hacLags: lags, clusterCount: clusterCount,
            covActive: cov, useT: useT, dfInference: dfInference, alpha: options.alpha, waldF: wald, warnings: warnings)
    }

    /// √wᵢ times row i of x.
    static func whiten(_ x: Matrix, _ weights: [Double]?) -> Matrix {
        guard let w = weights else { return x }
        var out = x
        let n = x.rows
        for j in 0..<x.cols { for i in 0..<n { out.storage[i + j * n] *= w[i].squareRoot() } }
        return out
    }

    /// Index (among active columns) of a column that is constant and non-zero, as statsmodels finds it.
    /// Only dense columns can be: an indicator column of a factor with two or more levels present varies.
    static func explicitConstant(_ design: DesignMatrix, active: [Int]) -> Int? {
        let x = design.structure
        for (a, j) in active.enumerated() {
            guard let c = x.denseColumns.firstIndex(of: j) else { continue }
            let col = x.denseColumn(c)
            if let f = col.first, f != 0, col.allSatisfy({ $0 == f }) { return a }
        }
        return nil
    }

    /// 1 when the model has a constant: the intercept, a constant column, a factor coded
    /// with a column for every level (the columns sum to one), or (statsmodels' implicit
    /// constant) a design whose column space contains the vector of ones.
    static func constantCount(_ design: DesignMatrix) throws -> Int {
        if design.spec.hasIntercept { return 1 }
        let s = design.structure
        if explicitConstant(design, active: Array(0..<s.cols)) != nil { return 1 }
        if s.levelColumns.contains(where: { $0.allSatisfy { $0 >= 0 } }) { return 1 }
        let x = design.x, n = x.rows
        var augmented = [Double](repeating: 1, count: n)
        augmented.append(contentsOf: x.storage)
        let aug = Matrix(rows: n, cols: x.cols + 1, columnMajor: augmented)
        let ones = [Double](repeating: 1, count: n)
        let withOnes = try LeastSquares.solve(aug, ones, refine: false).rank
        let without = try LeastSquares.solve(x, ones, refine: false).rank
        return withOnes == without ? 1 : 0
    }
}

extension Matrix {
    /// The square submatrix on `indices` (rows and columns).
    func submatrix(_ indices: [Int]) -> Matrix {
        var m = Matrix(rows: indices.count, cols: indices.count)
        for (a, i) in indices.enumerated() { for (b, j) in indices.enumerated() { m[a, b] = self[i, j] } }
        return m
    }
}
