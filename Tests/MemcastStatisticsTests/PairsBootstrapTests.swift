import Testing
import MemcastNumerics
@testable import MemcastStatistics

/// The pairs bootstrap refits on the rows it is given, and its estimates do not
/// depend on the number of threads.
@Suite struct PairsBootstrapTests {
    static func data(_ n: Int) -> (Matrix, [Double]) {
        var x = Matrix(rows: n, cols: 3)
        var y = [Double](repeating: 0, count: n)
        var s: UInt64 = 99
        func u() -> Double { s = s &* 6364136223846793005 &+ 1442695040888963407; return Double(s >> 11) * 0x1p-53 - 0.5 }
        for i in 0..<n {
            x[i, 0] = 1; x[i, 1] = u(); x[i, 2] = Double(i % 3 == 0 ? 1 : 0)
            y[i] = 1 + 2 * x[i, 1] - x[i, 2] + 0.1 * u()
        }
        return (x, y)
    }

    /// Replication b drawing rows (i + b) mod n is the full sample reordered: every
    /// replication reproduces the full-sample least-squares coefficients.
    @Test func identityResampleGivesTheFullFit() throws {
        let (x, y) = Self.data(200)
        let full = try LeastSquares.solve(x, y)
        let c = try PairsBootstrap.coefficients(x: x, y: y, replications: 5, threads: 2) { b, idx in
            for i in 0..<idx.count { idx[i] = (i + b) % idx.count }
        }
        for b in 0..<5 { for j in 0..<3 { #expect(abs(c[b, j] - full.coefficients[j]) < 1e-12) } }
    }

    /// Same draws on 1 and 3 threads: identical estimates, bit for bit.
    @Test func threadCountDoesNotChangeEstimates() throws {
        let (x, y) = Self.data(300)
        let draw: @Sendable (Int, UnsafeMutableBufferPointer<Int>) -> Void = { b, idx in
            var s = UInt64(b) &* 0x9E37_79B9_7F4A_7C15
            for i in 0..<idx.count { s = s &* 6364136223846793005 &+ 1; idx[i] = Int((s >> 33) % UInt64(idx.count)) }
        }
        let one = try PairsBootstrap.coefficients(x: x, y: y, replications: 40, threads: 1, resample: draw)
        let three = try PairsBootstrap.coefficients(x: x, y: y, replications: 40, threads: 3, resample: draw)
        #expect(one.storage == three.storage)
        // Different draws give different estimates (the test can fail).
        #expect(Set(one.column(1)).count > 30)
    }
}
