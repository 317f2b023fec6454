/// What a chart was computed from, printed as its one-line source note.
///
/// `"Source: memcast forecast, scenario as-published, on memory_prices, handset_market; data as of 2026-02-28"`.
public struct ChartSource: Sendable, Equatable {
    /// Dataset names (files in `Datasets/` without extension), in the order to print them.
    public var datasets: [String]
    /// The `--as-of` date (ISO `YYYY-MM-DD`): the run saw only figures published by then.
    public var asOf: String
    /// Scenario name, or nil for charts of published figures only.
    public var scenario: String?
    /// What produced the numbers, e.g. "memcast forecast" or "published tracker figures".
    public var producer: String

    public init(datasets: [String], asOf: String, scenario: String? = nil, producer: String = "memcast forecast") {
        self.datasets = datasets
        self.asOf = asOf
        self.scenario = scenario
        self.producer = producer
    }

    public var line: String {
        var s = "Source: \(producer)"
        if let scenario { s += ", scenario \(scenario)" }
        if !datasets.isEmpty { s += ", on " + datasets.joined(separator: ", ") }
        return s + "; data as of \(asOf)"
    }
}
