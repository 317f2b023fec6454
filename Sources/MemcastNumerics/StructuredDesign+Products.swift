/// The products a regression needs of a `StructuredDesign` X, from the level codes:
/// XᵀWX (optionally bordered by a vector y: XᵀWy and yᵀWy), W·(y − X·b) and
/// XᵀW(y − X·b), and the per-row quadratic forms wᵢ·xᵢᵀBxᵢ.
///
/// Sums are accumulated in *level space*: per factor f and level l, Σ wᵢ xᵢₐ over the
/// rows at level l (the factor×dense block of the Gram), Σ wᵢ (its diagonal), and per
/// pair of factors the cross-tabulation Σ wᵢ over rows at (l, l′) (the factor×factor
/// block); then copied to design columns (the reference levels have none). Each
/// row costs O((m + F)²) for m dense columns and F factors, whatever the number of
/// levels.
///
/// `.compensated` accumulates in double-double (TwoSum/TwoProduct), `.plain` in
/// double. Rows are cut into blocks of `blockRows`; each block's partial sums are
/// kept and added in block order (in double-double for `.compensated`), so results
/// are independent of the number of threads.
extension StructuredDesign {
    /// How sums are accumulated.
    public enum Summation: Sendable { case plain, compensated }

    /// Rows per block (fixed: it sets the summation order).
    static let blockRows = 16_384
    /// Rows per chunk inside a block, processed column by column (fits in L1/L2).
    static let chunkRows = 1_024
    /// Most combinations of levels accumulated as joint cells (see `gram`).
    static let maximumJointCells = 4_096

    /// A Gram matrix as an unevaluated double-double sum hi + lo (lo all zero for `.plain`).
    public struct Gram: Sendable {
        /// (k+e)×(k+e), column-major, both triangles; e = 1 when bordered by y (last row and column).
        public var hi: [Double]
        public var lo: [Double]
        public let order: Int
    }

    /// XᵀWX, bordered by y when given: [X y]ᵀW[X y], so the last column holds XᵀWy and
    /// the corner yᵀWy. W = diag(weights), or I.
    ///
    /// With weights under `.compensated`, each product wᵢxᵢₐ is rounded once before
    /// the compensated sum; everything else is accumulated to about 2⁻¹⁰⁶ relative.
    /// - Precondition: `y` and `weights`, when given, have n entries.
    /// - Complexity: O(n·((m+1)² + F·(m+1) + F²)) time; O(n/16384 · levels²) memory.
    /// - Parameter threads: workers (default: all cores for large passes, one for small);
    ///   the result does not depend on it.
    public func gram(bordering y: [Double]? = nil, weights: [Double]? = nil, summation: Summation,
                     threads: Int? = nil) -> Gram {
        precondition(y.map { $0.count == rows } ?? true && weights.map { $0.count == rows } ?? true,
                     "StructuredDesign.gram: vector lengths differ from \(rows) rows")
        switch summation {
        case .plain: return gram(PlainSum.self, y, weights, threads)
        case .compensated: return gram(CompensatedSum.self, y, weights, threads)
        }
    }

    /// XᵀWX as a matrix (plain summation): e.g. the meat Σ ωᵢ xᵢxᵢᵀ of a robust covariance.
    /// - Complexity: as `gram(bordering:weights:summation:)`.
    public func weightedGram(rowWeights: [Double]?) -> Matrix {
        let g = gram(weights: rowWeights, summation: .plain)
        return Matrix(rows: cols, cols: cols, columnMajor: g.hi)
    }

    private func gram<S: SumMode>(_ mode: S.Type, _ y: [Double]?, _ weights: [Double]?, _ threads: Int?) -> Gram {
        // The workers read y and the weights in place (no copies of n-vectors).
        withOptionalPointer(y) { yp in withOptionalPointer(weights) { wp in gram(mode, yp, wp, threads) } }
    }

    private func gram<S: SumMode>(_: S.Type, _ y: ReadPointer?, _ w: ReadPointer?, _ threads: Int?) -> Gram {
        let space = LevelSpace(self, extraColumns: y == nil ? 0 : 1)
        let n = rows, m = space.m, F = levelColumns.count, B = Self.blockRows
        let blocks = max(1, (n + B - 1) / B)
        let F0 = levelColumns.count
        let cellSlots = F0 >= 2 && space.levels.reduce(1, *) <= Self.maximumJointCells ? space.levels.reduce(1, *) * (m + 1) : 0
        let S2 = 2 * space.size
        let partial = UnsafeMutablePointer<Double>.allocate(capacity: blocks * S2)
        defer { partial.deallocate() }
        partial.initialize(repeating: 0, count: blocks * S2)
        let columns = denseColumnPointers(extra: y)
        let codes = factorCodePointers()
        defer { columns.release(); codes.release(); withExtendedLifetime(storage) {} }
        let shared = SendablePointerBox(partial)
        // Flat plan for the workers: per factor its sums offset and count offset, per
        // pair of factors (f, g) its offset and L_g.
        var plan: [Int] = []
        for f in 0..<F { plan += [space.factorOffset[f], space.countOffset[f]] }
        var pairs: [(Int, Int)] = []
        for f in 0..<F { for g in (f + 1)..<max(f + 1, F) { pairs.append((f, g)) } }
        for (p, (f, g)) in pairs.enumerated() { plan += [f, g, space.pairOffset[p], space.levels[g]] }
        let planBox = SharedIntVector(plan)
        defer { planBox.release() }
        let pairCount = pairs.count, C = Self.chunkRows
        // Joint cells (every combination of levels) when there are few: one scattered
        // record per row instead of one per factor and pair; folded into the level-space
        // sums at the end of each block. Strides (mixed radix), then level counts.
        let cellCount = space.levels.reduce(1) { $0 * $1 }
        let jointCells = F >= 2 && cellCount <= Self.maximumJointCells
            ? SharedIntVector(space.levels.indices.map { f in space.levels[..<f].reduce(1, *) } + space.levels) : nil
        defer { jointCells?.release() }
        let work: @Sendable (inout CellScratch, Int) -> Void = { scratch, b in
            let blockStart = b * B, blockEnd = min(n, blockStart + B)
            let hi = shared.pointer + b * S2, lo = hi + S2 / 2
            let plan = planBox.pointer
            let ch = scratch.pointer, cl = ch + cellSlots  // this block's cells (per thread, reused)
            if cellSlots > 0 { ch.update(repeating: 0, count: 2 * cellSlots) }
            // Column by column over chunks of rows that stay in L1/L2: simple loops over
            // contiguous memory, each sum in its own (vectorised) order, fixed per block.
            withUnsafeTemporaryAllocation(of: Double.self, capacity: (m + 1) * C) { buf in
                let wx = buf.baseAddress!, wv = wx + m * C  // w·x_a per row of the chunk; w
                var start = blockStart
                while start < blockEnd {
                    let cnt = min(C, blockEnd - start)
                    for i in 0..<cnt { wv[i] = w?.pointer[start + i] ?? 1 }
                    for a in 0..<m {
                        let x = columns.pointers[a] + start, t = wx + a * C
                        if w == nil { t.update(from: x, count: cnt) } else { for i in 0..<cnt { t[i] = wv[i] * x[i] } }
                    }
                    // dense × dense: Σ w·x_a·x_c.
                    for a in 0..<m {
                        for c in a..<m {
                            S.dot(wx + a * C, columns.pointers[c] + start, cnt, &hi[a * m + c], &lo[a * m + c])
                        }
                    }
                    if let cells = jointCells {
                        // One record per combination of levels (cell): Σ w and Σ w·x_a.
                        let rec = m + 1
                        for i in 0..<cnt {
                            var cell = 0
                            for f in 0..<F { cell += Int(codes.pointers[f][start + i]) * cells.pointer[f] }
                            let base = cell * rec
                            S.add(&ch[base], &cl[base], wv[i])
                            for a in 0..<m { S.add(&ch[base + 1 + a], &cl[base + 1 + a], wx[a * C + i]) }
                        }
                    } else {
                        // factor × dense by level, and Σ w by level.
                        for f in 0..<F {
                            let code = codes.pointers[f] + start, sums = plan[2 * f], counts = plan[2 * f + 1]
                            for i in 0..<cnt {
                                let l = Int(code[i]), base = sums + l * m
                                for a in 0..<m { S.add(&hi[base + a], &lo[base + a], wx[a * C + i]) }
                                S.add(&hi[counts + l], &lo[counts + l], wv[i])
                            }
                        }
                        // factor × factor: cross-tabulations of Σ w.
                        for p in 0..<pairCount {
                            let q = plan + 2 * F + 4 * p
                            let cf = codes.pointers[q[0]] + start, cg = codes.pointers[q[1]] + start
                            let offset = q[2], lg = q[3]
                            for i in 0..<cnt {
                                let cell = offset + Int(cf[i]) * lg + Int(cg[i])
                                S.add(&hi[cell], &lo[cell], wv[i])
                            }
                        }
                    }
                    start += cnt
                }
            }
            // Cells into the level-space sums: by level for each factor, by pair of levels for each pair.
            if let cells = jointCells {
                let rec = m + 1
                for cell in 0..<cellCount {
                    let base = cell * rec
                    if ch[base] == 0 && cl[base] == 0 { continue }  // no row, or only rows of weight 0
                    for f in 0..<F {
                        let l = (cell / cells.pointer[f]) % cells.pointer[F + f]
                        let sums = plan[2 * f] + l * m, counts = plan[2 * f + 1] + l
                        for a in 0..<m { S.addDD(&hi[sums + a], &lo[sums + a], ch[base + 1 + a], cl[base + 1 + a]) }
                        S.addDD(&hi[counts], &lo[counts], ch[base], cl[base])
                    }
                    for p in 0..<pairCount {
                        let q = plan + 2 * F + 4 * p
                        let lf = (cell / cells.pointer[q[0]]) % cells.pointer[F + q[0]]
                        let lg = (cell / cells.pointer[q[1]]) % cells.pointer[F + q[1]]
                        let at = q[2] + lf * q[3] + lg
                        S.addDD(&hi[at], &lo[at], ch[base], cl[base])
                    }
                }
            }
        }
        ParallelLoop.run(iterations: blocks, threads: threads ?? Self.threads(rows: n, workPerRow: m * m + F * (m + F)),
                         makeState: { CellScratch(count: 2 * cellSlots) }, work)
        // Block partials in block order.
        var sh = [Double](repeating: 0, count: space.size), sl = sh
        for b in 0..<blocks {
            let hi = partial + b * S2, lo = hi + S2 / 2
            for s in 0..<space.size { S.addDD(&sh[s], &sl[s], hi[s], lo[s]) }
        }
        return space.expand(sh, sl, self)
    }

    /// One pass computing, for r = y − X·b accumulated per row in `summation`:
    /// - `residuals`: rᵢ rounded once; `fitted`: yᵢ − rᵢ (that is X·b) rounded once;
    /// - the return value, when `wantProjection`: XᵀW·r (k values), in `summation`,
    ///   from the unrounded rᵢ.
    /// - Precondition: b has k entries; y, weights and the outputs have n.
    /// - Complexity: O(n·(m + F)).
    public func residualProducts(_ y: [Double], coefficients b: [Double], weights: [Double]? = nil,
                                 summation: Summation, wantProjection: Bool,
                                 residuals: UnsafeMutablePointer<Double>? = nil,
                                 fitted: UnsafeMutablePointer<Double>? = nil, threads: Int? = nil) -> [Double] {
        precondition(y.count == rows && b.count == cols && weights.map { $0.count == rows } ?? true,
                     "StructuredDesign.residualProducts: shapes differ")
        switch summation {
        case .plain: return residualProducts(PlainSum.self, y, b, weights, wantProjection, residuals, fitted, threads)
        case .compensated: return residualProducts(CompensatedSum.self, y, b, weights, wantProjection, residuals, fitted, threads)
        }
    }

    private func residualProducts<S: SumMode>(_: S.Type, _ y: [Double], _ b: [Double], _ weights: [Double]?,
                                              _ wantProjection: Bool, _ residuals: UnsafeMutablePointer<Double>?,
                                              _ fitted: UnsafeMutablePointer<Double>?, _ threads: Int?) -> [Double] {
        withOptionalPointer(y) { yp in
            withOptionalPointer(weights) { wp in
                residualProducts(S.self, yp!, b, wp, wantProjection, residuals, fitted, threads)
            }
        }
    }

    private func residualProducts<S: SumMode>(_: S.Type, _ yv: ReadPointer, _ b: [Double], _ w: ReadPointer?,
                                              _ wantProjection: Bool, _ residuals: UnsafeMutablePointer<Double>?,
                                              _ fitted: UnsafeMutablePointer<Double>?, _ threads: Int?) -> [Double] {
        let n = rows, m = denseCount, F = levelColumns.count, B = Self.blockRows
        let blocks = max(1, (n + B - 1) / B)
        // Level space: m dense sums, then ΣL_f level sums.
        var levelOffset: [Int] = []
        var end = m
        for lc in levelColumns { levelOffset.append(end); end += lc.count }
        let size = end
        // Coefficient of each level (0 for the reference level).
        var levelCoefficient = [Double](repeating: 0, count: size)
        for (c, j) in denseColumns.enumerated() { levelCoefficient[c] = b[j] }
        for (f, lc) in levelColumns.enumerated() {
            for (l, j) in lc.enumerated() where j >= 0 { levelCoefficient[levelOffset[f] + l] = b[j] }
        }
        let S2 = 2 * size
        let partial = UnsafeMutablePointer<Double>.allocate(capacity: wantProjection ? blocks * S2 : 1)
        defer { partial.deallocate() }
        if wantProjection { partial.initialize(repeating: 0, count: blocks * S2) }
        let columns = denseColumnPointers(extra: nil)
        let codes = factorCodePointers()
        let uv = SharedVector(levelCoefficient), offsets = levelOffset
        defer { columns.release(); codes.release(); uv.release(); withExtendedLifetime(storage) {} }
        let out = ResidualOutputs(partial: partial, residuals: residuals, fitted: fitted)
        let offsetBox = SharedIntVector(offsets)
        defer { offsetBox.release() }
        let C = Self.chunkRows
        let work: @Sendable (Int) -> Void = { blk in
            let blockStart = blk * B, blockEnd = min(n, blockStart + B)
            let hi = out.partial + blk * S2, lo = hi + size
            let u = uv.pointer, offsets = offsetBox.pointer
            // Column by column over chunks of rows: r = y − X·b as (rh, rl) per row.
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * C) { buf in
                let rh = buf.baseAddress!, rl = rh + C
                var start = blockStart
                while start < blockEnd {
                    let cnt = min(C, blockEnd - start)
                    let y = yv.pointer + start
                    for i in 0..<cnt { rh[i] = y[i]; rl[i] = 0 }
                    for a in 0..<m {
                        let x = columns.pointers[a] + start, ua = -u[a]
                        for i in 0..<cnt { S.addProduct(&rh[i], &rl[i], x[i], ua) }
                    }
                    for f in 0..<F {
                        let code = codes.pointers[f] + start, uf = u + offsets[f]
                        for i in 0..<cnt { S.add(&rh[i], &rl[i], -uf[Int(code[i])]) }
                    }
                    if let r = out.residuals { for i in 0..<cnt { r[start + i] = rh[i] + rl[i] } }
                    if let fv = out.fitted { for i in 0..<cnt { fv[start + i] = S.difference(y[i], rh[i], rl[i]) } }
                    if wantProjection {
                        if let w = w { for i in 0..<cnt { S.scale(&rh[i], &rl[i], w.pointer[start + i]) } }
                        for a in 0..<m { S.dotDD(columns.pointers[a] + start, rh, rl, cnt, &hi[a], &lo[a]) }
                        for f in 0..<F {
                            let code = codes.pointers[f] + start, base = offsets[f]
                            for i in 0..<cnt {
                                let s = base + Int(code[i])
                                S.addDD(&hi[s], &lo[s], rh[i], rl[i])
                            }
                        }
                    }
                    start += cnt
                }
            }
        }
        ParallelLoop.run(iterations: blocks, threads: threads ?? Self.threads(rows: n, workPerRow: 4 * (m + F)), work)
        guard wantProjection else { return [] }
        var sh = [Double](repeating: 0, count: size), sl = sh
        for blk in 0..<blocks {
            let hi = partial + blk * S2, lo = hi + size
            for s in 0..<size { S.addDD(&sh[s], &sl[s], hi[s], lo[s]) }
        }
        var g = [Double](repeating: 0, count: cols)
        for (c, j) in denseColumns.enumerated() { g[j] = sh[c] + sl[c] }
        for (f, lc) in levelColumns.enumerated() {
            for (l, j) in lc.enumerated() where j >= 0 { g[j] = sh[levelOffset[f] + l] + sl[levelOffset[f] + l] }
        }
        return g
    }

    /// wᵢ·xᵢᵀBxᵢ for every row (the leverages hᵢ of a weighted fit when B = (XᵀWX)⁻¹).
    /// - Precondition: B is k×k; weights, when given, have n entries.
    /// - Complexity: O(n·(m + F)²).
    public func quadraticForms(_ bMatrix: Matrix, weights: [Double]? = nil) -> [Double] {
        precondition(bMatrix.rows == cols && bMatrix.cols == cols && weights.map { $0.count == rows } ?? true,
                     "StructuredDesign.quadraticForms: shapes differ")
        let n = rows, m = denseCount, k = cols, levelColumns = self.levelColumns, B = Self.blockRows
        var out = [Double](repeating: 0, count: n)
        let columns = denseColumnPointers(extra: nil)
        let codes = factorCodePointers()
        let bm = SharedVector(bMatrix.storage)
        let w = weights.map { SharedVector($0) }
        defer { columns.release(); codes.release(); bm.release(); w?.release(); withExtendedLifetime(storage) {} }
        let dc = denseColumns
        out.withUnsafeMutableBufferPointer { o in
            let result = SendablePointerBox(o.baseAddress!)
            let work: @Sendable (Int) -> Void = { blk in
                let start = blk * B, end = min(n, start + B)
                withUnsafeTemporaryAllocation(of: Double.self, capacity: m + levelColumns.count + 1) { vals in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: m + levelColumns.count + 1) { idx in
                        for i in start..<end {
                            var q = 0
                            for a in 0..<m { idx[q] = dc[a]; vals[q] = columns.pointers[a][i]; q += 1 }
                            for (f, lc) in levelColumns.enumerated() {
                                let j = lc[Int(codes.pointers[f][i])]
                                if j >= 0 { idx[q] = j; vals[q] = 1; q += 1 }
                            }
                            var s = 0.0
                            for a in 0..<q {
                                var t = 0.0
                                for c in 0..<q { t += bm.pointer[idx[a] + idx[c] * k] * vals[c] }
                                s += vals[a] * t
                            }
                            result.pointer[i] = s * (w?.pointer[i] ?? 1)
                        }
                    }
                }
            }
            ParallelLoop.run(iterations: max(1, (n + B - 1) / B),
                             threads: Self.threads(rows: n, workPerRow: (m + levelColumns.count) * (m + levelColumns.count)), work)
        }
        return out
    }

    /// Threads for a pass: one below ~2¹⁸ row·operations (waking a thread costs more).
    static func threads(rows: Int, workPerRow: Int) -> Int {
        rows * max(1, workPerRow) < 1 << 18 ? 1 : ParallelLoop.cores
    }

    /// Pointers to the dense columns (and an extra vector as a last column); the list
    /// is freed by `release`, the columns stay the design's.
    private func denseColumnPointers(extra: ReadPointer?) -> PointerList<Double> {
        PointerList((0..<denseCount).map { densePointer($0) } + (extra.map { [UnsafeMutablePointer(mutating: $0.pointer)] } ?? []))
    }

    private func factorCodePointers() -> PointerList<Int32> { PointerList((0..<levelColumns.count).map { codePointer($0) }) }
}

/// Offsets of the level-space accumulators (see `StructuredDesign+Products`):
/// m×m dense products, then per factor its L×m sums and L weights, then per pair of
/// factors its L_f×L_g cross-tabulation.
struct LevelSpace: Sendable {
    let m: Int
    let levels: [Int]
    let factorOffset: [Int]
    let countOffset: [Int]
    let pairOffset: [Int]
    let size: Int

    init(_ x: StructuredDesign, extraColumns: Int) {
        m = x.denseCount + extraColumns
        levels = x.levelColumns.map(\.count)
        var offset = m * m
        var fo: [Int] = [], co: [Int] = [], po: [Int] = []
        for l in levels {
            fo.append(offset); offset += l * m
            co.append(offset); offset += l
        }
        for f in 0..<levels.count {
            for g in (f + 1)..<max(f + 1, levels.count) { po.append(offset); offset += levels[f] * levels[g] }
        }
        factorOffset = fo; countOffset = co; pairOffset = po; size = offset
    }

    /// The design-space Gram (k + extra columns) from level-space sums.
    func expand(_ sh: [Double], _ sl: [Double], _ x: StructuredDesign) -> StructuredDesign.Gram {
        let k = x.cols, K = k + (m - x.denseCount)
        var hi = [Double](repeating: 0, count: K * K), lo = hi
        // Design column of dense (or extra) column a.
        let dc = x.denseColumns + Array(k..<K)
        func set(_ i: Int, _ j: Int, _ s: Int) {
            hi[i + j * K] = sh[s]; lo[i + j * K] = sl[s]
            hi[j + i * K] = sh[s]; lo[j + i * K] = sl[s]
        }
        for a in 0..<m { for c in a..<m { set(dc[a], dc[c], a * m + c) } }
        for (f, lc) in x.levelColumns.enumerated() {
            for (l, j) in lc.enumerated() where j >= 0 {
                for a in 0..<m { set(dc[a], j, factorOffset[f] + l * m + a) }
                set(j, j, countOffset[f] + l)
            }
        }
        var p = 0
        let F = x.levelColumns.count
        for f in 0..<F {
            for g in (f + 1)..<max(f + 1, F) {
                for (l, j) in x.levelColumns[f].enumerated() where j >= 0 {
                    for (l2, j2) in x.levelColumns[g].enumerated() where j2 >= 0 {
                        set(j, j2, pairOffset[p] + l * levels[g] + l2)
                    }
                }
                p += 1
            }
        }
        return StructuredDesign.Gram(hi: hi, lo: lo, order: K)
    }
}

/// A list of column pointers handed to parallel workers (read-only); `release` frees
/// the list, not the columns.
struct PointerList<T>: @unchecked Sendable {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<T>>
    init(_ list: [UnsafeMutablePointer<T>]) {
        pointers = .allocate(capacity: max(1, list.count))
        pointers.initialize(from: list, count: list.count)
    }
    func release() { pointers.deallocate() }
}

/// One array copied to raw memory for parallel readers, freed by `release`.
struct SharedVector: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    init(_ a: [Double]) {
        pointer = .allocate(capacity: max(1, a.count))
        a.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: a.count) }
    }
    func release() { pointer.deallocate() }
}

/// A worker's scratch for joint cells (freed with it).
final class CellScratch {
    let pointer: UnsafeMutablePointer<Double>
    init(count: Int) { pointer = .allocate(capacity: max(1, count)) }
    deinit { pointer.deallocate() }
}

/// A caller's array read in place by parallel workers (valid inside `withOptionalPointer`).
struct ReadPointer: @unchecked Sendable {
    let pointer: UnsafePointer<Double>
    init(_ p: UnsafePointer<Double>) { pointer = p }
}

/// Calls `body` with a pointer to `a`'s elements (nil for nil or an empty array).
func withOptionalPointer<R>(_ a: [Double]?, _ body: (ReadPointer?) -> R) -> R {
    guard let a else { return body(nil) }
    if a.isEmpty { return [0.0].withUnsafeBufferPointer { body(ReadPointer($0.baseAddress!)) } }
    return a.withUnsafeBufferPointer { body(ReadPointer($0.baseAddress!)) }
}

/// Integers copied to raw memory for parallel readers, freed by `release`.
struct SharedIntVector: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Int>
    init(_ a: [Int]) {
        pointer = .allocate(capacity: max(1, a.count))
        a.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: a.count) }
    }
    func release() { pointer.deallocate() }
}

struct SendablePointerBox<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ p: UnsafeMutablePointer<T>) { pointer = p }
}

/// Where `residualProducts` workers write (each its own rows and block slots).
struct ResidualOutputs: @unchecked Sendable {
    let partial: UnsafeMutablePointer<Double>
    let residuals: UnsafeMutablePointer<Double>?
    let fitted: UnsafeMutablePointer<Double>?
}
