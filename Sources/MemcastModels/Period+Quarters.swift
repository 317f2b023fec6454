import MemcastData

extension Period {
    /// Parses a quarter (`2026Q1`) only; nil for any other period or text.
    public init?(quarterText text: String) {
        guard let p = Period(text), p.granularity == .quarter else { return nil }
        self = p
    }

    /// Quarters from `self` through `end`, inclusive (empty when `end` is earlier).
    /// - Precondition: both are quarters.
    public func quarters(through end: Period) -> [Period] {
        precondition(granularity == .quarter && end.granularity == .quarter)
        let n = distance(to: end)
        return n < 0 ? [] : (0...n).map { advanced(by: $0) }
    }
}
