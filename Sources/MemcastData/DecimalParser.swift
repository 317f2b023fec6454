#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses a decimal number from bytes without making a `String`.
///
/// Accepts `[+-]digits[.digits][(e|E)[+-]digits]` (also `.5` and `5.`), with
/// surrounding spaces. Results are correctly rounded: inputs with at most 19
/// significant digits and a power of ten within ±22 take Clinger's exact fast
/// path (an integer ≤ 2^53 times or divided by an exactly representable power
/// of ten is one IEEE operation, hence correctly rounded); anything else goes
/// to the C library's `strtod`, which rounds correctly too.
public enum DecimalParser {
    @usableFromInline
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of `bytes[start..<end]`, or nil when it is not a decimal number.
    @inlinable
    public static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        var e = end
        while i < e && p[i] == 0x20 { i += 1 }
        while e > i && p[e - 1] == 0x20 { e -= 1 }
        if i == e { return nil }
        var negative = false
        if p[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if p[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var significant = 0      // significant digits folded into mantissa (≤ 19)
        var dropped = 0          // integer digits beyond 19 (scale up)
        var digits = 0
        var exponent = 0
        // integer part
        while i < e {
            let d = p[i] &- 48
            if d > 9 { break }
            digits += 1
            if significant < 19 {
                if mantissa != 0 || d != 0 { significant += 1 }
                mantissa = mantissa &* 10 &+ UInt64(d)
            } else { dropped += 1 }
            i += 1
        }
        var truncatedFraction = false
        if i < e && p[i] == UInt8(ascii: ".") {
            i += 1
            while i < e {
                let d = p[i] &- 48
                if d > 9 { break }
                digits += 1
                if significant < 19 {
                    if mantissa != 0 || d != 0 { significant += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    exponent -= 1
                } else if d != 0 { truncatedFraction = true }
                i += 1
            }
        }
        if digits == 0 { return nil }
        if i < e && (p[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var eneg = false
            if i < e && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) { eneg = p[i] == UInt8(ascii: "-"); i += 1 }
            var ev = 0
            var edigits = 0
            while i < e {
                let d = p[i] &- 48
                if d > 9 { break }
                if ev < 100_000 { ev = ev * 10 + Int(d) }
                edigits += 1
                i += 1
            }
            if edigits == 0 { return nil }
            exponent += eneg ? -ev : ev
        }
        if i != e { return nil }
        exponent += dropped
        if dropped == 0 && !truncatedFraction && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            var v = Double(mantissa)
            if exponent < 0 { v /= powersOfTen[-exponent] } else { v *= powersOfTen[exponent] }
            return negative ? -v : v
        }
        return slowPath(p, start, end)
    }

    /// `strtod` on a NUL-terminated copy (rare: long or extreme inputs).
    @usableFromInline
    static func slowPath(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let n = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buf -> Double? in
            for k in 0..<n { buf[k] = CChar(bitPattern: p[start + k]) }
            buf[n] = 0
            var endp: UnsafeMutablePointer<CChar>? = nil
            let v = strtod(buf.baseAddress!, &endp)
            // Trailing spaces were accepted above; strtod stops before them.
            var k = endp.map { $0 - buf.baseAddress! } ?? 0
            while k < n && buf[k] == 0x20 { k += 1 }
            return k == n ? v : nil
        }
    }

    /// Convenience for tests and small inputs.
    public static func parse(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        let n = bytes.count
        return bytes.withUnsafeMutableBufferPointer { parse(UnsafePointer($0.baseAddress!), 0, n) }
    }
}
