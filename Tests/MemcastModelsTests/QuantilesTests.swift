import Testing
@testable import MemcastModels

@Suite struct QuantilesTests {
    /// numpy's linear rule: h = (n − 1)p, interpolate between order statistics ⌊h⌋ and ⌊h⌋+1.
    /// [1, 2, 3, 4]: p = 0.5 → h = 1.5 → 2.5; p = 0.05 → h = 0.15 → 1.15.
    @Test func handComputedLinearInterpolation() {
        #expect(Quantiles.sorted([1, 2, 3, 4], 0.5) == 2.5)
        #expect(abs(Quantiles.sorted([1, 2, 3, 4], 0.05) - 1.15) < 1e-15)
        #expect(Quantiles.sorted([5], 0.95) == 5)
        #expect(Quantiles.sorted([], 0.5).isNaN)
    }

    @Test func matchesNumpyOnUnsortedSample() throws {
        let f = try Fixture.json("montecarlo_reference")
        let x = f["quantile_sample"] as! [Double], p = f["quantile_probs"] as! [Double]
        let want = f["quantile_values"] as! [Double]
        let got = Quantiles.of(x, p)
        for (g, w) in zip(got, want) { #expect(abs(g - w) < 1e-12) }
    }

    @Test func summaryDropsNaN() {
        let s = QuantileSummary(draws: [.nan, 1, 2, 3, .nan])
        #expect(s.p50 == 2)
        #expect(abs(s.p05 - 1.1) < 1e-12)
    }
}
