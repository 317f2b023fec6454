import Foundation
import MemcastNumerics

/// Which estimator produced a `RegressionResults`.
public enum RegressionModel: Sendable, Equatable {
    /// Ordinary least squares.
    case ols
    /// Weighted least squares with weights from a column (inverse variances).
    case wls(weights: String)
    /// Ridge: least squares plus λ·Σβⱼ² over every coefficient but the intercept.
    case ridge(lambda: Double, weights: String?)

    /// Short name, as statsmodels' summary prints it: `OLS`, `WLS`, `Ridge`.
    public var name: String {
        switch self {
        case .ols: return "OLS"
        case .wls: return "WLS"
        case .ridge: return "Ridge"
        }
    }

    /// The method line of the summary.
    public var method: String {
        switch self {
        case .ols, .wls: return "Least Squares"
        case .ridge(let l, _): return "Ridge λ=\(FormulaExpression.format(l))"
        }
    }

    /// The weights column, if any.
    public var weightsColumn: String? {
        switch self {
        case .ols: return nil
        case .wls(let w): return w
        case .ridge(_, let w): return w
        }
    }
}

/// Everything a fitted linear regression reports, in the user's names.
///
/// Conventions follow statsmodels' `RegressionResults`. Write X̃ = √w·X,
/// ỹ = √w·y for the whitened data (w ≡ 1 for OLS), e = y − Xβ̂ the residuals,
/// ẽ = √w·e, n = `nobs`, and k = `rank` (the estimated, non-aliased coefficients).
/// Per-coefficient arrays (`params`, `bse`, …) follow `terms`; an aliased
/// coefficient (a column that is a linear combination of earlier ones) is NaN
/// there and listed in `aliased`, and every rendering says so.
public struct RegressionResults: Sendable {
    /// The estimator.
    public let model: RegressionModel
    /// How the design was built (for prediction and the term list).
    public let spec: DesignSpec
    /// Canonical text of the response, e.g. `log(asp)`.
    public let responseName: String
    /// Observations used, n.
    public let nobs: Int
    /// Rows of the input dropped for a missing value in a used column.
    public let droppedRows: Int
    /// 0-based input rows behind each observation, in design order.
    public let rows: [Int]
    /// β̂ per term; NaN for an aliased term.
    public let params: [Double]
    /// Names of aliased terms (see the type's documentation).
    public let aliased: [String]
    /// Number of estimated coefficients k (the numerical rank of X̃, or all columns for ridge).
    public let rank: Int
    /// 1 when the model has a constant (explicit intercept, or implied by the columns as in
    /// `y ~ C(s) - 1`), else 0. Decides centred versus uncentred R².
    public let kConstant: Int
    /// Model degrees of freedom: k − kConstant (ridge: effective df − kConstant).
    public let dfModel: Double
    /// Residual degrees of freedom: n − k (ridge: n − effective df).
    public let dfResid: Double
    /// Ridge only: effective degrees of freedom tr(X(XᵀX + λD)⁻¹Xᵀ); nil otherwise.
    public let effectiveDF: Double?
    /// Fitted values ŷ = Xβ̂, per observation.
    public let fitted: [Double]
    /// Residuals e = y − ŷ.
    public let residuals: [Double]
    /// Whitened residuals ẽ = √w·e (equal to `residuals` without weights); the
    /// normality and autocorrelation diagnostics use these, as statsmodels does.
    public let whitenedResiduals: [Double]
    /// Observation weights (nil for OLS).
    public let weights: [Double]?
    /// Observed response y.
    public let response: [Double]

    /// SSR = Σ ẽᵢ².
    public let ssr: Double
    /// Centred total sum of squares Σ wᵢ(yᵢ − ȳ_w)², ȳ_w the weighted mean.
    public let centeredTSS: Double
    /// Uncentred total sum of squares Σ wᵢ yᵢ².
    public let uncenteredTSS: Double
    /// Explained sum of squares: centred TSS − SSR with a constant, uncentred TSS − SSR without.
    public let ess: Double
    /// R² = 1 − SSR/TSS, with the centred TSS when the model has a constant and the
    /// uncentred one otherwise (as statsmodels and R do).
    public let rsquared: Double
    /// Adjusted R² = 1 − (n − kConstant)/dfResid · (1 − R²).
    public let rsquaredAdj: Double
    /// Residual mean square σ̂² = SSR/dfResid (`mse_resid`, `scale`).
    public let mseResid: Double
    /// Model mean square ESS/dfModel.
    public let mseModel: Double
    /// Gaussian log-likelihood at β̂: −n/2·(log(2π·SSR/n) + 1) + ½Σ log wᵢ.
    public let llf: Double
    /// AIC = −2·llf + 2·(dfModel + kConstant).
    public let aic: Double
    /// BIC = −2·llf + log(n)·(dfModel + kConstant).
    public let bic: Double
    /// Condition number of X̃: σ_max/σ_min (statsmodels' `condition_number`); ∞ when singular.
    public let conditionNumber: Double
    /// Smallest eigenvalue of X̃ᵀX̃ (σ_min²); statsmodels notes values below 1e-10.
    public let smallestEigenvalue: Double

    /// The covariance estimator used.
    public let covarianceType: CovarianceType
    /// Lags used by HAC (nil for other types).
    public let hacLags: Int?
    /// Number of clusters (nil unless `cluster`).
    public let clusterCount: Int?
    /// Covariance of β̂, k×k over `terms` (NaN rows and columns for aliased terms).
    public let covParams: Matrix
    /// Whether t-values and intervals use Student t (else the normal distribution).
    public let useT: Bool
    /// Degrees of freedom of t-based inference: dfResid, or G − 1 for cluster.
    public let dfInference: Double
    /// Significance level of the intervals, in (0, 1).
    public let alpha: Double
    /// Overall F: mseModel/mseResid under `nonrobust`; the Wald F of all non-constant
    /// coefficients under robust covariances; nil for ridge or with no slope terms.
    public let fvalue: Double?
    /// P(F > fvalue) with (dfModel, dfInference) degrees of freedom.
    public let fPValue: Double?
    /// Conditions that did not stop the fit but matter (aliasing, near-singularity, leverage one).
    public let warnings: [String]

    /// Whitened design X̃ (n×p, all columns), kept for diagnostics: dense after a dense
    /// fit; after a structured fit the dense columns and level codes (VIF and Breusch–Pagan
    /// work from its Gram; HAC and cluster covariances materialise it).
    let exog: WhitenedDesign
    /// Indices of non-aliased columns.
    let active: [Int]

    /// Coefficient names in formula order: `Intercept`, `x`, `I(x^2)`, `C(segment)[T.mid]`.
    public var terms: [String] { spec.columnNames }

    /// The formula as written.
    public var formula: String { spec.formula.text }

    /// Assembles results from an estimator's solution.
    /// - Parameters:
    ///   - covActive: covariance over the `active` columns (r×r).
    ///   - dfResid, dfModel: as defined on the properties.
    init(model: RegressionModel, design: DesignMatrix, weights: [Double]?, exog: WhitenedDesign, params: [Double],
         active: [Int], fitted: [Double], kConstant: Int, dfModel: Double, dfResid: Double, effectiveDF: Double?,
         conditionNumber: Double, smallestEigenvalue: Double, covariance: CovarianceType, hacLags: Int?,
         clusterCount: Int?, covActive: Matrix, useT: Bool, dfInference: Double, alpha: Double,
         waldF: (value: Double, df: Double)?, warnings: [String]) {
        self.model = model
        self.spec = design.spec
        self.responseName = design.responseName
        self.nobs = design.y.count
        self.droppedRows = design.droppedRows
        self.rows = design.rows
        self.params = params
        self.active = active
        self.aliased = design.spec.columnNames.indices.filter { !active.contains($0) }.map { design.spec.columnNames[$0] }
        self.rank = active.count
        self.kConstant = kConstant
        self.dfModel = dfModel
        self.dfResid = dfResid
        self.effectiveDF = effectiveDF
        self.fitted = fitted
        self.response = design.y
        let e = zip(design.y, fitted).map { $0 - $1 }
        let we = weights.map { w in zip(e, w).map { $0 * $1.squareRoot() } } ?? e
        self.residuals = e
        self.weights = weights
        self.whitenedResiduals = we
        self.exog = exog
        self.conditionNumber = conditionNumber
        self.smallestEigenvalue = smallestEigenvalue

        let n = Double(nobs)
        let y = design.y
        // Weighted sums without an n-vector of unit weights for OLS.
        func weightedSum(_ f: (Double) -> Double) -> Double {
            guard let w = weights else { return y.reduce(0) { $0 + f($1) } }
            return zip(w, y).reduce(0) { $0 + $1.0 * f($1.1) }
        }
        let sumW = weights?.reduce(0, +) ?? n
        let meanW = weightedSum { $0 } / sumW
        ssr = we.reduce(0) { $0 + $1 * $1 }
        centeredTSS = weightedSum { ($0 - meanW) * ($0 - meanW) }
        uncenteredTSS = weightedSum { $0 * $0 }
        let tss = kConstant == 1 ? centeredTSS : uncenteredTSS
        ess = tss - ssr
        rsquared = 1 - ssr / tss
        rsquaredAdj = 1 - (n - Double(kConstant)) / dfResid * (1 - rsquared)
        mseResid = ssr / dfResid
        mseModel = ess / dfModel
        llf = -n / 2 * (Foundation.log(2 * Double.pi * ssr / n) + 1) + 0.5 * (weights?.reduce(0) { $0 + Foundation.log($1) } ?? 0)
        aic = -2 * llf + 2 * (dfModel + Double(kConstant))
        bic = -2 * llf + Foundation.log(n) * (dfModel + Double(kConstant))

        covarianceType = covariance
        self.hacLags = hacLags
        self.clusterCount = clusterCount
        var cov = Matrix(rows: params.count, cols: params.count, repeating: .nan)
        for (a, i) in active.enumerated() { for (b, j) in active.enumerated() { cov[i, j] = covActive[a, b] } }
        covParams = cov
        self.useT = useT
        self.dfInference = dfInference
        self.alpha = alpha

        if let (f, df) = waldF {
            fvalue = f
            fPValue = FisherF(dfn: df, dfd: dfInference).sf(f)
        } else if case .ridge = model {
            fvalue = nil
            fPValue = nil
        } else if !covariance.isRobust && dfModel > 0 {
            let f = mseModel / mseResid
            fvalue = f
            fPValue = FisherF(dfn: dfModel, dfd: dfResid).sf(f)
        } else {
            fvalue = nil
            fPValue = nil
        }
        self.warnings = warnings
    }
}
