import MemcastData

/// One forecast-chain output a backtest scores: its realized history, what was known
/// at each origin, the model that forecasts it, and the trackers' calls.
///
/// Implementations decide what "realized" and "known" mean for their series (e.g. a
/// contract price change is realized by a publisher's `estimate` or `actual` row) and
/// hold their data; the runner (`RollingOrigin.run`) only asks.
public protocol BacktestStage: Sendable {
    /// Short key used on the command line and in JSON (`dram_contract`).
    var name: String { get }
    /// What the series is, with its unit (`conventional DRAM contract price, % QoQ`).
    var title: String { get }
    /// Unit of values and errors (`pp`, `%`, `M units`).
    var unit: String { get }
    /// Quarters per season when the series is seasonal (4), else nil (no seasonal naive).
    var seasonalPeriod: Int? { get }
    /// Whether each value is itself a change of a price (% QoQ), so "no change" (0) is a baseline.
    var measuresPriceChange: Bool { get }
    /// Who the tracker baseline is (`TrendForce`), or nil when the stage has none.
    var trackerName: String? { get }
    /// Caveats about the data (proxies used, derived series), shown with the results.
    var notes: [String] { get }

    /// Realized values by quarter, each with its source (latest realized vintage).
    var realized: [Period: RealizedValue] { get }

    /// The history known on `asOf`, up to and including `origin`: what baselines and
    /// MASE scales are computed from.
    func history(asOf: CalendarDate, through origin: Period) -> QuarterlySeries

    /// The model's forecasts of `targets` made at `origin` with what was known on `asOf`
    /// (parameters re-estimated on that data), one entry per target (nil = none for it),
    /// or why the model cannot be estimated then.
    func model(asOf: CalendarDate, origin: Period, history: QuarterlySeries, targets: [Period]) -> ModelOutcome

    /// Names of other versions of the model scored beside it on the same pairs (`model_then_flat`), in
    /// report order; none by default.
    var modelVariantNames: [String] { get }

    /// The forecasts of the variant `name` (one of `modelVariantNames`), as `model` gives them.
    func modelVariant(_ name: String, asOf: CalendarDate, origin: Period, history: QuarterlySeries,
                      targets: [Period]) -> ModelOutcome

    /// The model's and every variant's forecasts at one origin (variants by name, in `modelVariantNames`
    /// order). The default calls `model` and `modelVariant`; a stage whose variants share the model's fit
    /// overrides it to estimate once.
    func modelAndVariants(asOf: CalendarDate, origin: Period, history: QuarterlySeries,
                          targets: [Period]) -> (model: ModelOutcome, variants: [(String, ModelOutcome)])

    /// The tracker's latest forecast of `target` published on or before `asOf`, if any.
    func trackerCall(target: Period, asOf: CalendarDate) -> TrackerCall?

    /// The tracker's first forecast of `target` (earliest published), if any.
    func firstTrackerCall(target: Period) -> TrackerCall?
}

extension BacktestStage {
    public var measuresPriceChange: Bool { false }
    public var modelVariantNames: [String] { [] }
    public func modelVariant(_ name: String, asOf: CalendarDate, origin: Period, history: QuarterlySeries,
                             targets: [Period]) -> ModelOutcome {
        preconditionFailure("\(self.name) has no model variant '\(name)'")
    }
    public func modelAndVariants(asOf: CalendarDate, origin: Period, history: QuarterlySeries,
                                 targets: [Period]) -> (model: ModelOutcome, variants: [(String, ModelOutcome)]) {
        (model(asOf: asOf, origin: origin, history: history, targets: targets),
         modelVariantNames.map { ($0, modelVariant($0, asOf: asOf, origin: origin, history: history, targets: targets)) })
    }
}

/// A realized value and where it was read.
public struct RealizedValue: Sendable, Equatable {
    public var value: Double
    /// `memory_prices.csv:23 (DRAMeXchange, 2018-05)` or how a derived value was made.
    public var source: String

    public init(value: Double, source: String) {
        self.value = value
        self.source = source
    }
}

/// A tracker's published forecast of one quarter.
public struct TrackerCall: Sendable, Equatable {
    /// The published point, else the range midpoint, else the one bound.
    public var value: Double
    public var publisher: String
    public var published: PublicationDate
    /// `memory_prices.csv:61`.
    public var origin: String

    public init(value: Double, publisher: String, published: PublicationDate, origin: String) {
        self.value = value
        self.publisher = publisher
        self.published = published
        self.origin = origin
    }

    /// The call from a dataset row (nil when it has no value or no publication date).
    public init?(_ o: Observation) {
        guard let v = o.value, let p = o.published else { return nil }
        self.init(value: v, publisher: o.publisher, published: p, origin: o.origin)
    }
}

/// What a stage's model gives at one origin.
public enum ModelOutcome: Sendable, Equatable {
    /// One forecast per target (nil where the model gives none).
    case forecasts([PointForecast?])
    /// The model cannot be estimated at this origin (too few rows, singular design…).
    case unavailable(String)
}
