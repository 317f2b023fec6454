import ArgumentParser
import Foundation
import MemcastData
import MemcastOutput

/// `--data DIR`: which datasets a command reads. Commands for which a publication date means
/// nothing (data validate/describe, scenario, validate) take only this; the rest take `DatasetOptions`.
struct DataOverlayOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(
        "A folder of CSV files laid over the embedded datasets (same-named files replace them).",
        valueName: "DIR"))
    var dataDirectory: String?

    /// The datasets visible with this overlay.
    func catalog() throws -> DatasetCatalog {
        do { return try DatasetCatalog(overlay: dataDirectory) } catch let issue as CSVIssue {
            if let dir = dataDirectory, !FileManager.default.fileExists(atPath: dir) { throw CLIError.noInput(path: dir) }
            throw CLIError.dataError(issue.description)
        }
    }
}

/// `--data DIR` and `--as-of DATE`: which datasets a command reads and what was known when.
/// Shared by the commands whose result depends on the date (data list/show/index, bom, forecast, backtest).
struct DatasetOptions: ParsableArguments {
    @OptionGroup var overlay: DataOverlayOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Use only what was published on or before DATE, latest vintage per figure (YYYY-MM-DD). A date known only to the month counts at the month's end.",
        valueName: "DATE"), transform: DatasetOptions.date)
    var asOf: CalendarDate?

    /// These options for `overlay` with no `--as-of` (each run then picks its own date).
    static func undated(_ overlay: DataOverlayOptions) throws -> DatasetOptions {
        try DatasetOptions.parse(overlay.dataDirectory.map { ["--data", $0] } ?? [])
    }

    /// A calendar date as `--as-of` takes it; the error says the form expected.
    static func date(_ text: String) throws -> CalendarDate {
        guard let d = CalendarDate(text) else { throw ValidationError("write a calendar date as YYYY-MM-DD, e.g. 2026-02-28") }
        return d
    }

    /// The datasets visible with these options.
    func catalog() throws -> DatasetCatalog { try overlay.catalog() }

    /// Today on this machine's clock and time zone, for the note on an `--as-of` in the future.
    static func today() -> CalendarDate? {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0)
    }

    /// Rows of a dataset with the as-of rule applied (all vintages when no date and `latestOnly` is false).
    func observations(_ name: String, latestOnly: Bool = false, perPublisher: Bool = false) throws -> [Observation] {
        let rows = try catalog().observations(name)
        if asOf != nil || latestOnly { return VintageSelection.latest(rows, asOf: asOf, perPublisher: perPublisher) }
        return rows
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension DataFormat: ExpressibleByArgument {}
