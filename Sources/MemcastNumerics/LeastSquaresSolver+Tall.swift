import CLapack
import Dispatch
import Foundation

/// Tall, well-conditioned problems (n ≫ k, e.g. a million rows and 52 columns)
/// without an n×k copy: the same answer as the general path, with the triangular
/// factor from CholeskyQR2 and the refinement on corrected semi-normal equations.
///
/// The general path copies the equilibrated design twice (n×k each) and factors it
/// with pivoted Householder QR, which is memory-bound level-2 work at this shape:
/// for 10⁶×52 that is 830 MB of scratch and seconds of `dger`. Here:
///
/// 1. Z = X·D (D the exact power-of-two column scaling, never formed): G = ZᵀZ
///    = D·(XᵀX)·D by `dsyrk` on X itself; R₁ = chol(G).
/// 2. CholeskyQR2 (Fukaya, Nakatsukasa, Yanagisawa & Yamamoto 2014): G₂ = Σ over
///    row blocks of (Z_b·R₁⁻¹)ᵀ(Z_b·R₁⁻¹) (`dtrsm` + `dsyrk` on a 4,096-row buffer),
///    R₂ = chol(G₂), R = R₂·R₁. For κ(Z) ≲ 10⁷ this R is as accurate as Householder's
///    (Yamamoto, Nakatsukasa, Yanagisawa & Fukaya 2015).
/// 3. Gate: proceed only when κ(R) ≤ 10⁶ (so the rank is certainly full at the
///    solver's tolerance, |Rᵢᵢ|/|R₁₁| ≥ 1/κ ≫ τ, and the refinement contracts by
///    ≈ κ²ε per step); otherwise return nil and the general path decides.
/// 4. u = R⁻¹R⁻ᵀZᵀy, then the general path's refinement of the augmented system
///    with residuals in double-double, where each correction solves
///    RᵀR·δu = Zᵀf − g and δr = f − Z·δu (Björck's corrected semi-normal
///    equations). If it does not reach the general path's trust threshold, nil.
/// 5. Fitted values, residuals, (ZᵀZ)⁻¹ = R⁻¹R⁻ᵀ (refined on the same rule as the
///    general path) exactly as there.
///
/// With `refine: false`, step 4 is one correction in working precision instead (CSNE),
/// as accurate as an unrefined QR solve. With `diagnostics: false` (callers that read
/// only the coefficients, e.g. bootstrap replications) step 5 and the singular values
/// of the unscaled X are skipped: residuals, fitted values and singular values come
/// back empty, the covariance 0×0 and the condition number NaN.
///
/// Memory: six n-vectors and a 4,096×k block. Time: two `dsyrk`s and a `dtrsm`
/// (level-3 BLAS, 3nk² flops) plus O(n·k) per refinement step.
extension LeastSquaresSolver {
    /// Problems with at least this many elements and n ≥ 8k take this path first.
    static let tallMinimumElements = 1 << 16
    /// Largest κ(ZR⁻¹-orthogonalised design) accepted here.
    static let tallMaximumCondition = 1e6
    static let tallBlockRows = 4096

    func solveTall(_ X: Matrix, _ y: [Double], tol: Double, refine: Bool, diagnostics: Bool = true, columnNames: [String]?,
                   name: (Int) -> String) throws -> LeastSquaresSolution? {
        let n = X.rows, k = X.cols, B = Self.tallBlockRows
        let nv = vec.get(6 * n)
        let (rr, f, t, hi, lo, ys) = (nv, nv + n, nv + 2 * n, nv + 3 * n, nv + 4 * n, nv + 5 * n)
        let kv = kvec.get(10 * k)
        let (d, u, du, g, h, sv, sw, uz, w1, w2) = (kv, kv + k, kv + 2 * k, kv + 3 * k, kv + 4 * k,
                                                    kv + 5 * k, kv + 6 * k, kv + 7 * k, kv + 8 * k, kv + 9 * k)
        let r1 = small.get(k * k), r2 = small2.get(k * k), rP = small3.get(k * k)
        let block = aux.get(B * k)
        _ = (w1, w2)

        let dy = y.withUnsafeBufferPointer { powerOfTwoScale($0.baseAddress!, n) }
        y.withUnsafeBufferPointer { yp in for i in 0..<n { ys[i] = yp[i] * dy } }
        return try X.storage.withUnsafeBufferPointer { xb -> LeastSquaresSolution? in
            let x = xb.baseAddress!
            for j in 0..<k { d[j] = powerOfTwoScale(x + j * n, n) }

            // 1. G = D·XᵀX·D (upper triangle), R₁ = chol(G).
            cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(k), Int32(n), 1, x, Int32(n), 0, r1, Int32(k))
            for j in 0..<k { for i in 0...j { r1[i + j * k] *= d[i] * d[j] } }
            guard LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), Int32(k), r1, Int32(k)) == 0 else { return nil }
            for j in 0..<k { for i in (j + 1)..<k { r1[i + j * k] = 0 } }

            // 2. G₂ = Σ_b (Z_b R₁⁻¹)ᵀ(Z_b R₁⁻¹), R₂ = chol(G₂), R = R₂·R₁.
            r2.update(repeating: 0, count: k * k)
            var start = 0
            while start < n {
                let m = min(B, n - start)
                for j in 0..<k {
                    let src = x + j * n + start, dst = block + j * m, dj = d[j]
                    for i in 0..<m { dst[i] = src[i] * dj }
                }
                cblas_dtrsm(CblasColMajor, CblasRight, CblasUpper, CblasNoTrans, CblasNonUnit, Int32(m), Int32(k), 1,
                            r1, Int32(k), block, Int32(m))
                cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(k), Int32(m), 1, block, Int32(m), 1, r2, Int32(k))
                start += m
            }
            guard LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), Int32(k), r2, Int32(k)) == 0 else { return nil }
            for j in 0..<k { for i in (j + 1)..<k { r2[i + j * k] = 0 } }
            // R = R₂·R₁ (both upper triangular).
            for j in 0..<k {
                for i in 0...j {
                    var s = 0.0
                    for l in i...j { s += r2[i + l * k] * r1[l + j * k] }
                    rP[i + j * k] = s
                }
                for i in (j + 1)..<k { rP[i + j * k] = 0 }
            }

            // 3. Conditioning (of Z and of X as given) from R; the gate.
            guard let cond = try conditioning(ofScaled: rP, scales: d, k: k, maximum: Self.tallMaximumCondition, tol: tol,
                                              diagnostics: diagnostics, scratch: r1, sw: sw, sv: sv) else { return nil }
            let scaledConditionNumber = cond.scaledConditionNumber
            let singularValues = cond.singularValues, conditionNumber = cond.conditionNumber
            var warnings: [String] = []
            if let w = stabilityWarning(scaledConditionNumber: scaledConditionNumber) { warnings.append(w) }

            // Zᵀv = D·(Xᵀv); Z·v = X·(D·v): exact rescalings of BLAS products on X.
            func zTranspose(_ v: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
                cblas_dgemv(CblasColMajor, CblasTrans, Int32(n), Int32(k), 1, x, Int32(n), v, 1, 0, out, 1)
                for j in 0..<k { out[j] *= d[j] }
            }
            // b ← R⁻¹R⁻ᵀb.
            func solveNormal(_ b: UnsafeMutablePointer<Double>) {
                cblas_dtrsv(CblasColMajor, CblasUpper, CblasTrans, CblasNonUnit, Int32(k), rP, Int32(k), b, 1)
                cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, Int32(k), rP, Int32(k), b, 1)
            }
            let col = Array(0..<k)  // every column kept (full rank is certain here)

            // 4. Semi-normal solve, then refinement (corrected semi-normal equations).
            zTranspose(ys, into: u)
            solveNormal(u)
            var steps = 0
            var estimate = refine ? 0.0 : .nan
            if !refine {
                // One correction in working precision (Björck's CSNE): the semi-normal
                // solution's κ²ε error drops to the κε of a QR solve.
                t.update(from: ys, count: n)
                for j in 0..<k { uz[j] = -u[j] * d[j] }
                cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(n), Int32(k), 1, x, Int32(n), uz, 1, 1, t, 1)
                zTranspose(t, into: du)
                solveNormal(du)
                for j in 0..<k { u[j] += du[j] }
            } else {
                rr.update(from: ys, count: n)
                for j in 0..<k { uz[j] = -u[j] * d[j] }
                cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(n), Int32(k), 1, x, Int32(n), uz, 1, 1, rr, 1)
                var previous = Double.infinity
                for _ in 0..<maxRefinementSteps {
                    for j in 0..<k { uz[j] = u[j] * d[j] }
                    // f = y − rr − Z·u and g = −Zᵀ·rr, both in double-double, in one pass.
                    Self.blockedDD(n: n, k: k, x: x, uz: uz, y: ys, rr: rr, f: f, hi: nil, lo: nil, dot: g)
                    for j in 0..<k { g[j] *= -d[j] }
                    // δu = (RᵀR)⁻¹(Zᵀf − g), δr = f − Z·δu.
                    zTranspose(f, into: h)
                    for j in 0..<k { du[j] = h[j] - g[j] }
                    solveNormal(du)
                    t.update(from: f, count: n)
                    for j in 0..<k { uz[j] = -du[j] * d[j] }
                    cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(n), Int32(k), 1, x, Int32(n), uz, 1, 1, t, 1)
                    var dn = 0.0, un = 0.0
                    for j in 0..<k { dn = max(dn, abs(du[j])); un = max(un, abs(u[j])) }
                    let rel = un > 0 ? dn / un : (dn > 0 ? Double.infinity : 0)
                    if dn > 0.5 * previous { estimate = rel; break }
                    for j in 0..<k { u[j] += du[j] }
                    for i in 0..<n { rr[i] += t[i] }
                    steps += 1
                    estimate = rel
                    previous = dn
                    if rel <= Double.ulpOfOne { break }
                }
                // Not certified here: let the general (Householder) path try.
                guard estimate <= maxTrustedRelativeError else { return nil }
                if estimate > 1e-12 {
                    warnings.append("iterative refinement stopped with relative correction \(shortNumber(estimate)): "
                        + "coefficients carry about \(Int(-log10(estimate))) significant digits (condition number \(shortNumber(conditionNumber)))")
                }
            }

            var coefficients = [Double](repeating: .nan, count: k)
            for j in 0..<k { coefficients[j] = u[j] * d[j] / dy }
            if let j = col.first(where: { !coefficients[$0].isFinite }) {
                throw LapackError.invalidArgument(operation: "least squares",
                    message: "coefficient of '\(name(j))' overflowed double precision; rescale y or that column")
            }
            if !diagnostics {
                return LeastSquaresSolution(
                    coefficients: coefficients, rank: k, aliased: [], aliasedNames: [],
                    residuals: [], fitted: [], unscaledCovariance: Matrix(rows: 0, cols: 0), singularValues: [],
                    conditionNumber: .nan, scaledConditionNumber: scaledConditionNumber, rankTolerance: tol,
                    warnings: warnings, method: .qr, refinementSteps: steps, estimatedRelativeError: estimate,
                    givenColumnNames: columnNames)
            }
            // 5. Fitted values and residuals in double-double, as the general path.
            var residuals = [Double](repeating: 0, count: n)
            var fitted = [Double](repeating: 0, count: n)
            for j in 0..<k { uz[j] = -u[j] * d[j] }
            // hi + lo = −X·(−d·u) = Z·u in double-double.
            Self.blockedDD(n: n, k: k, x: x, uz: uz, y: nil, rr: nil, f: nil, hi: hi, lo: lo, dot: nil)
            for i in 0..<n {
                fitted[i] = (hi[i] + lo[i]) / dy
                let (s, e) = DoubleDouble.twoSum(ys[i], -hi[i])
                residuals[i] = (s + (e - lo[i])) / dy
            }
            // (ZᵀZ)⁻¹ = R⁻¹R⁻ᵀ, refined when κ·ε > 1e-13 as in the general path; then D·C·D.
            var c = [Double](repeating: 0, count: k * k)
            r1.update(from: rP, count: k * k)
            let info = LAPACKE_dtrtri_work(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), CChar(UInt8(ascii: "N")), Int32(k), r1, Int32(k))
            guard info == 0 else { return nil }
            for j in 0..<k {
                for i in 0...j {
                    var s = 0.0
                    for l in j..<k { s += r1[i + l * k] * r1[j + l * k] }
                    c[i + j * k] = s; c[j + i * k] = s
                }
            }
            if refine && scaledConditionNumber * Double.ulpOfOne > 1e-13 {
                refineInverse(&c, kk: k, n: n, z: x, col: col, columnScale: d)
            }
            var cov = Matrix(rows: k, cols: k)
            for j in 0..<k { for i in 0..<k { cov.storage[i + j * k] = c[i + j * k] * d[i] * d[j] } }

            return LeastSquaresSolution(
                coefficients: coefficients, rank: k, aliased: [], aliasedNames: [],
                residuals: residuals, fitted: fitted, unscaledCovariance: cov, singularValues: singularValues,
                conditionNumber: conditionNumber, scaledConditionNumber: scaledConditionNumber, rankTolerance: tol,
                warnings: warnings, method: .qr, refinementSteps: steps, estimatedRelativeError: estimate,
                givenColumnNames: columnNames)
        }
    }

    /// Rows per block of `blockedDD` (fixed: it sets the summation order of `dot`,
    /// so results do not depend on the number of threads).
    static let ddBlockRows = 512

    /// One pass over Z = X·diag(d) (given as X and uz = d·u, exact) in double-double,
    /// row block by row block so the accumulators stay in L1 (a column-by-column
    /// pass streams the n-vectors through memory once per column), blocks shared
    /// among the cores:
    /// - with `y`: s = y − rr − X·uz (rr optional) per row, rounded into `f`, or
    ///   kept as (hi, lo) when those are given;
    /// - without `y`: (hi, lo) = −X·uz;
    /// - with `dot`: dot[c] = Σᵢ xᵢ꜀·rrᵢ in double-double, block partials summed
    ///   in block order.
    static func blockedDD(n: Int, k: Int, x: UnsafePointer<Double>, uz: UnsafePointer<Double>,
                          y: UnsafePointer<Double>?, rr: UnsafePointer<Double>?,
                          f: UnsafeMutablePointer<Double>?, hi: UnsafeMutablePointer<Double>?,
                          lo: UnsafeMutablePointer<Double>?, dot: UnsafeMutablePointer<Double>?) {
        let B = ddBlockRows
        let blocks = (n + B - 1) / B
        let partial = UnsafeMutablePointer<Double>.allocate(capacity: dot == nil ? 1 : 2 * k * blocks)
        defer { partial.deallocate() }
        let wantDot = dot != nil
        let shared = TallShared(x: x, uz: uz, y: y, rr: rr, f: f, hi: hi, lo: lo, partial: partial)
        let work: @Sendable (Int) -> Void = { b in
            let s = b * B, m = min(B, n - s)
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * B) { buf in
                let bh = buf.baseAddress!, bl = bh + B
                for i in 0..<m {
                    var h = 0.0, l = 0.0
                    if let y = shared.y { h = y[s + i] }
                    if let rr = shared.rr { (h, l) = DoubleDouble.twoSum(h, -rr[s + i]) }
                    bh[i] = h; bl[i] = l
                }
                for c in 0..<k {
                    let zc = shared.x + c * n + s, uc = -shared.uz[c]
                    for i in 0..<m {
                        let (p, ep) = DoubleDouble.twoProduct(zc[i], uc)
                        let (t, et) = DoubleDouble.twoSum(bh[i], p)
                        bh[i] = t
                        bl[i] += et + ep
                    }
                    if let rr = shared.rr, wantDot {
                        // Four double-double sums in SIMD lanes (i mod 4), combined in a fixed order.
                        var vh = SIMD4<Double>(repeating: 0), vl = SIMD4<Double>(repeating: 0)
                        let zr = UnsafeRawPointer(zc), rp = UnsafeRawPointer(rr + s)
                        var i = 0
                        while i + 4 <= m {
                            let a = zr.loadUnaligned(fromByteOffset: 8 * i, as: SIMD4<Double>.self)
                            let r = rp.loadUnaligned(fromByteOffset: 8 * i, as: SIMD4<Double>.self)
                            let p = a * r
                            let ep = (-p).addingProduct(a, r)          // a·r − p exactly (TwoProduct)
                            let t = vh + p                              // TwoSum(vh, p)
                            let bb = t - vh
                            let et = (vh - (t - bb)) + (p - bb)
                            vh = t
                            vl += et + ep
                            i += 4
                        }
                        var h = 0.0, l = 0.0
                        for lane in 0..<4 {
                            let (t, e) = DoubleDouble.twoSum(h, vh[lane])
                            h = t
                            l += e + vl[lane]
                        }
                        while i < m {
                            let (p, ep) = DoubleDouble.twoProduct(zc[i], rr[s + i])
                            let (t, et) = DoubleDouble.twoSum(h, p)
                            h = t
                            l += et + ep
                            i += 1
                        }
                        shared.partial[2 * (b * k + c)] = h
                        shared.partial[2 * (b * k + c) + 1] = l
                    }
                }
                for i in 0..<m {
                    if let f = shared.f { f[s + i] = bh[i] + bl[i] }
                    if let hi = shared.hi, let lo = shared.lo { hi[s + i] = bh[i]; lo[s + i] = bl[i] }
                }
            }
        }
        // Small passes are not worth waking threads for.
        ParallelLoop.run(iterations: blocks, threads: n * k < 1 << 18 ? 1 : ParallelLoop.cores, work)
        if let dot {
            for c in 0..<k {
                var h = 0.0, l = 0.0
                for b in 0..<blocks {
                    let (t, e) = DoubleDouble.twoSum(h, partial[2 * (b * k + c)])
                    h = t
                    l += e + partial[2 * (b * k + c) + 1]
                }
                dot[c] = h + l
            }
        }
    }
}

/// Pointers shared by `blockedDD`'s workers (each writes only its own rows and slots).
struct TallShared: @unchecked Sendable {
    let x: UnsafePointer<Double>, uz: UnsafePointer<Double>
    let y: UnsafePointer<Double>?, rr: UnsafePointer<Double>?
    let f: UnsafeMutablePointer<Double>?, hi: UnsafeMutablePointer<Double>?, lo: UnsafeMutablePointer<Double>?
    let partial: UnsafeMutablePointer<Double>
}
