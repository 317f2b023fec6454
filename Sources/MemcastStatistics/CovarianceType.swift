import Foundation

/// How the covariance of the coefficients is estimated.
///
/// With bread B = (X̃ᵀX̃)⁻¹ over the whitened design X̃ = √w·X and whitened
/// residuals ẽ = √w·e, scores uᵢ = x̃ᵢ·ẽᵢ, and k estimated coefficients:
/// - `nonrobust`: σ̂²·B, σ̂² = SSR/(n − k).
/// - `hc0`…`hc3`: B·(Σ ωᵢ·x̃ᵢx̃ᵢᵀ)·B with ωᵢ = ẽᵢ² (HC0), ẽᵢ²·n/(n − k) (HC1),
///   ẽᵢ²/(1 − hᵢ) (HC2), ẽᵢ²/(1 − hᵢ)² (HC3), hᵢ the leverage x̃ᵢᵀB x̃ᵢ.
/// - `hac`: Newey–West, B·S·B with S = Γ₀ + Σₗ (1 − l/(L+1))·(Γₗ + Γₗᵀ), Γₗ = Σₜ uₜuₜ₋ₗᵀ
///   (Bartlett kernel), times n/(n − k) when `smallSampleCorrection` is on. Rows are
///   taken in design order (period order when a period column is given).
/// - `cluster`: B·(Σ_g s_g s_gᵀ)·B, s_g = Σ_{i∈g} uᵢ, times G/(G − 1)·(n − 1)/(n − k).
///
/// These are statsmodels' definitions (`cov_type` "nonrobust", "HC0"…"HC3", "HAC",
/// "cluster"). One difference: memcast applies the HAC small-sample correction by
/// default; statsmodels' own default (`use_correction=False`) is `smallSampleCorrection: false`.
public enum CovarianceType: Sendable, Hashable, CustomStringConvertible {
    case nonrobust
    case hc0, hc1, hc2, hc3
    /// Newey–West with `lags` lags (nil: ⌊4·(n/100)^(2/9)⌋, Newey and West 1994).
    case hac(lags: Int?, smallSampleCorrection: Bool)
    /// Clustered by the values of a column (text or numbers).
    case cluster(column: String)

    /// statsmodels' name: `nonrobust`, `HC0`…`HC3`, `HAC`, `cluster`.
    public var description: String {
        switch self {
        case .nonrobust: return "nonrobust"
        case .hc0: return "HC0"
        case .hc1: return "HC1"
        case .hc2: return "HC2"
        case .hc3: return "HC3"
        case .hac: return "HAC"
        case .cluster: return "cluster"
        }
    }

    /// True for every type but `nonrobust`.
    public var isRobust: Bool { self != .nonrobust }

    /// Newey and West's (1994) automatic lag choice ⌊4·(n/100)^(2/9)⌋.
    public static func defaultHACLags(nobs: Int) -> Int {
        Int((4 * Foundation.pow(Double(nobs) / 100, 2.0 / 9.0)).rounded(.down))
    }
}
