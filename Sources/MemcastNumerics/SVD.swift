import CLapack

// Singular value decomposition: dgesdd (divide and conquer), dgelsd
// (minimum-norm least squares through the SVD). Column-major.

extension LAPACK {
    /// dgesdd: overwrites `a` (m×n, lda) — destroyed on exit. Writes the
    /// min(m,n) singular values, descending, to `s`; with `thin` true also
    /// U (m×min, ldu = m) and Vᵀ (min×n, ldvt = min(m,n)); else neither (JOBZ = N).
    static func gesdd(thin: Bool, m: Int, n: Int, a: UnsafeMutablePointer<Double>, lda: Int,
                      s: UnsafeMutablePointer<Double>, u: UnsafeMutablePointer<Double>?,
                      vt: UnsafeMutablePointer<Double>?, ws: Workspace) throws {
        let mn = min(m, n)
        let jobz = CChar(UInt8(ascii: thin ? "S" : "N"))
        let ldu = thin ? max(m, 1) : 1
        let ldvt = thin ? max(mn, 1) : 1
        var dummy = 0.0
        try withUnsafeMutablePointer(to: &dummy) { d in
        let u = u ?? d, vt = vt ?? d
        try ws.withInts(8 * mn) { iwork in
            var query = 0.0
            var info = LAPACKE_dgesdd_work(colMajor, jobz, Int32(m), Int32(n), a, Int32(lda), s,
                                           u, Int32(ldu), vt, Int32(ldvt), &query, -1, iwork)
            LapackError.check(info, "dgesdd (workspace query)")
            let lwork = Int(query) + 1
            info = ws.withDoubles(lwork) { w in
                LAPACKE_dgesdd_work(colMajor, jobz, Int32(m), Int32(n), a, Int32(lda), s,
                                    u, Int32(ldu), vt, Int32(ldvt), w, Int32(lwork), iwork)
            }
            try LapackError.check(info, "dgesdd") { .svdDidNotConverge(routine: "dgesdd", info: $0) }
        }
        }
    }
}
