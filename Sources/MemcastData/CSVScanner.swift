#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits RFC 4180 records out of a byte range, field by field, without copying.
///
/// Fields are comma-separated (or another one-byte delimiter); a field may be
/// quoted with `"`, and inside quotes `""` is a literal quote and commas,
/// CR and LF are data. Records end at LF, CRLF or a lone CR. Each field is
/// reported as a byte range plus flags (quoted; holds doubled quotes); the
/// scanner tracks physical line numbers so errors can say where they are.
struct CSVScanner {
    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    /// Field flag: the field was quoted.
    static let quoted: UInt8 = 1
    /// Field flag: the quoted field contains doubled quotes that must be unescaped.
    static let escaped: UInt8 = 2

    enum Step {
        /// A record is in `fieldStart/fieldEnd/fieldFlags[0..<fieldCount]`.
        case record
        /// An empty line (skipped by the loader).
        case blank
        /// End of the range.
        case done
        /// A quoted field opened on `line` never closes: nothing after it can be read.
        case unterminatedQuote(line: Int)
    }

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let splatLF = UInt64(lf) &* ones
    static let splatCR = UInt64(cr) &* ones
    static let splatQuote = UInt64(quote) &* ones

    /// High bit set in each byte of `x` that is zero (exact for the lowest one).
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & 0x8080_8080_8080_8080 }

    let p: UnsafePointer<UInt8>
    let end: Int
    let delimiter: UInt8
    let splatDelimiter: UInt64
    var pos: Int
    /// Physical line (1-based, relative to where scanning began) at `pos`.
    var line: Int
    /// Line on which the current record starts.
    var recordLine = 0
    /// A problem found in the current record that does not stop scanning: (message, field index).
    var problem: (message: String, field: Int)?

    private(set) var fieldStart: UnsafeMutablePointer<Int>
    private(set) var fieldEnd: UnsafeMutablePointer<Int>
    private(set) var fieldFlags: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var fieldCount = 0

    init(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, delimiter: UInt8, firstLine: Int = 1) {
        self.p = p; self.pos = start; self.end = end; self.delimiter = delimiter; self.line = firstLine
        splatDelimiter = UInt64(delimiter) &* CSVScanner.ones
        capacity = 64
        fieldStart = .allocate(capacity: capacity)
        fieldEnd = .allocate(capacity: capacity)
        fieldFlags = .allocate(capacity: capacity)
    }

    /// Frees the field buffers (call once when done).
    func release() {
        fieldStart.deallocate(); fieldEnd.deallocate(); fieldFlags.deallocate()
    }

    private mutating func growFields() {
        let n = capacity * 2
        let s = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let e = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let f = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
        s.update(from: fieldStart, count: capacity)
        e.update(from: fieldEnd, count: capacity)
        f.update(from: fieldFlags, count: capacity)
        release()
        fieldStart = s; fieldEnd = e; fieldFlags = f; capacity = n
    }

    @inline(__always)
    private mutating func addField(_ s: Int, _ e: Int, _ flags: UInt8) {
        if fieldCount == capacity { growFields() }
        fieldStart[fieldCount] = s
        fieldEnd[fieldCount] = e
        fieldFlags[fieldCount] = flags
        fieldCount += 1
    }

    /// From `i`, skips eight bytes at a time while none can be a delimiter, line end or
    /// quote; returns the offset of the first such byte, or where fewer than eight bytes
    /// remain (the lowest flagged byte of the zero-byte test is exact).
    @inline(__always)
    func skipPlainBytes(from start: Int) -> Int {
        var i = start
        let raw = UnsafeRawPointer(p)
        while i + 8 <= end {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let m = CSVScanner.zeroBytes(w ^ splatDelimiter) | CSVScanner.zeroBytes(w ^ CSVScanner.splatLF)
                | CSVScanner.zeroBytes(w ^ CSVScanner.splatCR) | CSVScanner.zeroBytes(w ^ CSVScanner.splatQuote)
            if m != 0 { return i + (m.trailingZeroBitCount >> 3) }
            i += 8
        }
        return i
    }

    /// The number of line ends in `p[start..<end]`: LF, CR, and CR LF counted once (each
    /// ends one record). LF and CR bytes are counted 32 per step: per-byte counters (a
    /// compare gives 0 or 0xFF, subtracted) summed every 255 steps, before they can wrap;
    /// the last < 8 KB byte by byte (this shape compiles to a tight loop). Only when there
    /// are CRs are the CR LF pairs found (memchr) and counted once.
    static func countLineEnds(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let raw = UnsafeRawPointer(p)
        let lfs = SIMD32<UInt8>(repeating: lf), crs = SIMD32<UInt8>(repeating: cr)
        var i = start, nLF = 0, nCR = 0
        while i + 32 * 255 <= end {
            var accLF = SIMD32<UInt8>(), accCR = SIMD32<UInt8>()
            for _ in 0..<255 {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD32<UInt8>.self)
                accLF &-= unsafeBitCast(v .== lfs, to: SIMD32<UInt8>.self)
                accCR &-= unsafeBitCast(v .== crs, to: SIMD32<UInt8>.self)
                i += 32
            }
            nLF += Int(SIMD32<UInt16>(truncatingIfNeeded: accLF).wrappedSum())
            nCR += Int(SIMD32<UInt16>(truncatingIfNeeded: accCR).wrappedSum())
        }
        while i < end {
            if p[i] == lf { nLF += 1 } else if p[i] == cr { nCR += 1 }
            i += 1
        }
        guard nCR > 0 else { return nLF }
        var pairs = 0
        i = start
        while i < end, let q = memchr(p + i, Int32(cr), end - i) {
            i = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p + 1
            if i < end && p[i] == lf { pairs += 1 }
        }
        return nLF + nCR - pairs
    }

    /// Reads the next record.
    @inline(__always)
    mutating func next() -> Step {
        if pos >= end { return .done }
        recordLine = line
        fieldCount = 0
        problem = nil
        let c0 = p[pos]
        if c0 == CSVScanner.lf {
            pos += 1; line += 1; return .blank
        }
        if c0 == CSVScanner.cr {
            pos += 1
            if pos < end && p[pos] == CSVScanner.lf { pos += 1 }
            line += 1
            return .blank
        }
        let d = delimiter
        while true {
            if pos < end && p[pos] == CSVScanner.quote {
                let openLine = line
                var flags = CSVScanner.quoted
                var i = pos + 1
                let s = i
                var e = i
                while true {
                    guard let q = memchr(p + i, Int32(CSVScanner.quote), end - i) else {
                        return .unterminatedQuote(line: openLine)
                    }
                    let j = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - p
                    var k = i
                    while k < j { if p[k] == CSVScanner.lf { line += 1 }; k += 1 }
                    if j + 1 < end && p[j + 1] == CSVScanner.quote {
                        flags |= CSVScanner.escaped
                        i = j + 2
                        continue
                    }
                    e = j
                    pos = j + 1
                    break
                }
                if pos < end {
                    let c = p[pos]
                    if c != d && c != CSVScanner.lf && c != CSVScanner.cr {
                        if problem == nil {
                            problem = ("unexpected text after the closing quote of a quoted field", fieldCount)
                        }
                        while pos < end && p[pos] != d && p[pos] != CSVScanner.lf && p[pos] != CSVScanner.cr { pos += 1 }
                    }
                }
                addField(s, e, flags)
            } else {
                var i = skipPlainBytes(from: pos)
                while i < end {
                    let c = p[i]
                    if c == d || c == CSVScanner.lf || c == CSVScanner.cr { break }
                    if c == CSVScanner.quote && problem == nil {
                        problem = ("a quote inside an unquoted field (quote the whole field and double the quote)", fieldCount)
                    }
                    i += 1
                }
                addField(pos, i, 0)
                pos = i
            }
            if pos < end && p[pos] == d { pos += 1; continue }
            if pos < end {
                if p[pos] == CSVScanner.cr {
                    pos += 1
                    if pos < end && p[pos] == CSVScanner.lf { pos += 1 }
                } else {
                    pos += 1
                }
                line += 1
            }
            return .record
        }
    }
}
