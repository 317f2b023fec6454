import Foundation
import MemcastData
import MemcastStatistics

/// The rows the chain's price equation is fitted on, as a table `memcast fit` can read
/// (`memcast fit --dataset price_equation`), so the regression can be redone, re-specified
/// and given robust errors outside the forecast.
///
/// One row per quarter and source whose contract change and the four before it are known as of
/// the date, exactly as `ForecastInputs.build` pools them for the as-published scenario
/// (`PriceEquationEstimator.pooledSources`; a scenario's gap or HBM overrides are not applied):
/// the conventional DRAM and NAND quarterly contract changes, then the quarters of DRAMeXchange's
/// realized DDR4 8Gb contract levels. The chain fits the log-point columns:
/// `change_lp ~ prev_lp + past_year_lp + gap_pp`.
///
/// | column | meaning |
/// |---|---|
/// | `quarter` | the quarter, `YYYYQn` |
/// | `memory` | `dram` or `nand` |
/// | `source` | `conventional_dram`, `nand`, or `pc_dram/ddr4_8gb_chip levels` |
/// | `change_pct` | Δpₜ, contract price change QoQ, % (latest vintage; range midpoint; quarter-average level change for levels) |
/// | `prev_pct` | Δpₜ₋₁, % |
/// | `change_lp` | ℓₜ = 100·ln(1 + Δpₜ/100), log points |
/// | `prev_lp` | ℓₜ₋₁, log points |
/// | `past_year_lp` | Rₜ₋₁ = 100·Σ ln(1 + Δp/100) over the four previous quarters, log points |
/// | `gap_pp` | bit demand − supply growth of the quarter's year, pp (midpoint; missing when unpublished) |
public enum PriceEquationTable {
    /// Name under which `memcast fit --dataset` finds this table.
    public static let datasetName = "price_equation"

    /// The regression rows as of `asOf` (every published row when nil): DRAM changes, NAND changes, DDR4 levels.
    public static func rows(catalog: DatasetCatalog, asOf: CalendarDate?) throws -> [(MemoryKind, PriceEquationEstimator.Row)] {
        try labelledRows(catalog: catalog, asOf: asOf).map { ($0.0, $0.2) }
    }

    static func labelledRows(catalog: DatasetCatalog, asOf: CalendarDate?) throws -> [(MemoryKind, String, PriceEquationEstimator.Row)] {
        let prices = try MemoryPriceRows.load(from: catalog).filter { !$0.isLowReliability }
        let supply = try catalog.observations("supply_demand").filter { !$0.isLowReliability }
        var gaps: [MemoryKind: [Int: ValueRange]] = [:]
        for k in MemoryKind.allCases { gaps[k] = ForecastInputs.publishedGaps(supply, entity: k.rawValue, asOf: asOf) }
        return PriceEquationEstimator.pooledSources(prices: prices, asOf: asOf, gaps: gaps).flatMap { g in
            g.rows.map { (g.kind, g.source, $0) }
        }
    }

    /// The rows as a data frame (columns in the table above).
    public static func frame(catalog: DatasetCatalog, asOf: CalendarDate?) throws -> DataFrame {
        let rows = try labelledRows(catalog: catalog, asOf: asOf)
        var f = DataFrame(source: datasetName + (asOf.map { " as of \($0)" } ?? ""))
        try f.append("quarter", .categorical(CategoricalColumn(rows.map { "\($0.2.quarter)" })))
        try f.append("memory", .categorical(CategoricalColumn(rows.map { $0.0.rawValue })))
        try f.append("source", .categorical(CategoricalColumn(rows.map { $0.1 })))
        try f.append("change_pct", .numeric(rows.map { $0.2.changePct }))
        try f.append("prev_pct", .numeric(rows.map { $0.2.lastFourPct[3] }))
        try f.append("change_lp", .numeric(rows.map { SupplyDemandPriceModel.logPoints($0.2.changePct) }))
        try f.append("prev_lp", .numeric(rows.map { SupplyDemandPriceModel.logPoints($0.2.lastFourPct[3]) }))
        try f.append("past_year_lp", .numeric(rows.map { SupplyDemandPriceModel.pastYearLogPoints($0.2.lastFourPct) }))
        try f.append("gap_pp", .numeric(rows.map { $0.2.gapPP ?? .nan }))
        return f
    }
}
