import Foundation

/// Stage 4 — ASP → shipments, by segment and region.
///
///     Qₛ,ᵣ(t) = Qₛ,ᵣ,base · sₜ · (1 + g)^((t − t̄_base)/4) · exp(εₛ · (yₛ(t) − ȳₛ,base)) · (1 − cutₜ)
///
/// - `Q…base`: the base year's annual units of the cell (global units × the cell's volume share);
/// - `sₜ`: the quarter's seasonal share of a year's units (the four sum to 1; Q4 above Q1);
/// - `g`: baseline growth a year, from a pre-shock tracker vintage (calibration table), compounded
///   by quarter from the middle of the base year (t̄_base, between its Q2 and Q3);
/// - `yₛ(t) − ȳₛ,base`: the memory-driven log price change of the segment relative to its
///   base-year average (Stage 3); εₛ < 0 is the segment's own-price elasticity;
/// - `cutₜ`: the `ship_less_pct` lever (allocation: phones not built for lack of memory).
///
/// The elasticity stands for the whole demand response, including buyers stretching a
/// replacement cycle that is already over 40 months (Counterpoint). No smartphone
/// elasticity is published: the aggregate is calibrated on an earlier tracker vintage's
/// ASP/shipment pair and spread over segments by a documented shape (entry most elastic,
/// premium least), renormalised so the volume-weighted mean equals the aggregate.
public struct Demand: Sendable, Equatable {
    /// εₛ by segment (index = `Segment.index`), all ≤ 0.
    public var elasticities: [Double]
    /// g: baseline unit growth a year, percent.
    public var baselineGrowthPct: Double

    public init(elasticities: [Double], baselineGrowthPct: Double) {
        precondition(elasticities.count == Segment.allCases.count)
        self.elasticities = elasticities
        self.baselineGrowthPct = baselineGrowthPct
    }

    /// Segment elasticities from an aggregate: `εₛ = ε · wₛ / Σ vₛwₛ` (v = volume shares).
    ///
    /// Example: ε = −1, shape (2, 1), volumes (0.5, 0.5) → (−1.333, −0.667).
    public static func segmentElasticities(aggregate e: Double, shape w: [Double], volumeShares v: [Double]) -> [Double] {
        precondition(w.count == v.count && !w.isEmpty)
        let mean = zip(w, v).reduce(0) { $0 + $1.0 * $1.1 } / v.reduce(0, +)
        precondition(mean > 0)
        return w.map { e * $0 / mean }
    }

    /// The demand multiplier of a segment: `exp(ε·Δy)` for a log price change Δy.
    public func priceFactor(segment: Segment, logPriceChange dy: Double) -> Double {
        exp(elasticities[segment.index] * dy)
    }

    /// Baseline trend factor after `years` (fractional allowed): `(1 + g/100)^years`.
    public func trendFactor(years: Double) -> Double {
        pow(1 + baselineGrowthPct / 100, years)
    }

    /// Units of a cell in a quarter, as in the formula above.
    public func units(baseAnnualUnits: Double, seasonalShare: Double, years: Double,
                      segment: Segment, logPriceChange dy: Double, cutShare: Double = 0) -> Double {
        baseAnnualUnits * seasonalShare * trendFactor(years: years)
            * priceFactor(segment: segment, logPriceChange: dy) * (1 - cutShare)
    }

    /// Elasticity implied by a paired forecast of units and price changes (percent), each netted of
    /// its baseline (the change expected before the shock, percent), because `units` applies ε to
    /// units and price beyond their trends: `ln((1 + ΔQ/100)/(1 + bQ/100)) / ln((1 + ΔP/100)/(1 + bP/100))`.
    /// Example: −6.5% units with +6.3% ASP → −1.100 unnetted; with baselines +1.6% and −1.26% → −1.126.
    /// Returns nil when the netted price change is zero.
    public static func impliedElasticity(unitsChangePct dq: Double, priceChangePct dp: Double,
                                         unitsBaselinePct bq: Double = 0, priceBaselinePct bp: Double = 0) -> Double? {
        let lp = log((1 + dp / 100) / (1 + bp / 100))
        guard abs(lp) > 1e-12 else { return nil }
        return log((1 + dq / 100) / (1 + bq / 100)) / lp
    }
}
