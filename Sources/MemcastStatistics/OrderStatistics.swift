/// Sample quantiles by selection, with numpy's default rule ("linear", Hyndman &
/// Fan type 7), shared by `describe` (MemcastData) and the Monte Carlo summaries
/// (MemcastModels).
///
/// For values sorted x₀ ≤ … ≤ xₙ₋₁ and p ∈ [0, 1]: h = (n − 1)·p, k = ⌊h⌋,
/// q = lerp(xₖ, xₖ₊₁, h − k), with numpy's `_lerp` (computed from the upper point
/// when the fraction is ≥ ½), so results agree with numpy bit for bit whenever
/// the order statistics do. Example: [1, 2, 3, 4] at 0.5 → 2.5, at 0.05 → 1.15.
///
/// Only the needed order statistics are placed: one recursive partitioning serves
/// every requested position (Hoare partition, median-of-three pivots), and each
/// xₖ₊₁ is the minimum of the short stretch right of xₖ. No sort, no copy.
public enum OrderStatistics {
    /// Quantiles `ps` (each in [0, 1]) of `values`, which must hold no NaN; the
    /// buffer is reordered. Returns NaN for each p when `values` is empty.
    /// - Complexity: O(n·(1 + log ps.count)) expected.
    public static func quantiles(_ values: UnsafeMutableBufferPointer<Double>, _ ps: [Double]) -> [Double] {
        for p in ps { precondition(p >= 0 && p <= 1, "probability \(p) outside [0, 1]") }
        let n = values.count
        guard n > 0 else { return ps.map { _ in .nan } }
        let positions = ps.map { position(count: n, $0) }
        let targets = Array(Set(positions.map(\.0))).sorted()
        targets.withUnsafeBufferPointer { select(values, 0, n - 1, $0[...]) }
        return positions.map { k, t in
            guard t > 0, k + 1 < n else { return values[k] }
            // x₍ₖ₊₁₎ is the smallest value in (k, next target]: everything there lies
            // between x₍ₖ₎ and that target's order statistic.
            let bound = targets.first { $0 > k } ?? (n - 1)
            var next = values[k + 1]
            var i = k + 2
            while i <= bound { if values[i] < next { next = values[i] }; i += 1 }
            return lerp(values[k], next, t)
        }
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
