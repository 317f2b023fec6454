import Foundation
import MemcastData
import MemcastStatistics

/// A successor launched at one memory configuration against its predecessor at the same
/// configuration: one row of `Datasets/launch_prices.csv`, the raw material of π.
///
/// The pair says how much of the memory-cost change between the two launch quarters reached the
/// launch price. The phone is costed as the configuration cell `region`/`segment` (its non-memory BOM
/// and ASP) carrying the pair's memory, so prices in any currency enter only as a ratio.
///
/// Example row: Redmi K90 vs K80, china/mid, 12 GB LPDDR5X + 256 GB UFS4, 2024Q4 → 2025Q4,
/// CNY 2,499 → 2,599 in CNY 100 steps, published 2025-10-24.
public struct LaunchPricePair: Sendable, Equatable {
    public var model: String
    public var predecessor: String
    /// The configuration cell whose non-memory BOM and ASP stand in for the phone.
    public var region: Region
    public var segment: Segment
    /// The configuration both generations launched with.
    public var memory: HandsetConfig.Memory
    /// Launch quarters of the predecessor and the successor.
    public var oldQuarter: Period
    public var newQuarter: Period
    /// Launch prices, in `currency` (any: only their ratio is used).
    public var oldPrice: Double
    public var newPrice: Double
    public var currency: String
    /// The step launch prices move in (e.g. CNY 100: prices end in 99), in `currency`. A successor is
    /// priced a whole number of steps from its predecessor, so the change the OEM wanted is known only
    /// to ± half a step (`logPriceChangeRange`).
    public var priceStep: Double
    /// handset_market.csv rows the prices come from.
    public var figureIDs: [String]
    /// When the pair was known (the latest of its sources).
    public var published: PublicationDate
    /// `launch_prices.csv:LINE`.
    public var origin: String

    public init(model: String, predecessor: String, region: Region, segment: Segment, memory: HandsetConfig.Memory,
                oldQuarter: Period, newQuarter: Period, oldPrice: Double, newPrice: Double, currency: String, priceStep: Double,
                figureIDs: [String], published: PublicationDate, origin: String) {
        self.model = model; self.predecessor = predecessor; self.region = region; self.segment = segment
        self.memory = memory
        self.oldQuarter = oldQuarter; self.newQuarter = newQuarter
        self.oldPrice = oldPrice; self.newPrice = newPrice; self.currency = currency
        self.priceStep = priceStep
        self.figureIDs = figureIDs; self.published = published; self.origin = origin
    }

    /// ln(P₁/P₀): the launch-price change in log units.
    public var logPriceChange: Double { log(newPrice / oldPrice) }

    /// The log price changes that round to this pair's: the new price anywhere within half a step of
    /// its listed value, the predecessor's as listed (the successor is priced from it),
    /// `ln((P₁ ∓ s/2)/P₀)`.
    ///
    /// Example: CNY 2,499 → 2,599 in CNY 100 steps → ln(2549/2499)…ln(2649/2499) = 0.0198…0.0583.
    public var logPriceChangeRange: ClosedRange<Double> {
        log((newPrice - priceStep / 2) / oldPrice)...log((newPrice + priceStep / 2) / oldPrice)
    }

    /// Plausible new ÷ old launch price of one pair (a scenario's π is at most 3; a 10× typo is far outside).
    public static let launchPriceRatioRange: ClosedRange<Double> = 0.5...2

    /// The largest plausible `priceStep` as a share of the launch prices.
    public static let maximumStepShare = 0.2

    /// The rows of a loaded `launch_prices` frame.
    /// - Throws: `ForecastError.invalidInputs` naming the row (and column) for a non-positive price,
    ///   a new/old price ratio outside `launchPriceRatioRange`, a price step that is not positive,
    ///   exceeds `maximumStepShare` of the prices or does not divide new − old, an implausible memory size,
    ///   a memory type in the wrong slot, or a successor launched before its predecessor.
    static func rows(of f: DataFrame) throws -> [LaunchPricePair] {
        func num(_ n: String) -> [Double] { f[n]?.numericValues ?? [] }
        func txt(_ n: String) -> CategoricalColumn { f[n]!.categoricalValues! }
        return try ModelDatasets.eachRow(f.rowCount) { r in
            let at = f.origin(ofRow: r)
            guard let q0 = Period(quarterText: txt("old_quarter")[r]!), let q1 = Period(quarterText: txt("new_quarter")[r]!) else {
                throw ForecastError.invalidInputs("\(at): old_quarter and new_quarter must be quarters such as 2025Q1")
            }
            guard let published = PublicationDate(txt("published")[r]!) else {
                throw ForecastError.invalidInputs("\(at): published must be a date such as 2025-10-24")
            }
            let p = LaunchPricePair(
                model: txt("model")[r]!, predecessor: txt("predecessor")[r]!,
                region: Region(rawValue: txt("region")[r]!)!, segment: Segment(rawValue: txt("segment")[r]!)!,
                memory: .init(dramGB: num("dram_gb")[r], dramType: MemoryType(rawValue: txt("dram_type")[r]!)!,
                              nandGB: num("nand_gb")[r], nandType: MemoryType(rawValue: txt("nand_type")[r]!)!),
                oldQuarter: q0, newQuarter: q1, oldPrice: num("old_price")[r], newPrice: num("new_price")[r],
                currency: txt("currency")[r]!, priceStep: num("price_step")[r],
                figureIDs: txt("figure_ids")[r]!.split(separator: ";").map { String($0) },
                published: published, origin: at)
            for (column, price) in [("old_price", p.oldPrice), ("new_price", p.newPrice)] where !(price > 0 && price.isFinite) {
                throw ModelDatasets.fieldError(f, row: r, column: column, "expected a positive price, found \(Plausibility.fmt(price))")
            }
            // Half a step below the new price must stay a price; a step of a fifth of the price is a slipped digit.
            guard p.priceStep > 0, p.priceStep.isFinite, p.priceStep <= Self.maximumStepShare * Swift.min(p.oldPrice, p.newPrice) else {
                throw ModelDatasets.fieldError(f, row: r, column: "price_step", "expected a positive price step of at most "
                    + "\(Plausibility.fmt(Self.maximumStepShare * 100))% of the launch prices (e.g. 100 for prices such as 2,499 → 2,599), "
                    + "found \(Plausibility.fmt(p.priceStep))")
            }
            // One generation to the next, a launch price rarely halves or doubles: outside that, a slipped digit.
            let ratio = p.newPrice / p.oldPrice
            guard launchPriceRatioRange.contains(ratio) else {
                throw ModelDatasets.fieldError(f, row: r, column: "new_price", "new_price / old_price = \(Plausibility.fmt(p.newPrice)) / "
                    + "\(Plausibility.fmt(p.oldPrice)) = \(Plausibility.fmt((ratio * 100).rounded() / 100)) is implausible (expected "
                    + "\(Plausibility.fmt(launchPriceRatioRange.lowerBound))…\(Plausibility.fmt(launchPriceRatioRange.upperBound))): "
                    + "a launch price rarely halves or doubles from one generation to the next; is a digit slipped?")
            }
            // The step is read off the listed prices, so they must be a whole number of steps apart.
            let steps = (p.newPrice - p.oldPrice) / p.priceStep
            guard abs(steps - steps.rounded()) < 1e-9 else {
                throw ModelDatasets.fieldError(f, row: r, column: "price_step", "new_price − old_price = "
                    + "\(Plausibility.fmt(p.newPrice - p.oldPrice)) is not a whole number of price_step \(Plausibility.fmt(p.priceStep)) "
                    + "steps; give the step the listed prices move in (e.g. 100 for 2,499 → 2,599)")
            }
            try ModelDatasets.check(f, row: r, column: "dram_gb", p.memory.dramGB, ModelDatasets.dramGBRule)
            try ModelDatasets.check(f, row: r, column: "nand_gb", p.memory.nandGB, ModelDatasets.nandGBRule)
            guard p.memory.dramType.kind == .dram, p.memory.nandType.kind == .nand else {
                throw ForecastError.invalidInputs("\(at): dram_type must be a DRAM type and nand_type a NAND type")
            }
            guard q0 < q1 else {
                throw ForecastError.invalidInputs("\(at): new_quarter \(q1) must come after old_quarter \(q0)")
            }
            return p
        }
    }
}
