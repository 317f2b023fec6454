import ArgumentParser
import Foundation
import MemcastData
import MemcastModels
import MemcastOutput

/// `memcast bom`: teardown-style BOM of chosen memory configurations under a scenario.
struct BOMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bom",
        abstract: "Teardown-style BOM of memory configurations: memory cost, share and price target by quarter.",
        discussion: """
        A configuration is TIER:DRAM+NAND in GB (tiers: entry, low_mid, mid, high, premium), e.g. \
        mid:12+256, with DRAM a whole number from \(Teardown.Config.dramGBRange.lowerBound) to \
        \(Teardown.Config.dramGBRange.upperBound) and NAND from \(Teardown.Config.nandGBRange.lowerBound) to \
        \(Teardown.Config.nandGBRange.upperBound). The tier gives the memory types, the non-memory BOM and the BOM-to-price \
        ratio (Datasets/handset_configs.csv); DRAM and NAND are costed at each quarter's \
        contract $/GB on the run's central path (published or pinned midpoints, else the \
        price equation without shocks). The price is the pass-through target at the run's \
        central π (wholesale; retail = wholesale ÷ 0.85), before the ASP trend and the \
        gradual line-up adjustment of `memcast forecast`.

        Examples:
          memcast bom
          memcast bom --scenario 2026-memory-shock --config mid:8+128 --config high:16+512
          memcast bom --as-of 2026-01-05 --quarter 2025Q1 --quarter 2026Q1 --format csv
        """)

    @OptionGroup var data: DatasetOptions

    @Option(help: ArgumentHelp("A named scenario (see `memcast scenario list`) or a .toml file.", valueName: "NAME|FILE"))
    var scenario: String = "as-published"

    @Option(help: ArgumentHelp("A configuration TIER:DRAM+NAND (GB); repeatable. Default: "
                               + Teardown.defaultConfigs.map(\.description).joined(separator: ", ") + ".",
                               valueName: "TIER:D+N"))
    var config: [String] = []

    @Option(help: ArgumentHelp("A quarter to cost; repeatable. Default: 2025Q1 2025Q4 2026Q1 2026Q2.", valueName: "YYYYQn"))
    var quarter: [String] = []

    /// The teardown is a table: no JSON form, so `--help` offers only these.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, md, csv
        var rendering: ForecastFormat { ForecastFormat(rawValue: rawValue)! }
    }

    @Option(help: "Output format.")
    var format: Format = .text

    func validate() throws {
        for c in config {
            do { _ = try Teardown.Config(parsing: c) } catch { throw ValidationError("--config '\(c)': \(error)") }
        }
        for q in quarter where Period(quarterText: q) == nil {
            throw ValidationError("--quarter '\(q)' is not a quarter; write e.g. 2026Q1")
        }
    }

    func run() throws {
        let quarters = quarter.isEmpty ? ["2025Q1", "2025Q4", "2026Q1", "2026Q2"] : quarter
        let configs = config.isEmpty ? Teardown.defaultConfigs : config.compactMap(Teardown.Config.init)
        let inputs = try ForecastRun.inputs(data: data, scenario: scenario)
        let lines = try ForecastRun.mappingErrors(scenario: scenario) {
            try Teardown.lines(inputs, configs: configs, quarters: quarters.compactMap(Period.init(quarterText:)))
        }
        let title = "memcast bom — scenario \(inputs.scenarioName), data as of \(inputs.asOfLabel), central π = "
            + String(format: "%.3f", inputs.passThrough.center) + " (the centre of its draw, \(inputs.passThrough.text))"
            + "\nUSD per phone; price = wholesale pass-through target, retail = price ÷ 0.85; price % vs \(inputs.anchorQuarter)"
        print(TeardownRendering.render(lines, title: title, format: format.rendering), terminator: "")
    }
}
