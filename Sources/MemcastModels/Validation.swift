import Foundation
import MemcastData

/// The published figures memcast's forecasts are tested against (issue 5), and the
/// tracker vintages shown beside them for information.
///
/// Each case runs the default scenario `--as-of` the figure's publication date, so the
/// model sees only what was known then. The published value is read from the datasets
/// by row id (never typed here); the tolerance is the one the issue states; a case
/// passes when the model's p50 meets it. No parameter is calibrated on a case's figure:
/// `Validation.caseFigureIDs` and calibration.csv's `figure_ids` are disjoint (tested).
public enum Validation {
    /// How a case is judged.
    public enum Criterion: Sendable, Equatable {
        /// |p50 − published| ≤ tolerance (points).
        case within(tolerance: Double)
        /// published low ≤ p50 ≤ published high.
        case inRange
        /// p50 > published low ("above X%").
        case above
        /// p50 is the lowest among the SoC vendors' 2026 changes.
        case lowestOfVendors
    }

    /// What the model reports for a case.
    public enum Measure: Sendable, Equatable {
        case annualGlobal(year: Int, metric: ScopeMetric)
        case annualRegion(year: Int, region: Region, metric: ScopeMetric)
        case annualSegment(year: Int, segment: Segment, metric: ScopeMetric)
        case annualVendor(year: Int, vendor: SoCVendor, metric: VendorMetric)
        case annualSoCTotal(year: Int)
        case derived(DerivedMetric)
    }

    public enum ScopeMetric: String, Sendable { case memoryBOMSharePct, aspYoYPct, shipmentsYoYPct }
    public enum VendorMetric: String, Sendable { case shipmentsYoYPct, sharePct }

    /// One published-figure case.
    public struct Case: Sendable {
        public var id: String
        public var title: String
        /// Dataset row (`hm0026` in handset_market, `S11` in seed_figures).
        public var figureID: String
        public var dataset: String
        public var asOf: CalendarDate
        public var measure: Measure
        public var criterion: Criterion
    }

    /// A case or an information row with the model's figures.
    public struct Row: Sendable {
        public var id: String
        public var title: String
        public var figureID: String
        public var publisher: String
        public var published: String
        /// `6.9`, `20–30`, `>30`.
        public var publishedText: String
        public var asOf: String
        public var model: QuantileSummary?
        /// `±2 pt`, `in range`, `above`; nil for information rows.
        public var tolerance: String?
        /// nil for information rows.
        public var pass: Bool?
        /// The run's notes on price projections that extrapolate the fitted equation.
        public var extrapolation: [String] = []
        /// π's calibration in the case's run (nil for information rows and under a π lever).
        public var passThrough: PassThroughCalibration? = nil
    }

    static let seed = CalendarDate("2026-02-28")!

    /// The cases of issue 5.
    public static let cases: [Case] = [
        Case(id: "memory-share-2025", title: "memory share of BOM, 2025, volume-weighted (%)", figureID: "S10",
             dataset: "seed_figures", asOf: seed, measure: .annualGlobal(year: 2025, metric: .memoryBOMSharePct), criterion: .inRange),
        Case(id: "memory-share-2026-peak", title: "memory share of BOM, 2026 peak quarter (%)", figureID: "S11",
             dataset: "seed_figures", asOf: seed, measure: .derived(.peakQuarterMemorySharePct), criterion: .inRange),
        Case(id: "memory-share-high-spec-low-price", title: "memory share, low_mid 12 GB + 256 GB at the 2026 peak (%)",
             figureID: "S12", dataset: "seed_figures", asOf: seed, measure: .derived(.highSpecLowPriceSharePct), criterion: .above),
        Case(id: "asp-2026", title: "global ASP 2026 vs 2025 (%)", figureID: "hm0026", dataset: "handset_market",
             asOf: CalendarDate("2025-12-16")!, measure: .annualGlobal(year: 2026, metric: .aspYoYPct), criterion: .within(tolerance: 2)),
        Case(id: "shipments-2026", title: "global shipments 2026 vs 2025 (%)", figureID: "hm0151", dataset: "handset_market",
             asOf: CalendarDate("2026-01-28")!, measure: .annualGlobal(year: 2026, metric: .shipmentsYoYPct), criterion: .within(tolerance: 2)),
        Case(id: "soc-shipments-2026", title: "smartphone SoC shipments 2026 vs 2025 (%)", figureID: "hm0660",
             dataset: "handset_market", asOf: CalendarDate("2026-01-28")!, measure: .annualSoCTotal(year: 2026), criterion: .within(tolerance: 2)),
    ] + [(SoCVendor.unisoc, "hm0814"), (.qualcomm, "hm0764"), (.mediaTek, "hm0736"), (.samsung, "hm0790"), (.hiSilicon, "S15")].map { v, id in
        Case(id: "soc-\(v.rawValue.lowercased())-2026", title: "\(v.rawValue) SoC shipments 2026 vs 2025 (%)", figureID: id,
             dataset: id.hasPrefix("S") ? "seed_figures" : "handset_market", asOf: CalendarDate("2026-01-28")!,
             measure: .annualVendor(year: 2026, vendor: v, metric: .shipmentsYoYPct), criterion: .within(tolerance: 4))
    } + [
        Case(id: "soc-unisoc-falls-most", title: "UNISOC falls most of the SoC vendors", figureID: "hm0814", dataset: "handset_market",
             asOf: CalendarDate("2026-01-28")!, measure: .annualVendor(year: 2026, vendor: .unisoc, metric: .shipmentsYoYPct),
             criterion: .lowestOfVendors),
        Case(id: "china-new-models-2026", title: "China new-model prices after March 2026 vs same tier 2025 (%)", figureID: "S6",
             dataset: "seed_figures", asOf: seed, measure: .derived(.chinaNewModelPriceChangePct), criterion: .inRange),
    ]

    /// Dataset ids of every case's figure (for the calibration-vs-test check).
    public static var caseFigureIDs: Set<String> { Set(cases.map(\.figureID)) }

    /// Information rows: other trackers' figures (2026 vintages, memory-share views) shown beside the
    /// model's figure as of their date.
    static let information: [(figureID: String, measure: Measure, title: String)] = [
        ("hm0092", .annualSegment(year: 2025, segment: .mid, metric: .memoryBOMSharePct), "memory % of BOM, mid 2025"),
        ("hm0091", .annualSegment(year: 2025, segment: .premium, metric: .memoryBOMSharePct), "memory % of BOM, premium 2025"),
        ("hm0093", .annualGlobal(year: 2026, metric: .memoryBOMSharePct), "memory % of BOM 2026"),
        ("hm0094", .annualGlobal(year: 2026, metric: .memoryBOMSharePct), "memory % of BOM 2026"),
        ("hm0025", .annualGlobal(year: 2026, metric: .aspYoYPct), "global ASP 2026 (%)"),
        ("hm0027", .annualGlobal(year: 2026, metric: .aspYoYPct), "global ASP 2026 (%)"),
        ("hm0147", .annualGlobal(year: 2026, metric: .shipmentsYoYPct), "global shipments 2026 (%)"),
        ("hm0148", .annualGlobal(year: 2026, metric: .shipmentsYoYPct), "global shipments 2026 (%)"),
        ("hm0149", .annualGlobal(year: 2026, metric: .shipmentsYoYPct), "global shipments 2026 (%)"),
        ("hm0150", .annualGlobal(year: 2026, metric: .shipmentsYoYPct), "global shipments 2026 (%)"),
        ("hm0152", .annualGlobal(year: 2026, metric: .shipmentsYoYPct), "global shipments 2026 (%)"),
        ("hm0154", .annualGlobal(year: 2026, metric: .shipmentsYoYPct), "global shipments 2026 (%)"),
        ("hm0159", .annualGlobal(year: 2026, metric: .shipmentsYoYPct), "global production 2026 (%)"),
        ("hm0160", .annualGlobal(year: 2026, metric: .shipmentsYoYPct), "global production 2026 (%)"),
        ("hm0115", .annualRegion(year: 2026, region: .china, metric: .shipmentsYoYPct), "China shipments 2026 (%)"),
        ("hm0685", .annualVendor(year: 2026, vendor: .apple, metric: .shipmentsYoYPct), "Apple SoC shipments 2026 (%)"),
        ("hm0735", .annualVendor(year: 2026, vendor: .mediaTek, metric: .sharePct), "MediaTek SoC share 2026 (%)"),
        ("hm0763", .annualVendor(year: 2026, vendor: .qualcomm, metric: .sharePct), "Qualcomm SoC share 2026 (%)"),
        ("hm0684", .annualVendor(year: 2026, vendor: .apple, metric: .sharePct), "Apple SoC share 2026 (%)"),
        ("hm0813", .annualVendor(year: 2026, vendor: .unisoc, metric: .sharePct), "UNISOC SoC share 2026 (%)"),
        ("hm0789", .annualVendor(year: 2026, vendor: .samsung, metric: .sharePct), "Samsung SoC share 2026 (%)"),
    ]

    /// The model's figure for a measure.
    public static func value(_ m: Measure, in r: ForecastResult) -> QuantileSummary? {
        func year(_ y: Int) -> PeriodFigures? { r.annual.first { $0.label == String(y) } }
        switch m {
        case let .annualGlobal(y, metric): return year(y).flatMap { scope($0.global, metric) }
        case let .annualRegion(y, region, metric): return year(y).flatMap { $0.regions[region].flatMap { scope($0, metric) } }
        case let .annualSegment(y, segment, metric): return year(y).flatMap { $0.segments[segment].flatMap { scope($0, metric) } }
        case let .annualVendor(y, v, metric):
            guard let f = year(y)?.socVendors[v] else { return nil }
            return metric == .sharePct ? f.sharePct : f.shipmentsYoYPct
        case let .annualSoCTotal(y): return year(y)?.global.shipmentsYoYPct   // one SoC per phone
        case let .derived(d): return r.derived[d.rawValue]
        }
    }

    static func scope(_ f: ScopeFigures, _ m: ScopeMetric) -> QuantileSummary? {
        switch m {
        case .memoryBOMSharePct: return f.memoryBOMSharePct
        case .aspYoYPct: return f.aspYoYPct
        case .shipmentsYoYPct: return f.shipmentsYoYPct
        }
    }

    /// Runs every case (and information row), one forecast per distinct as-of date.
    ///
    /// - Parameter runFor: makes the forecast for an as-of date (the CLI passes its options).
    ///   - only: run just these case ids (and no information rows); nil = everything.
    public static func run(observations: [String: [Observation]],
                           runFor: (CalendarDate) throws -> ForecastResult, only: Set<String>? = nil,
                           progress: ((_ runsDone: Int, _ runsTotal: Int) -> Void)? = nil) throws -> [Row] {
        func figure(_ id: String, _ dataset: String? = nil) throws -> Observation {
            for (name, rows) in observations where dataset == nil || name == dataset {
                if let o = rows.first(where: { $0.id == id }) { return o }
            }
            throw ForecastError.noData("published figure \(id) not found in the datasets")
        }
        // One forecast run per distinct as-of date, cases and information rows together.
        var dates = Set(cases.filter { only?.contains($0.id) ?? true }.map(\.asOf))
        if only == nil {
            for info in information { if let d = (try? figure(info.figureID))?.published?.latest { dates.insert(d) } }
        }
        var cache: [CalendarDate: ForecastResult] = [:]
        func result(_ d: CalendarDate) throws -> ForecastResult {
            if let r = cache[d] { return r }
            let r = try runFor(d)
            cache[d] = r
            progress?(cache.count, dates.count)
            return r
        }
        var out: [Row] = []
        for c in cases where only?.contains(c.id) ?? true {
            let o = try figure(c.figureID, c.dataset)
            let r = try result(c.asOf)
            let m = value(c.measure, in: r)
            let pass: Bool
            let tol: String
            switch c.criterion {
            case .within(let t):
                tol = "±\(MonteCarlo.fmt(t)) pt"
                pass = m.map { abs($0.p50 - (o.value ?? .nan)) <= t } ?? false
            case .inRange:
                tol = "in range"
                pass = m.map { (o.low ?? -.infinity) <= $0.p50 && $0.p50 <= (o.high ?? .infinity) } ?? false
            case .above:
                tol = "above"
                pass = m.map { $0.p50 > (o.low ?? .infinity) } ?? false
            case .lowestOfVendors:
                tol = "lowest"
                let all = SoCVendor.allCases.filter { $0 != .others }.compactMap {
                    value(.annualVendor(year: 2026, vendor: $0, metric: .shipmentsYoYPct), in: r)?.p50
                }
                pass = m.map { me in all.allSatisfy { $0 >= me.p50 } } ?? false
            }
            out.append(Row(id: c.id, title: c.title, figureID: c.figureID, publisher: o.publisher,
                           published: o.published.map { "\($0)" } ?? "", publishedText: c.criterion == .lowestOfVendors ? "lowest" : o.valueText,
                           asOf: "\(c.asOf)", model: m, tolerance: tol, pass: pass, extrapolation: r.extrapolationNotes,
                           passThrough: r.passThroughCalibration))
        }
        for info in information where only == nil {
            let o = try figure(info.figureID)
            guard let date = o.published?.latest else { continue }
            let r = try result(date)
            out.append(Row(id: "info", title: info.title, figureID: info.figureID, publisher: o.publisher,
                           published: o.published.map { "\($0)" } ?? "", publishedText: o.valueText, asOf: "\(date)",
                           model: value(info.measure, in: r), tolerance: nil, pass: nil))
        }
        return out
    }
}
