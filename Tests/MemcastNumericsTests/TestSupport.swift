import Foundation
@testable import MemcastNumerics

/// Largest |aᵢ − bᵢ| over two equally long sequences (∞ if lengths differ).
func maxAbsDiff(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// Largest |aᵢⱼ − bᵢⱼ| relative to max|bᵢⱼ| (normwise relative difference).
func relDiff(_ a: Matrix, _ b: Matrix) -> Double {
    guard a.shape == b.shape else { return .infinity }
    let scale = b.storage.reduce(0) { max($0, abs($1)) }
    return maxAbsDiff(a.storage, b.storage) / (scale > 0 ? scale : 1)
}

/// A deterministic generator (SplitMix64) for reproducible test matrices.
struct SplitMix {
    var state: UInt64
    /// Uniform in [−0.5, 0.5).
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53) - 0.5
    }
    mutating func matrix(_ m: Int, _ n: Int) -> Matrix {
        Matrix(rows: m, cols: n, columnMajor: (0..<(m * n)).map { _ in next() })
    }
}

/// Textbook triple loop, the independent reference for products.
func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, cols: b.cols)
    for i in 0..<a.rows { for j in 0..<b.cols {
        var s = 0.0
        for l in 0..<a.cols { s += a[i, l] * b[l, j] }
        c[i, j] = s
    } }
    return c
}
