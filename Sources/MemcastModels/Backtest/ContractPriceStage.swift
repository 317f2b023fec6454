import Foundation
import MemcastData

/// A memory contract price stage: each quarter's change in percent QoQ, forecast by the
/// chain's supply–demand price equation as of each origin (`OriginPriceEquation`: fitted
/// on conventional DRAM and NAND, projected from this series' own recent changes) and
/// compared with the trackers' calls (TrendForce, including its DRAMeXchange division and
/// reposts of its figures).
///
/// Two kinds of series:
/// - `.quarterlyChanges(series)`: the published QoQ rows of a `memory_prices` series
///   (`contract`, whole family, `industry`, metric `qoq_pct`). Realized = the latest
///   `estimate`/`actual` row of the series itself (no proxies), for a quarter ended by the
///   truth date (`BacktestData.realizedCut`). History at an origin =
///   the chain's own input, `ContractPriceIndex` as of the origin date (latest vintage
///   of any kind, proxies where the series has no figure; gaps left out), through the
///   origin quarter.
/// - `.monthlyLevels(series, product)`: a monthly contract price level (DRAMeXchange's
///   DDR4 8Gb fixed price) turned into quarterly changes: a quarter's level is the level
///   of its latest month with a published figure, and its change is
///   100·(level/previous quarter's level − 1). Realized and history follow the same
///   rule with all rows (quarters ended by the truth date), or the rows published by the
///   origin date.
///
/// Errors are in percentage points of QoQ change (`pp`).
public struct ContractPriceStage: BacktestStage {
    public enum Source: Sendable, Equatable {
        case quarterlyChanges(series: String)
        case monthlyLevels(series: String, product: String)
    }

    public let name: String
    public let title: String
    public let unit = "pp"
    public let seasonalPeriod: Int? = nil
    /// Contract price changes: "no change" (a flat price) is the benchmark every price model must beat.
    public let measuresPriceChange = true
    public let trackerName: String? = "TrendForce"
    public let notes: [String]
    public let realized: [Period: RealizedValue]

    let source: Source
    /// The series whose forecast rows are the tracker's calls.
    let trackerSeries: String
    /// `dram` or `nand`: whose supply–demand gaps the projection reads.
    let gapEntity: String
    let prices: [Observation]
    let supply: [Observation]
    /// Forecast rows of `trackerSeries` by target quarter, TrendForce only.
    let calls: [Period: [Observation]]

    public init(name: String, title: String, source: Source, trackerSeries: String, gapEntity: String,
                data: BacktestData, notes: [String] = []) {
        self.name = name
        self.title = title
        self.source = source
        self.trackerSeries = trackerSeries
        self.gapEntity = gapEntity
        self.notes = notes
        prices = data.memoryPrices
        supply = data.supplyDemand
        var calls: [Period: [Observation]] = [:]
        for o in data.memoryPrices where Self.isQuarterlyChange(o, series: trackerSeries)
            && BacktestData.forecastKinds.contains(o.kind) && Self.isTrendForce(o.publisher) && o.value != nil {
            calls[o.period!, default: []].append(o)
        }
        self.calls = calls
        // Only quarters ended by the truth date are realized (`BacktestData.realizedCut`).
        let cut = data.realizedCut(data.memoryPrices)
        switch source {
        case .quarterlyChanges(let series):
            let rows = data.memoryPrices.filter { Self.isQuarterlyChange($0, series: series) }
            realized = BacktestData.ended(BacktestData.latestByQuarter(rows, kinds: BacktestData.realizedKinds, asOf: nil), by: cut)
                .mapValues { RealizedValue(value: $0.value!, source: BacktestData.source($0)) }
        case let .monthlyLevels(series, product):
            realized = BacktestData.ended(Self.quarterlyChanges(levels: data.memoryPrices, series: series, product: product,
                                                                asOf: nil), by: cut)
                .mapValues { RealizedValue(value: $0.change, source: $0.source) }
        }
    }

    static func isQuarterlyChange(_ o: Observation, series: String) -> Bool {
        o.series == series && o.market == "contract" && o.product.isEmpty && o.entity == "industry"
            && o.metric == "qoq_pct" && o.period?.granularity == .quarter
    }

    /// TrendForce, its DRAMeXchange division, or an outlet reposting either ("Evertiq (TrendForce)").
    static func isTrendForce(_ publisher: String) -> Bool {
        PublisherOrigin.of(publisher) == "TrendForce"
    }

    public func history(asOf: CalendarDate, through origin: Period) -> QuarterlySeries {
        switch source {
        case .quarterlyChanges(let series):
            guard let idx = try? ContractPriceIndex(series: series, observations: prices, asOf: asOf) else { return .empty }
            var values: [Period: Double] = [:]
            for p in idx.points where p.source != .gap && p.quarter <= origin {
                if let c = p.changePct { values[p.quarter] = c }
            }
            return QuarterlySeries(values)
        case let .monthlyLevels(series, product):
            let changes = Self.quarterlyChanges(levels: prices, series: series, product: product, asOf: asOf)
            return QuarterlySeries(changes.filter { $0.key <= origin }.mapValues(\.change))
        }
    }

    public func model(asOf: CalendarDate, origin: Period, history: QuarterlySeries, targets: [Period]) -> ModelOutcome {
        forecasts(asOf: asOf, origin: origin, history: history, targets: targets, variant: .model)
    }

    /// The chain's other price paths, scored beside the model (`ChainCarryVariant`): `model_then_flat` (the
    /// scenario rule of that name), `model_by_horizon` (the scenario's `shocks = "by_horizon"`), and both carries
    /// after the trackers' calls published by the origin date.
    /// (`flat` is the `no_change` baseline.)
    public var modelVariantNames: [String] { ChainCarryVariant.scored.map(\.name) }

    public func modelVariant(_ name: String, asOf: CalendarDate, origin: Period, history: QuarterlySeries,
                             targets: [Period]) -> ModelOutcome {
        guard let variant = ChainCarryVariant(name: name) else { preconditionFailure("\(self.name): no model variant '\(name)'") }
        return forecasts(asOf: asOf, origin: origin, history: history, targets: targets, variant: variant)
    }

    /// One fit of the chain's price equation per origin, projected for the model and every variant.
    public func modelAndVariants(asOf: CalendarDate, origin: Period, history: QuarterlySeries,
                                 targets: [Period]) -> (model: ModelOutcome, variants: [(String, ModelOutcome)]) {
        let fit = OriginPriceEquation.chainFit(prices: prices, supply: supply, asOf: asOf)
        // What every projection at this origin reads, gathered once.
        let gaps = ForecastInputs.publishedGaps(supply, entity: gapEntity, asOf: asOf)
        let called = publishedCalls(asOf: asOf)
        func project(_ v: ChainCarryVariant) -> ModelOutcome {
            forecasts(fit, origin: origin, history: history, targets: targets, variant: v, gaps: gaps, calls: called)
        }
        return (project(.model), ChainCarryVariant.scored.map { ($0.name, project($0)) })
    }

    /// The chain's price equation as of `asOf`, projected from `history` as `variant` says.
    func forecasts(asOf: CalendarDate, origin: Period, history: QuarterlySeries, targets: [Period],
                   variant: ChainCarryVariant) -> ModelOutcome {
        forecasts(OriginPriceEquation.chainFit(prices: prices, supply: supply, asOf: asOf),
                  origin: origin, history: history, targets: targets, variant: variant,
                  gaps: ForecastInputs.publishedGaps(supply, entity: gapEntity, asOf: asOf),
                  calls: variant.usesCalls ? publishedCalls(asOf: asOf) : [:])
    }

    /// `fit` (or why there is none) projected from `history` as `variant` says, with the year gaps and the calls
    /// published by the origin date (`calls` is used only by a variant that takes calls).
    func forecasts(_ fit: Result<PriceModelFit, OriginPriceEquation.Failure>, origin: Period, history: QuarterlySeries,
                   targets: [Period], variant: ChainCarryVariant, gaps: [Int: ValueRange],
                   calls: [Period: PriceChangeRange]) -> ModelOutcome {
        switch fit {
        case .failure(let f): return .unavailable(f.reason)
        case .success(let fit):
            return .forecasts(OriginPriceEquation.forecast(fit, history: history, gaps: gaps, targets: targets,
                                                           seed: OriginPriceEquation.seed(origin: origin), carry: variant.carry, shocks: variant.shocks,
                                                           calls: variant.usesCalls ? calls : [:]))
        }
    }

    /// The tracker's latest call for each quarter published by `asOf`, as the range the chain draws from, with the
    /// tracker's miss spread as of `asOf` (`CallMisses`; nil with too few realized calls), as the chain's are.
    func publishedCalls(asOf: CalendarDate) -> [Period: PriceChangeRange] {
        let spread = CallMisses.spread(prices: prices, tracker: "TrendForce", asOf: asOf)
        return calls.compactMapValues { rows in
            VintageSelection.latest(rows, asOf: asOf).first.flatMap(ForecastInputs.range(of:)).map { var r = $0; r.callMiss = spread; return r }
        }
    }

    public func trackerCall(target: Period, asOf: CalendarDate) -> TrackerCall? {
        BacktestData.latestCall(calls[target], asOf: asOf)
    }

    public func firstTrackerCall(target: Period) -> TrackerCall? { BacktestData.firstCall(calls[target], for: target) }

    /// Quarterly changes from monthly levels known on `asOf` (nil = all), each with its source.
    static func quarterlyChanges(levels rows: [Observation], series: String, product: String,
                                 asOf: CalendarDate?) -> [Period: (change: Double, source: String)] {
        let monthly = VintageSelection.latest(rows.filter {
            $0.series == series && $0.market == "contract" && $0.product == product && $0.metric == "usd"
                && $0.period?.granularity == .month && ($0.value ?? 0) > 0
        }, asOf: asOf)
        // A quarter's level: its latest month with a figure.
        var level: [Period: (month: Period, value: Double, row: Observation)] = [:]
        for o in monthly {
            let m = o.period!, q = m.quarter!
            if let cur = level[q], cur.month > m { continue }
            level[q] = (m, o.value!, o)
        }
        var out: [Period: (Double, String)] = [:]
        for (q, l) in level {
            guard let p = level[q.advanced(by: -1)] else { continue }
            out[q] = (100 * (l.value / p.value - 1),
                      "\(l.month) vs \(p.month) level: \(l.row.origin), \(p.row.origin)")
        }
        return out
    }
}
