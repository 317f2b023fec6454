import ArgumentParser
import Foundation
import MemcastData
import MemcastModels
import MemcastOutput

extension ForecastFormat: ExpressibleByArgument {}

/// `memcast forecast`: the chain from memory prices to SoC vendors, with uncertainty.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast memory share of BOM, ASP, shipments and SoC vendors by quarter and year.",
        discussion: """
        The chain: DRAM/NAND contract prices (scenario, else the latest published vintage as of \
        --as-of, else the supply–demand model) → OEM memory cost and BOM by segment and region → \
        ASP (pass-through) → shipments (elasticities) → SoC vendor shipments and shares. \
        Every output is a Monte Carlo p05/p50/p95. The notes list the calibration (π is fitted on \
        the launch-price pairs of Datasets/launch_prices.csv published by --as-of), the memory \
        parts that follow their own contract calls, and any price projection that starts beyond \
        the fitted equation's sample.

        Examples:
          memcast forecast
          memcast forecast --scenario 2026-memory-shock --horizon 2027Q4
          memcast forecast --scenario flat-after-published --as-of 2026-01-28
          memcast forecast --as-of 2026-01-05 --format json
          memcast forecast --draws 50000 --seed 7 --out results/
        """)

    @OptionGroup var options: RunOptions

    @Option(help: "Output format.")
    var format: ForecastFormat = .text

    @Option(help: ArgumentHelp("Write forecast.txt/.json/.csv/.md into DIR (all or none) instead of printing.", valueName: "DIR"))
    var out: String?

    func run() throws {
        let result = try options.result()
        if let out {
            let files = ForecastFormat.allCases.map { ("forecast.\($0.fileExtension)", ForecastRendering.render(result, as: $0)) }
            do { try OutputSet.write(files, into: out) } catch let f as OutputSet.Failure {
                throw CLIError.cannotCreateOutput(path: f.path, reason: f.reason)
            }
            let paths = files.map { (out as NSString).appendingPathComponent($0.0) }   // as backtest --out: no "DIR//file"
            FileHandle.standardError.write(Data("wrote \(paths.joined(separator: ", "))\n".utf8))
        } else {
            print(ForecastRendering.render(result, as: format), terminator: "")
        }
    }
}

/// What `forecast` and `validate` share: resolving inputs and mapping errors to exit codes.
enum ForecastRun {
    /// - Parameter showsProgress: false when the caller reports progress over several runs itself.
    static func run(data: DatasetOptions, scenario name: String, horizon: Period, draws: Int, seed: UInt64,
                    asOf: CalendarDate?? = nil, showsProgress: Bool = true) throws -> ForecastResult {
        let inputs = try self.inputs(data: data, scenario: name, horizon: horizon, asOf: asOf)
        return try mappingErrors(scenario: name) {
            let engine = try ForecastEngine(inputs: inputs)
            try MonteCarlo.checkMemory(engine, draws: draws)
            return MonteCarlo.run(engine, draws: draws, seed: seed,
                                  progress: showsProgress ? Progress.reporter(total: draws) : nil)
        }
    }

    /// The run's inputs: the scenario (name or file) over the datasets as of `asOf` (else `data.asOf`).
    static func inputs(data: DatasetOptions, scenario name: String, horizon: Period? = nil,
                       asOf: CalendarDate?? = nil) throws -> ForecastInputs {
        let catalog = try data.catalog()
        let store = ScenarioStore(datasetsDirectory: catalog.embeddedDirectory)
        return try mappingErrors(scenario: name) {
            try ForecastInputs.build(catalog: catalog, scenario: try store.load(name), asOf: asOf ?? data.asOf,
                                     horizon: horizon, today: DatasetOptions.today())
        }
    }

    /// Maps the model layer's errors to exit codes: usage (64) for a bad option, else data (65) or no input (66).
    /// Found while running, so no usage line: the message names the option to change.
    static func mappingErrors<T>(scenario name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as ScenarioStore.Failure {
            if case .unknown = e { throw CLIError.usage(e.description) }
            throw CLIError.noInput(path: name)
        } catch let e as TOMLError {
            throw CLIError.dataError(e.description)
        } catch let e as ForecastError {
            switch e {
            case .invalidInputs(let m) where m.hasPrefix("--"): throw CLIError.usage(m)
            default: throw CLIError.dataError(e.description)
            }
        } catch let e as CSVError {
            throw CLIError.dataError(e.description)
        } catch let e as CSVIssue {
            throw CLIError.dataError(e.description)
        }
    }
}

/// Progress on stderr for any run that takes more than a second, only when stderr is a terminal
/// (`ProgressLine`). `MEMCAST_PROGRESS_DELAY` (seconds) overrides the delay, for tests.
enum Progress {
    static func reporter(total: Int, unit: String = "draws") -> (@Sendable (Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let delay = ProcessInfo.processInfo.environment["MEMCAST_PROGRESS_DELAY"].flatMap(Double.init) ?? 1
        let line = ProgressLine(total: total, unit: unit, delaySeconds: delay)
        let start = Date()
        return { done in
            if let s = line.update(done: done, elapsed: Date().timeIntervalSince(start)) {
                FileHandle.standardError.write(Data(s.utf8))
            }
        }
    }
}
