import MemcastData

/// A quarterly series that may have gaps: values at ascending, distinct quarters.
///
/// Published histories are gappy (a tracker skips a quarter, a figure was never
/// reported), so baselines and scales work on quarter distances, not array positions:
/// `differences(lag: 1)` only pairs quarters exactly one apart.
public struct QuarterlySeries: Sendable, Equatable {
    public private(set) var quarters: [Period]
    public private(set) var values: [Double]

    /// - Precondition: every period is a quarter, each at most once.
    public init(_ values: [Period: Double]) {
        let keys = values.keys.sorted()
        precondition(keys.allSatisfy { $0.granularity == .quarter }, "QuarterlySeries needs quarters")
        quarters = keys
        self.values = keys.map { values[$0]! }
    }

    public static let empty = QuarterlySeries([:])

    public var count: Int { quarters.count }
    public var isEmpty: Bool { quarters.isEmpty }
    public var first: (quarter: Period, value: Double)? { quarters.first.map { ($0, values[0]) } }
    public var last: (quarter: Period, value: Double)? { quarters.last.map { ($0, values[values.count - 1]) } }

    /// The value at `q`, or nil.
    public func value(at q: Period) -> Double? {
        var lo = 0, hi = quarters.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if quarters[mid] < q { lo = mid + 1 } else { hi = mid }
        }
        return lo < quarters.count && quarters[lo] == q ? values[lo] : nil
    }

    /// The values at quarters up to and including `q`.
    public func through(_ q: Period) -> QuarterlySeries {
        var s = self
        let n = quarters.firstIndex { $0 > q } ?? quarters.count
        s.quarters.removeSubrange(n...)
        s.values.removeSubrange(n...)
        return s
    }

    /// yₜ − yₜ₋ₗ for every t where both quarters have a value, in time order.
    public func differences(lag: Int) -> [Double] {
        precondition(lag >= 1)
        var out: [Double] = []
        for (i, q) in quarters.enumerated() {
            if let before = value(at: q.advanced(by: -lag)) { out.append(values[i] - before) }
        }
        return out
    }

    /// MASE scale of this history: mean |yₜ − yₜ₋ₘ| over the quarter pairs exactly m apart
    /// (see `ForecastMetrics.naiveScale`); nil when there is no such pair or the mean is 0.
    public func naiveScale(seasonalPeriod m: Int = 1) -> Double? {
        let d = differences(lag: m)
        guard !d.isEmpty else { return nil }
        let v = d.reduce(0) { $0 + abs($1) } / Double(d.count)
        return v > 0 && v.isFinite ? v : nil
    }
}
