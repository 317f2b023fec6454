import MemcastData

/// Everything one forecast run needs, resolved from the datasets, the calibration table
/// and the scenario. Built by `ForecastInputs.build(...)` (see +Datasets); tests build it
/// by hand.
public struct ForecastInputs: Sendable {
    /// Label of the data vintage (`--as-of` date, or "latest").
    public var asOfLabel: String
    public var scenarioName: String
    /// The base year: yoy figures of the next year compare against it; configs describe it.
    public var baseYear: Int
    /// First simulated quarter (the year before the base year, so base-year yoy exists).
    public var start: Period
    /// Last simulated quarter.
    public var horizon: Period
    /// Base-year market cells (region × segment), volume shares summing to 1.
    public var cells: [HandsetConfig]
    /// USD per GB of each memory type at `anchorQuarter` (contract).
    public var anchorUSDPerGB: [MemoryType: Double]
    public var anchorQuarter: Period
    /// Pinned or published contract changes by quarter; missing quarters are projected.
    public var priceInputs: [MemoryKind: [Period: PriceChangeRange]]
    /// How the projection carries the quarters after each family's last call or pin (`model` by default;
    /// `flat` quarters are already pinned in `priceInputs`).
    public var unpublishedPrices: UnpublishedPrices = .model
    /// How wide the price equation's shocks are by quarters ahead (from the scenario).
    public var priceShocks: PriceShockScale = .oneStep
    /// Parts' own contract calls, as factors on their family's change (`MemoryPartCalls`).
    public var partCalls: [MemoryPartCalls.Adopted]
    /// Changes of the four quarters before `start` (oldest first), percent, seeding the
    /// momentum and reversion terms.
    public var previousChangesPct: [MemoryKind: [Double]]
    /// Price equations (DRAM, NAND).
    public var priceFits: [MemoryKind: PriceModelFit]
    /// Bit demand − supply growth gap by year, percentage points, per family.
    public var gapPP: [MemoryKind: [Int: ValueRange]]
    /// Shares of a year's units by quarter (Q1…Q4), summing to 1.
    public var seasonalShares: [Double]
    /// Global units in the base year, millions.
    public var baseYearUnitsM: Double
    public var vendorMix: VendorMix
    /// π, κ, inventory cover, aggregate elasticity, growth trends.
    public var passThrough: ParameterDistribution
    /// How π was calibrated on the launch-price pairs (nil when a scenario lever sets it).
    public var passThroughCalibration: PassThroughCalibration?
    public var adjustmentSpeed: ParameterDistribution
    public var inventoryCoverWeeks: ParameterDistribution
    public var elasticity: ParameterDistribution
    /// Relative elasticity by segment (entry…premium), renormalised to the volume-weighted aggregate.
    public var elasticityShape: [Double]
    public var baselineGrowthPct: ParameterDistribution
    public var baselineASPGrowthPct: ParameterDistribution
    /// Parameters the scenario's `[parameters]` table set (`elasticity`, `adjustment_speed`, …), which the
    /// assumptions table credits to the scenario instead of calibration.csv.
    public var scenarioParameters: Set<String> = []
    public var levers: Levers
    /// Notes for the assumptions table (calibration used, data caveats).
    public var notes: [String]
    /// The notes that say a price projection starts beyond the equation's sample (also in `notes`).
    public var extrapolationNotes: [String] = []

    public init(asOfLabel: String, scenarioName: String, baseYear: Int, start: Period, horizon: Period,
                cells: [HandsetConfig], anchorUSDPerGB: [MemoryType: Double], anchorQuarter: Period,
                priceInputs: [MemoryKind: [Period: PriceChangeRange]], previousChangesPct: [MemoryKind: [Double]],
                priceFits: [MemoryKind: PriceModelFit], gapPP: [MemoryKind: [Int: ValueRange]],
                seasonalShares: [Double], baseYearUnitsM: Double, vendorMix: VendorMix,
                passThrough: ParameterDistribution, adjustmentSpeed: ParameterDistribution,
                inventoryCoverWeeks: ParameterDistribution, elasticity: ParameterDistribution,
                elasticityShape: [Double], baselineGrowthPct: ParameterDistribution,
                baselineASPGrowthPct: ParameterDistribution, levers: Levers = Levers(), notes: [String] = [],
                partCalls: [MemoryPartCalls.Adopted] = []) {
        self.asOfLabel = asOfLabel; self.scenarioName = scenarioName; self.baseYear = baseYear
        self.start = start; self.horizon = horizon; self.cells = cells
        self.anchorUSDPerGB = anchorUSDPerGB; self.anchorQuarter = anchorQuarter
        self.priceInputs = priceInputs; self.partCalls = partCalls; self.previousChangesPct = previousChangesPct
        self.priceFits = priceFits; self.gapPP = gapPP; self.seasonalShares = seasonalShares
        self.baseYearUnitsM = baseYearUnitsM; self.vendorMix = vendorMix
        self.passThrough = passThrough; self.adjustmentSpeed = adjustmentSpeed
        self.inventoryCoverWeeks = inventoryCoverWeeks; self.elasticity = elasticity
        self.elasticityShape = elasticityShape; self.baselineGrowthPct = baselineGrowthPct
        self.baselineASPGrowthPct = baselineASPGrowthPct; self.levers = levers; self.notes = notes
    }

    /// Checks the invariants the engine relies on.
    /// - Throws: `ForecastError.invalidInputs` naming what is wrong.
    public func validate() throws {
        func fail(_ m: String) throws { throw ForecastError.invalidInputs(m) }
        if start.granularity != .quarter || horizon.granularity != .quarter { try fail("start and horizon must be quarters") }
        if horizon < Period(year: baseYear + 1, quarter: 1) {
            try fail("horizon \(horizon) is before \(baseYear + 1)Q1: the forecast starts after the base year \(baseYear)")
        }
        if cells.isEmpty { try fail("no handset configurations for \(baseYear)") }
        let v = cells.reduce(0) { $0 + $1.volumeShare }
        if abs(v - 1) > 1e-6 { try fail("handset configuration volume shares sum to \(ModelDatasets.roundedForMessage(v)), not 1") }
        for c in cells where c.dramGB <= 0 || c.nandGB <= 0 || c.aspUSD <= 0 || c.nonMemoryBOMUSD <= 0 {
            try fail("configuration \(c.region.rawValue)/\(c.segment.rawValue) has a non-positive number")
        }
        for t in MemoryType.allCases where (anchorUSDPerGB[t] ?? 0) <= 0 {
            try fail("no anchor price for \(t.rawValue)")
        }
        if seasonalShares.count != 4 || abs(seasonalShares.reduce(0, +) - 1) > 1e-6 { try fail("seasonal shares must be 4 summing to 1") }
        if elasticityShape.count != Segment.allCases.count { try fail("elasticity shape needs one value per segment") }
        for k in MemoryKind.allCases where priceFits[k] == nil { try fail("no price equation for \(k.rawValue)") }
    }
}

/// Errors of the forecast layer (inputs that cannot make a forecast).
public enum ForecastError: Error, Equatable, CustomStringConvertible {
    case invalidInputs(String)
    case noData(String)

    public var description: String {
        switch self {
        case .invalidInputs(let m): return m
        case .noData(let m): return m
        }
    }
}
