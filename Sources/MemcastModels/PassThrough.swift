import Foundation

/// Stage 3 — BOM → ASP: how much of a cost change reaches the selling price, and when.
///
/// A dollar pass-through `π` says what share of a dollar of extra BOM an OEM puts on
/// its price (the rest it absorbs in margin). At constant markup a 1% BOM rise moves
/// the price `θ = π·B/A` percent, so the log-price target of a segment is
///
///     xₜ = θ · ln(Bₜ / B_ref),      θ = min(π · B_a / A, 1)
///
/// where B is the replacement-cost BOM (memory at this quarter's contract price: OEMs
/// price against what the next batch will cost, while the reported BOM follows
/// inventory), and new models launch at the target while the line-up moves toward it by a share
/// `κ` of the gap per quarter (partial adjustment, one new-model cycle):
///
///     yₜ = yₜ₋₁ + κ·(xₜ − yₜ₋₁),    ASPₜ = A · trendₜ · exp(yₜ) / mean over the base year of trend · exp(y)
///
/// In the engine θ takes the cell's BOM-to-price ratio at the anchor quarter's contract prices
/// (B_a = bom_to_asp · A, A the cell's base-year ASP), as `PassThroughCalibration` does for a launch
/// pair, so π means the same in both. B_ref is the replacement BOM of the quarter before the run
/// starts, where y starts at 0 (a line-up priced at that quarter's cost); the base-year normalisation
/// makes the ASP level independent of it.
///
/// Units: B and A in USD per phone; π, θ, κ dimensionless. With π = 1 an entry phone
/// (B/A ≈ 0.85) passes its cost rise through one for one in dollars; a flagship with
/// the same π passes a smaller percentage but, being priced far above cost, the
/// trackers' "flagships pass more than the cost rise" needs π > 1 there.
///
/// π is not published anywhere (MODEL-NOTES); memcast calibrates it on named launch-price
/// pairs (Datasets/launch_prices.csv, `PassThroughCalibration`) and lets its uncertainty show in the fan.
/// Levers (scenario `[levers]`): `pass_through` overrides π (0 = absorb everything);
/// the absorbed share `1 − π` is the OEM gross-margin pressure reported beside ASP.
public struct PassThrough: Sendable, Equatable {
    /// π: share of each extra BOM dollar put on the price (≥ 0; 1 = full in dollars).
    public var dollarPassThrough: Double
    /// κ: share of the gap to the target closed per quarter, 0…1.
    public var adjustmentSpeed: Double

    public init(dollarPassThrough: Double, adjustmentSpeed: Double) {
        precondition(adjustmentSpeed >= 0 && adjustmentSpeed <= 1)
        self.dollarPassThrough = dollarPassThrough
        self.adjustmentSpeed = adjustmentSpeed
    }

    /// The largest θ: a price rising by the same percentage as the whole BOM keeps the OEM's
    /// percentage markup. Beyond it a cost shock would widen margins, which the pass-through story
    /// (OEMs share or absorb a cost rise) excludes; a lever π that asks for more is held here.
    public static let maxPriceElasticity = 1.0

    /// θ = π·B/A, at most `maxPriceElasticity`: elasticity of price to BOM.
    /// Example: π = 1 on an entry phone (B 85, A 100) gives θ = 0.85; π = 1.5 gives 1 (capped, not 1.275).
    public func priceElasticity(bomUSD: Double, aspUSD: Double) -> Double {
        precondition(aspUSD > 0)
        return Swift.min(Swift.max(dollarPassThrough, 0) * bomUSD / aspUSD, Self.maxPriceElasticity)
    }

    /// The π that keeps θ = π·B/A within [0, `maxPriceElasticity`] for a phone whose BOM is
    /// `bomToASP` of its price: from full absorption (0) to constant percentage markup (A/B).
    /// Example: B/A = 0.72 → 0…1.389.
    public static func admissibleRange(bomToASP: Double) -> ClosedRange<Double> {
        precondition(bomToASP > 0)
        return 0...(maxPriceElasticity / bomToASP)
    }

    /// Log-price target xₜ = θ·ln(Bₜ/B_ref).
    public func target(bomUSD: Double, referenceBOMUSD: Double, elasticity theta: Double) -> Double {
        precondition(bomUSD > 0 && referenceBOMUSD > 0)
        return theta * log(bomUSD / referenceBOMUSD)
    }

    /// One quarter of partial adjustment: yₜ = yₜ₋₁ + κ(xₜ − yₜ₋₁).
    public func adjust(previous y: Double, target x: Double) -> Double {
        y + adjustmentSpeed * (x - y)
    }

    /// π implied by a launch price move: the price change in log points over θ-per-π.
    ///
    /// `π = ln(P₁/P₀) / ((B_ref/A_ref) · ln(B₁/B₀))` — used to calibrate π on a named model's
    /// launch price (e.g. a successor priced 100 CNY above its predecessor while its memory
    /// cost rose). Returns nil when the BOM did not move.
    public static func impliedDollarPassThrough(oldPrice: Double, newPrice: Double,
                                                oldBOMUSD: Double, newBOMUSD: Double,
                                                bomToASP: Double) -> Double? {
        let db = log(newBOMUSD / oldBOMUSD)
        guard abs(db) > 1e-9, bomToASP > 0 else { return nil }
        return log(newPrice / oldPrice) / (bomToASP * db)
    }

    /// OEM gross margin, percent: `(A − B)/A · 100`.
    public static func grossMarginPct(aspUSD: Double, bomUSD: Double) -> Double {
        (aspUSD - bomUSD) / aspUSD * 100
    }
}
