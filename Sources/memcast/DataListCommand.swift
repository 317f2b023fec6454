import ArgumentParser
import Foundation
import MemcastData
import MemcastOutput

/// `memcast data list`: datasets with rows, coverage and publishers.
struct DataListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the datasets: rows, periods covered, publication dates, publishers.",
        discussion: """
        With --as-of, counts only what was known on that date (latest vintage per figure).

        Examples:
          memcast data list
          memcast data list --as-of 2026-01-05 --format json
          memcast data list --data my_datasets/
        """
    )

    @OptionGroup var datasets: DatasetOptions
    @Option(help: "Output format: text, csv or json.") var format: DataFormat = .text

    func run() throws {
        let catalog = try datasets.catalog()
        var lines: [DataRendering.DatasetLine] = []
        for entry in catalog.entries {
            let origin = entry.fromOverlay ? "--data" : "embedded"
            if entry.schema != nil {
                var rows = try catalog.observations(entry.name)
                if let date = datasets.asOf { rows = VintageSelection.latest(rows, asOf: date) }
                lines.append(.init(name: entry.name, rows: rows, origin: origin))
            } else {
                // A file memcast has no schema for: rows only.
                let frame = try catalog.load(entry.name)
                lines.append(.init(name: entry.name, rows: frame.rowCount, origin: origin))
            }
        }
        print(DataRendering.datasets(lines, format: format), terminator: "")
    }
}
