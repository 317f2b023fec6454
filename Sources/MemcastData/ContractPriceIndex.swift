/// A quarterly contract price index chained from published quarter-on-quarter changes.
///
/// Rule (computed here, never typed in):
/// - Each quarter's change g_t (%) is the `value` of the latest vintage known
///   on the as-of date (`VintageSelection`) of the row (series, market
///   `contract`, no product detail, entity `industry`, metric `qoq_pct`,
///   period t): the point, else the range midpoint, else the one published bound.
/// - When the series itself has no figure for t, the first series in its proxy
///   chain (`ContractPriceIndex.proxies`) that has one is used, flagged
///   `.proxy`; when none has, the change is taken as 0% and flagged `.gap`.
/// - I_base = 100 at the quarter before the first change; I_t = I_{t−1}·(1 + g_t/100).
///
/// ```swift
/// let idx = try ContractPriceIndex(series: "conventional_dram", observations: rows,
///                                  asOf: CalendarDate("2026-02-02"))
/// idx.points.last?.changePct   // 92.5 (TrendForce's 90–95% revision)
/// ```
public struct ContractPriceIndex: Sendable {
    /// Where a quarter's change came from.
    public enum Source: Sendable, Equatable {
        /// The series' own published figure.
        case published
        /// Another series' figure (named), because the series has none for the quarter.
        case proxy(String)
        /// No figure anywhere in the chain: 0% assumed.
        case gap
    }

    public struct Point: Sendable, Equatable {
        public var quarter: Period
        /// Index level (base quarter = 100).
        public var index: Double
        /// Change from the previous quarter in percent; nil for the base quarter.
        public var changePct: Double?
        public var source: Source
        /// The row used (nil for the base quarter and gaps).
        public var observation: Observation?

        /// True when the change is not the series' own published figure (proxy or gap),
        /// or only one side of a range was published.
        public var isEstimated: Bool {
            source != .published || (observation?.isOneSided ?? false)
        }

        /// True when the figure used is a forecast (first or revised), not a realized change.
        public var isForecast: Bool {
            guard let k = observation?.kind else { return false }
            return k == .forecast || k == .revisedForecast
        }
    }

    /// Series the index can be built for, each with its proxy chain (first match wins).
    public static let proxies: [String: [String]] = [
        "conventional_dram": ["dram", "pc_dram"],
        "pc_dram": ["conventional_dram", "dram"],
        "server_dram": ["conventional_dram", "dram"],
        "mobile_dram": ["conventional_dram", "dram"],
        "nand": ["mobile_nand"],
        "mobile_nand": ["nand"],
    ]

    public let series: String
    public let asOf: CalendarDate?
    public let points: [Point]

    /// Builds the index for `series` from `observations` (memory_prices rows).
    /// `from`/`through` bound the changes (defaults: the first and last quarter with
    /// a figure for the series itself).
    /// - Throws: `ContractPriceIndex.Failure` for an unknown series, `from` after the data, or no data.
    public init(series: String, observations: [Observation], asOf: CalendarDate?,
                from: Period? = nil, through: Period? = nil) throws {
        guard let chain = ContractPriceIndex.proxies[series] else {
            throw Failure.unknownSeries(series, known: ContractPriceIndex.proxies.keys.sorted())
        }
        let names = [series] + chain
        let relevant = observations.filter {
            $0.market == "contract" && $0.product.isEmpty && $0.entity == "industry" && $0.metric == "qoq_pct"
                && $0.period?.granularity == .quarter && names.contains($0.series)
        }
        let latest = VintageSelection.latest(relevant, asOf: asOf)
        var bySeries: [String: [Period: Observation]] = [:]
        for o in latest where o.value != nil { bySeries[o.series, default: [:]][o.period!] = o }
        let own = bySeries[series] ?? [:]
        guard let first = from ?? own.keys.min(), let last = through ?? own.keys.max(), first <= last else {
            // A start past the data is the option's fault, not missing data: name the last quarter.
            if let from, let dataEnd = own.keys.max(), from > dataEnd {
                throw Failure.fromAfterData(series, from: from, last: dataEnd, asOf: asOf)
            }
            throw Failure.noData(series, asOf: asOf)
        }
        var points = [Point(quarter: first.advanced(by: -1), index: 100, changePct: nil, source: .published, observation: nil)]
        var q = first
        while q <= last {
            var used: (Observation, Source)?
            for name in names {
                if let o = bySeries[name]?[q] { used = (o, name == series ? .published : .proxy(name)); break }
            }
            let g = used?.0.value ?? 0
            points.append(Point(quarter: q, index: points.last!.index * (1 + g / 100), changePct: g,
                                source: used?.1 ?? .gap, observation: used?.0))
            q = q.advanced(by: 1)
        }
        self.series = series
        self.asOf = asOf
        self.points = points
    }

    /// The index level at `quarter`, or nil outside the index.
    public func index(at quarter: Period) -> Double? { points.first { $0.quarter == quarter }?.index }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownSeries(String, known: [String])
        case noData(String, asOf: CalendarDate?)
        /// A first quarter after the series' last quarter with a figure.
        case fromAfterData(String, from: Period, last: Period, asOf: CalendarDate?)

        public var description: String {
            switch self {
            case let .unknownSeries(s, known):
                return "no contract price index for series '\(s)' (available: \(known.joined(separator: ", ")))"
            case let .noData(s, asOf):
                return "no quarterly contract change for '\(s)'" + (asOf.map { " published by \($0)" } ?? "")
            case let .fromAfterData(s, from, last, asOf):
                return "--from \(from) is after \(last), the last quarter with a contract change for '\(s)'"
                    + (asOf.map { " published by \($0)" } ?? "") + "; use --from \(last) or earlier"
            }
        }
    }
}
