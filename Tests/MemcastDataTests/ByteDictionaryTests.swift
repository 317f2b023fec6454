import Testing
@testable import MemcastData

/// Dictionary encoding: one code per distinct byte string, in order of first appearance,
/// whichever lookup path (short key of two words, or bytes and hash) finds it.
@Suite struct ByteDictionaryTests {
    /// Values of 0…20 bytes that differ only in their first, middle or last byte, read from
    /// the end of a buffer (no room for a whole-word load) and from inside one: the short
    /// key tells them apart and agrees with the byte-by-byte hash.
    @Test func shortKeysSeparateValuesAndAgreeWithTheHash() {
        var values: [[UInt8]] = []
        for len in 0...20 {
            let base = (0..<len).map { UInt8(97 + $0 % 26) }
            values.append(base)
            for at in Set([0, len / 2, max(len - 1, 0)]) where len > 0 {
                var v = base
                v[at] = 0x5F
                values.append(v)
            }
        }
        let d = ByteDictionary()
        var codes: [Int32] = []
        for v in values {
            // The value at the very end of its buffer, and again with bytes after it.
            for padded in [v, v + Array("tail-bytes".utf8)] {
                let storage = padded.isEmpty ? [0] : padded   // a valid pointer for the empty value
                storage.withUnsafeBufferPointer { b in
                    let p = b.baseAddress!
                    let h = ByteDictionary.hash(p, 0, v.count)
                    if v.count <= ByteDictionary.shortLimit {
                        let (k0, k1) = ByteDictionary.shortKey(p, 0, v.count, readable: padded.count)
                        #expect(ByteDictionary.shortHash(k0, k1, v.count) == h)
                        let code = d.findShort(k0, k1, v.count, hash: h)
                        #expect(code == d.find(p, 0, v.count, hash: h))
                        if let code { #expect(d.hasKey(code, k0, k1, v.count)) }
                    }
                    if padded.count == v.count {
                        codes.append(d.find(p, 0, v.count, hash: h) ?? d.insert(p, 0, v.count, hash: h))
                    }
                }
            }
        }
        // Distinct values got distinct codes in order of first appearance, and the levels
        // read back as the values.
        var firstSeen: [[UInt8]: Int32] = [:]
        for (v, code) in zip(values, codes) {
            if let c = firstSeen[v] { #expect(c == code) } else { #expect(code == Int32(firstSeen.count)); firstSeen[v] = code }
        }
        #expect(d.count == firstSeen.count)
        let levels = d.levels
        for (v, code) in firstSeen { #expect(levels[Int(code)] == String(decoding: v, as: UTF8.self)) }
    }

    /// Merging chunk dictionaries: new levels of the later chunk are appended in its order,
    /// and the map sends each of its codes to the same value's code.
    @Test func absorbAppendsNewLevelsInOrder() {
        func dict(_ words: [String]) -> ByteDictionary {
            let d = ByteDictionary()
            for w in words { d.intern(w) }
            return d
        }
        let a = dict(["north_america", "europe", "a-rather-long-region-name", "é"])
        let b = dict(["asia", "europe", "a-rather-long-region-name", "latin_america", "é"])
        let map = a.absorb(b)
        #expect(a.levels == ["north_america", "europe", "a-rather-long-region-name", "é", "asia", "latin_america"])
        #expect(map == [4, 1, 2, 5, 3])
    }
}
