import ArgumentParser
import Foundation
import MemcastData
import MemcastModels
import MemcastOutput

/// `memcast report --out report.html`: the one-page HTML report of a forecast run.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the forecast as one self-contained HTML report (tables, charts, assumptions).",
        discussion: """
        Sections: headline tables; charts (contract prices, ASP, shipments, BOM, tornado, SoC \
        vendors, vintages); assumptions (scenario inputs, calibration table, data vintages); \
        published figures beside the model's. CSS and SVG are inline, there is no script and \
        nothing is fetched: the file opens offline and prints cleanly. It is written atomically.

        Exit status: 64 when a chart asks for data the run did not produce, 73 when FILE \
        cannot be written.

        Examples:
          memcast report --out report.html
          memcast report --scenario 2026-memory-shock --as-of 2026-02-28 --out shock.html
          memcast report --draws 2000 --companion-draws 500 --out quick.html
        """)

    @OptionGroup var options: ChartRunOptions

    @Option(help: ArgumentHelp("HTML file to write.", valueName: "FILE.html"))
    var out: String

    func validate() throws {
        if let m = OutputFile.mismatchedExtension(out, allowed: ["html", "htm"], option: "--out", writes: "HTML") {
            throw ValidationError(m)
        }
    }

    func run() throws {
        try ChartRun.mapped {
            try OutputFile.checkWritable(out)
            let data = try ChartRun(options)
            let y = data.firstForecastYear
            let charts: [(Chart, caption: String)] = [
                (try data.fan(.contract, .global, id: "chart-contract"), "Mobile DRAM and NAND contract price changes: realized history, then the run's p50 and 90% band."),
                (try data.fan(.asp, .global, id: "chart-asp"), "Global average selling price per quarter."),
                (try data.fan(.shipments, .global, id: "chart-shipments"), "Global shipments per quarter: trackers' actuals, then the forecast."),
                (try data.fan(.shipments, .allSegments, id: "chart-shipments-segments"), "Shipments per quarter by segment."),
                (try data.bom(id: "chart-bom"), "Memory and non-memory cost per phone (p50), base year against the quarter where memory's share peaks."),
                (try data.tornado(output: .shipments, id: "chart-tornado-shipments"), "Each input alone from its p05 to its p95; bars show the \(y) shipments change (p50) that results."),
                (try data.tornado(output: .asp, id: "chart-tornado-asp"), "The same for the \(y) ASP change."),
                (try data.vendors(year: nil, id: "chart-vendors"), "SoC vendor shipment changes with 90% intervals; published figures marked below each bar."),
                (try data.vintage(id: "chart-vintage"), "memcast's \(y) shipments change as of each month-end beside trackers' published vintages; below, TrendForce's call on 1Q\(String(y).suffix(2)) DRAM contract prices as it was revised."),
            ]
            let rows = try Validation.run(observations: data.observations, runFor: { try data.companion(asOf: $0) })
            let doc = ForecastReport.document(
                result: data.result, charts: charts,
                vintages: ForecastReport.dataVintages(data.observations, asOf: options.run.data.asOf),
                comparison: ForecastReport.comparison(rows), generator: "memcast \(Memcast.version)")
            try OutputFile.write(HTMLReport.render(doc, generator: "memcast \(Memcast.version)"), to: out)
            // The full path, so `make forecast` (which passes a relative one) says where to look.
            print("report: \(URL(fileURLWithPath: out).standardizedFileURL.path) (\(charts.count) charts)")
        }
    }
}
