#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dictionary encoding of byte strings: each distinct value gets the next
/// `Int32` code in order of first appearance, without making a `String` per
/// lookup (only one per distinct value).
///
/// Open addressing with linear probing over a power-of-two table kept at most
/// half full; values live back to back in one byte arena. Storage is manual
/// (unsafe buffers in a class) because this sits in the loader's inner loop,
/// where copy-on-write checks of nested arrays cost more than the lookup.
final class ByteDictionary {
    private struct Entry {
        var hash: UInt64
        var offset: Int
        var length: Int
        /// The value's `shortKey` when it has at most `shortLimit` bytes (else unused).
        var key0: UInt64
        var key1: UInt64
        /// The code that followed this value the last time it was seen (-1: none yet).
        var next: Int32 = -1
    }

    private var table: UnsafeMutablePointer<Int32>
    private var tableSize: Int
    private var entries: UnsafeMutablePointer<Entry>
    private var entryCapacity: Int
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCount = 0
    private var arenaCapacity: Int
    /// Number of distinct values (codes 0..<count).
    private(set) var count = 0

    init(capacity: Int = 64) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        tableSize = n
        table = .allocate(capacity: n)
        table.initialize(repeating: -1, count: n)
        entryCapacity = 16
        entries = .allocate(capacity: entryCapacity)
        arenaCapacity = 256
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        table.deallocate()
        entries.deallocate()
        arena.deallocate()
    }

    /// The values as strings, in code order. Made on request (once per merged column), not
    /// per insert: each chunk of a file sees most values again. Values are valid UTF-8 (the
    /// loader checks before inserting), so decoding is exact.
    var levels: [String] {
        (0..<count).map { k in
            let e = entries[k]
            return String(decoding: UnsafeBufferPointer(start: arena + e.offset, count: e.length), as: UTF8.self)
        }
    }

    /// Longest value with a short key: its bytes fit in two 8-byte words.
    static let shortLimit = 16

    /// Two words that hold all of a value of at most `shortLimit` bytes, so comparing values
    /// of equal length is comparing two words: the first 8 bytes and the last 8 (they
    /// overlap for 9…15 bytes); under 8 bytes, the bytes zero-padded and 0.
    /// `readable`: bytes before this offset may be read, so a value under 8 bytes with
    /// room after it is read with one load and masked (else byte by byte).
    @inline(__always)
    static func shortKey(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, readable: Int) -> (UInt64, UInt64) {
        let len = end - start
        let raw = UnsafeRawPointer(p)
        if len >= 8 {
            return (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)),
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self)))
        }
        if start + 8 <= readable {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
            return (w & ((1 << (8 * UInt64(len))) &- 1), 0)
        }
        var w: UInt64 = 0
        for k in 0..<len { w |= UInt64(p[start + k]) << (8 * UInt64(k)) }
        return (w, 0)
    }

    /// The hash of a value of at most `shortLimit` bytes from its short key and length.
    @inline(__always)
    static func shortHash(_ k0: UInt64, _ k1: UInt64, _ length: Int) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(length)
        h = (h ^ k0) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        h = (h ^ k1) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// A fast, well-mixed 64-bit hash of `p[start..<end]`, 8 bytes at a time (from the short
    /// key for short values, so both lookups agree).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        if end - start <= shortLimit {
            let (k0, k1) = shortKey(p, start, end, readable: end)
            return shortHash(k0, k1, end - start)
        }
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
            while i < end { w |= UInt64(p[i]) << shift; shift &+= 8; i += 1 }
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// Whether level `code` is the short value with key `(k0, k1)` and `length` (≤ `shortLimit`).
    @inline(__always)
    func hasKey(_ code: Int32, _ k0: UInt64, _ k1: UInt64, _ length: Int) -> Bool {
        let e = entries[Int(code)]
        return e.length == length && e.key0 == k0 && e.key1 == k1
    }

    /// The code of the short value with key `(k0, k1)`, `length` and `hash` (`shortHash`), or nil.
    @inline(__always)
    func findShort(_ k0: UInt64, _ k1: UInt64, _ length: Int, hash h: UInt64) -> Int32? {
        let mask = tableSize - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let code = table[slot]
            if code < 0 { return nil }
            let e = entries[Int(code)]
            if e.hash == h && e.length == length && e.key0 == k0 && e.key1 == k1 { return code }
            slot = (slot + 1) & mask
        }
    }

    /// Whether level `code` has exactly the bytes `p[start..<end]`.
    @inline(__always)
    func matches(_ code: Int32, _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let e = entries[Int(code)]
        let len = end - start
        guard e.length == len else { return false }
        // Short values (the common case) compared 8 bytes at a time without a libc call.
        let a = UnsafeRawPointer(arena + e.offset), b = UnsafeRawPointer(p + start)
        var i = 0
        while i + 8 <= len {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < len {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    /// The code that followed `code` in the column the last time (-1 when unknown).
    /// Files sorted by period then entity repeat the same sequence of values period
    /// after period, so this predicts the next value where "same as the last one" cannot.
    @inline(__always)
    func successor(of code: Int32) -> Int32 { entries[Int(code)].next }

    @inline(__always)
    func setSuccessor(of code: Int32, _ next: Int32) { entries[Int(code)].next = next }

    /// The code of `p[start..<end]`, or nil when it is not in the dictionary.
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, hash h: UInt64) -> Int32? {
        let mask = tableSize - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let code = table[slot]
            if code < 0 { return nil }
            if entries[Int(code)].hash == h && matches(code, p, start, end) { return code }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a value known to be absent (its bytes must be valid UTF-8).
    @discardableResult
    func insert(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, hash h: UInt64) -> Int32 {
        let code = Int32(count)
        let len = end - start
        if arenaCount + len > arenaCapacity {
            var n = arenaCapacity * 2
            while n < arenaCount + len { n *= 2 }
            let a = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
            a.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = a; arenaCapacity = n
        }
        if len > 0 { (arena + arenaCount).update(from: p + start, count: len) }
        if count == entryCapacity {
            let n = entryCapacity * 2
            let e = UnsafeMutablePointer<Entry>.allocate(capacity: n)
            e.moveInitialize(from: entries, count: entryCapacity)
            entries.deallocate()
            entries = e; entryCapacity = n
        }
        let (k0, k1) = len <= ByteDictionary.shortLimit
            ? ByteDictionary.shortKey(arena, arenaCount, arenaCount + len, readable: arenaCount + len) : (0, 0)
        (entries + count).initialize(to: Entry(hash: h, offset: arenaCount, length: len, key0: k0, key1: k1))
        arenaCount += len
        count += 1
        if count * 2 > tableSize { grow() } else { place(code, h) }
        return code
    }

    /// Adds a `String` (used when merging dictionaries); returns its code, old or new.
    @discardableResult
    func intern(_ text: String) -> Int32 {
        var bytes = Array(text.utf8)
        let n = bytes.count
        if bytes.isEmpty { bytes.append(0) }  // a valid pointer for the empty string
        return bytes.withUnsafeBufferPointer { b in
            let p = b.baseAddress!
            let h = ByteDictionary.hash(p, 0, n)
            if let c = find(p, 0, n, hash: h) { return c }
            return insert(p, 0, n, hash: h)
        }
    }

    /// Adds `other`'s levels not yet here, in `other`'s code order (so levels stay in order
    /// of first appearance when `other` holds a later part of the same column); returns, for
    /// each code of `other`, the code of the same value here. Bytes and hashes are reused.
    func absorb(_ other: ByteDictionary) -> [Int32] {
        var map: [Int32] = []
        map.reserveCapacity(other.count)
        let p = UnsafePointer(other.arena)
        for k in 0..<other.count {
            let e = other.entries[k]
            if let c = find(p, e.offset, e.offset + e.length, hash: e.hash) {
                map.append(c)
            } else {
                map.append(insert(p, e.offset, e.offset + e.length, hash: e.hash))
            }
        }
        return map
    }

    private func place(_ code: Int32, _ h: UInt64) {
        let mask = tableSize - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while table[slot] >= 0 { slot = (slot + 1) & mask }
        table[slot] = code
    }

    private func grow() {
        table.deallocate()
        tableSize *= 2
        table = .allocate(capacity: tableSize)
        table.initialize(repeating: -1, count: tableSize)
        for k in 0..<count { place(Int32(k), entries[k].hash) }
    }
}
