/// Weighted least squares: β̂ = argmin Σ wᵢ(yᵢ − xᵢᵀβ)², weights wᵢ > 0 from a
/// column, read as inverse variances (Var(εᵢ) = σ²/wᵢ), as statsmodels' `WLS`.
///
/// Fit statistics use the whitened data √w·y, √w·X: SSR = Σ wᵢeᵢ², R² against
/// the weighted mean, and the log-likelihood gains ½Σ log wᵢ.
///
/// ```swift
/// let fit = try WLS.fit("y ~ a + b", data: frame, weights: "w")
/// ```
public enum WLS {
    /// Fits `formula` with weights from column `weights`; rows with a missing weight are dropped.
    /// - Throws: as `OLS.fit`, plus `DesignError.badWeight` for a weight ≤ 0 or not finite.
    public static func fit(_ formula: String, data: DataFrame, weights: String,
                           options: FitOptions = FitOptions()) throws -> RegressionResults {
        try fit(Formula(parsing: formula), data: data, weights: weights, options: options)
    }

    /// Fits a parsed formula.
    public static func fit(_ formula: Formula, data: DataFrame, weights: String,
                           options: FitOptions = FitOptions()) throws -> RegressionResults {
        try LinearFit.run(formula, data: data, weightsColumn: weights, lambda: nil, options: options)
    }
}
