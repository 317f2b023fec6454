/// Sample quantiles by selection, with numpy's default rule ("linear", Hyndman &
/// Fan type 7), shared by `describe` (MemcastData) and the Monte Carlo summaries
/// (MemcastModels).
///
/// For values sorted x₀ ≤ … ≤ xₙ₋₁ and p ∈ [0, 1]: h = (n − 1)·p, k = ⌊h⌋,
/// q = lerp(xₖ, xₖ₊₁, h − k), with numpy's `_lerp` (computed from the upper point
/// when the fraction is ≥ ½), so results agree with numpy bit for bit whenever
/// the order statistics do. Example: [1, 2, 3, 4] at 0.5 → 2.5, at 0.05 → 1.15.
///
/// Only the needed order statistics are found: by sampling and one filtering pass
/// for large inputs, else one recursive partitioning that serves every requested
/// position (Hoare partition, median-of-three pivots). No full sort.
public enum OrderStatistics {
    /// Quantiles `ps` (each in [0, 1]) of `values`, which must hold no NaN; the
    /// buffer may be reordered. Returns NaN for each p when `values` is empty.
    /// - Complexity: O(n) expected: about one pass for large n (see `orderStatistics`).
    public static func quantiles(_ values: UnsafeMutableBufferPointer<Double>, _ ps: [Double]) -> [Double] {
        interpolated(count: values.count, ps) { orderStatistics(values, $0) }
    }

    /// Quantiles `ps` of `values` (no NaN), left as they are: large inputs are read
    /// without a copy (sampled brackets); only when that cannot answer are the values
    /// copied for selection. Same results as `quantiles(_:_:)`.
    public static func quantiles(readOnly values: UnsafeBufferPointer<Double>, _ ps: [Double]) -> [Double] {
        quantiles(readOnly: values, nonNaN: values.count, ps)
    }

    /// Quantiles `ps` of the non-NaN values of `values` (`nonNaN` of them), read in place:
    /// NaN is skipped by the sample and fails every bracket compare, so missing values need
    /// no filtered copy; the fallback copies the non-NaN values. Same results as
    /// `quantiles(of:_:)`.
    public static func quantiles(readOnly values: UnsafeBufferPointer<Double>, nonNaN: Int, _ ps: [Double]) -> [Double] {
        interpolated(count: nonNaN, ps) { ks in
            if nonNaN >= 1 << 16, let v = sampledOrderStatistics(values, ks, nonNaN: nonNaN) { return v }
            var copy = nonNaN == values.count ? Array(values) : values.filter { !$0.isNaN }
            return copy.withUnsafeMutableBufferPointer { orderStatistics($0, ks) }
        }
    }

    /// The linear-interpolation quantiles from the order statistics `stats(ks)` they need.
    static func interpolated(count n: Int, _ ps: [Double], _ stats: ([Int]) -> [Double]) -> [Double] {
        for p in ps { precondition(p >= 0 && p <= 1, "probability \(p) outside [0, 1]") }
        guard n > 0 else { return ps.map { _ in .nan } }
        let positions = ps.map { position(count: n, $0) }
        var needed = Set<Int>()
        for (k, t) in positions {
            needed.insert(k)
            if t > 0 && k + 1 < n { needed.insert(k + 1) }
        }
        let ks = needed.sorted()
        let values = stats(ks)
        func at(_ k: Int) -> Double { values[ks.firstIndex(of: k)!] }
        return positions.map { k, t in t > 0 && k + 1 < n ? lerp(at(k), at(k + 1), t) : at(k) }
    }

    /// The order statistics x₍ₖ₎ for `ks` (ascending, distinct, in 0..<n) of `x` (no NaN),
    /// which may be reordered.
    ///
    /// Large inputs (n ≥ 2¹⁶) use sampling, after Floyd & Rivest (1975): a sorted
    /// stride sample of 16,384 values gives, for each k, two sample values that bracket
    /// x₍ₖ₎ with overwhelming probability; one pass counts the values below each
    /// bracket and copies the few inside it; selection then runs on those copies
    /// only. The pass has no data-dependent branch in the common case, which is what
    /// makes it several times faster than partitioning the whole array. If a bracket
    /// misses (possible only for adversarially ordered data), the answer comes from
    /// full selection instead: sampling decides speed, never the result.
    public static func orderStatistics(_ x: UnsafeMutableBufferPointer<Double>, _ ks: [Int]) -> [Double] {
        let n = x.count
        precondition(ks.allSatisfy { $0 >= 0 && $0 < n })
        if n >= 1 << 16, let v = sampledOrderStatistics(UnsafeBufferPointer(x), ks) { return v }
        ks.withUnsafeBufferPointer { select(x, 0, n - 1, $0[...]) }
        return ks.map { x[$0] }
    }

    /// `nonNaN`: how many values of `x` are not NaN (ranks `ks` count those only); NaN
    /// values are left out of the sample and are never below, at or inside a bracket.
    static func sampledOrderStatistics(_ x: UnsafeBufferPointer<Double>, _ ks: [Int], nonNaN: Int? = nil) -> [Double]? {
        let n = nonNaN ?? x.count
        var sample: [Double] = []
        sample.reserveCapacity(16_384)
        for i in 0..<16_384 {
            let v = x[Int((UInt64(i) &* UInt64(x.count)) / 16_384)]
            if !v.isNaN { sample.append(v) }
        }
        let m = sample.count
        guard m >= 1_024 else { return nil }
        sample.sort()
        // One bracket [lo, hi] per target, widened by 6 standard deviations of the
        // sample rank (√(m·p(1−p))), merged where they overlap. Brackets that only touch
        // (lo equal to the previous hi: a tied value, as in a column of GB sizes) stay
        // apart: merged, the interior would hold every value between them.
        var bands: [(lo: Double, hi: Double, ks: [Int])] = []
        for k in ks {
            let p = Double(k) / Double(n - 1)
            let r = p * Double(m - 1)
            let delta = 6 * (Double(m) * p * (1 - p)).squareRoot() + 8
            let a = max(0, Int((r - delta).rounded(.down))), b = min(m - 1, Int((r + delta).rounded(.up)))
            let lo = a == 0 ? -Double.infinity : sample[a], hi = b == m - 1 ? Double.infinity : sample[b]
            if let last = bands.last, lo < last.hi {
                bands[bands.count - 1].hi = max(last.hi, hi)
                bands[bands.count - 1].ks.append(k)
            } else {
                bands.append((lo, hi, [k]))
            }
        }
        let nb = bands.count
        // Per bracket: values below lo, equal to lo, equal to hi, and those strictly
        // inside (copied). Ties are counted, not copied, so a column of few distinct
        // values (GB sizes) needs no selection at all.
        var below = [Int](repeating: 0, count: nb), atLo = below, atHi = below
        var inside = [[Double]](repeating: [], count: nb)
        // Each bracket holds about 2·6σ/m of the values; room for 4× that (more means
        // the sample was unrepresentative: fall back).
        let capacity = min(n, Int(Double(n) * 0.03) * 4 + 4096)
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: capacity + 1)
        defer { buffer.deallocate() }
        // One pass per bracket, eight values at a time: the counts are SIMD compares, and
        // only a group of eight holding a value inside the bracket (a few percent of them)
        // takes the scalar copy.
        let one = SIMD8<Int64>(repeating: 1), zero = SIMD8<Int64>(repeating: 0)
        let raw = UnsafeRawPointer(x.baseAddress!)
        for b in 0..<nb {
            let lo = bands[b].lo, hi = bands[b].hi
            let loV = SIMD8<Double>(repeating: lo), hiV = SIMD8<Double>(repeating: hi)
            var vLT = zero, vLo = zero, vHi = zero
            var fill = 0
            var i = 0
            while i + 8 <= x.count {
                let v = raw.loadUnaligned(fromByteOffset: 8 * i, as: SIMD8<Double>.self)
                vLT &+= zero.replacing(with: one, where: v .< loV)
                vLo &+= zero.replacing(with: one, where: v .== loV)
                vHi &+= zero.replacing(with: one, where: v .== hiV)
                let within = (v .> loV) .& (v .< hiV)
                if any(within) {
                    if fill + 8 > capacity { return nil }
                    // Every lane stored, the cursor advanced only past those inside (no
                    // branch per lane: which lanes are inside is unpredictable).
                    for lane in 0..<8 { buffer[fill] = v[lane]; fill += within[lane] ? 1 : 0 }
                }
                i += 8
            }
            var cLT = Int(vLT.wrappedSum()), cLo = Int(vLo.wrappedSum()), cHi = Int(vHi.wrappedSum())
            while i < x.count {
                let v = x[i]
                if v < lo { cLT += 1 }
                if v == lo { cLo += 1 }
                if v == hi { cHi += 1 }
                if v > lo && v < hi {
                    if fill == capacity { return nil }
                    buffer[fill] = v; fill += 1
                }
                i += 1
            }
            below[b] = cLT; atLo[b] = cLo; atHi[b] = lo == hi ? 0 : cHi
            inside[b] = Array(UnsafeBufferPointer(start: buffer, count: fill))
        }
        var out: [Double] = []
        out.reserveCapacity(ks.count)
        for b in 0..<nb {
            let lo = bands[b].lo, hi = bands[b].hi, c = inside[b].count
            var local: [Int] = []   // ranks inside the strict interior
            for k in bands[b].ks {
                var r = k - below[b]
                guard r >= 0 else { return nil }
                if r < atLo[b] { continue }
                r -= atLo[b]
                if r < c { local.append(r); continue }
                r -= c
                guard r < atHi[b] else { return nil }
            }
            if !local.isEmpty {
                inside[b].withUnsafeMutableBufferPointer { buf in
                    local.withUnsafeBufferPointer { select(buf, 0, c - 1, $0[...]) }
                }
            }
            for k in bands[b].ks {
                let r = k - below[b]
                if r < atLo[b] { out.append(lo) } else if r - atLo[b] < c { out.append(inside[b][r - atLo[b]]) } else { out.append(hi) }
            }
        }
        return out
    }

    /// Quantiles of unsorted values with NaN dropped (copies them first).
    public static func quantiles(of x: [Double], _ ps: [Double]) -> [Double] {
        var v = x.filter { !$0.isNaN }
        return v.withUnsafeMutableBufferPointer { quantiles($0, ps) }
    }

    /// h = (n − 1)·p split into ⌊h⌋ and its fraction.
    @inline(__always)
    public static func position(count n: Int, _ p: Double) -> (Int, Double) {
        let h = Double(n - 1) * p
        let k = Int(h.rounded(.down))
        return (k, h - Double(k))
    }

    /// numpy's `_lerp`: a + t(b − a), computed from b when t ≥ 0.5 (monotone, exact at the ends).
    @inline(__always)
    public static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let d = b - a
        return t >= 0.5 ? b - d * (1 - t) : a + d * t
    }

    /// Places the order statistics `targets` (ascending, inside lo…hi) of `x[lo…hi]`:
    /// afterwards each x[k] holds the value it would have sorted, with values ≤ it
    /// before and ≥ it after.
    static func select(_ x: UnsafeMutableBufferPointer<Double>, _ lo0: Int, _ hi0: Int, _ targets: Slice<UnsafeBufferPointer<Int>>) {
        var lo = lo0, hi = hi0
        var targets = targets
        while hi > lo && !targets.isEmpty {
            if hi - lo < 16 {
                // Insertion sort of a short range places every target at once.
                for i in (lo + 1)...hi {
                    let v = x[i]
                    var j = i - 1
                    while j >= lo && x[j] > v { x[j + 1] = x[j]; j -= 1 }
                    x[j + 1] = v
                }
                return
            }
            let mid = lo + (hi - lo) / 2
            if x[mid] < x[lo] { x.swapAt(mid, lo) }
            if x[hi] < x[lo] { x.swapAt(hi, lo) }
            if x[hi] < x[mid] { x.swapAt(hi, mid) }
            let pivot = x[mid]
            var i = lo, j = hi
            while i <= j {
                while x[i] < pivot { i += 1 }
                while pivot < x[j] { j -= 1 }
                if i <= j { x.swapAt(i, j); i += 1; j -= 1 }
            }
            // x[lo…j] ≤ pivot ≤ x[i…hi]; positions strictly between hold the pivot value.
            let left = targets.prefix { $0 <= j }
            let right = targets.drop { $0 < i }
            // Recurse into the smaller side, loop on the larger (bounded stack).
            if j - lo < hi - i {
                if !left.isEmpty { select(x, lo, j, left) }
                lo = i; targets = right
            } else {
                if !right.isEmpty { select(x, i, hi, right) }
                hi = j; targets = left
            }
        }
    }
}
