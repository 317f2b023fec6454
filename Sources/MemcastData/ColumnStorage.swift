/// Raw pointers to the frame's column arrays while the chunk parsers fill them.
/// Only one of `numbers[c]` / `codes[c]` is set per column (by its type); all nil
/// (and `lines` nil) when values are not kept.
struct ColumnPointers: @unchecked Sendable {
    var numbers: [UnsafeMutablePointer<Double>?]
    var codes: [UnsafeMutablePointer<Int32>?]
    var lines: UnsafeMutablePointer<Int>?
}

/// A frame's column arrays created uninitialized and filled in place, so parsed values
/// are written once, into their final array, instead of into per-chunk buffers that are
/// then copied (a copy also touches every page of fresh memory a second time).
///
/// The arrays are made with `Array(unsafeUninitializedCapacity:)`, nested one inside the
/// next, and `body` runs inside the innermost: it gets a pointer to each array's storage,
/// writes rows `0..<n` of every column and returns `n` (≤ `capacity`), which becomes every
/// array's count. Pages past `n` are never touched, so a generous capacity costs address
/// space, not memory.
struct ColumnStorage {
    private(set) var numbers: [[Double]]
    private(set) var codes: [[Int32]]
    private(set) var lines: [Int] = []

    /// - Parameter isNumber: per column, a `Double` array (true), an `Int32` code array
    ///   (false) or none (nil: a column not read; its array stays empty).
    init(isNumber: [Bool?], capacity: Int, body: (ColumnPointers) throws -> Int) throws {
        let ncols = isNumber.count
        numbers = Array(repeating: [], count: ncols)
        codes = Array(repeating: [], count: ncols)
        var pointers = ColumnPointers(numbers: Array(repeating: nil, count: ncols),
                                      codes: Array(repeating: nil, count: ncols), lines: nil)
        let cap = max(capacity, 1)   // a non-nil base address even when empty
        var rows = 0
        var made: [[Double]] = numbers, madeCodes: [[Int32]] = codes
        // Makes column c's array, then (inside its initializer) the next column's, and so on.
        func nest(_ c: Int) throws {
            if c == ncols {
                lines = try [Int](unsafeUninitializedCapacity: cap) { buffer, count in
                    pointers.lines = buffer.baseAddress!
                    HugePages.advise(buffer.baseAddress!, count: cap)
                    rows = try body(pointers)
                    precondition(rows <= capacity, "more rows than the storage holds")
                    count = rows
                }
            } else if isNumber[c] == nil {
                try nest(c + 1)
            } else if isNumber[c]! {
                made[c] = try [Double](unsafeUninitializedCapacity: cap) { buffer, count in
                    pointers.numbers[c] = buffer.baseAddress!
                    HugePages.advise(buffer.baseAddress!, count: cap)
                    try nest(c + 1)
                    count = rows
                }
            } else {
                madeCodes[c] = try [Int32](unsafeUninitializedCapacity: cap) { buffer, count in
                    pointers.codes[c] = buffer.baseAddress!
                    HugePages.advise(buffer.baseAddress!, count: cap)
                    try nest(c + 1)
                    count = rows
                }
            }
        }
        try nest(0)
        numbers = made
        codes = madeCodes
    }
}
