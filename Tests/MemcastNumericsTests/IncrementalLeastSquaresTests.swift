import Testing
@testable import MemcastNumerics

/// The Givens-updated expanding-window solver against the pivoted-QR solver.
@Suite struct IncrementalLeastSquaresTests {
    /// y = 1 + 2t exactly: b = (1, 2), RSS = 0.
    @Test func exactLine() {
        let ls = IncrementalLeastSquares(columns: 2)
        for t in 0..<3 { ls.add(1, Double(t), y: 1 + 2 * Double(t)) }
        var b = [0.0, 0.0]
        #expect(ls.solve(into: &b))
        #expect(abs(b[0] - 1) < 1e-15 && abs(b[1] - 2) < 1e-15)
        #expect(ls.residualSumOfSquares < 1e-28)
    }

    /// Every prefix of a random 3-column problem: the same coefficients (to 1e-12 relative)
    /// and RSS as `LeastSquares.solve` on that prefix.
    @Test func prefixesMatchPivotedQR() throws {
        var g = SplitMix(state: 2026)
        let n = 30
        var rows: [[Double]] = [], ys: [Double] = []
        for _ in 0..<n {
            let r = [1, g.next() * 4, 10 + g.next()]
            rows.append(r)
            ys.append(0.3 - 1.2 * r[1] + 0.7 * r[2] + 0.05 * g.next())
        }
        let ls = IncrementalLeastSquares(columns: 3)
        var b = [0.0, 0.0, 0.0]
        for i in 0..<n {
            ls.add(rows[i], y: ys[i])
            guard i >= 3 else { continue }
            #expect(ls.solve(into: &b))
            let ref = try LeastSquares.solve(Matrix(rowMajor: Array(rows[0...i])), Array(ys[0...i]))
            for j in 0..<3 { #expect(abs(b[j] - ref.coefficients[j]) <= 1e-12 * max(1, abs(ref.coefficients[j]))) }
            #expect(abs(ls.residualSumOfSquares - ref.residualSumOfSquares) <= 1e-12 * max(1e-3, ref.residualSumOfSquares))
        }
    }

    /// Fewer rows than columns, or a column that repeats another: refuses, leaves b alone.
    @Test func refusesRankDeficient() {
        let ls = IncrementalLeastSquares(columns: 3)
        var b = [9.0, 9.0, 9.0]
        ls.add(1, 2, 3, y: 1)
        ls.add(1, 5, 4, y: 2)
        #expect(!ls.solve(into: &b) && b == [9, 9, 9])
        ls.reset()
        for t in 0..<6 { ls.add(1, Double(t), 2 * Double(t), y: Double(t * t)) }   // x₂ = 2·x₁
        #expect(!ls.isFullRank && !ls.solve(into: &b))
    }

    /// reset() forgets rows.
    @Test func resetForgets() {
        let ls = IncrementalLeastSquares(columns: 2)
        for t in 0..<5 { ls.add(1, Double(t), y: 100) }
        ls.reset()
        for t in 0..<3 { ls.add(1, Double(t), y: Double(t)) }
        var b = [0.0, 0.0]
        #expect(ls.solve(into: &b) && abs(b[0]) < 1e-15 && abs(b[1] - 1) < 1e-15 && ls.rows == 3)
    }
}
