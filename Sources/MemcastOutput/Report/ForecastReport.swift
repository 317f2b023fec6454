import MemcastData
import MemcastModels

/// Builds the standard forecast report from one run and its companions
/// (validation rows, dataset observations); the charts come ready-made.
public enum ForecastReport {
    /// `p50 [p05, p95]` with one decimal, e.g. `−6.1 [−8.0, −4.2]`; signed for changes.
    static func q(_ s: QuantileSummary?, signed: Bool = false, decimals: Int = 1) -> String {
        guard let s, s.p50.isFinite else { return "–" }
        let f = { ChartNumberFormat.format($0, decimals: decimals, signed: signed) }
        return "\(f(s.p50)) [\(f(s.p05)), \(f(s.p95))]"
    }

    /// The headline year: the run's first forecast year, as annual figures.
    public static func headline(_ r: ForecastResult) -> [ReportTable] {
        guard let year = ForecastCharts.firstForecastYear(r), let f = r.annual.first(where: { $0.label == String(year) }) else {
            return []
        }
        var rows = [scopeRow("global", f.global)]
        rows += Segment.allCases.compactMap { s in f.segments[s].map { scopeRow(indent + s.rawValue, $0) } }
        rows += Region.allCases.compactMap { g in f.regions[g].map { scopeRow(indent + g.rawValue, $0) } }
        let scopes = ReportTable(caption: "\(year): memory share of BOM, ASP and shipments (p50 [p05, p95])", columns: [
            .init("scope"), .init("memory % of BOM", .right), .init("ASP change %", .right),
            .init("shipments, million", .right), .init("shipments change %", .right),
        ], rows: rows, notes: ["Changes are against \(year - 1); segment and region figures are volume-weighted."])
        let vendors = ReportTable(caption: "\(year): SoC vendors (p50 [p05, p95])", columns: [
            .init("vendor"), .init("shipments change %", .right), .init("share %", .right),
        ], rows: ForecastRendering.reportedVendors(r).compactMap { v in
            f.socVendors[v].map { [v.rawValue, q($0.shipmentsYoYPct, signed: true), q($0.sharePct)] }
        })
        return [scopes, vendors]
    }

    /// Non-breaking spaces: HTML collapses ordinary ones.
    static let indent = "\u{00A0}\u{00A0}\u{00A0}"

    static func scopeRow(_ name: String, _ s: ScopeFigures) -> [String] {
        [name, q(s.memoryBOMSharePct), q(s.aspYoYPct, signed: true), q(s.shipmentsM, decimals: 0), q(s.shipmentsYoYPct, signed: true)]
    }

    /// Contract price inputs per quarter and where they came from.
    public static func scenarioInputs(_ r: ForecastResult) -> ReportTable {
        ReportTable(caption: "Scenario \(r.scenario): contract price inputs", columns: [.init("quarter"), .init("memory"), .init("input and source")],
                    rows: r.priceInputs.map { ["\($0.quarter)", $0.kind.rawValue.uppercased(), $0.source] },
                    notes: r.notes)
    }

    /// Every parameter with its value or distribution and where it comes from.
    public static func calibration(_ r: ForecastResult) -> ReportTable {
        ReportTable(caption: "Parameters and calibration (Datasets/calibration.csv, scenario overrides)",
                    columns: [.init("parameter"), .init("value or distribution"), .init("source")],
                    rows: r.parameters.map { [$0.name, $0.value, $0.source] })
    }

    /// Per dataset: rows, rows published by the as-of date, the newest publication used.
    public static func dataVintages(_ observations: [String: [Observation]], asOf: CalendarDate?) -> ReportTable {
        let rows = observations.keys.sorted().map { name -> [String] in
            let all = observations[name]!
            let known = asOf.map { VintageSelection.known(all, asOf: $0) } ?? all
            let newest = known.compactMap { $0.published?.latest }.max()
            return [name, "\(all.count)", "\(known.count)", newest.map { "\($0)" } ?? "–"]
        }
        return ReportTable(caption: "Data vintages" + (asOf.map { " as of \($0)" } ?? " (latest)"),
                           columns: [.init("dataset"), .init("rows", .right), .init("rows published by as-of", .right), .init("newest publication used", .right)],
                           rows: rows, notes: ["A row counts as published when its latest possible publication day is on or before the as-of date."])
    }

    /// Published figures beside the model's, each model run as of the figure's date.
    public static func comparison(_ rows: [Validation.Row]) -> ReportTable {
        ReportTable(caption: "Published figures and memcast (each model run as of the figure's publication date)", columns: [
            .init("figure"), .init("publisher"), .init("published", wraps: false), .init("value", .right), .init("model as of", wraps: false),
            .init("model p50 [p05, p95]", .right), .init("tolerance", .center), .init("result", .center),
        ], rows: rows.map { r in
            [r.title, r.publisher, r.published, r.publishedText, r.asOf, q(r.model, signed: false),
             r.tolerance ?? "info", r.pass.map { $0 ? "pass" : "MISS" } ?? "–"]
        }, notes: ["Cases (with a tolerance) are issue 5's tests; 'info' rows are tracker vintages shown for comparison.",
                   "A MISS is reported as it is; tolerances are never widened (see `memcast validate`)."])
    }

    public static func document(result r: ForecastResult, charts: [(Chart, caption: String)], vintages: ReportTable,
                                comparison: ReportTable, generator: String) -> ReportDocument {
        let headline = headline(r)
        var doc = ReportDocument.forecast(
            title: "memcast forecast: \(r.scenario), " + (r.asOf == "latest" ? "latest data" : "as of \(r.asOf)"),
            facts: ["scenario \(r.scenario)", r.asOf == "latest" ? "every vintage in the datasets" : "data as of \(r.asOf)", "\(ChartNumberFormat.format(Double(r.draws), decimals: 0)) draws, seed \(r.seed)", generator],
            headline: headline.first ?? ReportTable(caption: "headline", columns: [.init("–")], rows: []),
            charts: charts, scenarioInputs: scenarioInputs(r), calibration: calibration(r), vintages: vintages,
            comparison: comparison)
        if headline.count > 1 { doc.sections[0].blocks += headline.dropFirst().map { .table($0) } }
        return doc
    }
}
