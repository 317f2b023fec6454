import CLapack
import Foundation

/// A reusable least-squares engine: the same algorithm and results as
/// `LeastSquares.solve`, but keeps its scratch memory between calls, so a
/// loop of many small fits (rolling windows, bootstrap replications)
/// allocates only the result arrays.
///
///     let solver = LeastSquaresSolver()
///     for window in windows { let fit = try solver.solve(window.X, window.y) … }
///
/// Not thread-safe: use one solver per thread (and set BLAS to one thread
/// with `NumericsInfo.withSingleThreadedBLAS` when parallelising above it).
public final class LeastSquaresSolver {
    let ws = Workspace()
    let xs = Scratch<Double>()      // n×k equilibrated design
    let fac = Scratch<Double>()     // n×kk QR factors, or SVD input/U
    let small = Scratch<Double>()   // k×k: B = R·Pᵀ or Σ·Vᵀ, later Vᵀ
    let small2 = Scratch<Double>()  // k×k: copies for dgesdd/dgeqp3
    let small3 = Scratch<Double>()  // k×k: Vᵀ of the SVD
    let aux = Scratch<Double>()     // n×k: dgesdd input (destroyed)
    let vec = Scratch<Double>()     // n-vectors: rr, f, t, hi, lo, scaled y
    let kvec = Scratch<Double>()    // k-vectors: tau, sv, u, du, g, av, d, σ's
    let ivec = Scratch<Int32>()     // jpvt

    public init() {}

    /// Same contract as `LeastSquares.solve` (see there for the algorithm).
    /// `diagnostics: false` is for callers that read only `coefficients`, `rank` and
    /// `aliased`: the solver may then skip fitted values, residuals, the covariance and
    /// X's singular values (the tall path does; they come back empty, 0×0 or NaN).
    public func solve(_ X: Matrix, _ y: [Double], columnNames: [String]? = nil,
                      method: LeastSquaresMethod = .qr, rankTolerance: Double? = nil,
                      refine: Bool = true, diagnostics: Bool = true) throws -> LeastSquaresSolution {
        // The scratch buffers are raw pointers owned by `self`: once this call is inlined,
        // the optimizer may release a temporary solver (`LeastSquaresSolver().solve(…)`)
        // after its last *reference* — before the last use of its pointers. Keep it alive.
        defer { withExtendedLifetime(self) {} }
        let n = X.rows, k = X.cols
        // 1. Input checks: everything a user or a file can get wrong throws here.
        if X.isEmpty { throw LapackError.empty(operation: "least squares design X", shape: X.shape) }
        guard y.count == n else {
            throw LapackError.dimensionMismatch(operation: "least squares X·b ≈ y", lhs: X.shape, rhs: (y.count, 1))
        }
        if let c = columnNames, c.count != k {
            throw LapackError.dimensionMismatch(operation: "least squares column names for X", lhs: X.shape, rhs: (1, c.count))
        }
        // Names are built only when a message needs them (none on the hot path).
        let name = { (j: Int) in columnNames?[j] ?? "x\(j + 1)" }
        guard k <= n else { throw LapackError.underdetermined(operation: "least squares", rows: n, cols: k) }
        if let (i, j) = X.firstNonFinite() {
            throw LapackError.nonFinite(operand: "least squares X column '\(name(j))'", row: i, column: j, value: X[i, j])
        }
        if let i = y.firstIndex(where: { !$0.isFinite }) {
            throw LapackError.nonFinite(operand: "least squares y", row: i, column: 0, value: y[i])
        }
        let tol = rankTolerance ?? LeastSquares.defaultRankTolerance(rows: n, cols: k)
        guard n <= Int(Int32.max) && k <= Int(Int32.max) else {
            throw LapackError.invalidArgument(operation: "least squares", message: "\(n)×\(k) exceeds LAPACK's 32-bit dimensions")
        }
        guard tol > 0 && tol < 1 else {
            throw LapackError.invalidArgument(operation: "least squares", message: "rank tolerance \(tol) is not in (0, 1)")
        }
        // Tall, well-conditioned QR problems: no n×k copies (LeastSquaresSolver+Tall.swift);
        // nil hands the problem to the general path below.
        if method == .qr && n >= 8 * k && n * k >= Self.tallMinimumElements,
           let s = try solveTall(X, y, tol: tol, refine: refine, diagnostics: diagnostics,
                                 columnNames: columnNames, name: name) {
            return s
        }

        // Scratch layout (pointers stay valid: no scratch grows after this).
        let xsP = xs.get(n * k), facP = fac.get(n * k)
        let bP = small.get(k * k), cP = small2.get(k * k), vtP = small3.get(k * k)
        let nv = vec.get(6 * n)
        let (rr, f, t, hi, lo, ysP) = (nv, nv + n, nv + 2 * n, nv + 3 * n, nv + 4 * n, nv + 5 * n)
        let kv = kvec.get(9 * k)
        let (tau, sv, u, du, g, av, d, svRaw, sw) = (kv, kv + k, kv + 2 * k, kv + 3 * k, kv + 4 * k,
                                                     kv + 5 * k, kv + 6 * k, kv + 7 * k, kv + 8 * k)
        let jpvt = ivec.get(k)

        // 2. Equilibrate by powers of two (exact): columns of X to norm in
        //    [1, 2), and y likewise (b̂ and e scale with y; undone at the end),
        //    so no intermediate overflows while the answer is representable.
        let dy = y.withUnsafeBufferPointer { yp in powerOfTwoScale(yp.baseAddress!, n) }
        y.withUnsafeBufferPointer { yp in for i in 0..<n { ysP[i] = yp[i] * dy } }
        X.storage.withUnsafeBufferPointer { x in
            for j in 0..<k {
                d[j] = powerOfTwoScale(x.baseAddress! + j * n, n)
                for i in 0..<n { xsP[i + j * n] = x[i + j * n] * d[j] }
            }
        }

        // 3. Rank-revealing factorization of all k columns; B (k×k) is an
        //    isometric image of the scaled columns (XsᵀXs = BᵀB).
        var reference = 0.0  // |R₁₁| or σ₁
        var fullRank = 0
        switch method {
        case .qr:
            facP.update(from: xsP, count: n * k)
            LAPACK.geqp3(m: n, n: k, a: facP, lda: n, jpvt: jpvt, tau: tau, ws: ws)
            bP.update(repeating: 0, count: k * k)
            for i in 0..<k {
                let p = Int(jpvt[i]) - 1
                for r in 0...i { bP[r + p * k] = facP[r + i * n] }
            }
            reference = abs(facP[0])
            while fullRank < k && abs(facP[fullRank + fullRank * n]) > tol * reference { fullRank += 1 }
        case .svd:
            let auxP = aux.get(n * k)
            auxP.update(from: xsP, count: n * k)
            try LAPACK.gesdd(thin: true, m: n, n: k, a: auxP, lda: n, s: sv, u: facP, vt: vtP, ws: ws)
            for j in 0..<k { for i in 0..<k { bP[i + j * k] = sv[i] * vtP[i + j * k] } }
            reference = sv[0]
            while fullRank < k && sv[fullRank] > tol * reference { fullRank += 1 }
        }
        if reference == 0 { fullRank = 0 }
        let threshold = tol * reference

        // Singular values of X as given: σ(X) = σ(B·D⁻¹) = σ(B·dₘᵢₙD⁻¹)/dₘᵢₙ; the
        // second form cannot overflow inside dgesdd (dₘᵢₙ/dⱼ ≤ 1, exact).
        var dMin = d[0]
        for j in 1..<k { dMin = min(dMin, d[j]) }
        for j in 0..<k { for i in 0..<k { cP[i + j * k] = bP[i + j * k] * (dMin / d[j]) } }
        try LAPACK.gesdd(thin: false, m: k, n: k, a: cP, lda: k, s: svRaw, u: nil, vt: nil, ws: ws)
        let singularValues = (0..<k).map { svRaw[$0] / dMin }  // +∞ if σ(X) exceeds the double range
        let conditionNumber = svRaw[k - 1] > 0 ? svRaw[0] / svRaw[k - 1] : .infinity
        // Condition of the equilibrated design: what input rounding is amplified by.
        cP.update(from: bP, count: k * k)
        try LAPACK.gesdd(thin: false, m: k, n: k, a: cP, lda: k, s: sw, u: nil, vt: nil, ws: ws)
        let scaledConditionNumber = sw[k - 1] > 0 ? sw[0] / sw[k - 1] : .infinity

        // 4. Which columns to keep: all, or greedily in the caller's order.
        var kept = Array(0..<k)
        if fullRank < k {
            kept = fullRank == 0 ? [] : greedyColumns(b: bP, k: k, threshold: threshold, target: fullRank, scratch: cP, tau: sw)
        }

        // Factor the kept columns (scaled) for solving; `col[i]` is the
        // original column behind unknown u[i].
        var col: [Int] = []
        var kk = kept.count
        while kk > 0 {
            var full = true
            if kk == k {
                // Step 3 already factored all columns, and they are all kept.
                col = method == .qr ? (0..<k).map { Int(jpvt[$0]) - 1 } : kept
            } else {
                switch method {
                case .qr:
                    for (c, j) in kept.enumerated() { (facP + c * n).update(from: xsP + j * n, count: n) }
                    LAPACK.geqp3(m: n, n: kk, a: facP, lda: n, jpvt: jpvt, tau: tau, ws: ws)
                    col = (0..<kk).map { kept[Int(jpvt[$0]) - 1] }
                    full = abs(facP[(kk - 1) * (n + 1)]) > threshold
                case .svd:
                    let auxP = aux.get(n * k)
                    for (c, j) in kept.enumerated() { (auxP + c * n).update(from: xsP + j * n, count: n) }
                    try LAPACK.gesdd(thin: true, m: n, n: kk, a: auxP, lda: n, s: sv, u: facP, vt: vtP, ws: ws)
                    col = kept
                    full = sv[kk - 1] > threshold
                }
            }
            if full { break }
            kept.removeLast()  // borderline pivot after re-factoring: alias the latest column too
            kk -= 1
        }

        var coefficients = [Double](repeating: .nan, count: k)
        var residuals = [Double](repeating: 0, count: n)
        var fitted = [Double](repeating: 0, count: n)
        var cov = Matrix(rows: k, cols: k, repeating: .nan)
        var warnings: [String] = []
        var steps = 0
        var estimate = refine ? 0.0 : .nan
        let aliased = (0..<k).filter { !col.contains($0) }
        if !aliased.isEmpty {
            warnings.append("aliased columns (linear combinations of earlier columns; coefficients set to NaN, as R's lm reports NA): "
                + aliased.map(name).joined(separator: ", ")
                + "; rank \(kk) of \(k) at relative tolerance \(shortNumber(tol))")
        }

        if kk > 0 {
            // Sensitivity to input rounding, for the columns actually used.
            var keptCondition = scaledConditionNumber
            if kk < k {
                for (c, j) in col.enumerated() { (cP + c * k).update(from: bP + j * k, count: k) }
                try LAPACK.gesdd(thin: false, m: k, n: kk, a: cP, lda: k, s: sw, u: nil, vt: nil, ws: ws)
                keptCondition = sw[0] / sw[kk - 1]
            }
            if let w = stabilityWarning(scaledConditionNumber: keptCondition) { warnings.append(w) }

            // Initial solve.
            let zP = xsP  // column c of Z·P is xs column col[c]
            switch method {
            case .qr:  // u = R⁻¹·(Qᵀy)[0..<kk]
                t.update(from: ysP, count: n)
                applyQ(.transpose, n: n, kk: kk, fac: facP, tau: tau, c: t)
                u.update(from: t, count: kk)
                solveR(.none, n: n, kk: kk, fac: facP, b: u)
            case .svd:  // u = V·Σ⁻¹·Uᵀy
                cblas_dgemv(CblasColMajor, CblasTrans, Int32(n), Int32(kk), 1, facP, Int32(n), ysP, 1, 0, du, 1)
                for i in 0..<kk { du[i] /= sv[i] }
                cblas_dgemv(CblasColMajor, CblasTrans, Int32(kk), Int32(kk), 1, vtP, Int32(kk), du, 1, 0, u, 1)
            }

            // Refinement of the augmented system [I Z; Zᵀ 0][e; u] = [y; 0].
            if refine {
                // Starting residual in plain double: the first refinement step
                // recomputes y − e − Z·u in double-double anyway.
                rr.update(from: ysP, count: n)
                for (c, j) in col.enumerated() {
                    let uc = u[c], zc = zP + j * n
                    for i in 0..<n { rr[i] -= zc[i] * uc }
                }
                var previous = Double.infinity
                for _ in 0..<maxRefinementSteps {
                    residualDD(n: n, y: ysP, rr: rr, z: zP, col: col, u: u, out: f, hi: hi, lo: lo)
                    for c in 0..<kk { g[c] = -DoubleDouble.dot(UnsafeBufferPointer(start: zP + col[c] * n, count: n),
                                                                UnsafeBufferPointer(start: rr, count: n)) }
                    correction(method, n: n, kk: kk, f: f, g: g, du: du, dr: t, av: av, fac: facP,
                               tau: tau, sv: sv, vt: vtP)
                    var dn = 0.0, un = 0.0
                    for c in 0..<kk { dn = max(dn, abs(du[c])); un = max(un, abs(u[c])) }
                    let rel = un > 0 ? dn / un : (dn > 0 ? Double.infinity : 0)
                    if dn > 0.5 * previous { estimate = rel; break }  // stagnated: keep the last good iterate
                    for c in 0..<kk { u[c] += du[c] }
                    for i in 0..<n { rr[i] += t[i] }
                    steps += 1
                    estimate = rel
                    previous = dn
                    if rel <= Double.ulpOfOne { break }
                }
                if !(estimate <= maxTrustedRelativeError) {  // also catches NaN from overflow
                    throw LapackError.illConditioned(operation: "least squares", conditionNumber: conditionNumber,
                                                     estimatedRelativeError: estimate)
                }
                if estimate > 1e-12 {
                    warnings.append("iterative refinement stopped with relative correction \(shortNumber(estimate)): "
                        + "coefficients carry about \(Int(-log10(estimate))) significant digits (condition number \(shortNumber(conditionNumber)))")
                }
            }

            for c in 0..<kk { coefficients[col[c]] = u[c] * d[col[c]] / dy }
            if let j = col.first(where: { !coefficients[$0].isFinite }) {
                throw LapackError.invalidArgument(operation: "least squares",
                    message: "coefficient of '\(name(j))' overflowed double precision; rescale y or that column")
            }
            // Fitted values and residuals from the final coefficients, in double-double.
            for i in 0..<n { hi[i] = 0; lo[i] = 0 }
            accumulateDD(n: n, z: zP, col: col, u: u, sign: 1, hi: hi, lo: lo)
            for i in 0..<n {
                fitted[i] = (hi[i] + lo[i]) / dy
                let (s, e) = DoubleDouble.twoSum(ysP[i], -hi[i])
                residuals[i] = (s + (e - lo[i])) / dy
            }

            // The factor's (ZᵀZ)⁻¹ has ≈ κ·ε relative error; refine it when that exceeds ~1e-13.
            try fillCovariance(method, n: n, kk: kk, col: col, d: d, fac: facP, sv: sv, vt: vtP, scratch: bP,
                               refine: refine && keptCondition * Double.ulpOfOne > 1e-13, z: xsP, into: &cov)
        } else {
            residuals = y
        }

        return LeastSquaresSolution(
            coefficients: coefficients, rank: kk, aliased: aliased, aliasedNames: aliased.map(name),
            residuals: residuals, fitted: fitted, unscaledCovariance: cov, singularValues: singularValues,
            conditionNumber: conditionNumber, scaledConditionNumber: scaledConditionNumber, rankTolerance: tol, warnings: warnings, method: method,
            refinementSteps: steps, estimatedRelativeError: estimate, givenColumnNames: columnNames)
    }

    let maxRefinementSteps = 20
    /// Below this many input-stable digits (16 − log10 κ_scaled) a warning is added.
    let minimumStableDigits = 8.0
    /// Beyond this estimated relative error the fit is refused (about 8 digits).
    let maxTrustedRelativeError = 1e-8

    // MARK: - Pieces

    /// Keeps columns in the caller's order when each adds rank: column j is
    /// kept if pivoted QR of B[:, kept + [j]] has all |Rᵢᵢ| > threshold.
    /// Stops once `target` columns are kept. O(k⁴) on the k×k B.
    private func greedyColumns(b: UnsafeMutablePointer<Double>, k: Int, threshold: Double, target: Int,
                               scratch: UnsafeMutablePointer<Double>, tau: UnsafeMutablePointer<Double>) -> [Int] {
        var kept: [Int] = []
        var piv = [Int32](repeating: 0, count: k)
        for j in 0..<k where kept.count < target {
            let cand = kept + [j]
            for (c, src) in cand.enumerated() { (scratch + c * k).update(from: b + src * k, count: k) }
            piv.withUnsafeMutableBufferPointer { p in
                LAPACK.geqp3(m: k, n: cand.count, a: scratch, lda: k, jpvt: p.baseAddress!, tau: tau, ws: ws)
            }
            let last = cand.count - 1
            if abs(scratch[last + last * k]) > threshold { kept.append(j) }
        }
        return kept
    }

    /// out = y − rr − Z·u, each row accumulated in double-double (rr optional).
    func residualDD(n: Int, y: UnsafePointer<Double>, rr: UnsafePointer<Double>?, z: UnsafePointer<Double>,
                            col: [Int], u: UnsafePointer<Double>, out: UnsafeMutablePointer<Double>,
                            hi: UnsafeMutablePointer<Double>, lo: UnsafeMutablePointer<Double>) {
        for i in 0..<n { hi[i] = y[i]; lo[i] = 0 }
        if let rr = rr {
            for i in 0..<n {
                let (s, e) = DoubleDouble.twoSum(hi[i], -rr[i])
                hi[i] = s; lo[i] = e
            }
        }
        accumulateDD(n: n, z: z, col: col, u: u, sign: -1, hi: hi, lo: lo)
        for i in 0..<n { out[i] = hi[i] + lo[i] }
    }

    /// (hi, lo) += sign·Z·u in double-double, column by column (stride-1 access).
    func accumulateDD(n: Int, z: UnsafePointer<Double>, col: [Int], u: UnsafePointer<Double>, sign: Double,
                              hi: UnsafeMutablePointer<Double>, lo: UnsafeMutablePointer<Double>) {
        for (c, j) in col.enumerated() {
            let uj = sign * u[c]
            let zc = z + j * n
            for i in 0..<n {
                let (p, ep) = DoubleDouble.twoProduct(zc[i], uj)
                let (s, es) = DoubleDouble.twoSum(hi[i], p)
                hi[i] = s
                lo[i] += es + ep
            }
        }
    }

    /// c ← Qᵀc or Q·c for one vector, Q = H₁⋯H_kk from dgeqp3's compact
    /// reflectors Hᵢ = I − τᵢvᵢvᵢᵀ (vᵢ = [0…0, 1, fac[i+1…, i]]). This is what
    /// LAPACK's dorm2r does for one column; done here because for the small
    /// k of most regressions the call overhead of dormqr (workspace query,
    /// ilaenv) exceeded the arithmetic. O(n·kk).
    @inline(__always)
    private func applyQ(_ trans: Transpose, n: Int, kk: Int, fac: UnsafePointer<Double>, tau: UnsafePointer<Double>,
                        c: UnsafeMutablePointer<Double>) {
        func reflect(_ i: Int) {
            let v = fac + i * n
            var s = c[i]
            for r in (i + 1)..<n { s += v[r] * c[r] }
            s *= tau[i]
            c[i] -= s
            for r in (i + 1)..<n { c[r] -= s * v[r] }
        }
        if trans == .transpose { for i in 0..<kk { reflect(i) } } else { for i in stride(from: kk - 1, through: 0, by: -1) { reflect(i) } }
    }

    /// b ← R⁻¹b or R⁻ᵀb with R the kk×kk upper triangle of `fac` (lda n);
    /// back/forward substitution as dtrtrs would do, without the call
    /// overhead. R's diagonal is nonzero: the rank decision kept only
    /// pivots above the tolerance. O(kk²).
    @inline(__always)
    private func solveR(_ trans: Transpose, n: Int, kk: Int, fac: UnsafePointer<Double>, b: UnsafeMutablePointer<Double>) {
        if trans == .none {
            for i in stride(from: kk - 1, through: 0, by: -1) {
                var s = b[i]
                for j in (i + 1)..<kk { s -= fac[i + j * n] * b[j] }
                b[i] = s / fac[i + i * n]
            }
        } else {
            for i in 0..<kk {
                var s = b[i]
                for j in 0..<i { s -= fac[j + i * n] * b[j] }
                b[i] = s / fac[i + i * n]
            }
        }
    }

    /// Solves the augmented correction system δr + Z·δu = f, Zᵀ·δr = g.
    /// QR (Z = Q·R): a = R⁻ᵀg, d = Qᵀf, δu = R⁻¹(d₁ − a), δr = Q·[a; d₂].
    /// SVD (Z = U·Σ·Vᵀ): c = Uᵀf − Σ⁻¹Vᵀg, δu = V·Σ⁻¹·c, δr = f − U·c.
    private func correction(_ method: LeastSquaresMethod, n: Int, kk: Int, f: UnsafePointer<Double>,
                            g: UnsafePointer<Double>, du: UnsafeMutablePointer<Double>, dr: UnsafeMutablePointer<Double>,
                            av: UnsafeMutablePointer<Double>, fac: UnsafePointer<Double>, tau: UnsafePointer<Double>,
                            sv: UnsafePointer<Double>, vt: UnsafePointer<Double>) {
        switch method {
        case .qr:
            av.update(from: g, count: kk)
            solveR(.transpose, n: n, kk: kk, fac: fac, b: av)
            dr.update(from: f, count: n)
            applyQ(.transpose, n: n, kk: kk, fac: fac, tau: tau, c: dr)
            for c in 0..<kk { du[c] = dr[c] - av[c]; dr[c] = av[c] }
            solveR(.none, n: n, kk: kk, fac: fac, b: du)
            applyQ(.none, n: n, kk: kk, fac: fac, tau: tau, c: dr)
        case .svd:
            // av = Uᵀf − Σ⁻¹·(Vᵀg)
            cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(kk), Int32(kk), 1, vt, Int32(kk), g, 1, 0, du, 1)
            cblas_dgemv(CblasColMajor, CblasTrans, Int32(n), Int32(kk), 1, fac, Int32(n), f, 1, 0, av, 1)
            for c in 0..<kk { av[c] -= du[c] / sv[c] }
            dr.update(from: f, count: n)
            cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(n), Int32(kk), -1, fac, Int32(n), av, 1, 1, dr, 1)
            for c in 0..<kk { av[c] /= sv[c] }
            cblas_dgemv(CblasColMajor, CblasTrans, Int32(kk), Int32(kk), 1, vt, Int32(kk), av, 1, 0, du, 1)
        }
    }

    /// (XᵀX)⁻¹ over kept columns, unscaled, in the caller's order.
    /// QR: R⁻¹R⁻ᵀ; SVD: V·Σ⁻²·Vᵀ; then D·C·D.
    /// With `refine`, the result is then refined against the Gram matrix of
    /// the scaled columns `z` (see `refineInverse`).
    private func fillCovariance(_ method: LeastSquaresMethod, n: Int, kk: Int, col: [Int], d: UnsafePointer<Double>,
                                fac: UnsafePointer<Double>, sv: UnsafePointer<Double>, vt: UnsafePointer<Double>,
                                scratch: UnsafeMutablePointer<Double>, refine: Bool, z: UnsafePointer<Double>,
                                into cov: inout Matrix) throws {
        let k = cov.rows
        var c = [Double](repeating: 0, count: kk * kk)
        switch method {
        case .qr:
            // R⁻¹ column by column (back substitution, as dtrtri; O(kk³/3)).
            for j in 0..<kk {
                for i in 0..<kk { scratch[i + j * kk] = 0 }
                scratch[j + j * kk] = 1 / fac[j + j * n]
                for i in stride(from: j - 1, through: 0, by: -1) {
                    var s = 0.0
                    for l in (i + 1)...j { s += fac[i + l * n] * scratch[l + j * kk] }
                    scratch[i + j * kk] = -s / fac[i + i * n]
                }
            }
            for j in 0..<kk {
                for i in 0...j {
                    var s = 0.0
                    for l in j..<kk { s += scratch[i + l * kk] * scratch[j + l * kk] }
                    c[i + j * kk] = s; c[j + i * kk] = s
                }
            }
        case .svd:
            for j in 0..<kk {
                for i in 0...j {
                    var s = 0.0
                    for l in 0..<kk { s += vt[l + i * kk] * vt[l + j * kk] / (sv[l] * sv[l]) }
                    c[i + j * kk] = s; c[j + i * kk] = s
                }
            }
        }
        if refine { refineInverse(&c, kk: kk, n: n, z: z, col: col) }
        for j in 0..<kk {
            for i in 0..<kk {
                cov.storage[col[i] + col[j] * k] = c[i + j * kk] * d[col[i]] * d[col[j]]
            }
        }
    }
}

extension LeastSquaresSolver {
    /// Refines C ≈ (ZᵀZ)⁻¹ (kk×kk, columns of Z = z[:, col] in that order) by
    /// C ← C + C₀·(I − G·C), where G = ZᵀZ is accumulated in double-double
    /// and kept as hi + lo, and the residual I − G·C is accumulated in
    /// double-double too; C₀ is the unrefined inverse from the factorization.
    /// I − C₀G is similar to a matrix of norm ≈ κ(Z)·ε, so this converges
    /// whenever the coefficient refinement does, to the inverse of the exact
    /// Gram matrix of the given data.
    /// - Complexity: O(n·kk²) once for G, O(kk³) per step.
    /// `columnScale`, when given, means Z = z·diag(columnScale) with power-of-two
    /// scales (exact): G is accumulated from z and scaled afterwards.
    func refineInverse(_ c: inout [Double], kk: Int, n: Int, z: UnsafePointer<Double>, col: [Int],
                       columnScale: UnsafePointer<Double>? = nil) {
        var gh = [Double](repeating: 0, count: kk * kk), gl = gh
        for a in 0..<kk {
            for b in a..<kk {
                let za = z + col[a] * n, zb = z + col[b] * n
                var hi = 0.0, lo = 0.0
                for i in 0..<n {
                    let (p, ep) = DoubleDouble.twoProduct(za[i], zb[i])
                    let (s, es) = DoubleDouble.twoSum(hi, p)
                    hi = s
                    lo += es + ep
                }
                var (h, l) = DoubleDouble.twoSum(hi, lo)
                if let sc = columnScale { let f = sc[col[a]] * sc[col[b]]; h *= f; l *= f }
                gh[a + b * kk] = h; gh[b + a * kk] = h
                gl[a + b * kk] = l; gl[b + a * kk] = l
            }
        }
        refineInverse(&c, kk: kk, gh: gh, gl: gl)
    }

    /// The refinement steps of `refineInverse(_:kk:n:z:col:columnScale:)` against a
    /// given Gram matrix G = gh + gl (kk×kk, double-double, both triangles).
    /// - Complexity: O(kk³) per step.
    func refineInverse(_ c: inout [Double], kk: Int, gh: [Double], gl: [Double]) {
        let c0 = c
        var e = [Double](repeating: 0, count: kk * kk), delta = e
        var previous = Double.infinity
        for _ in 0..<maxRefinementSteps {
            for j in 0..<kk {
                for i in 0..<kk {
                    var hi = i == j ? 1.0 : 0.0, lo = 0.0
                    for l in 0..<kk {
                        let cl = c[l + j * kk]
                        let (p, ep) = DoubleDouble.twoProduct(-gh[i + l * kk], cl)
                        let (s, es) = DoubleDouble.twoSum(hi, p)
                        hi = s
                        lo += es + ep - gl[i + l * kk] * cl
                    }
                    e[i + j * kk] = hi + lo
                }
            }
            var dn = 0.0, cn = 0.0
            for j in 0..<kk {
                for i in 0..<kk {
                    var s = 0.0
                    for l in 0..<kk { s += c0[i + l * kk] * e[l + j * kk] }
                    delta[i + j * kk] = s
                    dn = max(dn, abs(s)); cn = max(cn, abs(c[i + j * kk]))
                }
            }
            if dn > 0.5 * previous { break }  // stagnated: keep the last iterate
            for i in 0..<(kk * kk) { c[i] += delta[i] }
            previous = dn
            if dn <= Double.ulpOfOne * cn { break }
        }
        for j in 0..<kk { for i in 0..<j {
            let s = 0.5 * (c[i + j * kk] + c[j + i * kk])
            c[i + j * kk] = s; c[j + i * kk] = s
        } }
    }
}

/// The power of two 2⁻ᵉ that brings ‖v‖₂ into [1, 2) (up to the rounding of a sum of
/// squares; 1 for a zero vector);
/// multiplying by it is exact. When the 2-norm itself overflows, a power of
/// two that brings it below 1 (from max|vᵢ| and √n). O(n).
func powerOfTwoScale(_ v: UnsafePointer<Double>, _ n: Int) -> Double {
    // Any power of two scales exactly, so only the exponent of ‖v‖ matters: a plain sum
    // of squares in SIMD lanes gives it unless that sum leaves the safe range, where
    // the overflow- and underflow-safe (and several times slower) dnrm2 decides.
    let raw = UnsafeRawPointer(v)
    var acc = SIMD8<Double>(repeating: 0)
    var i = 0
    while i + 8 <= n {
        let x = raw.loadUnaligned(fromByteOffset: 8 * i, as: SIMD8<Double>.self)
        acc += x * x
        i += 8
    }
    var squares = acc.sum()
    while i < n { squares += v[i] * v[i]; i += 1 }
    if squares >= 0x1p-900 && squares <= 0x1p900 {
        return Double(sign: .plus, exponent: -squares.squareRoot().exponent, significand: 1)
    }
    let norm = cblas_dnrm2(Int32(n), v, 1)
    if !norm.isFinite {  // ‖v‖ ≤ √n·max|vᵢ| < 2^(e_max + 1 + e_√n + 1), in exponents only
        let m = UnsafeBufferPointer(start: v, count: n).reduce(0) { max($0, abs($1)) }
        let e = Int(m.exponent) + Int(Double(n).squareRoot().exponent) + 2
        return Double(sign: .plus, exponent: -e, significand: 1)
    }
    return norm > 0 ? Double(sign: .plus, exponent: -norm.exponent, significand: 1) : 1
}

/// Raw scratch memory that only grows; pointers from `get` stay valid until
/// the next larger `get`.
final class Scratch<T> {
    private var pointer: UnsafeMutablePointer<T>
    private var capacity: Int
    init() { capacity = 1; pointer = .allocate(capacity: 1) }
    deinit { pointer.deallocate() }
    func get(_ count: Int) -> UnsafeMutablePointer<T> {
        if count > capacity {
            pointer.deallocate()
            capacity = max(count, 2 * capacity)
            pointer = .allocate(capacity: capacity)
        }
        return pointer
    }
}
