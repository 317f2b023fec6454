import MemcastStatistics

/// The five benchmark workloads of bench/README.md, run through memcast's ordinary
/// code paths (CSV loader, describe, formula + OLS, least squares, Monte Carlo,
/// rolling-origin backtest) on the synthetic SKU panel.
public enum BenchmarkWorkload: String, CaseIterable, Sendable {
    case ingest, ols, bootstrap, montecarlo, backtest
}

/// What a workload computed (the fields `peer.py` prints).
public enum BenchmarkResult: Sendable {
    case ingest(IngestBenchmark)
    case montecarlo(MonteCarloBenchmark)
    case backtest(BacktestBenchmark)
    case ols(OLSBenchmark)
    case bootstrap(BootstrapBenchmark)
}

public enum Benchmarks {
    /// Runs `workload` on the panel at `path` with `threads` worker threads (≥ 1).
    /// `montecarlo` does not read the panel (its model is fixed), like the peer.
    /// - Throws: `CSVError` for an unreadable or malformed panel, `BenchmarkError`,
    ///   or the fitting layers' errors.
    public static func run(_ workload: BenchmarkWorkload, panel path: String, threads: Int) throws -> BenchmarkResult {
        switch workload {
        case .ingest:
            return .ingest(try IngestBenchmark.run(path: path, threads: threads))
        case .montecarlo:
            return .montecarlo(MonteCarloBenchmark.run(threads: threads))
        case .backtest:
            let frame = try BenchmarkPanel.load(path: path, threads: threads)
            return .backtest(try BacktestBenchmark.run(frame: frame, threads: threads))
        case .ols:
            let frame = try BenchmarkPanel.load(path: path, threads: threads)
            return .ols(try OLSBenchmark.run(frame: frame))
        case .bootstrap:
            let frame = try BenchmarkPanel.load(path: path, threads: threads)
            return .bootstrap(try BootstrapBenchmark.run(frame: frame, threads: threads))
        }
    }
}
