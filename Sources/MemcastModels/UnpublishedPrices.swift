import MemcastData

/// How a run fills the quarters after the last published contract call (by `--as-of`) or pin of each family.
/// Quarters missing between calls are always left to the price equation: they happened, and are not a what-if.
///
/// Each rule is a weight w(k) on the price equation's expected change (`SupplyDemandPriceModel`) in the k-th
/// quarter after the last call (k ≥ 1; k = 0 for a quarter before it):
///
///     ℓₖ = w(k)·(α + β·ℓₖ₋₁ + δ·Rₖ₋₁ + γ·gap) + σ·zₖ
///
/// | rule | w(k) | the residual shock σ·z |
/// |---|---|---|
/// | `model` | 1 | kept |
/// | `model_then_flat` | 1 for k = 1, then 0 | kept (the fan widens as a random walk in the price level) |
/// | `flat` | 0 | none: every such quarter is pinned at 0% QoQ (`ForecastInputs.build`) |
///
/// `model_then_flat` is the candidate of the carry study (`memcast backtest`, method `model_then_flat`): on the
/// pre-2025 record (`memcast backtest --as-of 2024-12-31 --min-pairs 1`) the equation beats a flat price one
/// quarter ahead and loses to it from two quarters on; this rule takes each where it does better. It has no
/// fitted parameter. Counted from the last call, as here, the backtest's `calls_then_model_then_flat` scores it
/// the way a forecast uses it.
public enum UnpublishedPrices: String, Sendable, Equatable, CaseIterable {
    /// The supply–demand price equation (Stage 1), with its residual shocks.
    case model
    /// The price equation for the first quarter after the last call, then its expected change set to 0 (a flat
    /// price), keeping its residual shocks.
    case modelThenFlat = "model_then_flat"
    /// 0% QoQ: contract prices stay where the last call left them (a what-if bracket, as-of aware).
    case flat

    /// w(k): the weight on the equation's expected change in the k-th quarter after the last call or pin
    /// (k = 0: a quarter up to it, such as a gap between calls, which the equation always carries).
    /// Example: `model_then_flat` gives 1, 1, 0, 0 for k = 0, 1, 2, 3.
    /// - Precondition: k ≥ 0.
    public func expectedChangeWeight(step k: Int) -> Double {
        precondition(k >= 0, "step \(k) before the last call")
        switch self {
        case .model: return 1
        case .modelThenFlat: return k <= 1 ? 1 : 0
        case .flat: return k == 0 ? 1 : 0
        }
    }
}

extension ForecastInputs {
    /// k for `UnpublishedPrices.expectedChangeWeight`: how many quarters `q` lies after the last quarter of `kind`
    /// with a published call or pin in `priceInputs` (0 when at or before it). Without any, the count starts at
    /// the quarter before `start`, whose change seeds the momentum terms.
    /// Example: calls through 2026Q1 → 2025Q3 (a gap between calls) 0, 2026Q2 1, 2026Q3 2.
    public func unpublishedStep(_ kind: MemoryKind, _ q: Period) -> Int {
        let last = priceInputs[kind]?.keys.max() ?? start.advanced(by: -1)
        return Swift.max(last.distance(to: q), 0)
    }

    /// The weight on the price equation's expected change for `kind` in quarter `q` under this run's rule.
    public func expectedChangeWeight(_ kind: MemoryKind, _ q: Period) -> Double {
        unpublishedPrices.expectedChangeWeight(step: unpublishedStep(kind, q))
    }
}
