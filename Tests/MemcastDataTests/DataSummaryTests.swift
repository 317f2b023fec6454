import Testing
@testable import MemcastData
import MemcastStatistics

@Suite struct DataSummaryTests {
    /// numpy.percentile(x, [25, 50, 75]) (linear) on a sort, for comparison with selection.
    static func reference(_ x: [Double], _ p: Double) -> Double {
        let s = x.sorted()
        let h = Double(s.count - 1) * p
        let k = Int(h.rounded(.down))
        if k + 1 >= s.count { return s[k] }
        return OrderStatistics.lerp(s[k], s[k + 1], h - Double(k))
    }

    @Test(arguments: [1, 2, 3, 4, 5, 7, 10, 101, 1000, 4097])
    func quartilesBySelectionMatchSorting(_ n: Int) {
        var g = SplitMixForTest(seed: UInt64(n))
        // Many ties (integers mod 17) and distinct values both.
        for ties in [true, false] {
            let x = (0..<n).map { _ in ties ? Double(g.next() % 17) : Double(g.next() % 1_000_000) / 7 }
            let col = DataSummary.describe("x", x)
            #expect(col.q25 == Self.reference(x, 0.25))
            #expect(col.q50 == Self.reference(x, 0.5))
            #expect(col.q75 == Self.reference(x, 0.75))
            #expect(col.min == x.min() && col.max == x.max())
        }
    }

    /// Known small case: pandas.Series([1, 2, 3, 4, NaN, 10]).describe()
    /// count 5, mean 4, std 3.535534 (= √12.5), min 1, 25% 2, 50% 3, 75% 4, max 10.
    @Test func smallCaseLikePandas() throws {
        var f = DataFrame()
        try f.append("x", .numeric([1, 2, 3, 4, .nan, 10]))
        try f.append("s", .categorical(CategoricalColumn(["a", nil, "b", "a", "c", nil])))
        let d = DataSummary(f)
        let x = d.numeric[0]
        #expect(x.count == 5 && x.missing == 1 && x.mean == 4)
        #expect(abs(x.std - 12.5.squareRoot()) < 1e-15)
        #expect([x.min, x.q25, x.q50, x.q75, x.max] == [1, 2, 3, 4, 10])
        #expect(d.text == [DataSummary.TextColumn(name: "s", count: 4, missing: 2, unique: 3)])
        let empty = DataSummary.describe("e", [.nan])
        #expect(empty.count == 0 && empty.mean.isNaN)
        #expect(DataSummary.describe("one", [5]).std.isNaN)
    }

    @Test func threadsDoNotChangeResults() throws {
        var g = SplitMixForTest(seed: 9)
        var f = DataFrame()
        for c in 0..<5 { try f.append("c\(c)", .numeric((0..<5000).map { _ in Double(g.next() % 100_000) / 3 })) }
        #expect(DataSummary(f, threads: 1).numeric == DataSummary(f, threads: 2).numeric)
    }
}

/// SplitMix64 for reproducible test data.
struct SplitMixForTest {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
