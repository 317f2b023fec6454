import MemcastStatistics

/// One published figure from an embedded dataset, with its provenance.
///
/// A figure is a point (`point`) or a range as published (`low`…`high`); a
/// one-sided range ("over 40%") has only `low` (or only `high`, "below $45").
/// `value` is the number models use: the point, else the range midpoint, else
/// the one bound given, since a conservative reading of "over 40%" is 40%.
public struct Observation: Sendable, Equatable {
    /// How final a figure is; orders first forecast < revision < estimate < actual.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case forecast
        case revisedForecast = "revised_forecast"
        /// The publisher's own estimate of a realized figure (e.g. a quarter's change
        /// stated around its end, before final data).
        case estimate
        case actual

        /// Rank used to break ties between vintages published the same day.
        public var rank: Int {
            switch self {
            case .forecast: return 0
            case .revisedForecast: return 1
            case .estimate: return 2
            case .actual: return 3
            }
        }

        public static func < (a: Kind, b: Kind) -> Bool { a.rank < b.rank }
    }

    /// Dataset file name without `.csv` (`memory_prices`).
    public var dataset: String
    /// Row id within the dataset (`mp0069`).
    public var id: String
    /// Normalized series (`conventional_dram`) in memory_prices; the topic elsewhere (`shipments`).
    public var series: String
    /// Price kind in memory_prices: contract, spot, asp, wholesale, price_avg, relative ("" elsewhere).
    public var market: String
    /// Part detail (`ddr4_8gb_chip`, `lpddr5x`); "" for the series as a whole.
    public var product: String
    /// Who the figure is about (`industry`, `Micron`, `Apple`, `global`).
    public var entity: String
    /// Region (`global`, `china`…); "" when the dataset has none.
    public var region: String
    /// Parsed period, or nil when the text is not a period (seed rows like `normal_years`).
    public var period: Period?
    /// The period as written.
    public var periodText: String
    public var metric: String
    public var low: Double?
    public var high: Double?
    public var point: Double?
    public var unit: String
    public var kind: Kind
    /// nil when the publication date is not known (such rows never pass `--as-of`).
    public var published: PublicationDate?
    public var publisher: String
    public var sourceURL: String
    /// `published` (a publisher's figure) or `estimate` (made by memcast; see `method`).
    public var provenance: String
    public var method: String
    public var note: String
    /// `low` when the source flags the figure as doubtful; `normal` otherwise.
    public var reliability: String
    /// Where the row came from: dataset file and line (`memory_prices.csv:70`).
    public var origin: String

    /// The figure models use: point, else midpoint of low and high, else the one bound given.
    public var value: Double? {
        if let point { return point }
        switch (low, high) {
        case let (l?, h?): return (l + h) / 2
        case let (l?, nil): return l
        case let (nil, h?): return h
        default: return nil
        }
    }

    /// True when only one side of a range was published ("over 40%").
    public var isOneSided: Bool { point == nil && (low == nil) != (high == nil) }

    /// True when the source flags the figure as doubtful.
    public var isLowReliability: Bool { reliability == "low" }

    /// The figure as published: `55–60`, `>40`, `<45`, `90`.
    public var valueText: String {
        if let point { return formatNumber(point) }
        switch (low, high) {
        case let (l?, h?): return "\(formatNumber(l))–\(formatNumber(h))"
        case let (l?, nil): return ">\(formatNumber(l))"
        case let (nil, h?): return "<\(formatNumber(h))"
        default: return ""
        }
    }
}

/// Shortest decimal text of a value (`55`, `0.1`, `-8.5`).
func formatNumber(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(v)
}

extension Observation {
    /// `fraction` × 100 as a person writes it: 0.55 → 55, not 55.00000000000001 (rounded to 1e-9),
    /// for the hints that say which percent a fraction typed by mistake meant.
    public static func percent(ofFraction fraction: Double) -> Double { (fraction * 100 * 1e9).rounded() / 1e9 }
}

extension Observation {
    /// Metrics that are the percent change of a price or quantity, so above -100.
    static let changeMetrics: Set<String> = ["qoq_pct", "mom_pct", "yoy_pct", "wow_pct", "ytd_pct", "change_pct"]

    /// Reads every row of a dataset frame (loaded with its schema) as observations.
    /// Columns a dataset lacks (`region` in memory_prices) read as "".
    public static func rows(of frame: DataFrame, dataset: String) throws -> [Observation] {
        func text(_ name: String) -> CategoricalColumn? { frame[name]?.categoricalValues }
        func number(_ name: String) -> [Double]? { frame[name]?.numericValues }
        let series = text("series") ?? text("topic")
        let market = text("market"), product = text("product"), entity = text("entity"), region = text("region")
        let period = text("period"), metric = text("metric"), unit = text("unit"), kind = text("kind")
        let published = text("published"), publisher = text("publisher"), url = text("source_url")
        let provenance = text("provenance"), method = text("method"), note = text("note")
        let reliability = text("reliability"), id = text("id")
        let low = number("low"), high = number("high"), point = number("point")
        // Parse each distinct period and date once.
        let periods = period.map { $0.levels.map { Period($0) } }
        let dates = published.map { $0.levels.map { PublicationDate($0) } }
        var out: [Observation] = []
        out.reserveCapacity(frame.rowCount)
        for r in 0..<frame.rowCount {
            func s(_ c: CategoricalColumn?) -> String { c?[r] ?? "" }
            func n(_ v: [Double]?) -> Double? { v.flatMap { $0[r].isNaN ? nil : $0[r] } }
            let kindText = s(kind)
            guard let k = Observation.Kind(rawValue: kindText) else {
                throw CSVError(CSVIssue(file: frame.source ?? dataset, line: frame.rowLines?[r], column: "kind",
                                        message: "'\(kindText)' is not a kind (forecast, revised_forecast, estimate, actual)"))
            }
            // A reversed range used to be swapped silently; the user should see the typo.
            if let l = n(low), let h = n(high), l > h {
                throw CSVError(CSVIssue(file: frame.source ?? dataset, line: frame.rowLines?[r], column: "low",
                                        message: "low \(formatNumber(l)) is above high \(formatNumber(h)) (columns low, high: write the smaller first)"))
            }
            // A fall of 100% or more leaves no price: the forecast trapped on it (exit 132).
            if s(unit) == "pct", changeMetrics.contains(s(metric)) {
                for (column, v) in [("low", n(low)), ("high", n(high)), ("point", n(point))] {
                    guard let v, v <= -100 else { continue }
                    throw CSVError(CSVIssue(file: frame.source ?? dataset, line: frame.rowLines?[r], column: column,
                                            message: "a change of \(formatNumber(v))% would leave nothing (\(s(metric)) must be above -100)"))
                }
            }
            let pc = period.map { Int($0.codes[r]) } ?? -1
            let dc = published.map { Int($0.codes[r]) } ?? -1
            out.append(Observation(
                dataset: dataset, id: s(id), series: s(series), market: s(market), product: s(product),
                entity: s(entity), region: s(region),
                period: pc >= 0 ? periods![pc] : nil, periodText: s(period), metric: s(metric),
                low: n(low), high: n(high), point: n(point), unit: s(unit), kind: k,
                published: dc >= 0 ? dates![dc] : nil, publisher: s(publisher), sourceURL: s(url),
                provenance: s(provenance), method: s(method), note: s(note),
                reliability: reliability == nil ? "normal" : s(reliability),
                origin: "\(frame.source ?? dataset):\(frame.rowLines.map { String($0[r]) } ?? String(r + 2))"))
        }
        return out
    }
}

extension Observation {
    /// Percent values that look like fractions: a `pct` value with 0 < |v| < 1.5 whose ×100 lies
    /// within the other vintages of the same series, period and metric (0.9 beside 90–95). Real
    /// small changes (+1% where others say 0–2%) are not flagged; the embedded data has none.
    /// - Returns: one message per suspect value, `file:line: column 'point': …`.
    public static func fractionSuspects(_ rows: [Observation]) -> [String] {
        struct Key: Hashable { var series, period, metric: String }
        func values(_ o: Observation) -> [(String, Double)] {
            [("low", o.low), ("high", o.high), ("point", o.point)].compactMap { c, v in v.map { (c, $0) } }
        }
        let groups = Dictionary(grouping: rows.filter { $0.unit == "pct" }) { Key(series: $0.series, period: $0.periodText, metric: $0.metric) }
        var out: [String] = []
        for o in rows where o.unit == "pct" {
            let key = Key(series: o.series, period: o.periodText, metric: o.metric)
            let others = (groups[key] ?? []).filter { $0.origin != o.origin }.flatMap { values($0).map(\.1) }
            guard let lo = others.min(), let hi = others.max() else { continue }
            for (column, v) in values(o) where v != 0 && abs(v) < 1.5 && (lo - 5...hi + 5).contains(v * 100) {
                out.append("\(o.origin): column '\(column)': \(formatNumber(v)) looks like a fraction, but the unit is pct "
                           + "(other vintages of \(o.series) \(o.periodText) \(o.metric) say \(formatNumber(lo))…\(formatNumber(hi))); "
                           + "write \(formatNumber(percent(ofFraction: v))) for \(formatNumber(percent(ofFraction: v)))%")
            }
        }
        return out
    }
}
