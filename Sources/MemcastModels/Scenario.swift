import Foundation
import MemcastData

/// A forecast scenario: which inputs are pinned, which levers OEMs pull, which
/// parameters are overridden. Everything not set falls back to the datasets
/// (latest vintage by `--as-of`) and the supply–demand model.
///
/// File format (TOML subset, see `TOMLDocument`), every key optional except `name`. Quarters
/// and years must lie in `ForecastInputs.coverableQuarters()` (2024Q1…2030Q4); `trim_from` and
/// `ship_less_from` need their amounts:
///
/// ```toml
/// name = "2026-memory-shock"
/// description = "TrendForce's published calls pinned"
///
/// [prices]
/// unpublished = "model"    # quarters after the last published call or pin: "model" (the price
///                          # equation, default), "model_then_flat" (the equation for the first such
///                          # quarter, then flat with its shocks) or "flat" (0% QoQ: prices stop where
///                          # the calls end); see `UnpublishedPrices`
/// shocks = "one_step"      # the equation's shock scale: "one_step" (default) or "by_horizon" (wider
///                          # from two quarters out, from its k-step misses); see `PriceShockScale`
/// [prices.dram]            # contract change, percent QoQ: a number or [low, high]
/// 2026Q1 = [90, 95]
/// [prices.nand]
/// 2026Q1 = [55, 60]
///
/// [supply]                 # bit demand − supply growth gap by year, percentage points
/// gap_pp.2027 = [0, 4]
/// hbm_wafer_share_pct.2027 = 30
///
/// [levers]
/// pass_through = 0.6       # π: share of each extra BOM dollar put on the price
/// trim_dram_pct = 10       # DRAM GB cut on phones built from `trim_from`
/// trim_from = "2026Q2"
/// ship_less_pct = 5        # units not built for lack of memory, from `ship_less_from`
/// ship_less_from = "2026Q1"
///
/// [parameters]             # a number or [low, high] (uniform)
/// elasticity = -1.1
/// adjustment_speed = 0.5
/// inventory_cover_weeks = [6, 10]
/// baseline_growth_pct = 0.5
/// baseline_asp_growth_pct = 2.7
/// ```
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String
    /// Where it was read from (a path, or "built-in").
    public var origin: String
    /// Pinned contract price changes by memory family and quarter.
    public var prices: [MemoryKind: [Period: PriceChangeRange]]
    /// What carries the quarters after the last published call or pin.
    public var unpublishedPrices: UnpublishedPrices = .model
    /// How wide the price equation's shocks are by quarters ahead.
    public var priceShocks: PriceShockScale = .oneStep
    /// Pinned bit demand − supply growth gaps by year, percentage points.
    public var gapPP: [Int: ValueRange]
    /// HBM share of DRAM wafer input by year, percent (moves bit supply; see Stage 1).
    public var hbmWaferSharePct: [Int: Double]
    public var levers: Levers
    public var parameters: ParameterOverrides

    public init(name: String, description: String = "", origin: String = "built-in",
                prices: [MemoryKind: [Period: PriceChangeRange]] = [:], gapPP: [Int: ValueRange] = [:],
                hbmWaferSharePct: [Int: Double] = [:], levers: Levers = Levers(),
                parameters: ParameterOverrides = ParameterOverrides()) {
        self.name = name; self.description = description; self.origin = origin
        self.prices = prices; self.gapPP = gapPP; self.hbmWaferSharePct = hbmWaferSharePct
        self.levers = levers; self.parameters = parameters
    }

    /// The default scenario: nothing pinned; every input from the datasets as of `--as-of`.
    public static let asPublished = Scenario(
        name: "as-published",
        description: "Each quarter's contract price change from the latest vintage published by --as-of "
            + "(its range as the distribution); the supply–demand model carries the rest.")
}

/// A number or a uniform range `[low, high]`.
public struct ValueRange: Sendable, Equatable, Codable {
    public var low: Double
    public var high: Double

    public init(_ low: Double, _ high: Double) {
        precondition(low <= high)
        self.low = low; self.high = high
    }

    public init(point: Double) { self.init(point, point) }

    public var mid: Double { (low + high) / 2 }

    /// `low + u·(high − low)`.
    public func value(at u: Double) -> Double { low + u * (high - low) }
}

/// OEM levers (seed report: absorb, raise prices, trim configurations, ship less).
public struct Levers: Sendable, Equatable {
    /// π override; nil = calibrated default.
    public var passThrough: ValueRange?
    /// DRAM GB cut, percent, on phones built from `trimFrom` (default 0: the seed report says
    /// China OEMs still favour 16/24 GB configurations).
    public var trimDRAMPct: Double = 0
    public var trimFrom: Period?
    /// Units not built for lack of memory, percent, from `shipLessFrom` (default 0).
    public var shipLessPct: Double = 0
    public var shipLessFrom: Period?

    public init(passThrough: ValueRange? = nil, trimDRAMPct: Double = 0, trimFrom: Period? = nil,
                shipLessPct: Double = 0, shipLessFrom: Period? = nil) {
        self.passThrough = passThrough; self.trimDRAMPct = trimDRAMPct; self.trimFrom = trimFrom
        self.shipLessPct = shipLessPct; self.shipLessFrom = shipLessFrom
    }
}

/// Parameter overrides; nil = the calibrated or estimated default.
public struct ParameterOverrides: Sendable, Equatable {
    public var elasticity: ValueRange?
    public var adjustmentSpeed: ValueRange?
    public var inventoryCoverWeeks: ValueRange?
    public var baselineGrowthPct: ValueRange?
    public var baselineASPGrowthPct: ValueRange?

    public init(elasticity: ValueRange? = nil, adjustmentSpeed: ValueRange? = nil,
                inventoryCoverWeeks: ValueRange? = nil, baselineGrowthPct: ValueRange? = nil,
                baselineASPGrowthPct: ValueRange? = nil) {
        self.elasticity = elasticity; self.adjustmentSpeed = adjustmentSpeed
        self.inventoryCoverWeeks = inventoryCoverWeeks; self.baselineGrowthPct = baselineGrowthPct
        self.baselineASPGrowthPct = baselineASPGrowthPct
    }

    /// The override for a `[parameters]` key (`elasticity`, `adjustment_speed`, …); nil when unset.
    public subscript(key: String) -> ValueRange? {
        switch key {
        case "elasticity": return elasticity
        case "adjustment_speed": return adjustmentSpeed
        case "inventory_cover_weeks": return inventoryCoverWeeks
        case "baseline_growth_pct": return baselineGrowthPct
        case "baseline_asp_growth_pct": return baselineASPGrowthPct
        default: return nil
        }
    }

    /// The `[parameters]` keys this scenario sets.
    public var setKeys: Set<String> {
        Set(["elasticity", "adjustment_speed", "inventory_cover_weeks", "baseline_growth_pct", "baseline_asp_growth_pct"]
            .filter { self[$0] != nil })
    }
}
