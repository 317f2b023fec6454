import Foundation
import Testing
@testable import MemcastNumerics

/// cblas and LAPACKE as linked here give numpy's numbers.
///
/// Fixtures/numpy_reference.json was generated once by
/// Fixtures/numpy_reference.py (numpy 2.4.6 with its own OpenBLAS 0.3.31).
/// Two BLAS builds need not round identically, so each quantity has a named
/// tolerance, normwise relative to the reference: a few ulps times the
/// problem's condition (≤ 1e2 for these matrices).
@Suite struct NumpyReferenceTests {
    /// Products and factors of well-conditioned 4×4/5×4 matrices: ~10 ulps.
    static let factorTolerance = 1e-14
    /// Inverse and minimum-norm solution carry κ ≈ 10–100 more: ~1000 ulps.
    static let solveTolerance = 1e-13

    struct Reference {
        let json: [String: Any]
        init() throws {
            let url = Bundle.module.url(forResource: "Fixtures/numpy_reference", withExtension: "json")!
            json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        }
        func vector(_ key: String) -> [Double] { (json[key] as! [NSNumber]).map(\.doubleValue) }
        func matrix(_ key: String) -> Matrix {
            let m = json[key] as! [String: Any]
            return Matrix(rows: m["rows"] as! Int, cols: m["cols"] as! Int,
                          columnMajor: (m["data"] as! [NSNumber]).map(\.doubleValue))
        }
        func matrix(_ key: String, _ rows: Int, _ cols: Int) -> Matrix {
            Matrix(rows: rows, cols: cols, columnMajor: vector(key))
        }
    }

    @Test func dgemmMatchesNumpyMatmul() throws {
        let r = try Reference()
        let a = r.matrix("A"), b = r.matrix("B")
        #expect(relDiff(try Matrix.product(a, b), r.matrix("dgemm_AB", 5, 3)) <= Self.factorTolerance)
        #expect(relDiff(a.gram(), r.matrix("dgemm_AtA", 4, 4)) <= Self.factorTolerance)
    }

    /// Singular vectors are compared after the same sign convention numpy_reference.py
    /// applies (largest-|·| entry of each right singular vector positive).
    @Test func dgesddMatchesNumpySVD() throws {
        let r = try Reference()
        let svd = try SVD(r.matrix("A"))
        #expect(maxAbsDiff(svd.singularValues, r.vector("dgesdd_s")) <= Self.factorTolerance * r.vector("dgesdd_s")[0])
        var u = svd.u, vt = svd.vt
        for i in 0..<vt.rows {
            let row = vt.row(i)
            let j = row.indices.max { abs(row[$0]) < abs(row[$1]) }!
            if row[j] < 0 {
                for c in 0..<vt.cols { vt[i, c] = -vt[i, c] }
                for rr in 0..<u.rows { u[rr, i] = -u[rr, i] }
            }
        }
        #expect(relDiff(u, r.matrix("dgesdd_U", 5, 4)) <= Self.solveTolerance)
        #expect(relDiff(vt, r.matrix("dgesdd_Vt", 4, 4)) <= Self.solveTolerance)
    }

    @Test func dpotrfMatchesNumpyCholesky() throws {
        let r = try Reference()
        #expect(relDiff(try Cholesky(r.matrix("S")).lower, r.matrix("dpotrf_L", 4, 4)) <= Self.factorTolerance)
    }

    @Test func dgetriMatchesNumpyInverse() throws {
        let r = try Reference()
        let lu = try LU(r.matrix("M"))
        #expect(relDiff(try lu.inverse(), r.matrix("dgetri_Minv", 4, 4)) <= Self.solveTolerance)
        let det = (r.json["det_M"] as! NSNumber).doubleValue
        #expect(abs(lu.determinant - det) <= Self.factorTolerance * abs(det))
    }

    /// numpy's lstsq (dgelsd, rcond = max(m,n)·ε) on a rank-2 6×3 matrix: same rank, same minimum-norm x.
    @Test func dgelsdMatchesNumpyLstsq() throws {
        let r = try Reference()
        let (x, rank, _) = try SVD.leastSquares(r.matrix("R"), r.vector("y"))
        #expect(rank == (r.json["dgelsd_rank"] as! Int))
        let ref = r.vector("dgelsd_x")
        #expect(maxAbsDiff(x, ref) <= Self.solveTolerance * ref.map(abs).max()!)
    }
}
