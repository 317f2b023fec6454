import MemcastData

/// The six figures reported for every scope (global, a segment, a region), each as
/// p05/p50/p95 over the Monte Carlo draws, plus two extras.
public struct ScopeFigures: Sendable, Equatable {
    /// Volume-weighted average memory share of BOM, percent (Σ units·share / Σ units).
    public var memoryBOMSharePct: QuantileSummary
    /// Volume-weighted average BOM, USD per phone.
    public var bomUSD: QuantileSummary
    /// Volume-weighted average selling price (wholesale), USD per phone.
    public var aspUSD: QuantileSummary
    /// ASP change vs the same period a year earlier, percent (nil when not simulated).
    public var aspYoYPct: QuantileSummary?
    /// Units, millions.
    public var shipmentsM: QuantileSummary
    /// Units change vs a year earlier, percent.
    public var shipmentsYoYPct: QuantileSummary?
    /// Volume-weighted memory cost, USD per phone.
    public var memoryCostUSD: QuantileSummary
    /// Volume-weighted OEM gross margin (ASP − BOM)/ASP, percent.
    public var grossMarginPct: QuantileSummary
}

/// One SoC vendor's figures in a period.
public struct VendorFigures: Sendable, Equatable {
    /// Vendor SoC shipments change vs a year earlier, percent.
    public var shipmentsYoYPct: QuantileSummary?
    /// Share of all smartphone SoC shipments, percent.
    public var sharePct: QuantileSummary
    /// Vendor SoC shipments, millions.
    public var shipmentsM: QuantileSummary
}

/// Everything reported for one period (a quarter or a calendar year).
public struct PeriodFigures: Sendable, Equatable {
    public var label: String
    public var global: ScopeFigures
    public var segments: [Segment: ScopeFigures]
    public var regions: [Region: ScopeFigures]
    public var socVendors: [SoCVendor: VendorFigures]
    /// Contract price changes of the quarter (quarters only), percent QoQ.
    public var dramContractQoQPct: QuantileSummary?
    public var nandContractQoQPct: QuantileSummary?
}

/// A quarter's price inputs and where they came from, for the assumptions table.
public struct PriceInputRow: Sendable, Equatable {
    public var quarter: Period
    public var kind: MemoryKind
    /// e.g. "90–95 (TrendForce 2026-02-02)", "projected".
    public var source: String
}

/// The result of `memcast forecast`: quantiles of every output, with the inputs that made them.
public struct ForecastResult: Sendable {
    public var asOf: String
    public var scenario: String
    public var draws: Int
    public var seed: UInt64
    public var quarterly: [PeriodFigures]
    public var annual: [PeriodFigures]
    /// Named derived figures used by the published-figure cases (p05/p50/p95).
    public var derived: [String: QuantileSummary]
    public var priceInputs: [PriceInputRow]
    /// (name, distribution or value, where it comes from).
    public var parameters: [(name: String, value: String, source: String)]
    public var notes: [String]
    /// The notes that say a price projection extrapolates the fitted equation (also in `notes`).
    public var extrapolationNotes: [String] = []
    /// Memory parts that follow their own contract calls (`MemoryPartCalls`).
    public var partCalls: [MemoryPartCalls.Adopted] = []
    /// π's calibration on the launch-price pairs (nil when a scenario lever sets π).
    public var passThroughCalibration: PassThroughCalibration?
}
