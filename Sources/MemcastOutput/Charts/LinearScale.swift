/// Maps a numeric domain linearly onto a pixel range.
///
/// `y = r0 + (x − d0)·(r1 − r0)/(d1 − d0)`. The range may run backwards
/// (`r0 > r1`), as a vertical axis does in SVG, where y grows downwards.
/// A degenerate domain (`d0 == d1`) maps everything to the middle of the range.
public struct LinearScale: Sendable, Equatable {
    public var domain: ClosedRange<Double>
    /// Pixel positions of `domain.lowerBound` and `domain.upperBound`.
    public var range: (Double, Double)

    public init(domain: ClosedRange<Double>, range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }

    public func callAsFunction(_ x: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        if span == 0 { return (range.0 + range.1) / 2 }
        return range.0 + (x - domain.lowerBound) * (range.1 - range.0) / span
    }

    public static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }
}
