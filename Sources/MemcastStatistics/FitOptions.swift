import MemcastNumerics

/// Settings shared by `OLS`, `WLS` and `Ridge` fits.
public struct FitOptions: Sendable {
    /// Factorization for the least-squares solve: `.qr` (default) or `.svd`.
    public var method: LeastSquaresMethod
    /// Coefficient covariance (default `.nonrobust`).
    public var covariance: CovarianceType
    /// Significance level for confidence and prediction intervals, in (0, 1); default 0.05 (95% intervals).
    public var alpha: Double
    /// Student t (true) or normal (false) reference distribution for t-values and intervals;
    /// nil follows statsmodels: t with n − k df for `nonrobust`, normal for robust covariances.
    public var useT: Bool?
    /// Entity and period columns for lags and differences.
    public var panel: PanelOptions

    public init(method: LeastSquaresMethod = .qr, covariance: CovarianceType = .nonrobust, alpha: Double = 0.05,
                useT: Bool? = nil, panel: PanelOptions = .none) {
        self.method = method
        self.covariance = covariance
        self.alpha = alpha
        self.useT = useT
        self.panel = panel
    }
}
