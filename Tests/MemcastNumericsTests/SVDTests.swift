import Testing
@testable import MemcastNumerics

/// SVD (dgesdd) and SVD least squares (dgelsd).
@Suite struct SVDTests {
    /// A = U·Σ·Vᵀ, UᵀU = I, VVᵀ = I, σ descending.
    @Test func reconstructs() throws {
        var g = SplitMix(state: 20)
        let a = g.matrix(7, 4)
        let svd = try SVD(a)
        var us = svd.u
        for j in 0..<4 { for i in 0..<7 { us[i, j] *= svd.singularValues[j] } }
        #expect(relDiff(try Matrix.product(us, svd.vt), a) < 1e-14)
        #expect(relDiff(svd.u.gram(), .identity(4)) < 1e-14)
        #expect(relDiff(svd.vt.gram(.none), .identity(4)) < 1e-14)
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(maxAbsDiff(try SVD.singularValues(a), svd.singularValues) < 1e-14)
    }

    /// dgelsd agrees with LeastSquares.solve on a full-rank problem.
    @Test func gelsdMatchesLeastSquares() throws {
        var g = SplitMix(state: 21)
        let a = g.matrix(12, 3)
        let b = (0..<12).map { _ in g.next() }
        let (x, rank, _) = try SVD.leastSquares(a, b)
        #expect(rank == 3)
        #expect(maxAbsDiff(x, try LeastSquares.solve(a, b).coefficients) < 1e-13)
    }

    /// On a rank-deficient matrix dgelsd returns the minimum-norm solution:
    /// it fits as well as the basic one and is orthogonal to the null space.
    @Test func gelsdMinimumNormOnRankDeficient() throws {
        let a = Matrix(columns: [[1, 2, 3, 4], [0, 1, 0, 1], [1, 3, 3, 5]])  // null space ∝ (1, 1, −1)
        let b = [1.0, 0, 2, 1]
        let (x, rank, s) = try SVD.leastSquares(a, b)
        #expect(rank == 2 && s.count == 3 && s[2] < 1e-14 * s[0])
        #expect(abs(x[0] + x[1] - x[2]) < 1e-13)
        let basic = try LeastSquares.solve(a, b)
        let rssMin = zip(try a.times(x), b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        #expect(abs(rssMin - basic.residualSumOfSquares) < 1e-13)
    }

    @Test func rejectsBadInput() {
        #expect(throws: LapackError.dimensionMismatch(operation: "dgelsd A·x ≈ b", lhs: (3, 2), rhs: (2, 1))) {
            try SVD.leastSquares(Matrix(rows: 3, cols: 2, repeating: 1), [1, 2])
        }
        #expect(throws: LapackError.self) { try SVD(Matrix(rows: 3, cols: 0)) }
    }
}
