/// Why a chart could not be drawn. These are usage errors (exit 64): the chart
/// asked for data the run did not produce, or got values no chart can place.
public enum ChartError: Error, Equatable, CustomStringConvertible {
    /// The input has nothing to draw, e.g. a fan chart with no forecast periods.
    case noData(chart: ChartKind, what: String)
    /// A value is NaN or infinite.
    case nonFinite(chart: ChartKind, series: String, label: String)
    /// A value that must not be negative (a cost) is.
    case negativeValue(chart: ChartKind, series: String, label: String)
    /// A label that should be a date (`YYYY-MM-DD` or `YYYY-MM`) is not.
    case badDate(chart: ChartKind, series: String, label: String)
    /// Quantiles out of order (p05 ≤ p50 ≤ p95 is required).
    case quantilesOutOfOrder(chart: ChartKind, series: String, label: String, p05: Double, p50: Double, p95: Double)

    public var description: String {
        switch self {
        case let .noData(chart, what):
            return "\(chart.rawValue) chart: no data for \(what)"
        case let .nonFinite(chart, series, label):
            return "\(chart.rawValue) chart: series '\(series)' at '\(label)' is not a finite number"
        case let .negativeValue(chart, series, label):
            return "\(chart.rawValue) chart: series '\(series)' at '\(label)' is negative; expected a cost ≥ 0"
        case let .badDate(chart, series, label):
            return "\(chart.rawValue) chart: series '\(series)': '\(label)' is not a date; expected YYYY-MM-DD or YYYY-MM"
        case let .quantilesOutOfOrder(chart, series, label, p05, p50, p95):
            return "\(chart.rawValue) chart: series '\(series)' at '\(label)': expected p05 ≤ p50 ≤ p95, got \(p05), \(p50), \(p95)"
        }
    }
}

extension ChartError {
    static func check(_ chart: ChartKind, _ series: String, _ label: String, _ values: Double...) throws {
        if values.contains(where: { !$0.isFinite }) { throw ChartError.nonFinite(chart: chart, series: series, label: label) }
    }

    static func checkQuantiles(_ chart: ChartKind, _ series: String, _ label: String, _ q: QuantileBand) throws {
        try check(chart, series, label, q.p05, q.p50, q.p95)
        guard q.p05 <= q.p50, q.p50 <= q.p95 else {
            throw ChartError.quantilesOutOfOrder(chart: chart, series: series, label: label, p05: q.p05, p50: q.p50, p95: q.p95)
        }
    }
}
