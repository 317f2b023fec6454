import MemcastData

/// The dataset rows a backtest reads, loaded once and cut at the truth date.
///
/// `truthAsOf` (the command's `--as-of`) bounds everything: no row published after it
/// is visible, not even as a realized value. Rows flagged `reliability = low` are kept
/// here; each stage applies the vintage rule, which uses them only when nothing else is
/// known for their figure.
public struct BacktestData: Sendable {
    public let memoryPrices: [Observation]
    public let handsetMarket: [Observation]
    public let supplyDemand: [Observation]
    public let truthAsOf: CalendarDate?
    /// The newest publication among all the rows given, `truthAsOf` or not (for the note on a date past the data).
    public let newestPublication: (date: PublicationDate, origin: String)?

    public init(memoryPrices: [Observation], handsetMarket: [Observation], supplyDemand: [Observation],
                truthAsOf: CalendarDate? = nil) {
        newestPublication = (memoryPrices + handsetMarket + supplyDemand).compactMap { o in o.published.map { ($0, o.origin) } }
            .max { $0.0.latest < $1.0.latest }
        self.memoryPrices = VintageSelection.known(memoryPrices, asOf: truthAsOf)
        self.handsetMarket = VintageSelection.known(handsetMarket, asOf: truthAsOf)
        self.supplyDemand = VintageSelection.known(supplyDemand, asOf: truthAsOf)
        self.truthAsOf = truthAsOf
    }

    /// Loads `memory_prices`, `handset_market` and `supply_demand` from a catalog.
    /// - Throws: the loader's `CSVIssue`/`CSVError` for a missing or malformed dataset, `ForecastError` for an implausible price change.
    public static func load(from catalog: DatasetCatalog, truthAsOf: CalendarDate? = nil) throws -> BacktestData {
        BacktestData(memoryPrices: try MemoryPriceRows.load(from: catalog),
                     handsetMarket: try catalog.observations("handset_market"),
                     supplyDemand: try catalog.observations("supply_demand"), truthAsOf: truthAsOf)
    }

    /// The latest vintage per quarter of `rows` among the `kinds` given, known on `asOf`
    /// (nil = everything here), as a map from quarter to row.
    static func latestByQuarter(_ rows: [Observation], kinds: Set<Observation.Kind>,
                                asOf: CalendarDate?) -> [Period: Observation] {
        var out: [Period: Observation] = [:]
        for o in VintageSelection.latest(rows.filter { kinds.contains($0.kind) }, asOf: asOf) {
            guard let p = o.period, p.granularity == .quarter, o.value != nil else { continue }
            out[p] = o
        }
        return out
    }

    /// The last day a realized value may describe: `truthAsOf`, or without one the latest
    /// publication among `rows` (the data's own date, the cut `PriceEquationEstimator` applies
    /// to its rows). A quarter that has not ended by then is not realized yet: a figure published
    /// for a quarter under way is a call, and a level from the first months of a quarter is not
    /// that quarter's level (DDR4 8Gb 2026Q1 from January and February alone).
    func realizedCut(_ rows: [Observation]) -> CalendarDate? {
        VintageSelection.dataDate(rows, asOf: truthAsOf)
    }

    /// `realized` without the quarters that end after `cut` (nil = no cut).
    static func ended<V>(_ realized: [Period: V], by cut: CalendarDate?) -> [Period: V] {
        guard let cut else { return realized }
        return realized.filter { $0.key.end <= cut }
    }

    /// Realized kinds: the publisher's own estimate of a finished quarter, or final data.
    static let realizedKinds: Set<Observation.Kind> = [.estimate, .actual]
    /// Forecast kinds: first calls and their revisions.
    static let forecastKinds: Set<Observation.Kind> = [.forecast, .revisedForecast]

    /// A row's source for messages: `memory_prices.csv:23 (DRAMeXchange, 2018-05)`.
    static func source(_ o: Observation) -> String {
        "\(o.origin) (\(o.publisher), \(o.published.map { "\($0)" } ?? "undated"))"
    }

    /// The latest of a figure's forecast rows published on or before `asOf` (vintage rule).
    static func latestCall(_ rows: [Observation]?, asOf: CalendarDate) -> TrackerCall? {
        guard let rows else { return nil }
        return VintageSelection.latest(rows, asOf: asOf).first.flatMap(TrackerCall.init)
    }

    /// The first call among a figure's forecast rows: the earliest publication; on the same
    /// day the less final kind, then file order.
    static func firstCall(_ rows: [Observation]?, for target: Period) -> TrackerCall? {
        // A row that may have been published after the quarter ended (e.g. dated only "2019" for 2019Q3)
        // is not a forecast of it.
        let first = rows?.filter { $0.published.map { $0.latest <= target.end } ?? false }.min { a, b in
            let (pa, pb) = (a.published!.latest, b.published!.latest)
            return pa != pb ? pa < pb : a.kind < b.kind
        }
        return first.flatMap(TrackerCall.init)
    }
}
