import MemcastData

/// memory_prices.csv as the models read it. The data layer holds each change above −100%
/// (below that nothing is left); what is plausible for a quarter is the models' call
/// (`Plausibility.quarterlyPriceChange`), so it is checked here, for the forecast, the
/// backtest, the price-equation table and `data validate` alike.
public enum MemoryPriceRows {
    /// Every row of `memory_prices` in `catalog`, checked.
    /// - Throws: the loader's `CSVError`/`CSVIssue`, and `ForecastError.invalidInputs` from `check`.
    public static func load(from catalog: DatasetCatalog) throws -> [Observation] {
        let rows = try catalog.observations("memory_prices")
        try check(rows)
        return rows
    }

    /// Throws for the first `qoq_pct` value outside `Plausibility.quarterlyPriceChange`:
    /// `memory_prices.csv:21: column 'point': qoq_pct = 5000% is implausible (expected -80…400 percent); …`.
    public static func check(_ rows: [Observation]) throws {
        let rule = Plausibility.quarterlyPriceChange("qoq_pct")
        for o in rows where o.unit == "pct" && o.metric == "qoq_pct" {
            for (column, v) in [("low", o.low), ("high", o.high), ("point", o.point)] {
                guard let v, let p = Plausibility.problem(v, rule, unit: "%") else { continue }
                throw ForecastError.invalidInputs("\(o.origin): column '\(column)': \(p)")
            }
        }
    }
}
