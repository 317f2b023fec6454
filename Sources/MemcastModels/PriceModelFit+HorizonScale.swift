import Foundation

extension PriceModelFit {
    /// Shock scales by quarters ahead, so a k-step fan is as wide as the equation's k-step misses were.
    ///
    /// i.i.d. shocks σ·z pushed through the equation's momentum give a step-k spread of σ²·Σⱼ ψⱼ² (ψ the impulse
    /// responses, `impulseResponses`). The equation's own k-step misses (`PriceEquationEstimator.multiStepMisses`)
    /// have been wider than that: regime turns that one-step errors see one quarter at a time. So step k draws its
    /// shock with σₖ, solved in turn so the spread at step k equals the RMS of the k-step misses, Mₖ:
    ///
    ///     σ₁ = σ_oos,   σₖ² = max(σ_oos², Mₖ² − Σⱼ₌₁..ₖ₋₁ σⱼ²·ψₖ₋ⱼ²),   cₖ = σₖ/σ_oos ≥ 1
    ///
    /// A horizon counts when it has at least `PredictiveScale.minimumCount` misses, and only as a prefix k = 1…K
    /// (a horizon with too few ends the list); past K the last factor holds. A draw's shock at step k is
    /// cₖ·σ·z, σ its own draw (`PriceModelFit`), so the χ² uncertainty of σ is unchanged.
    ///
    /// Example: β = 0.5, δ = 0 (ψ = 1, 0.5), σ_oos = 10, M₂ = 15: σ₂² = max(100, 225 − 100·0.25) = 200,
    /// c₂ = √2 = 1.414.
    public struct HorizonScale: Sendable, Equatable {
        /// cₖ for k = 1…K (c₁ = 1).
        public var factors: [Double]
        /// Mₖ, RMS of the k-step misses, log points, k = 1…K.
        public var missRMSLP: [Double]
        /// Misses behind each Mₖ.
        public var counts: [Int]

        /// The factors from k-step `misses` (index k − 1, log points), the one-step scale `oneStepSDPct` (σ_oos) and
        /// the fitted `model`'s β and δ; nil when not even k = 2 has enough misses.
        public init?(misses: [[Double]], oneStepSDPct s: Double, model: SupplyDemandPriceModel) {
            precondition(s > 0)
            let usable = misses.prefix { $0.count >= PredictiveScale.minimumCount }
            guard usable.count >= 2 else { return nil }
            let rms = usable.map { e in (e.reduce(0) { $0 + $1 * $1 } / Double(e.count)).squareRoot() }
            let psi = PriceModelFit.impulseResponses(momentum: model.momentum, reversion: model.reversion, count: usable.count)
            var variances = [s * s]
            for k in 1..<usable.count {
                let carried = (0..<k).reduce(0.0) { $0 + variances[$1] * psi[k - $1] * psi[k - $1] }
                variances.append(Swift.max(s * s, rms[k] * rms[k] - carried))
            }
            factors = variances.map { ($0 / (s * s)).squareRoot() }
            missRMSLP = rms
            counts = usable.map(\.count)
        }

        /// cₖ for the k-th projected quarter (k ≤ 1, or a quarter up to the last call: 1; past K: c_K).
        public func factor(step k: Int) -> Double {
            k <= 1 ? 1 : factors[Swift.min(k, factors.count) - 1]
        }

        /// `c₂…c_K`, e.g. `1.06/1.27/1.35`.
        public var text: String { factors.dropFirst().map { String(format: "%.2f", $0) }.joined(separator: "/") }
    }

    /// ψ₀…ψₙ₋₁: the response of ℓₜ₊ⱼ to a unit shock at t in `ℓₜ = (β + δ)·ℓₜ₋₁ + δ·(ℓₜ₋₂ + ℓₜ₋₃ + ℓₜ₋₄)`
    /// (the equation without its constant and gap), ψ₀ = 1, ψⱼ = (β + δ)·ψⱼ₋₁ + δ·(ψⱼ₋₂ + ψⱼ₋₃ + ψⱼ₋₄).
    /// Example: β = 0.73, δ = −0.105 → 1, 0.625, 0.286, 0.008.
    public static func impulseResponses(momentum beta: Double, reversion delta: Double, count n: Int) -> [Double] {
        var psi: [Double] = []
        for j in 0..<n {
            func at(_ i: Int) -> Double { i >= 0 ? psi[i] : 0 }
            psi.append(j == 0 ? 1 : (beta + delta) * at(j - 1) + delta * (at(j - 2) + at(j - 3) + at(j - 4)))
        }
        return psi
    }

    /// The factor on a draw's shock in the k-th quarter after the last call (`HorizonScale.factor`; 1 without one).
    public func shockFactor(step k: Int) -> Double { horizon?.factor(step: k) ?? 1 }
}
