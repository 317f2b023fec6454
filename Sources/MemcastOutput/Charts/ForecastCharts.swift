import MemcastData
import MemcastModels

/// Turns a forecast run (`ForecastResult`) and the observed history into chart inputs.
///
/// Thin on purpose: every number comes from the run or the datasets; this file
/// only picks figures and labels them. A chart asking for something the run did
/// not produce (a year past the horizon, a vendor change without a prior year)
/// throws `ChartError.noData`, which the CLI reports with exit status 64.
public enum ForecastCharts {
    /// What a fan chart shows.
    public enum FanMeasure: String, CaseIterable, Sendable {
        /// DRAM and NAND contract price changes, % QoQ (global only).
        case contract
        /// Average selling price, USD per phone.
        case asp
        /// Shipments, million units per quarter.
        case shipments
        /// Memory share of BOM, percent.
        case memoryShare = "memory-share"
    }

    /// Global, one segment, or every segment as one series each.
    public enum Scope: Sendable, Equatable {
        case global, segment(Segment), allSegments

        /// `global`, `segments`, or a segment name (`entry`, `low_mid`, …).
        public init?(_ text: String) {
            switch text {
            case "global": self = .global
            case "segments": self = .allSegments
            default:
                guard let s = Segment(rawValue: text) else { return nil }
                self = .segment(s)
            }
        }
    }

    static func band(_ q: QuantileSummary) -> QuantileBand { QuantileBand(p05: q.p05, p50: q.p50, p95: q.p95) }

    /// The first calendar year after the base year: the run's first forecast year.
    static func firstForecastYear(_ r: ForecastResult) -> Int? {
        r.annual.first.flatMap { Int($0.label) }.map { $0 + 1 }
    }

    // MARK: fan

    public static func fan(_ r: ForecastResult, measure: FanMeasure, scope: Scope, history: ObservedHistory,
                           source: ChartSource) throws -> FanChartData {
        func scopeFigures(_ p: PeriodFigures, _ s: Segment?) -> ScopeFigures? { s.map { p.segments[$0] } ?? p.global }
        let segments: [Segment?]
        switch scope {
        case .global: segments = [nil]
        case .segment(let s): segments = [s]
        case .allSegments: segments = Segment.allCases
        }
        func series(_ name: String, _ pick: (PeriodFigures) -> QuantileSummary?, history h: [LabeledValue]) throws -> FanChartData.Series {
            let forecast = r.quarterly.compactMap { p in pick(p).map { LabeledBand(p.label, band($0)) } }
            guard !forecast.isEmpty else { throw ChartError.noData(chart: .fan, what: "\(measure.rawValue) (\(name)): the run has no quarterly figures") }
            let first = forecast[0].label
            return .init(name: name, history: h.filter { $0.label < first }, forecast: forecast)
        }
        let scopeText: String
        switch scope {
        case .global: scopeText = "global"
        case .segment(let s): scopeText = s.rawValue
        case .allSegments: scopeText = "by segment"
        }
        switch measure {
        case .contract:
            guard scope == .global else {
                throw ChartError.noData(chart: .fan, what: "contract prices by segment: contract prices are global; use --scope global")
            }
            return FanChartData(title: "Mobile memory contract prices", unit: "% change QoQ", series: [
                try series("mobile DRAM", { $0.dramContractQoQPct }, history: history.dramQoQPct),
                try series("mobile NAND", { $0.nandContractQoQPct }, history: history.nandQoQPct),
            ], source: source)
        case .asp:
            return FanChartData(title: "Average selling price, \(scopeText)", unit: "USD per phone",
                                series: try segments.map { s in try series(s?.rawValue ?? "global", { scopeFigures($0, s)?.aspUSD }, history: []) },
                                source: source)
        case .shipments:
            return FanChartData(title: "Smartphone shipments, \(scopeText)", unit: "million units per quarter",
                                series: try segments.map { s in
                                    try series(s?.rawValue ?? "global", { scopeFigures($0, s)?.shipmentsM },
                                               history: s == nil ? history.globalShipmentsM : [])
                                }, source: source, includeZero: true)
        case .memoryShare:
            return FanChartData(title: "Memory share of BOM, \(scopeText)", unit: "% of BOM, volume-weighted",
                                series: try segments.map { s in try series(s?.rawValue ?? "global", { scopeFigures($0, s)?.memoryBOMSharePct }, history: []) },
                                source: source, includeZero: true)
        }
    }

    // MARK: BOM

    /// Base year (annual) against the quarter of the first forecast year where the
    /// global memory share peaks, per segment, at the p50 of each figure.
    public static func bom(_ r: ForecastResult, source: ChartSource) throws -> BOMBarsData {
        guard let base = r.annual.first, let year = firstForecastYear(r) else {
            throw ChartError.noData(chart: .bom, what: "BOM: the run has no annual figures")
        }
        let quarters = r.quarterly.filter { $0.label.hasPrefix("\(year)Q") }
        guard let peak = quarters.max(by: { $0.global.memoryBOMSharePct.p50 < $1.global.memoryBOMSharePct.p50 }) else {
            throw ChartError.noData(chart: .bom, what: "BOM: the run has no quarter of \(year)")
        }
        func stack(_ f: ScopeFigures) -> BOMBarsData.Stack {
            // p50 of memory cost and of BOM; non-memory is their difference (never below 0).
            .init(memoryUSD: f.memoryCostUSD.p50, nonMemoryUSD: max(0, f.bomUSD.p50 - f.memoryCostUSD.p50))
        }
        let segments = try Segment.allCases.map { s -> BOMBarsData.Segment in
            guard let b = base.segments[s], let a = peak.segments[s] else {
                throw ChartError.noData(chart: .bom, what: "BOM: segment \(s.rawValue) missing from the run")
            }
            return .init(name: s.rawValue, before: stack(b), after: stack(a))
        }
        return BOMBarsData(title: "Memory in the handset BOM: \(base.label) vs the \(year) peak quarter (p50)", beforeLabel: base.label,
                           afterLabel: peak.label, segments: segments, source: source)
    }

    // MARK: vendors

    /// SoC vendor shipment changes in `year` with the published figures for the same change.
    public static func vendors(_ r: ForecastResult, year: Int, published: [SoCVendor: [VendorBarsData.Published]],
                               source: ChartSource) throws -> VendorBarsData {
        guard let f = r.annual.first(where: { $0.label == String(year) }) else {
            throw ChartError.noData(chart: .vendors, what: "SoC vendors: the run has no year \(year) (check --horizon)")
        }
        let vendors = try SoCVendor.allCases.filter { $0 != .others }.map { v -> VendorBarsData.Vendor in
            guard let q = f.socVendors[v]?.shipmentsYoYPct else {
                throw ChartError.noData(chart: .vendors, what: "SoC vendors: no \(year) shipment change for \(v.rawValue) (no prior year in the run)")
            }
            return .init(name: v.rawValue, model: band(q), published: published[v] ?? [])
        }
        return VendorBarsData(title: "SoC shipments by vendor, \(year)", unit: "\(year) SoC shipments, % change YoY",
                              vendors: vendors, source: source)
    }

    /// Published vendor figures for the vendor cases of `Validation` (same rows the tests use).
    public static func publishedVendorFigures(observations: [String: [Observation]], asOf: CalendarDate?) -> [SoCVendor: [VendorBarsData.Published]] {
        var out: [SoCVendor: [VendorBarsData.Published]] = [:]
        for c in Validation.cases {
            guard case let .annualVendor(_, vendor, .shipmentsYoYPct) = c.measure,
                  let o = observations[c.dataset]?.first(where: { $0.id == c.figureID }), let v = o.value else { continue }
            if let asOf, let p = o.published, !(p.latest <= asOf) { continue }
            let label = o.publisher + (o.published.map { " \($0)" } ?? "")
            if !(out[vendor]?.contains { $0.source == label } ?? false) {
                out[vendor, default: []].append(.init(source: label, value: v))
            }
        }
        return out
    }

    // MARK: vintage

    /// Trackers' published calls on `year`'s global shipments change (% YoY): forecasts
    /// and revisions published on or before `asOf` (all when nil).
    public static func shipmentCalls(_ handsetMarket: [Observation], year: Int, asOf: CalendarDate?) -> [Observation] {
        handsetMarket.filter {
            $0.periodText == String(year) && $0.metric == "yoy_pct" && $0.entity == "global" && $0.region == "global"
                && ($0.series == "forecast_revision" || $0.series == "shipments") && isCall($0, asOf: asOf)
        }
    }

    /// One publisher's own releases of its call on `quarter`'s contract price change (% QoQ)
    /// for `series` (`conventional_dram`: TrendForce's headline DRAM call), published on or
    /// before `asOf`. Restatements by others (`Evertiq (TrendForce)`) are left out: their
    /// dates are when they were reported, not when the call was made.
    public static func contractCalls(_ memoryPrices: [Observation], quarter: Period, series: String = "conventional_dram",
                                     publisher: String = "TrendForce", asOf: CalendarDate?) -> [Observation] {
        memoryPrices.filter {
            $0.series == series && $0.market == "contract" && $0.product.isEmpty && $0.entity == "industry"
                && $0.period == quarter && $0.metric == "qoq_pct" && $0.publisher == publisher && isCall($0, asOf: asOf)
        }
    }

    private static func isCall(_ o: Observation, asOf: CalendarDate?) -> Bool {
        guard o.kind == .forecast || o.kind == .revisedForecast, let p = o.published else { return false }
        return asOf.map { p.latest <= $0 } ?? true
    }

    /// A published call in the vintage chart's lower panel, in its own unit.
    public struct PublishedCalls: Sendable {
        public var name: String
        public var unit: String
        public var calls: [Observation]
        public init(name: String, unit: String, calls: [Observation]) { self.name = name; self.unit = unit; self.calls = calls }
    }

    /// memcast's figure as of successive dates beside trackers' published vintages; `lower`,
    /// when it has calls, becomes a second panel on the same as-of axis (its own y axis).
    public static func vintage(title: String, unit: String, model: [(asOf: String, figure: QuantileSummary)],
                               modelName: String, published: [Observation], lower: PublishedCalls? = nil,
                               source: ChartSource) throws -> VintageChartData {
        var series: [VintageChartData.Series] = []
        if !model.isEmpty {
            series.append(.init(name: modelName, points: model.map { .init(asOf: $0.asOf, value: $0.figure.p50, interval: band($0.figure)) },
                                isPublished: false))
        }
        // One series per publisher with two or more vintages; the rest together.
        var byPublisher: [String: [Observation]] = [:]
        for o in published where o.value != nil && o.published != nil { byPublisher[o.publisher, default: []].append(o) }
        let multi = byPublisher.filter { $0.value.count >= 2 }.keys.sorted()
        let others = byPublisher.filter { $0.value.count < 2 }.flatMap(\.value)
        for p in multi { series.append(.init(name: p, points: vintagePoints(byPublisher[p]!), isPublished: true)) }
        if !others.isEmpty { series.append(.init(name: "other trackers", points: vintagePoints(others), isPublished: true)) }
        guard series.contains(where: { !$0.points.isEmpty }) else {
            throw ChartError.noData(chart: .vintage, what: "\(title): no model runs and no published vintages")
        }
        var panels = [VintageChartData.Panel(unit: unit, series: series)]
        if let lower {
            let points = vintagePoints(lower.calls.filter { $0.value != nil && $0.published != nil })
            if !points.isEmpty { panels.append(.init(unit: lower.unit, series: [.init(name: lower.name, points: points, isPublished: true)])) }
        }
        return VintageChartData(title: title, panels: panels, source: source)
    }

    /// Published rows as dated points (latest publication date), with the low–high range
    /// when both bounds were published. The same date twice (a figure and its rounding):
    /// the last row wins.
    static func vintagePoints(_ rows: [Observation]) -> [VintageChartData.Point] {
        var byDate: [String: VintageChartData.Point] = [:]
        for o in rows {
            guard let v = o.value, let p = o.published else { continue }
            var range: ClosedRange<Double>?
            if o.point == nil, let l = o.low, let h = o.high, l <= h { range = l...h }
            byDate["\(p.latest)"] = .init(asOf: "\(p.latest)", value: v, range: range)
        }
        return byDate.keys.sorted().map { byDate[$0]! }
    }
}
