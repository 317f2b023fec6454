import ArgumentParser
import Foundation
import MemcastData
import MemcastModels
import MemcastNumerics
import MemcastOutput

/// `memcast bench WORKLOAD PANEL.csv`: one benchmark workload, timed in process.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run one benchmark workload on a synthetic SKU panel (see bench/README.md).",
        discussion: """
        Workloads: ingest (load + describe), ols (52-coefficient regression, HC1), \
        bootstrap (1,000 pairs replications), montecarlo (1,000,000 draws; the panel \
        is not read), backtest (rolling-origin fits per SKU). The JSON output has the \
        same fields as bench/peer.py, plus seconds_in_process. `make bench` times \
        memcast against the peer.

        Examples:
          python3 bench/gen_panel.py panel.csv
          memcast bench ingest panel.csv
          memcast bench backtest panel.csv --format json
        """
    )

    @Argument(help: "Workload: \(BenchmarkWorkload.allCases.map(\.rawValue).joined(separator: ", ")).")
    var workload: BenchmarkWorkload

    @Argument(help: "The panel CSV written by bench/gen_panel.py.")
    var panel: String

    @Option(help: "Output format: text or json.")
    var format: BenchmarkFormat = .text

    @Option(help: "Worker threads (default: the number of cores). Results do not depend on it.")
    var threads: Int?

    func validate() throws {
        if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1, got \(t)") }
    }

    func run() throws {
        if workload != .montecarlo && !FileManager.default.isReadableFile(atPath: panel) {
            throw CLIError.noInput(path: panel)
        }
        // Every parallel pass that sizes itself (loader, regression passes) stays within --threads.
        if let t = threads { ParallelLoop.limit = t }
        let start = DispatchTime.now().uptimeNanoseconds
        let result: BenchmarkResult
        do {
            result = try Benchmarks.run(workload, panel: panel,
                                        threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        } catch let e as CSVError {
            throw CLIError.dataError(e.description)
        } catch let e as BenchmarkError {
            throw CLIError.dataError("\(panel): \(e)")
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(BenchmarkRendering.render(result, seconds: seconds, format: format), terminator: "")
    }
}

extension BenchmarkWorkload: ExpressibleByArgument {}
extension BenchmarkFormat: ExpressibleByArgument {}
