import ArgumentParser
import Foundation
import MemcastData
import MemcastModels
import MemcastOutput

/// `memcast backtest`: rolling-origin evaluation of every stage against naive baselines
/// and the trackers' own calls.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score the model's past forecasts against what was realized, beside naive baselines and the trackers.",
        discussion: """
        For each origin quarter O from --from to --to, only rows published by the last day \
        of O are visible; the model is re-estimated on them and forecasts O+1…O+H. Each \
        forecast is scored against the value realized later (the latest estimate or actual \
        published by --as-of, default: everything). For contract prices the model is also \
        scored as model_then_flat (the scenario rule [prices] unpublished = "model_then_flat": \
        the equation for the first quarter after the last known one, then a flat price with \
        its shocks), as model_by_horizon (the scenario option [prices] shocks = "by_horizon": \
        the same point forecasts, each step's shock widened to the equation's k-step misses), \
        and as the forecast's own path: calls_then_model and \
        calls_then_model_then_flat take TrendForce's latest call for each quarter that had one \
        by the origin date, then carry on from the last call. Baselines: naive (last value), drift, \
        no change (a flat price, for contract price changes), \
        seasonal naive for seasonal series; tracker: the latest call the trackers had \
        published by the origin date (TrendForce for contract prices), and, separately, \
        their first call for each quarter. A horizon with fewer than --min-pairs scored \
        pairs is not scored, and a stage without any is reported with its counts.

        Stages: \(BacktestSuite.stageNames.joined(separator: ", ")).

        Examples:
          memcast backtest
          memcast backtest --stage ddr4_contract --format md
          memcast backtest --stage shipments_global --from 2021Q1 --to 2024Q4 --horizon 2
          memcast backtest --format json --out results/
        """
    )

    @Option(help: ArgumentHelp("Only this stage (default: all).", valueName: "NAME")) var stage: String?
    @Option(help: ArgumentHelp("First origin quarter (default 2018Q1; when given, every stage run must have history by then).",
                               valueName: "QUARTER"))
    var from: String?
    @Option(help: ArgumentHelp("Last origin quarter.", valueName: "QUARTER")) var to = "2025Q4"
    @Option(help: ArgumentHelp("Quarters ahead to forecast from each origin (1…8).", valueName: "H")) var horizon = 4
    @Option(help: ArgumentHelp("Fewest scored pairs for a horizon to be reported.", valueName: "N"))
    var minPairs = RollingOrigin.defaultMinimumPairs
    @OptionGroup var datasets: DatasetOptions
    @Option(help: "Output format: text, json, csv or md.") var format: BacktestFormat = .text
    @Option(help: ArgumentHelp("Write backtest.<txt|json|csv|md> into DIR (created if missing) instead of printing.",
                               valueName: "DIR"))
    var out: String?

    static let defaultFrom = "2018Q1"

    /// The origins asked for. - Throws: `ValidationError` (exit 64) for a bad option.
    func schedule() throws -> RollingOrigin {
        var bounds: [Period] = []
        for (name, text) in [("--from", from ?? Self.defaultFrom), ("--to", to)] {
            guard let p = Period(text), p.granularity == .quarter else {
                throw ValidationError("\(name) '\(text)': expected a quarter such as 2018Q1")
            }
            bounds.append(p)
        }
        do { return try RollingOrigin(first: bounds[0], last: bounds[1], maxHorizon: horizon) } catch let e as BacktestError {
            throw ValidationError(e.description)
        }
    }

    func validate() throws {
        _ = try schedule()
        if let stage, !BacktestSuite.stageNames.contains(stage) {
            throw ValidationError("unknown stage '\(stage)' (stages: \(BacktestSuite.stageNames.joined(separator: ", ")))")
        }
        guard minPairs >= 1 else { throw ValidationError("--min-pairs must be at least 1") }
    }

    func run() throws {
        let report: BacktestReport
        do {
            let data = try BacktestData.load(from: datasets.catalog(), truthAsOf: datasets.asOf)
            report = try BacktestSuite.run(data: data, schedule: schedule(), stage: stage, minimumPairs: minPairs,
                                           requireHistoryAtStart: from != nil, today: DatasetOptions.today())
        } catch let e as BacktestError {
            if e.isUsage { throw ValidationError(e.description) }
            throw CLIError.dataError(e.description)
        } catch let e as CSVIssue {
            throw CLIError.dataError(e.description)
        }
        let text = BacktestRendering.render(report, format: format)
        guard let out else {
            print(text, terminator: "")
            return
        }
        let path = (out as NSString).appendingPathComponent("backtest.\(format.fileExtension)")
        do {
            try OutputSet.write([("backtest.\(format.fileExtension)", text)], into: out)   // as forecast --out
        } catch let f as OutputSet.Failure {
            throw CLIError.cannotCreateOutput(path: f.path, reason: f.reason)
        }
        FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
    }
}

extension BacktestFormat: ExpressibleByArgument {}
