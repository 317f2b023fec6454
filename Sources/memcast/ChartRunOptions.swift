import ArgumentParser
import Foundation
import MemcastData
import MemcastModels
import MemcastOutput

/// Options shared by `memcast chart` and `memcast report`: which run to draw.
struct ChartRunOptions: ParsableArguments {
    @OptionGroup var data: DatasetOptions

    @Option(help: ArgumentHelp("A named scenario (see `memcast scenario list`) or a .toml file.", valueName: "NAME|FILE"))
    var scenario: String = "as-published"

    @Option(help: ArgumentHelp("Last quarter to forecast.", valueName: "YYYYQn"))
    var horizon: String = ForecastInputs.defaultHorizon.description

    @Option(help: "Monte Carlo draws of the main run.")
    var draws: Int = MonteCarlo.defaultDraws

    @Option(help: "Draws of each companion run (sensitivity, as-of vintages, published-figure comparison).")
    var companionDraws: Int = 1000

    @Option(help: "Random seed (the same seed reproduces a chart exactly).")
    var seed: UInt64 = MonteCarlo.defaultSeed

    func validate() throws {
        guard Period(quarterText: horizon) != nil else {
            throw ValidationError("--horizon '\(horizon)' is not a quarter; write e.g. 2027Q4")
        }
        guard (1...2_000_000).contains(draws), (1...2_000_000).contains(companionDraws) else {
            throw ValidationError("--draws and --companion-draws must be between 1 and 2000000")
        }
    }
}

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
        result = try ForecastRun.run(data: options.data, scenario: options.scenario, horizon: horizon(options),
                                     draws: options.draws, seed: options.seed)
        catalog = try options.data.catalog()
        var obs: [String: [Observation]] = [:]
        for name in ChartRun.observationDatasets where catalog.entry(name) != nil { obs[name] = try catalog.observations(name) }
        observations = obs
    }

    /// Without --as-of the run uses every vintage; the note then names the newest publication date.
    var source: ChartSource {
        var asOf = result.asOf
        if options.data.asOf == nil, let newest = observations.values.flatMap({ $0.compactMap { $0.published?.earliest } }).max() {
            asOf = "\(newest) (latest vintages)"
        }
        return ChartSource(datasets: ChartRun.observationDatasets.filter { observations[$0] != nil } + ["calibration"],
                           asOf: asOf, scenario: result.scenario)
    }

    func companion(asOf: CalendarDate?) throws -> ForecastResult {
        try ForecastRun.run(data: options.data, scenario: options.scenario, horizon: horizon(options),
                            draws: options.companionDraws, seed: options.seed, asOf: .some(asOf))
    }

    func inputs() throws -> ForecastInputs {
        let store = ScenarioStore(datasetsDirectory: catalog.embeddedDirectory)
        return try ForecastInputs.build(catalog: catalog, scenario: try store.load(options.scenario),
                                        asOf: options.data.asOf, horizon: horizon(options))
    }

    var firstForecastYear: Int { (result.annual.first.flatMap { Int($0.label) } ?? 2025) + 1 }

    // MARK: charts

    func fan(_ measure: ForecastCharts.FanMeasure, _ scope: ForecastCharts.Scope, id: String) throws -> Chart {
        let first = result.quarterly.first.flatMap { Period(quarterText: $0.label) } ?? Period(year: firstForecastYear - 1, quarter: 1)
        let history = ObservedHistory.load(memoryPrices: observations["memory_prices"] ?? [], handsetMarket: observations["handset_market"] ?? [],
                                           asOf: options.data.asOf, from: first.advanced(by: -12), before: first)
        return try FanChart.make(ForecastCharts.fan(result, measure: measure, scope: scope, history: history, source: source), id: id)
    }

    func bom(id: String) throws -> Chart {
        try BOMBarsChart.make(ForecastCharts.bom(result, source: source), id: id)
    }

    func vendors(year: Int?, id: String) throws -> Chart {
        let published = ForecastCharts.publishedVendorFigures(observations: observations, asOf: options.data.asOf)
        return try VendorBarsChart.make(ForecastCharts.vendors(result, year: year ?? firstForecastYear, published: published, source: source), id: id)
    }

    /// Sensitivity of the first forecast year's global shipments change (or ASP change).
    func tornado(output: TornadoOutput, id: String) throws -> Chart {
        let year = String(firstForecastYear)
        let measures: [(ForecastResult) -> Double?] = [
            { $0.annual.first { $0.label == year }?.global.shipmentsYoYPct?.p50 },
            { $0.annual.first { $0.label == year }?.global.aspYoYPct?.p50 },
        ]
        let s = try ForecastSensitivity.run(inputs: inputs(), draws: options.companionDraws, seed: options.seed, measures: measures)
        let k = output == .shipments ? 0 : 1
        guard s.baseline[k].isFinite else {
            throw ChartError.noData(chart: .tornado, what: "\(year) global \(output.rawValue) change: the run has no \(year)")
        }
        let name = output == .shipments ? "\(year) global shipments" : "\(year) global ASP"
        return try TornadoChart.make(TornadoData(
            title: "What moves \(name)", output: name, unit: "% change YoY (p50)", baseline: s.baseline[k],
            bars: s.rows.map { .init(name: $0.name, outputAtLow: $0.low[k], outputAtHigh: $0.high[k]) }, source: source), id: id)
    }

    /// memcast's first-forecast-year global shipments change as of each of the last
    /// `months` month-ends, beside the trackers' published vintages of the same figure.
    func vintage(months: Int = 6, id: String) throws -> Chart {
        let year = firstForecastYear
        let handset = observations["handset_market"] ?? []
        let published = handset.filter {
            $0.periodText == String(year) && $0.metric == "yoy_pct" && $0.entity == "global" && $0.region == "global"
                && ($0.series == "forecast_revision" || $0.series == "shipments") && ($0.kind == .forecast || $0.kind == .revisedForecast)
                && ($0.published.map { p in options.data.asOf.map { p.latest <= $0 } ?? true } ?? false)
        }
        let end = options.data.asOf ?? published.compactMap { $0.published?.latest }.max()
        var model: [(asOf: String, figure: QuantileSummary)] = []
        if let end {
            for k in stride(from: months - 1, through: 0, by: -1) {
                let d = k == 0 ? end : ChartRun.monthEnd(end, monthsBefore: k)
                if let f = try companion(asOf: d).annual.first(where: { $0.label == String(year) })?.global.shipmentsYoYPct {
                    model.append(("\(d)", f))
                }
            }
        }
        return try VintageChart.make(ForecastCharts.vintage(
            title: "How the \(year) shipment forecast moved", unit: "\(year) global shipments, % change YoY",
            model: model, modelName: "memcast as of each date", published: published, source: source), id: id)
    }

    static func monthEnd(_ d: CalendarDate, monthsBefore k: Int) -> CalendarDate {
        let total = d.year * 12 + (d.month - 1) - k
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y))!
    }

    /// Maps chart and output errors to the CLI's exit statuses (64, 73).
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ChartError {
            throw ValidationError(e.description)
        } catch let e as OutputFileError {
            throw CLIError.cannotCreateOutput(path: e.path, reason: e.reason)
        }
    }
}

private func horizon(_ o: ChartRunOptions) -> Period { Period(quarterText: o.horizon)! }

/// Which output the tornado chart explains.
enum TornadoOutput: String, CaseIterable, ExpressibleByArgument {
    case shipments, asp
}

extension ChartKind: ExpressibleByArgument {}
extension ForecastCharts.FanMeasure: ExpressibleByArgument {}
