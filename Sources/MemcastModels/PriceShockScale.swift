/// How wide the price equation's shocks are in the quarters it projects (scenario `[prices] shocks`).
///
/// | rule | shock in the k-th quarter after the last call |
/// |---|---|
/// | `one_step` (default) | σ·z at every step, σ the draw's σ_oos-scaled residual SD (`PriceModelFit`) |
/// | `by_horizon` | cₖ·σ·z, cₖ ≥ 1 from the equation's own k-step misses (`PriceModelFit.HorizonScale`) |
///
/// `by_horizon` is an option, not the default: by the rule fixed before the comparison (commit e2a2357) it had to
/// lower both the interval score and the coverage error of the pre-2025 DDR4 backtest (`memcast backtest --stage
/// ddr4_contract --to 2024Q3 --as-of 2024-12-31 --min-pairs 1`, method `model_by_horizon`). It lowered the
/// Winkler score (83.6 → 83.0 over h = 1…4) and left coverage as it was: before 2024 the record holds fewer than
/// 8 two-step misses, so the factors apply at the last few origins only. On the whole record its 90% intervals
/// widen at h = 3–4 and score better there; that record includes the 2025 squeeze and was not the test.
public enum PriceShockScale: String, Sendable, Equatable, CaseIterable {
    /// The one-step scale at every step.
    case oneStep = "one_step"
    /// Step-specific factors from the k-step misses.
    case byHorizon = "by_horizon"

    /// The factor on a draw's shock in the k-th quarter after the last call under this rule.
    public func factor(_ fit: PriceModelFit, step k: Int) -> Double {
        self == .byHorizon ? fit.shockFactor(step: k) : 1
    }
}
