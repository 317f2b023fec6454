import ArgumentParser
import Foundation
import MemcastData
import MemcastModels
import MemcastOutput

/// `memcast data show NAME`: the rows of a dataset, optionally as known on a date.
struct DataShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a dataset's rows (every vintage, or the latest known on --as-of).",
        discussion: """
        Without --as-of every vintage is shown (first forecast, revisions, realized). \
        With --as-of only rows published by then, and per figure the latest of them \
        (rules in Datasets/README.md). --latest applies that rule to all dated rows.

        Examples:
          memcast data show memory_prices --series conventional_dram --period 2026Q1
          memcast data show memory_prices --series conventional_dram --as-of 2026-02-02
          memcast data show handset_market --series forecast_revision --period 2026 --as-of 2026-02-01 --per-publisher
          memcast data show handset_market --series shipments --format csv
          memcast data show price_equation --as-of 2026-02-02

        price_equation is derived, not stored: the rows the forecast's price equation is \
        fitted on as of --as-of (`memcast fit --dataset price_equation` regresses them).
        """
    )

    @Argument(help: "Dataset name (memory_prices, handset_market, supply_demand, seed_figures, the model tables handset_configs, calibration, soc_segment_mix and launch_prices, the derived price_equation, or a file in --data).")
    var name: String
    @OptionGroup var datasets: DatasetOptions
    @Option(help: "Only this series (memory_prices) or topic (other datasets); repeatable.")
    var series: [String] = []
    @Option(help: "Only this period (e.g. 2026Q1); repeatable.") var period: [String] = []
    @Flag(help: "Latest vintage per figure among all dated rows.") var latest = false
    @Flag(help: "With --as-of or --latest: keep each publisher's latest vintage, not one per figure.")
    var perPublisher = false
    @Option(help: "Output format: text, csv or json.") var format: DataFormat = .text

    func run() throws {
        let catalog = try datasets.catalog()
        if name == PriceEquationTable.datasetName {
            guard format != .json else { throw ValidationError("\(name) is shown as text or csv") }
            do {
                print(DataRendering.frame(try PriceEquationTable.frame(catalog: catalog, asOf: datasets.asOf), format: format),
                      terminator: "")
            } catch let e as ForecastError { throw CLIError.dataError(e.description) }
            return
        }
        guard let entry = catalog.entry(name) else {
            throw CLIError.dataError("no dataset '\(name)' (available: \(catalog.entries.map(\.name).joined(separator: ", ")))")
        }
        // Model datasets are tables, not dated observations: shown whole, checked as a forecast checks them.
        if let schema = ModelDatasets.schemas[entry.name] {
            guard format != .json else { throw ValidationError("\(name) is shown as text or csv") }
            guard series.isEmpty, period.isEmpty, !latest, datasets.asOf == nil else {
                throw ValidationError("\(name) has no vintages or series: --series, --period, --latest and --as-of do not apply")
            }
            let frame = try CSVLoader.load(path: entry.path, label: entry.label, schema: schema)
            _ = try DataFileResolver.checkValues(frame, schema: schema)
            print(DataRendering.frame(frame, format: format), terminator: "")
            return
        }
        guard entry.schema != nil else {
            throw CLIError.dataError("'\(name)' has no declared schema; use `memcast data describe \(entry.path)`")
        }
        var rows = try datasets.observations(entry.name, latestOnly: latest, perPublisher: perPublisher)
        if !series.isEmpty {
            // A misspelt series would print "0 rows" as if the data had nothing: name the known ones.
            let known = Set(try datasets.catalog().observations(entry.name).map(\.series))  // all dates, not just --as-of's
            if let unknown = series.first(where: { !known.contains($0) }) {
                throw CLIError.usage("--series '\(unknown)' is not a series of \(entry.name); known: "
                                     + known.sorted().joined(separator: ", "))
            }
            rows = rows.filter { series.contains($0.series) }
        }
        if !period.isEmpty { rows = rows.filter { period.contains($0.periodText) } }
        print(DataRendering.observations(rows, format: format), terminator: "")
    }
}
