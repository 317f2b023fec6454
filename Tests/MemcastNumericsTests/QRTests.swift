import Testing
@testable import MemcastNumerics

/// Pivoted QR (dgeqp3 + dormqr + dtrtrs).
@Suite struct QRTests {
    /// A·P = Q·R: applying Q to R reproduces the permuted columns.
    @Test func factorsReconstructPermutedMatrix() throws {
        var g = SplitMix(state: 10)
        let a = g.matrix(8, 5)
        let qr = try PivotedQR(a)
        #expect(qr.permutation.sorted() == Array(0..<5))
        var qrProduct = Matrix(rows: 8, cols: 5)
        let r = qr.r
        for j in 0..<5 { for i in 0..<5 { qrProduct[i, j] = r[i, j] } }
        try qr.applyQ(.none, to: &qrProduct)
        #expect(relDiff(qrProduct, a.columns(qr.permutation)) < 1e-14)
        // |R11| ≥ |R22| ≥ … (column pivoting)
        for i in 1..<5 { #expect(abs(r[i, i]) <= abs(r[i - 1, i - 1]) * (1 + 1e-12)) }
    }

    /// Qᵀ·(Q·c) = c: Q is orthogonal.
    @Test func qIsOrthogonal() throws {
        var g = SplitMix(state: 11)
        let qr = try PivotedQR(g.matrix(6, 3))
        let c = g.matrix(6, 2)
        var d = c
        try qr.applyQ(.none, to: &d)
        try qr.applyQ(.transpose, to: &d)
        #expect(relDiff(d, c) < 1e-15)
    }

    /// A rank-2 matrix with 3 columns has rank 2 at a tolerance; the basic
    /// solution fits a consistent right-hand side exactly.
    @Test func rankAndBasicSolution() throws {
        let a = Matrix(columns: [[1, 2, 3, 4], [0, 1, 0, 1], [1, 3, 3, 5]])  // c3 = c1 + c2
        let qr = try PivotedQR(a)
        #expect(qr.rank(relativeTolerance: 1e-12) == 2)
        let b = [2.0, 5, 6, 9]  // = c1 + c3·1 ... consistent: 1·c1 + 1·c3 → [2,5,6,9]
        let x = try qr.solve(b, rank: 2)
        #expect(maxAbsDiff(try a.times(x), b) < 1e-13)
    }

    /// dtrtrs reports a zero diagonal as singular with its position.
    @Test func triangularSolveReportsSingular() {
        let t = Matrix(rowMajor: [[1, 2], [0, 0]])
        var b = Matrix(rows: 2, cols: 1, repeating: 1)
        #expect(throws: LapackError.singular(routine: "dtrtrs", minor: 2)) { try triangularSolve(t, .upper, &b) }
    }

    @Test func rejectsBadInput() {
        #expect(throws: LapackError.empty(operation: "dgeqp3", shape: (0, 3))) { try PivotedQR(Matrix(rows: 0, cols: 3)) }
        var a = Matrix(rows: 2, cols: 2, repeating: 1)
        a[1, 0] = .nan
        #expect(throws: LapackError.nonFinite(operand: "dgeqp3 A", row: 1, column: 0, value: .nan)) { try PivotedQR(a) }
    }
}
