/// A forecast value's 5th, 50th and 95th percentiles, as charts draw them
/// (band p05–p95, line or bar at p50). Same unit as the value.
public struct QuantileBand: Sendable, Equatable {
    public var p05: Double
    public var p50: Double
    public var p95: Double
    public init(p05: Double, p50: Double, p95: Double) {
        self.p05 = p05; self.p50 = p50; self.p95 = p95
    }
}
