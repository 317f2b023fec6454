import ArgumentParser
import Foundation
import MemcastData

/// `memcast data validate FILE`: checks a CSV file against a schema (or reads it with inferred types).
struct DataValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a CSV file: quoting, field counts, types, periods, declared units, unique keys.",
        discussion: """
        Prints every problem (up to --max-errors) as FILE:LINE: column 'NAME': what was \
        expected, and exits with status 65 when there is any. Values are checked, not \
        kept, so memory stays small even for very large files.

        Examples:
          memcast data validate my_prices.csv --schema memory_prices
          memcast data validate Datasets/handset_market.csv
        """
    )

    @Argument(help: "A CSV file, or the name of a dataset.") var file: String
    @OptionGroup var datasets: DataOverlayOptions
    @Option(help: "Check against this dataset's schema (default: the file's own, when it is a dataset).")
    var schema: String?
    @Option(help: "Stop after this many problems.") var maxErrors: Int = 20

    func validate() throws {
        if maxErrors < 1 { throw ValidationError("--max-errors must be at least 1") }
    }

    func run() throws {
        let (path, label) = try DataFileResolver.resolve(file, datasets: datasets)
        let chosen = try DataFileResolver.schema(named: schema, for: path, infer: false)
        var options = CSVOptions()
        options.maxIssues = maxErrors
        // Unique keys need the values; otherwise check without keeping them.
        options.keepValues = !(chosen?.uniqueKey.isEmpty ?? true)
        let frame = try CSVLoader.load(path: path, label: label, schema: chosen, options: options)
        // The checks a forecast applies beyond the schema (value ranges, low ≤ high), and hints.
        if let chosen, options.keepValues {
            for w in try DataFileResolver.checkValues(frame, schema: chosen) {
                FileHandle.standardError.write(Data("warning: \(w)\n".utf8))
            }
        }
        let rows = options.keepValues ? String(frame.rowCount) + " rows, " : ""
        print("\(label): ok (\(rows)\(frame.names.count) columns, schema \(chosen?.name ?? "inferred"))")
    }
}
