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
    /// The panel columns a workload reads (column projection: the loader steps over the
    /// others without parsing them); nil for every column (ingest describes them all).
    public static func columns(_ workload: BenchmarkWorkload) -> Set<String>? {
        switch workload {
        case .ingest, .montecarlo: return nil
        // log(asp_usd) ~ log(bom_usd) + memory_share + C(segment) + C(region) + C(quarter)
        case .ols: return BenchmarkPanel.costInputs.union(["asp_usd", "segment", "region", "quarter"])
        // rows by sku number with units_k; log(units_k) ~ log(asp_usd) + C(segment) + C(region)
        case .bootstrap: return ["sku", "units_k", "asp_usd", "segment", "region"]
        // per sku, in quarter order: log(asp_usd) on its lag and log(bom_usd)
        case .backtest: return BenchmarkPanel.costInputs.union(["sku", "quarter", "asp_usd"])
        }
    }

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
            let frame = try BenchmarkPanel.load(path: path, threads: threads, columns: columns(workload))
            return .backtest(try BacktestBenchmark.run(frame: frame, threads: threads))
        case .ols:
            let frame = try BenchmarkPanel.load(path: path, threads: threads, columns: columns(workload))
            return .ols(try OLSBenchmark.run(frame: frame))
        case .bootstrap:
            let frame = try BenchmarkPanel.load(path: path, threads: threads, columns: columns(workload))
            return .bootstrap(try BootstrapBenchmark.run(frame: frame, threads: threads))
        }
    }
}
