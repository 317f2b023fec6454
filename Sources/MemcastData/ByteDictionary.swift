#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dictionary encoding of byte strings: each distinct value gets the next
/// `Int32` code in order of first appearance, without making a `String` per
/// lookup (only one per distinct value).
///
/// Open addressing with linear probing over a power-of-two table, kept at
/// most half full; values are kept back to back in one byte arena.
struct ByteDictionary {
    private var table: [Int32]
    private var mask: Int
    private(set) var arena: [UInt8] = []
    private(set) var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    private(set) var levels: [String] = []

    init(capacity: Int = 64) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        table = [Int32](repeating: -1, count: n)
        mask = n - 1
    }

    var count: Int { levels.count }

    /// A fast, well-mixed 64-bit hash of `p[start..<end]`, 8 bytes at a time.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(end - start)
        var i = start
        let raw = UnsafeRawPointer(p)
        while i + 8 <= end {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
            i += 8
        }
        if i < end {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < end { w |= UInt64(p[i]) << shift; shift += 8; i += 1 }
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// The code of `p[start..<end]`, or nil when it is not in the dictionary.
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, hash h: UInt64) -> Int32? {
        let len = end - start
        var slot = Int(truncatingIfNeeded: h) & mask
        return table.withUnsafeBufferPointer { t -> Int32? in
            arena.withUnsafeBufferPointer { a -> Int32? in
                while true {
                    let code = t[slot]
                    if code < 0 { return nil }
                    let k = Int(code)
                    if hashes[k] == h {
                        let o = offsets[k]
                        if offsets[k + 1] - o == len && (len == 0 || memcmp(a.baseAddress! + o, p + start, len) == 0) {
                            return code
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Adds a value known to be absent; `text` is its decoded form.
    @discardableResult
    mutating func insert(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, hash h: UInt64, text: String) -> Int32 {
        let code = Int32(levels.count)
        arena.append(contentsOf: UnsafeBufferPointer(start: p + start, count: end - start))
        offsets.append(arena.count)
        hashes.append(h)
        levels.append(text)
        if levels.count * 2 > table.count { grow() } else { place(code, h) }
        return code
    }

    /// Adds a `String` (used when merging dictionaries); returns its code, old or new.
    @discardableResult
    mutating func intern(_ text: String) -> Int32 {
        var bytes = Array(text.utf8)
        let n = bytes.count
        if bytes.isEmpty { bytes.append(0) }  // a valid pointer for the empty string
        return bytes.withUnsafeBufferPointer { b in
            let p = b.baseAddress!
            let h = ByteDictionary.hash(p, 0, n)
            if let c = find(p, 0, n, hash: h) { return c }
            return insert(p, 0, n, hash: h, text: text)
        }
    }

    private mutating func place(_ code: Int32, _ h: UInt64) {
        var slot = Int(truncatingIfNeeded: h) & mask
        while table[slot] >= 0 { slot = (slot + 1) & mask }
        table[slot] = code
    }

    private mutating func grow() {
        let n = table.count * 2
        table = [Int32](repeating: -1, count: n)
        mask = n - 1
        for k in 0..<levels.count { place(Int32(k), hashes[k]) }
    }
}
