/// Ridge regression: β̂ = argmin ‖y − Xβ‖² + λ·Σ_{j≠intercept} βⱼ², i.e.
/// β̂ = (XᵀX + λD)⁻¹Xᵀy with D = diag(0, 1, …, 1) — the intercept is not penalized.
///
/// The penalty applies to the coefficients in the columns' own units (no
/// standardization), so rescale regressors first if their units differ widely.
/// Solved stably as least squares on X stacked over √λ·D (never forming XᵀX).
///
/// Reported with it:
/// - effective degrees of freedom edf = tr(X(XᵀX + λD)⁻¹Xᵀ) (`effectiveDF`),
///   dfResid = n − edf, dfModel = edf − 1 with an intercept;
/// - σ̂² = SSR/(n − edf) and Var(β̂) = σ̂²·A⁻¹XᵀXA⁻¹, A = XᵀX + λD, with t-based
///   intervals on n − edf df. These are conditional on λ and centred on a biased
///   estimate; the summary says so. No overall F is reported.
/// - llf at β̂ as for OLS; AIC/BIC count edf parameters.
///
/// With `weights`, the weighted criterion Σwᵢ(yᵢ − xᵢᵀβ)² + λ‖Dβ‖² is minimised.
public enum Ridge {
    /// Fits `formula` with penalty `lambda` (≥ 0, in squared response units per squared coefficient unit).
    /// - Throws: as `OLS.fit`; `FitError.invalidLambda`, or `FitError.unsupportedCovariance` unless nonrobust.
    public static func fit(_ formula: String, data: DataFrame, lambda: Double, weights: String? = nil,
                           options: FitOptions = FitOptions()) throws -> RegressionResults {
        try fit(Formula(parsing: formula), data: data, lambda: lambda, weights: weights, options: options)
    }

    /// Fits a parsed formula.
    public static func fit(_ formula: Formula, data: DataFrame, lambda: Double, weights: String? = nil,
                           options: FitOptions = FitOptions()) throws -> RegressionResults {
        try LinearFit.run(formula, data: data, weightsColumn: weights, lambda: lambda, options: options)
    }
}
