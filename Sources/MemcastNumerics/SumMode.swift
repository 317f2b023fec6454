/// Accumulation in double (`PlainSum`) or double-double (`CompensatedSum`), so one
/// kernel serves both; (h, l) is an unevaluated sum, l stays 0 for `PlainSum`.
protocol SumMode {
    /// (h, l) += v
    static func add(_ h: inout Double, _ l: inout Double, _ v: Double)
    /// (h, l) += a·b
    static func addProduct(_ h: inout Double, _ l: inout Double, _ a: Double, _ b: Double)
    /// (h, l) += (vh + vl)
    static func addDD(_ h: inout Double, _ l: inout Double, _ vh: Double, _ vl: Double)
    /// (h, l) += a·(vh + vl)
    static func addProductDD(_ h: inout Double, _ l: inout Double, _ a: Double, _ vh: Double, _ vl: Double)
    /// (h, l) ← w·(h, l)
    static func scale(_ h: inout Double, _ l: inout Double, _ w: Double)
    /// y − (h + l), rounded once.
    static func difference(_ y: Double, _ h: Double, _ l: Double) -> Double
    /// (h, l) += Σᵢ aᵢ·(bhᵢ + blᵢ), in four SIMD lanes (i mod 4) combined in a fixed order.
    static func dotDD(_ a: UnsafePointer<Double>, _ bh: UnsafePointer<Double>, _ bl: UnsafePointer<Double>, _ count: Int,
                      _ h: inout Double, _ l: inout Double)
    /// (h, l) += Σᵢ aᵢ·bᵢ over `count` elements, in SIMD lanes combined in a fixed order.
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ count: Int, _ h: inout Double, _ l: inout Double)
}

enum PlainSum: SumMode {
    @inline(__always) static func add(_ h: inout Double, _ l: inout Double, _ v: Double) { h += v }
    @inline(__always) static func addProduct(_ h: inout Double, _ l: inout Double, _ a: Double, _ b: Double) {
        h = h.addingProduct(a, b)
    }
    @inline(__always) static func addDD(_ h: inout Double, _ l: inout Double, _ vh: Double, _ vl: Double) { h += vh + vl }
    @inline(__always) static func addProductDD(_ h: inout Double, _ l: inout Double, _ a: Double, _ vh: Double, _ vl: Double) {
        h = h.addingProduct(a, vh + vl)
    }
    @inline(__always) static func scale(_ h: inout Double, _ l: inout Double, _ w: Double) { h *= w; l *= w }
    @inline(__always) static func difference(_ y: Double, _ h: Double, _ l: Double) -> Double { y - (h + l) }
    @inline(__always) static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ count: Int,
                                      _ h: inout Double, _ l: inout Double) {
        let ar = UnsafeRawPointer(a), br = UnsafeRawPointer(b)
        // Two independent SIMD accumulators (elements i mod 8), so the FMA latency overlaps.
        var acc = SIMD4<Double>(repeating: 0), acc2 = acc
        var i = 0
        while i + 8 <= count {
            acc.addProduct(ar.loadUnaligned(fromByteOffset: 8 * i, as: SIMD4<Double>.self),
                           br.loadUnaligned(fromByteOffset: 8 * i, as: SIMD4<Double>.self))
            acc2.addProduct(ar.loadUnaligned(fromByteOffset: 8 * i + 32, as: SIMD4<Double>.self),
                            br.loadUnaligned(fromByteOffset: 8 * i + 32, as: SIMD4<Double>.self))
            i += 8
        }
        acc += acc2
        var s = (acc[0] + acc[1]) + (acc[2] + acc[3])
        while i < count { s = s.addingProduct(a[i], b[i]); i += 1 }
        h += s
    }
    @inline(__always) static func dotDD(_ a: UnsafePointer<Double>, _ bh: UnsafePointer<Double>, _ bl: UnsafePointer<Double>,
                                        _ count: Int, _ h: inout Double, _ l: inout Double) {
        dot(a, bh, count, &h, &l)  // bl is zero in plain arithmetic
    }
}

enum CompensatedSum: SumMode {
    @inline(__always) static func add(_ h: inout Double, _ l: inout Double, _ v: Double) {
        let (s, e) = DoubleDouble.twoSum(h, v)
        h = s
        l += e
    }
    @inline(__always) static func addProduct(_ h: inout Double, _ l: inout Double, _ a: Double, _ b: Double) {
        let (p, ep) = DoubleDouble.twoProduct(a, b)
        let (s, e) = DoubleDouble.twoSum(h, p)
        h = s
        l += e + ep
    }
    @inline(__always) static func addDD(_ h: inout Double, _ l: inout Double, _ vh: Double, _ vl: Double) {
        let (s, e) = DoubleDouble.twoSum(h, vh)
        h = s
        l += e + vl
    }
    @inline(__always) static func addProductDD(_ h: inout Double, _ l: inout Double, _ a: Double, _ vh: Double, _ vl: Double) {
        let (p, ep) = DoubleDouble.twoProduct(a, vh)
        let (s, e) = DoubleDouble.twoSum(h, p)
        h = s
        l += e + ep + a * vl
    }
    @inline(__always) static func scale(_ h: inout Double, _ l: inout Double, _ w: Double) {
        let (p, ep) = DoubleDouble.twoProduct(h, w)
        h = p
        l = ep + l * w
    }
    @inline(__always) static func difference(_ y: Double, _ h: Double, _ l: Double) -> Double {
        let (s, e) = DoubleDouble.twoSum(y, -h)
        return s + (e - l)
    }
    @inline(__always) static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ count: Int,
                                      _ h: inout Double, _ l: inout Double) {
        let ar = UnsafeRawPointer(a), br = UnsafeRawPointer(b)
        var vh = SIMD4<Double>(repeating: 0), vl = SIMD4<Double>(repeating: 0)
        var i = 0
        while i + 4 <= count {
            let x = ar.loadUnaligned(fromByteOffset: 8 * i, as: SIMD4<Double>.self)
            let y = br.loadUnaligned(fromByteOffset: 8 * i, as: SIMD4<Double>.self)
            let p = x * y
            let ep = (-p).addingProduct(x, y)  // TwoProduct
            let t = vh + p                     // TwoSum(vh, p)
            let bb = t - vh
            let et = (vh - (t - bb)) + (p - bb)
            vh = t
            vl += et + ep
            i += 4
        }
        for lane in 0..<4 { addDD(&h, &l, vh[lane], vl[lane]) }
        while i < count { addProduct(&h, &l, a[i], b[i]); i += 1 }
    }
    @inline(__always) static func dotDD(_ a: UnsafePointer<Double>, _ bh: UnsafePointer<Double>, _ bl: UnsafePointer<Double>,
                                        _ count: Int, _ h: inout Double, _ l: inout Double) {
        var low = 0.0
        for i in 0..<count { low = low.addingProduct(a[i], bl[i]) }  // the low parts need no compensation
        dot(a, bh, count, &h, &l)
        l += low
    }
}
