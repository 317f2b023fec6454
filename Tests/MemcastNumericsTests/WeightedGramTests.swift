import Testing
@testable import MemcastNumerics

/// XᵀWX by blocked dsyrk equals the textbook sum Σᵢ wᵢ·xᵢxᵢᵀ.
@Suite struct WeightedGramTests {
    /// 10,001 rows (three blocks of 4,096 and a remainder), 5 columns, weights ≥ 0
    /// including zeros: agreement to 1e-12 relative to the largest entry; symmetric.
    @Test func matchesTheDefinition() {
        var g = SplitMix(state: 12)
        let n = 10_001, k = 5
        let x = g.matrix(n, k)
        let w = (0..<n).map { i in i % 7 == 0 ? 0 : g.next() + 0.5 }
        let c = x.weightedGram(rowWeights: w)
        var ref = Matrix(rows: k, cols: k)
        for i in 0..<n { for a in 0..<k { for b in 0..<k { ref[a, b] += w[i] * x[i, a] * x[i, b] } } }
        #expect(relDiff(c, ref) < 1e-12)
        for a in 0..<k { for b in 0..<k { #expect(c[a, b] == c[b, a]) } }
    }
}
