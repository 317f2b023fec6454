import ArgumentParser
import MemcastOutput

/// Options of `memcast chart` and `memcast report`: the run (shared with `forecast`)
/// and the size of the companion runs the charts add.
struct ChartRunOptions: ParsableArguments {
    @OptionGroup var run: RunOptions

    @Option(parsing: .unconditional, help: "Draws of each companion run (sensitivity, as-of vintages, published-figure comparison).")
    var companionDraws: Int = 1000

    func validate() throws {
        try RunOptions.checkDraws(companionDraws, option: "--companion-draws")
    }
}

/// Which output the tornado chart explains.
enum TornadoOutput: String, CaseIterable, ExpressibleByArgument {
    case shipments, asp
}

extension ChartKind: ExpressibleByArgument {}
extension ForecastCharts.FanMeasure: ExpressibleByArgument {}
