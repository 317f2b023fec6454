import ArgumentParser
import Foundation
import MemcastData
import MemcastModels
import MemcastOutput

/// Everything the charts and the report draw from: the main run, its inputs, the
/// datasets' rows, and (on demand) the companion runs.
struct ChartRun {
    let options: ChartRunOptions
    let result: ForecastResult
    let catalog: DatasetCatalog
    let observations: [String: [Observation]]

    static let observationDatasets = ["memory_prices", "handset_market", "seed_figures", "supply_demand"]

    init(_ options: ChartRunOptions) throws {
        self.options = options
        result = try options.run.result()
        catalog = try options.run.data.catalog()
        var obs: [String: [Observation]] = [:]
        for name in ChartRun.observationDatasets where catalog.entry(name) != nil { obs[name] = try catalog.observations(name) }
        observations = obs
    }

    /// Without --as-of the run uses every vintage; the note then names the newest publication date.
    var source: ChartSource {
        var asOfText = result.asOf
        if asOf == nil, let newest = observations.values.flatMap({ $0.compactMap { $0.published?.earliest } }).max() {
            asOfText = "\(newest) (latest vintages)"
        }
        return ChartSource(datasets: ChartRun.observationDatasets.filter { observations[$0] != nil } + ["calibration"],
                           asOf: asOfText, scenario: result.scenario)
    }

    func companion(asOf: CalendarDate?) throws -> ForecastResult {
        try options.run.result(asOf: .some(asOf), draws: options.companionDraws)
    }

    func inputs() throws -> ForecastInputs {
        let store = ScenarioStore(datasetsDirectory: catalog.embeddedDirectory)
        return try ForecastInputs.build(catalog: catalog, scenario: try store.load(options.run.scenario),
                                        asOf: asOf, horizon: options.run.horizonQuarter, today: DatasetOptions.today())
    }

    /// `--as-of`, when given.
    var asOf: CalendarDate? { options.run.data.asOf }

    var firstForecastYear: Int { (result.annual.first.flatMap { Int($0.label) } ?? 2025) + 1 }

    // MARK: charts

    func fan(_ measure: ForecastCharts.FanMeasure, _ scope: ForecastCharts.Scope, id: String) throws -> Chart {
        let first = result.quarterly.first.flatMap { Period(quarterText: $0.label) } ?? Period(year: firstForecastYear - 1, quarter: 1)
        let history = ObservedHistory.load(memoryPrices: observations["memory_prices"] ?? [], handsetMarket: observations["handset_market"] ?? [],
                                           asOf: asOf, from: first.advanced(by: -12), before: first)
        return try FanChart.make(ForecastCharts.fan(result, measure: measure, scope: scope, history: history, source: source), id: id)
    }

    func bom(id: String) throws -> Chart {
        try BOMBarsChart.make(ForecastCharts.bom(result, source: source), id: id)
    }

    func vendors(year: Int?, id: String) throws -> Chart {
        let published = ForecastCharts.publishedVendorFigures(observations: observations, asOf: asOf)
        return try VendorBarsChart.make(ForecastCharts.vendors(result, year: year ?? firstForecastYear, published: published, source: source), id: id)
    }

    /// Sensitivity of the first forecast year's global shipments change (or ASP change).
    func tornado(output: TornadoOutput, id: String) throws -> Chart {
        let year = String(firstForecastYear)
        let measures: [(ForecastResult) -> Double?] = [
            { $0.annual.first { $0.label == year }?.global.shipmentsYoYPct?.p50 },
            { $0.annual.first { $0.label == year }?.global.aspYoYPct?.p50 },
        ]
        let s = try ForecastSensitivity.run(inputs: inputs(), draws: options.companionDraws, seed: options.run.seed, measures: measures)
        let k = output == .shipments ? 0 : 1
        guard s.baseline[k].isFinite else {
            throw ChartError.noData(chart: .tornado, what: "\(year) global \(output.rawValue) change: the run has no \(year) (check --horizon)")
        }
        let name = output == .shipments ? "\(year) global shipments" : "\(year) global ASP"
        return try TornadoChart.make(TornadoData(
            title: "What moves \(name)", output: name, unit: "% change YoY (p50)", baseline: s.baseline[k],
            bars: s.rows.map { .init(name: $0.name, outputAtLow: $0.low[k], outputAtHigh: $0.high[k]) }, source: source), id: id)
    }

    /// memcast's first-forecast-year global shipments change as of each of the last
    /// `months` month-ends, beside the trackers' published vintages of the same figure;
    /// below, TrendForce's call on that year's first-quarter DRAM contract price as it
    /// was revised (the price shock the shipments forecast answers to).
    func vintage(months: Int = 6, id: String) throws -> Chart {
        let year = firstForecastYear
        let published = ForecastCharts.shipmentCalls(observations["handset_market"] ?? [], year: year, asOf: asOf)
        let quarter = Period(year: year, quarter: 1)
        let calls = ForecastCharts.contractCalls(observations["memory_prices"] ?? [], quarter: quarter, asOf: asOf)
        let end = VintageSelection.dataDate(published, asOf: asOf)
        var model: [(asOf: String, figure: QuantileSummary)] = []
        if let end {
            for k in stride(from: months - 1, through: 0, by: -1) {
                let d = k == 0 ? end : ChartRun.monthEnd(end, monthsBefore: k)
                if let f = try companion(asOf: d).annual.first(where: { $0.label == String(year) })?.global.shipmentsYoYPct {
                    model.append(("\(d)", f))
                }
            }
        }
        let q = "1Q\(String(year).suffix(2))"
        return try VintageChart.make(ForecastCharts.vintage(
            title: calls.isEmpty ? "How the \(year) shipment forecast moved" : "How the \(year) shipment forecast and the \(q) DRAM call moved",
            unit: "\(year) global shipments, % change YoY",
            model: model, modelName: "memcast as of each date", published: published,
            lower: .init(name: "TrendForce \(q) DRAM call", unit: "TrendForce's \(q) conventional DRAM contract price call, % change QoQ", calls: calls),
            source: source), id: id)
    }

    static func monthEnd(_ d: CalendarDate, monthsBefore k: Int) -> CalendarDate {
        let total = d.year * 12 + (d.month - 1) - k
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y))!
    }

    /// Maps chart and output errors to the CLI's exit statuses: a chart asking for data
    /// the run did not produce is a usage error (64), an output that cannot be written 73.
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ChartError {
            throw CLIError.usage(e.description)
        } catch let e as OutputFileError {
            throw CLIError.cannotCreateOutput(path: e.path, reason: e.reason)
        }
    }
}
