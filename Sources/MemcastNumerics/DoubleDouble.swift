/// Error-free transformations and double-double accumulation (≈106-bit
/// significand), used where a residual must keep digits that plain double
/// arithmetic cancels away.
///
/// `twoSum(a, b)` returns (s, e) with s = fl(a + b) and a + b = s + e exactly
/// (Knuth); `twoProduct(a, b)` returns (p, e) with a·b = p + e exactly, via
/// one fused multiply-add. A dot product accumulated this way ("Dot2",
/// Ogita–Rump–Oishi 2005) is as accurate as if computed in twice the working
/// precision and then rounded.
public enum DoubleDouble {
    /// s + e == a + b exactly; s = fl(a + b). 6 flops, no branch.
    @inlinable @inline(__always)
    public static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let s = a + b
        let bb = s - a
        let e = (a - (s - bb)) + (b - bb)
        return (s, e)
    }

    /// p + e == a·b exactly (barring underflow); p = fl(a·b).
    @inlinable @inline(__always)
    public static func twoProduct(_ a: Double, _ b: Double) -> (product: Double, error: Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))  // fma(a, b, -p): the rounding error of a·b
    }

    /// Σ aᵢ·bᵢ accumulated in double-double, rounded once at the end.
    /// - Complexity: O(n), about 25 flops per term.
    @inlinable
    public static func dot(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>,
                           start: Double = 0) -> Double {
        precondition(a.count == b.count, "DoubleDouble.dot: lengths \(a.count) and \(b.count)")
        var hi = start, lo = 0.0
        for i in 0..<a.count {
            let (p, ep) = twoProduct(a[i], b[i])
            let (s, es) = twoSum(hi, p)
            hi = s
            lo += es + ep
        }
        return hi + lo
    }

    /// Σ aᵢ·bᵢ in double-double (array convenience).
    @inlinable
    public static func dot(_ a: [Double], _ b: [Double], start: Double = 0) -> Double {
        a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in dot(ap, bp, start: start) } }
    }
}
