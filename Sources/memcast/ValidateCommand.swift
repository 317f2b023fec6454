import ArgumentParser
import Foundation
import MemcastData
import MemcastModels
import MemcastOutput

/// `memcast validate`: the published-figure cases side by side with the model.
struct ValidateCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the forecast against the published figures it is tested on.",
        discussion: """
        Each case runs the default scenario --as-of its figure's publication date and passes when \
        the model's p50 is within the stated tolerance. Other tracker vintages are shown beside \
        the model for information. Exits 1 when a case misses, unless --exit-zero (for \
        reports and notebooks, where the misses are part of the result).

        --scenario runs the same cases under a named scenario or TOML file instead: a what-if \
        that shows which figures a price path would reach (the output says so). The test of \
        the model is the default, as-published.

        Examples:
          memcast validate
          memcast validate --draws 2000 --exit-zero
          memcast validate --scenario flat-after-published --draws 2000 --exit-zero
          memcast validate --format json --draws 20000
        """)

    @OptionGroup var overlay: DataOverlayOptions
    // Hidden: each case runs as of its own figure's date; a user who passes --as-of is told why it does not apply.
    @Option(name: .customLong("as-of"), help: .hidden) var asOf: String?
    @Option(parsing: .unconditional, help: "Monte Carlo draws per run.") var draws: Int = MonteCarlo.defaultDraws
    @Option(parsing: .unconditional, help: "Random seed.") var seed: UInt64 = MonteCarlo.defaultSeed
    @Option(help: "Output format.") var format: Format = .text
    @Option(help: "Run the cases under this scenario (what-if) instead of as-published.")
    var scenario: String = Scenario.asPublished.name
    @Flag(name: .customLong("exit-zero"), help: "Exit 0 even when a case misses (the table still says MISS).")
    var exitZero = false

    func validate() throws {
        if asOf != nil {
            throw ValidationError("validate runs each case as of its own figure's publication date; --as-of does not apply")
        }
        try RunOptions.checkDraws(draws, option: "--draws")
    }

    func run() throws {
        let data = try DatasetOptions.undated(overlay)
        let catalog = try data.catalog()
        var observations: [String: [Observation]] = [:]
        do {
            for name in ["handset_market", "seed_figures"] { observations[name] = try catalog.observations(name) }
        } catch let e as CSVError { throw CLIError.dataError(e.description) }
        let rows: [Validation.Row]
        do {
            // One line for all the case runs: fitting each date's inputs takes longer than its draws.
            var report: ((Int) -> Void)??
            rows = try Validation.run(observations: observations, runFor: { date in
                try ForecastRun.run(data: data, scenario: scenario, horizon: ForecastInputs.defaultHorizon, draws: draws,
                                    seed: seed, asOf: .some(date), showsProgress: false)
            }, progress: { done, total in
                if report == nil { report = .some(Progress.reporter(total: total, unit: "case runs")) }
                report??(done)
            })
        } catch let e as ForecastError { throw CLIError.dataError(e.description) }
        let whatIf = scenario == Scenario.asPublished.name ? nil : scenario
        print(format == .json ? ValidationRendering.json(rows, scenario: whatIf) : ValidationRendering.text(rows, scenario: whatIf),
              terminator: "")
        if !exitZero, rows.contains(where: { $0.pass == false }) {
            // Status 1 = "a published figure is missed" (not a usage or data error).
            fflush(stdout)
            Foundation.exit(1)
        }
    }
}
