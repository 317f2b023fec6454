import Testing
@testable import MemcastNumerics

/// BLAS wrappers against textbook loops and each other.
@Suite struct BLASTests {
    /// dgemm: op(A)·op(B) equals the triple loop for every transpose combination.
    @Test func gemmMatchesNaiveForAllTransposes() throws {
        var g = SplitMix(state: 1)
        let a = g.matrix(7, 5), b = g.matrix(5, 4)
        let expected = naiveProduct(a, b)
        #expect(relDiff(try Matrix.product(a, b), expected) < 1e-15)
        #expect(relDiff(try Matrix.product(a.transposed(), .transpose, b), expected) < 1e-15)
        #expect(relDiff(try Matrix.product(a, .none, b.transposed(), .transpose), expected) < 1e-15)
        #expect(relDiff(try Matrix.product(a.transposed(), .transpose, b.transposed(), .transpose), expected) < 1e-15)
    }

    /// C ← αAB + βC accumulates into C.
    @Test func multiplyAddAccumulates() throws {
        let a = Matrix(rowMajor: [[1, 2], [3, 4]]), b = Matrix.identity(2)
        var c = Matrix(rowMajor: [[10, 0], [0, 10]])
        try Matrix.multiplyAdd(alpha: 2, a, .none, b, .none, beta: 0.5, into: &c)
        #expect(c == Matrix(rowMajor: [[7, 4], [6, 13]]))
    }

    @Test func gemmRejectsMismatchNamingBothShapes() {
        let a = Matrix(rows: 3, cols: 2), b = Matrix(rows: 3, cols: 2)
        #expect(throws: LapackError.dimensionMismatch(operation: "dgemm op(A)·op(B)", lhs: (3, 2), rhs: (3, 2))) {
            try Matrix.product(a, b)
        }
    }

    /// Empty inner dimension: a 3×0 times 0×2 product is the 3×2 zero matrix (no C call).
    @Test func emptyInnerDimensionGivesZeros() throws {
        let c = try Matrix.product(Matrix(rows: 3, cols: 0), Matrix(rows: 0, cols: 2))
        #expect(c == Matrix(rows: 3, cols: 2))
    }

    /// dgemv: A·x and Aᵀ·x against loops.
    @Test func gemv() throws {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(try a.times([1, 0, -1]) == [-2, -2])
        #expect(try a.times([1, 1], .transpose) == [5, 7, 9])
        #expect(throws: LapackError.self) { try a.times([1, 2]) }
    }

    /// dsyrk: AᵀA and AAᵀ equal the general products, symmetric in both triangles.
    @Test func gramEqualsProduct() throws {
        var g = SplitMix(state: 2)
        let a = g.matrix(9, 4)
        #expect(relDiff(a.gram(), try Matrix.product(a, .transpose, a)) < 1e-15)
        #expect(relDiff(a.gram(.none), try Matrix.product(a, a, .transpose)) < 1e-15)
        let ata = a.gram()
        #expect(ata == ata.transposed())
    }

    /// dtrsm/dtrsv: T·X = B solved, then multiplied back.
    @Test func triangularSolvesRoundTrip() throws {
        var g = SplitMix(state: 3)
        var t = g.matrix(5, 5)
        for j in 0..<5 { for i in 0..<5 { if i < j { t[i, j] = 0 } else if i == j { t[i, j] += 3 } } }  // lower, well conditioned
        let b = g.matrix(5, 3)
        var x = b
        try t.solveTriangular(.left, .lower, .none, &x)
        #expect(relDiff(try Matrix.product(t, x), b) < 1e-14)
        var xt = b
        try t.solveTriangular(.left, .lower, .transpose, &xt)
        #expect(relDiff(try Matrix.product(t, .transpose, xt), b) < 1e-14)
        var v = b.column(0)
        try t.solveTriangular(.lower, .none, &v)
        #expect(maxAbsDiff(try t.times(v), b.column(0)) < 1e-14)
        var wrong = Matrix(rows: 4, cols: 2)
        #expect(throws: LapackError.self) { try t.solveTriangular(.left, .lower, .none, &wrong) }
    }
}
