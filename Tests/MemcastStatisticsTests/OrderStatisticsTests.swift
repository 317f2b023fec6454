import Testing
@testable import MemcastStatistics

/// Selection must give exactly what sorting gives (numpy's linear rule).
@Suite struct OrderStatisticsTests {
    struct Gen {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func bySorting(_ x: [Double], _ p: Double) -> Double {
        let s = x.sorted()
        let (k, t) = OrderStatistics.position(count: s.count, p)
        return t == 0 || k + 1 >= s.count ? s[k] : OrderStatistics.lerp(s[k], s[k + 1], t)
    }

    /// Every size 1…80 and a few large ones, with heavy ties and with distinct
    /// values, for probabilities including the ends and neighbouring positions.
    @Test func selectionEqualsSorting() {
        var g = Gen(state: 17)
        let ps = [0.0, 0.01, 0.05, 0.25, 0.2501, 0.5, 0.75, 0.95, 0.99, 1.0]
        for n in Array(1...80) + [1000, 4097, 100_003] {
            for ties in [true, false] {
                let x = (0..<n).map { _ in ties ? Double(g.next() % 7) : Double(g.next() >> 11) * 0x1p-53 - 0.5 }
                let got = OrderStatistics.quantiles(of: x, ps)
                #expect(got == ps.map { Self.bySorting(x, $0) }, "n=\(n) ties=\(ties)")
            }
        }
    }

    /// Large inputs are answered from a stride sample; data built so that the sample
    /// sees only zeros (every 8th value of 131,072) makes every bracket miss, and the
    /// answer must still be exact (full selection takes over).
    @Test func sampleThatMissesFallsBackToExactSelection() {
        var g = Gen(state: 5)
        let n = 131_072
        let x = (0..<n).map { i in i % 8 == 0 ? 0 : 1 + Double(g.next() % 1000) }
        let ps = [0.05, 0.5, 0.95]
        #expect(OrderStatistics.quantiles(of: x, ps) == ps.map { Self.bySorting(x, $0) })
    }

    /// The read-only entry (used by `describe` on columns without missing values) gives
    /// the same numbers and leaves its input as it was, on the sampled path (distinct and
    /// tied values, a length not a multiple of the SIMD width) and on its fallback.
    @Test func readOnlyQuantilesEqualSortingAndKeepTheInput() {
        var g = Gen(state: 23)
        let ps = [0.25, 0.5, 0.75]
        let n = 100_003
        let inputs = [(0..<n).map { _ in Double(g.next() >> 11) * 0x1p-53 }, (0..<n).map { _ in Double(g.next() % 5) },
                      (0..<131_072).map { i in i % 8 == 0 ? 0 : 1 + Double(g.next() % 1000) }]
        for x in inputs {
            let got = x.withUnsafeBufferPointer { OrderStatistics.quantiles(readOnly: $0, ps) }
            #expect(got == ps.map { Self.bySorting(x, $0) })
        }
        let x = inputs[0], before = x
        _ = x.withUnsafeBufferPointer { OrderStatistics.quantiles(readOnly: $0, ps) }
        #expect(x == before)
    }

    /// A column of a few widely spaced values (memory sizes in GB) whose quartiles fall on
    /// different values: the sample brackets touch at a tied value and must stay apart, so
    /// the sampled pass answers (merged, their interior held half the column and overflowed
    /// into a full copy and selection).
    @Test func tiedBracketsThatTouchAreAnsweredFromTheSample() throws {
        var g = Gen(state: 41)
        let sizes: [Double] = [16, 32, 64, 128, 256, 512, 1024]
        let x = (0..<200_000).map { _ in sizes[Int(g.next() % 7)] }
        let ps = [0.25, 0.5, 0.75]
        let ks = ps.flatMap { p -> [Int] in
            let (k, t) = OrderStatistics.position(count: x.count, p)
            return t > 0 ? [k, k + 1] : [k]
        }
        let sampled = try #require(x.withUnsafeBufferPointer { OrderStatistics.sampledOrderStatistics($0, Array(Set(ks)).sorted()) })
        let sorted = x.sorted()
        #expect(sampled == Array(Set(ks)).sorted().map { sorted[$0] })
        #expect(x.withUnsafeBufferPointer { OrderStatistics.quantiles(readOnly: $0, ps) } == ps.map { Self.bySorting(x, $0) })
    }

    /// Missing values (NaN) read in place: the quartiles of the non-NaN values, as from a
    /// filtered copy, for a few scattered NaN, many, a NaN block where the stride sample
    /// falls, and NaN everywhere but a few values (the sample cannot answer: fallback).
    @Test func readOnlyQuantilesSkipNaN() {
        var g = Gen(state: 77)
        let ps = [0.25, 0.5, 0.75]
        let n = 150_001
        let inputs: [[Double]] = [
            (0..<n).map { _ in g.next() % 200 == 0 ? .nan : Double(g.next() >> 11) * 0x1p-53 },
            (0..<n).map { _ in g.next() % 3 == 0 ? .nan : Double(g.next() % 1000) },
            (0..<n).map { i in i < 40_000 ? .nan : Double(g.next() % 97) / 8 },
            (0..<n).map { i in i % 1000 == 1 ? Double(g.next() % 50) : .nan },
        ]
        for x in inputs {
            let kept = x.filter { !$0.isNaN }
            let got = x.withUnsafeBufferPointer { OrderStatistics.quantiles(readOnly: $0, nonNaN: kept.count, ps) }
            #expect(got == ps.map { Self.bySorting(kept, $0) })
        }
    }

    /// Hand-computed: [1, 2, 3, 4] at 0.5 → 2.5, at 0.05 → 1.15; NaN dropped; empty → NaN.
    @Test func handComputed() {
        let q = OrderStatistics.quantiles(of: [4, .nan, 1, 3, 2], [0.5, 0.05])
        #expect(q[0] == 2.5 && abs(q[1] - 1.15) < 1e-15)
        #expect(OrderStatistics.quantiles(of: [], [0.5])[0].isNaN)
        // numpy's lerp is exact at t = 1 from the upper point: lerp(0.1, 0.7, 1) == 0.7.
        #expect(OrderStatistics.lerp(0.1, 0.7, 1) == 0.7)
    }
}
