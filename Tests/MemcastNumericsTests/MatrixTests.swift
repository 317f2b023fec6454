import Testing
@testable import MemcastNumerics

/// Matrix layout: column-major, element (i, j) at storage[i + j·rows].
@Suite struct MatrixTests {
    @Test func rowMajorInitStoresColumnMajor() {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(a.rows == 2 && a.cols == 3)
        #expect(a.storage == [1, 4, 2, 5, 3, 6])
        #expect(a[1, 2] == 6 && a.column(1) == [2, 5] && a.row(0) == [1, 2, 3])
    }

    @Test func transposeSwapsIndices() {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        let t = a.transposed()
        #expect(t.rows == 3 && t.cols == 2)
        for i in 0..<2 { for j in 0..<3 { #expect(t[j, i] == a[i, j]) } }
        #expect(t.transposed() == a)
    }

    @Test func identityAndColumns() {
        let i3 = Matrix.identity(3)
        #expect(i3.storage == [1, 0, 0, 0, 1, 0, 0, 0, 1])
        let a = Matrix(columns: [[1, 2], [3, 4], [5, 6]])
        #expect(a.columns([2, 0]) == Matrix(columns: [[5, 6], [1, 2]]))
        #expect(Matrix(rows: 2, cols: 0).isEmpty && Matrix(rowMajor: []).isEmpty)
    }

    @Test func findsFirstNonFinite() {
        var a = Matrix(rows: 3, cols: 2, repeating: 1)
        #expect(a.firstNonFinite() == nil)
        a[2, 1] = -.infinity
        #expect(a.firstNonFinite()! == (2, 1))
    }

    /// Ragged rows from data throw (naming the row) instead of trapping.
    @Test func validatingInitRejectsRaggedRows() throws {
        #expect(throws: LapackError.dimensionMismatch(operation: "Matrix rows (row index, length)", lhs: (2, 1), rhs: (0, 2))) {
            try Matrix(validatingRowMajor: [[1, 2], [3, 4], [5]])
        }
        #expect(try Matrix(validatingRowMajor: [[1, 2], [3, 4]]) == Matrix(rowMajor: [[1, 2], [3, 4]]))
    }
}
