import Testing
@testable import MemcastNumerics

/// LU with partial pivoting (dgetrf/dgetrs/dgetri).
@Suite struct LUTests {
    @Test func solveInverseDeterminant() throws {
        let a = Matrix(rowMajor: [[0, 2, 1], [1, 1, 0], [3, 0, 1]])  // needs pivoting (a₁₁ = 0); det = −5
        let lu = try LU(a)
        #expect(abs(lu.determinant - -5) < 1e-14)
        #expect(relDiff(try Matrix.product(a, try lu.inverse()), .identity(3)) < 1e-15)
        let x = try lu.solve([3, 2, 4])
        #expect(maxAbsDiff(try a.times(x), [3, 2, 4]) < 1e-14)
    }

    @Test func reportsSingularAndShape() {
        #expect(throws: LapackError.singular(routine: "dgetrf", minor: 2)) { try LU(Matrix(rowMajor: [[1, 2], [2, 4]])) }
        #expect(throws: LapackError.dimensionMismatch(operation: "dgetrf (square matrix)", lhs: (2, 3), rhs: (3, 2))) {
            try LU(Matrix(rows: 2, cols: 3, repeating: 1))
        }
        #expect(throws: LapackError.self) { try LU(Matrix(rows: 1, cols: 1, repeating: .infinity)) }
    }
}
