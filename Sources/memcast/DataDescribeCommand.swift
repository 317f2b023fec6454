import ArgumentParser
import Foundation
import MemcastData
import MemcastModels
import MemcastStatistics
import MemcastOutput

/// `memcast data describe FILE`: pandas-style describe of every numeric column.
struct DataDescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Count, mean, std, min, quartiles, max and missing values of each column of a CSV file.",
        discussion: """
        Statistics match pandas' describe(): std with n−1, quartiles by linear \
        interpolation, missing values (empty, NA) excluded and counted. Column types come \
        from the dataset's schema when the file is an embedded dataset (or --schema), and \
        are inferred otherwise (or with --infer).

        Examples:
          memcast data describe panel.csv
          memcast data describe memory_prices
          memcast data describe panel.csv --format json --threads 2
        """
    )

    @Argument(help: "A CSV file, or the name of a dataset.") var file: String
    @OptionGroup var datasets: DataOverlayOptions
    @Option(help: "Read with this dataset's schema.") var schema: String?
    @Flag(help: "Infer column types even when a schema is known.") var infer = false
    @Option(help: "Threads for parsing and statistics (results do not depend on it).") var threads: Int = 2
    @Option(help: "Output format: text, csv or json.") var format: DataFormat = .text

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if infer && schema != nil { throw ValidationError("--infer and --schema exclude each other") }
    }

    func run() throws {
        let (path, label) = try DataFileResolver.resolve(file, datasets: datasets)
        let chosen = try DataFileResolver.schema(named: schema, for: path, infer: infer)
        var options = CSVOptions()
        options.threads = threads
        let frame = try CSVLoader.load(path: path, label: label, schema: chosen, options: options)
        let summary = DataSummary(frame, threads: threads)
        print(DataRendering.summary(summary, source: label, format: format), terminator: "")
    }
}

/// Finds the file a data command names: a path, else a dataset in the catalog.
enum DataFileResolver {
    static func resolve(_ file: String, datasets: DataOverlayOptions) throws -> (path: String, label: String) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDir) {
            if isDir.boolValue { throw CLIError.dataError("\(file): is a folder, not a CSV file") }
            return (file, file)
        }
        if !file.contains("/"), let entry = try? datasets.catalog().entry(file) {
            return (entry.path, entry.label)
        }
        throw CLIError.noInput(path: file)
    }

    static func schema(named name: String?, for path: String, infer: Bool) throws -> CSVSchema? {
        if infer { return nil }
        if let name {
            guard let s = declared(name) else {
                let known = EmbeddedDatasets.schemas.keys.sorted() + ModelDatasets.schemas.keys.sorted()
                throw ValidationError("unknown schema '\(name)' (known: \(known.sorted().joined(separator: ", ")))")
            }
            return s
        }
        return declared(path)
    }

    /// The declared schema of a dataset name or file name: an observation dataset's or a model dataset's.
    static func declared(_ nameOrPath: String) -> CSVSchema? {
        if let s = EmbeddedDatasets.schema(for: nameOrPath) { return s }
        var base = (nameOrPath as NSString).lastPathComponent
        if base.hasSuffix(".csv") { base.removeLast(4) }
        return ModelDatasets.schemas[base]
    }

    /// The checks a forecast applies beyond the schema: row rules of the observation datasets,
    /// value ranges of the model datasets. Returns warnings (percent values typed as fractions).
    /// - Throws: `CLIError.dataError` with file:line and column.
    static func checkValues(_ frame: DataFrame, schema: CSVSchema) throws -> [String] {
        do {
            if EmbeddedDatasets.schemas[schema.name] != nil {
                let rows = try Observation.rows(of: frame, dataset: schema.name)
                if schema.name == "memory_prices" { try MemoryPriceRows.check(rows) }
                return Observation.fractionSuspects(rows)
            }
            try ModelDatasets.checkValues(dataset: schema.name, frame: frame)
            return []
        } catch let e as ForecastError { throw CLIError.dataError(e.description) }
    }
}
