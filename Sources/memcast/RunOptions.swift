import ArgumentParser
import Foundation
import MemcastData
import MemcastModels

/// Which forecast run: the datasets and `--as-of`, the scenario, the horizon, the
/// draws and the seed. One group for `forecast`, `chart` and `report`, so the three
/// parse, default and validate these options the same way.
struct RunOptions: ParsableArguments {
    @OptionGroup var data: DatasetOptions

    @Option(help: ArgumentHelp("A named scenario (see `memcast scenario list`) or a .toml file.", valueName: "NAME|FILE"))
    var scenario: String = "as-published"

    @Option(help: ArgumentHelp("Last quarter to forecast.", valueName: "YYYYQn"))
    var horizon: String = ForecastInputs.defaultHorizon.description

    @Option(parsing: .unconditional, help: "Monte Carlo draws.")  // unconditional: "-1" is a bad count, not an option
    var draws: Int = MonteCarlo.defaultDraws

    @Option(parsing: .unconditional, help: "Random seed (the same seed reproduces a run exactly).")
    var seed: UInt64 = MonteCarlo.defaultSeed

    static let drawsRange = 1...2_000_000

    func validate() throws {
        guard let h = Period(quarterText: horizon) else {
            throw ValidationError("--horizon '\(horizon)' is not a quarter; write e.g. 2027Q4")
        }
        let first = Period(year: ForecastInputs.defaultBaseYear + 1, quarter: 1)
        guard h >= first else {
            throw ValidationError("--horizon \(h) is before the forecast starts (\(first)): "
                                  + "\(ForecastInputs.defaultBaseYear) is the base year the configurations describe")
        }
        try RunOptions.checkDraws(draws, option: "--draws")
    }

    static func checkDraws(_ n: Int, option: String) throws {
        guard drawsRange.contains(n) else {
            throw ValidationError("\(option) must be between \(drawsRange.lowerBound) and \(drawsRange.upperBound)")
        }
    }

    /// The horizon as a quarter (checked by `validate()`).
    var horizonQuarter: Period { Period(quarterText: horizon)! }

    /// The run these options describe; `asOf` (for companion runs) replaces `--as-of`,
    /// `draws` replaces `--draws`.
    func result(asOf: CalendarDate?? = nil, draws: Int? = nil) throws -> ForecastResult {
        try ForecastRun.run(data: data, scenario: scenario, horizon: horizonQuarter, draws: draws ?? self.draws,
                            seed: seed, asOf: asOf)
    }
}
