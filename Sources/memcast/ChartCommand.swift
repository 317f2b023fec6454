import ArgumentParser
import Foundation
import MemcastModels
import MemcastOutput

/// `memcast chart KIND --out FILE.svg`: one chart of a forecast run as a standalone SVG.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw one chart of a forecast run as an SVG file.",
        discussion: """
        Kinds: fan (history, forecast p50 and p05–p95 band; --measure, --scope), bom (memory vs \
        non-memory BOM per segment, base year vs the peak quarter), tornado (one-at-a-time \
        sensitivity; --output), vendors (SoC vendor changes with intervals and published \
        figures; --year), vintage (the forecast as of successive month-ends beside trackers' \
        vintages; below, TrendForce's first-quarter DRAM contract call as it was revised). \
        Charts are 800 px wide, use system fonts and the Okabe–Ito palette, and name their \
        datasets and as-of date in a source line. No partial file is ever left.

        Exit status: 64 when the chart asks for data the run did not produce, 73 when FILE \
        cannot be written.

        Examples:
          memcast chart fan --out fan.svg
          memcast chart fan --measure shipments --scope segments --out shipments.svg
          memcast chart bom --scenario 2026-memory-shock --out bom.svg
          memcast chart tornado --output asp --out tornado.svg
          memcast chart vintage --as-of 2026-02-28 --out vintage.svg
        """)

    @Argument(help: "Chart kind.")
    var kind: ChartKind

    @OptionGroup var options: ChartRunOptions

    @Option(help: "Fan chart: what to draw.")
    var measure: ForecastCharts.FanMeasure = .contract

    @Option(help: ArgumentHelp("Fan chart: global, segments (one fan each) or one segment (entry, low_mid, mid, high, premium).", valueName: "SCOPE"))
    var scope: String = "global"

    @Option(help: "Tornado chart: which output's sensitivity.")
    var output: TornadoOutput = .shipments

    @Option(help: "Vendor chart: calendar year (default: the first forecast year).")
    var year: Int?

    @Option(help: ArgumentHelp("SVG file to write.", valueName: "FILE.svg"))
    var out: String

    func validate() throws {
        if let m = OutputFile.mismatchedExtension(out, allowed: ["svg"], option: "--out", writes: "SVG") { throw ValidationError(m) }
        guard ForecastCharts.Scope(scope) != nil else {
            throw ValidationError("--scope '\(scope)' is not global, segments or a segment (entry, low_mid, mid, high, premium)")
        }
    }

    func run() throws {
        try ChartRun.mapped {
            try OutputFile.checkWritable(out)
            let data = try ChartRun(options)
            let chart: Chart
            switch kind {
            case .fan: chart = try data.fan(measure, ForecastCharts.Scope(scope)!, id: "fan")
            case .bom: chart = try data.bom(id: "bom")
            case .tornado: chart = try data.tornado(output: output, id: "tornado")
            case .vendors: chart = try data.vendors(year: year, id: "vendors")
            case .vintage: chart = try data.vintage(id: "vintage")
            }
            try OutputFile.write(chart.svgDocument(), to: out)
            FileHandle.standardError.write(Data("wrote \(out)\n".utf8))
        }
    }
}
