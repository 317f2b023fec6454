import ArgumentParser
import Foundation
import MemcastData
import MemcastOutput

/// `memcast data index SERIES`: the chained quarterly contract price index.
struct DataIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Quarterly contract price index chained from published QoQ changes (computed, flagged).",
        discussion: """
        I = 100 the quarter before the first change; each quarter multiplies by (1 + g/100) \
        with g the latest vintage known on --as-of (range midpoint). Quarters without the \
        series' own figure use a proxy series or 0% and are flagged (rules in \
        Datasets/README.md).

        Examples:
          memcast data index conventional_dram --as-of 2026-01-05
          memcast data index nand --format csv
        """
    )

    @Argument(help: "conventional_dram, pc_dram, server_dram, mobile_dram, nand or mobile_nand.") var series: String
    @OptionGroup var datasets: DatasetOptions
    @Option(help: "First quarter (e.g. 2016Q1).") var from: String?
    @Option(help: "Output format: text, csv or json.") var format: DataFormat = .text

    func run() throws {
        let rows = try datasets.catalog().observations("memory_prices")
        var start: Period?
        if let from {
            guard let p = Period(from), p.granularity == .quarter else { throw ValidationError("--from: expected a quarter like 2016Q1") }
            start = p
        }
        let index: ContractPriceIndex
        do {
            index = try ContractPriceIndex(series: series, observations: rows, asOf: datasets.asOf, from: start)
        } catch let f as ContractPriceIndex.Failure {
            if case .fromAfterData = f { throw CLIError.usage(f.description) }   // the option asks past the data
            throw CLIError.dataError(f.description)
        }
        print(DataRendering.index(index, format: format), terminator: "")
    }
}
