import Foundation
import MemcastData
import MemcastStatistics

/// The rows the chain's price equation is fitted on, as a table `memcast fit` can read
/// (`memcast fit --dataset price_equation`), so the regression can be redone, re-specified
/// and given robust errors outside the forecast.
///
/// One row per quarter and memory (conventional DRAM, NAND) whose contract change and the
/// four before it are known as of the date, exactly as `ForecastInputs.build` pools them
/// for the as-published scenario (a scenario's gap or HBM overrides are not applied):
///
/// | column | meaning |
/// |---|---|
/// | `quarter` | the quarter, `YYYYQn` |
/// | `memory` | `dram` or `nand` |
/// | `change_pct` | Δpₜ, contract price change QoQ, % (latest vintage; range midpoint) |
/// | `prev_pct` | Δpₜ₋₁, % |
/// | `past_year_lp` | Rₜ₋₁ = 100·Σ ln(1 + Δp/100) over the four previous quarters, log points |
/// | `gap_pp` | bit demand − supply growth of the quarter's year, pp (midpoint; missing when unpublished) |
public enum PriceEquationTable {
    /// Name under which `memcast fit --dataset` finds this table.
    public static let datasetName = "price_equation"

    /// The regression rows as of `asOf` (every published row when nil), DRAM first, then NAND.
    public static func rows(catalog: DatasetCatalog, asOf: CalendarDate?) throws -> [(MemoryKind, PriceEquationEstimator.Row)] {
        let prices = try catalog.observations("memory_prices").filter { !$0.isLowReliability }
        let supply = try catalog.observations("supply_demand").filter { !$0.isLowReliability }
        var out: [(MemoryKind, PriceEquationEstimator.Row)] = []
        for (kind, series) in [(MemoryKind.dram, "conventional_dram"), (.nand, "nand")] {
            let gaps = ForecastInputs.publishedGaps(supply, entity: kind.rawValue, asOf: asOf)
            let index = try ContractPriceIndex(series: series, observations: prices, asOf: asOf)
            out += PriceEquationEstimator.rows(index: index, gaps: gaps).map { (kind, $0) }
        }
        return out
    }

    /// The rows as a data frame (columns in the table above).
    public static func frame(catalog: DatasetCatalog, asOf: CalendarDate?) throws -> DataFrame {
        let rows = try rows(catalog: catalog, asOf: asOf)
        var f = DataFrame(source: datasetName + (asOf.map { " as of \($0)" } ?? ""))
        try f.append("quarter", .categorical(CategoricalColumn(rows.map { "\($0.1.quarter)" })))
        try f.append("memory", .categorical(CategoricalColumn(rows.map { $0.0.rawValue })))
        try f.append("change_pct", .numeric(rows.map { $0.1.changePct }))
        try f.append("prev_pct", .numeric(rows.map { $0.1.lastFourPct[3] }))
        try f.append("past_year_lp", .numeric(rows.map { SupplyDemandPriceModel.pastYearLogPoints($0.1.lastFourPct) }))
        try f.append("gap_pp", .numeric(rows.map { $0.1.gapPP ?? .nan }))
        return f
    }
}
