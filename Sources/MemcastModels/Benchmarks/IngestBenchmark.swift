import MemcastData
import MemcastStatistics

/// The `ingest` workload: load and validate the panel, add the derived columns, and
/// describe every numeric column (count, mean, std (n−1), min, quartiles (linear), max;
/// missing values excluded) with the same `DataSummary` that `memcast data describe` prints.
public struct IngestBenchmark: Sendable {
    public var rows: Int
    public var missingUnitsK: Int
    /// One entry per numeric column, in frame order (file columns, then derived).
    public var describe: [DataSummary.NumericColumn]

    public static func run(path: String, threads: Int) throws -> IngestBenchmark {
        let frame = try BenchmarkPanel.load(path: path, threads: threads)
        let summary = DataSummary(frame, threads: threads)
        let units = summary.numeric.first { $0.name == "units_k" }
        return IngestBenchmark(rows: summary.rows, missingUnitsK: units?.missing ?? 0, describe: summary.numeric)
    }
}
