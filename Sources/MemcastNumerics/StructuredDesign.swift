/// A design matrix X (n×k) held as a dense block plus categorical factors, without
/// the factors' indicator columns: a factor is one level code per row, and level l
/// stands for a 1 in design column `columnOfLevel[l]` (no column for the
/// treatment-coded reference level: −1).
///
///     // X = [1, x, C(s)[T.b], C(s)[T.c]] for s ∈ {a, b, c}, a the reference:
///     let X = StructuredDesign(rows: 4, cols: 4,
///                              dense: Matrix(columns: [[1, 1, 1, 1], [0.5, 1, 2, 4]]), denseColumns: [0, 1],
///                              factors: [.init(codes: [0, 1, 2, 1], columnOfLevel: [-1, 2, 3])])
///     X.materialize()[3, 2]   // 1: row 3 is at level b
///
/// Everything a regression needs of X — XᵀWX, XᵀW·r, X·b, the leverages xᵢᵀBxᵢ — is
/// computed from the codes in O(n·(m + F)²) for m dense columns and F factors
/// (cross-tabulations for factor×factor blocks, sums by level for factor×dense),
/// instead of O(n·k²) on an n×k matrix that is mostly zeros. A plain dense design is
/// the case without factors (`init(dense:)`).
///
/// Row blocks (`gramBlockRows` rows) are the unit of parallel work; their partial
/// sums are combined in block order, so results do not depend on the thread count.
public struct StructuredDesign: Sendable {
    /// One categorical factor: its level per row and the design column of each level.
    public struct Factor: Sendable, Equatable {
        /// Level index of each row, in 0..<`columnOfLevel.count`.
        public var codes: [Int32]
        /// Design column holding the indicator of each level; −1 for a level without
        /// one (the reference level of treatment coding).
        public var columnOfLevel: [Int]

        public init(codes: [Int32], columnOfLevel: [Int]) {
            self.codes = codes
            self.columnOfLevel = columnOfLevel
        }

        /// Number of levels.
        public var levelCount: Int { columnOfLevel.count }
    }

    /// n.
    public let rows: Int
    /// k, the number of design columns.
    public let cols: Int
    /// Design column of each dense column.
    public let denseColumns: [Int]
    /// Per factor, the design column of each level (−1: none).
    public let levelColumns: [[Int]]
    /// The dense block and the codes in raw memory that stays put while the design
    /// lives, so parallel passes read it without copies.
    let storage: Storage

    /// Column-major n×m dense block, then the codes of factor 0, 1, … (n each).
    final class Storage: @unchecked Sendable {
        let dense: UnsafeMutablePointer<Double>
        let codes: UnsafeMutablePointer<Int32>
        init(denseCount: Int, codeCount: Int) {
            dense = .allocate(capacity: max(1, denseCount))
            codes = .allocate(capacity: max(1, codeCount))
        }
        deinit { dense.deallocate(); codes.deallocate() }
    }

    /// - Precondition: the dense block has n rows; every design column 0..<k is
    ///   named exactly once by `denseColumns` or a factor's `columnOfLevel`; every
    ///   code is a level index (programming errors: callers build these from data
    ///   they have validated).
    /// - Complexity: O(n·(m + F)); the values are copied once.
    public init(rows: Int, cols: Int, dense: Matrix, denseColumns: [Int], factors: [Factor]) {
        precondition(dense.rows == rows && dense.cols == denseColumns.count,
                     "StructuredDesign: dense block \(dense.rows)×\(dense.cols) for \(rows) rows, \(denseColumns.count) columns")
        var seen = [Bool](repeating: false, count: cols)
        for j in denseColumns + factors.flatMap({ $0.columnOfLevel.filter { $0 >= 0 } }) {
            precondition(j >= 0 && j < cols && !seen[j], "StructuredDesign: column \(j) missing, repeated or out of 0..<\(cols)")
            seen[j] = true
        }
        precondition(!seen.contains(false), "StructuredDesign: some of the \(cols) columns are not given")
        for f in factors {
            precondition(f.codes.count == rows, "StructuredDesign: \(f.codes.count) codes for \(rows) rows")
            let count = Int32(f.levelCount)
            precondition(f.codes.allSatisfy { $0 >= 0 && $0 < count }, "StructuredDesign: a code outside 0..<\(count)")
        }
        self.rows = rows
        self.cols = cols
        self.denseColumns = denseColumns
        self.levelColumns = factors.map(\.columnOfLevel)
        storage = Storage(denseCount: rows * denseColumns.count, codeCount: rows * factors.count)
        dense.storage.withUnsafeBufferPointer { storage.dense.initialize(from: $0.baseAddress!, count: $0.count) }
        for (f, factor) in factors.enumerated() {
            factor.codes.withUnsafeBufferPointer { (storage.codes + f * rows).initialize(from: $0.baseAddress!, count: rows) }
        }
    }

    /// A design whose values the caller writes in place (no copy): `fill` gets the
    /// n×m dense block (column-major, zeroed) and the codes of factor 0, 1, … (n each,
    /// zeroed), m = `denseColumns.count`.
    /// - Precondition: as for `init(rows:cols:dense:denseColumns:factors:)`; the codes
    ///   written are checked after `fill` returns.
    /// - Complexity: O(n·F) for the check, plus what `fill` does.
    public init(rows: Int, cols: Int, denseColumns: [Int], levelColumns: [[Int]],
                fill: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int32>) -> Void) {
        let m = denseColumns.count, F = levelColumns.count
        var seen = [Bool](repeating: false, count: cols)
        for j in denseColumns + levelColumns.flatMap({ $0.filter { $0 >= 0 } }) {
            precondition(j >= 0 && j < cols && !seen[j], "StructuredDesign: column \(j) missing, repeated or out of 0..<\(cols)")
            seen[j] = true
        }
        precondition(!seen.contains(false), "StructuredDesign: some of the \(cols) columns are not given")
        let s = Storage(denseCount: rows * m, codeCount: rows * F)
        s.dense.initialize(repeating: 0, count: rows * m)
        s.codes.initialize(repeating: 0, count: rows * F)
        fill(UnsafeMutableBufferPointer(start: s.dense, count: rows * m), UnsafeMutableBufferPointer(start: s.codes, count: rows * F))
        for f in 0..<F {
            let count = Int32(levelColumns[f].count)
            precondition(UnsafeBufferPointer(start: s.codes + f * rows, count: rows).allSatisfy { $0 >= 0 && $0 < count },
                         "StructuredDesign: a code outside 0..<\(count)")
        }
        self.init(rows: rows, cols: cols, denseColumns: denseColumns, levelColumns: levelColumns, storage: s)
    }

    /// A plain dense design (no factors).
    public init(dense: Matrix) {
        self.init(rows: dense.rows, cols: dense.cols, dense: dense, denseColumns: Array(0..<dense.cols), factors: [])
    }

    /// Number of dense columns, m.
    public var denseCount: Int { denseColumns.count }

    /// Dense column c (a copy).
    public func denseColumn(_ c: Int) -> [Double] {
        Array(UnsafeBufferPointer(start: storage.dense + c * rows, count: rows))
    }

    /// The dense block, n×m (a copy).
    public var dense: Matrix {
        Matrix(rows: rows, cols: denseCount, columnMajor: Array(UnsafeBufferPointer(start: storage.dense, count: rows * denseCount)))
    }

    /// The factors (copies of their codes).
    public var factors: [Factor] {
        levelColumns.indices.map { f in
            Factor(codes: Array(UnsafeBufferPointer(start: storage.codes + f * rows, count: rows)), columnOfLevel: levelColumns[f])
        }
    }

    /// Pointer to dense column c (valid while the design lives).
    @inline(__always) func densePointer(_ c: Int) -> UnsafeMutablePointer<Double> { storage.dense + c * rows }
    /// Pointer to the codes of factor f.
    @inline(__always) func codePointer(_ f: Int) -> UnsafeMutablePointer<Int32> { storage.codes + f * rows }

    /// The n×k matrix itself (allocates n×k doubles).
    /// - Complexity: O(n·k).
    public func materialize() -> Matrix {
        var x = Matrix(rows: rows, cols: cols)  // zeros
        let n = rows
        x.storage.withUnsafeMutableBufferPointer { out in
            for (c, j) in denseColumns.enumerated() {
                (out.baseAddress! + j * n).update(from: densePointer(c), count: n)
            }
            for (f, lc) in levelColumns.enumerated() {
                let codes = codePointer(f)
                for r in 0..<n {
                    let j = lc[Int(codes[r])]
                    if j >= 0 { out[j * n + r] = 1 }
                }
            }
        }
        return x
    }

    /// The design of the rows `index[0]`, `index[1]`, … (with repetition), e.g. a
    /// bootstrap resample.
    /// - Precondition: every index is in 0..<n.
    /// - Complexity: O(n·(m + F)).
    public func gathering(rows index: UnsafeBufferPointer<Int>) -> StructuredDesign {
        let n = index.count, m = denseCount, F = levelColumns.count
        let s = Storage(denseCount: n * m, codeCount: n * F)
        for c in 0..<m {
            let src = densePointer(c), dst = s.dense + c * n
            for i in 0..<n { dst[i] = src[index[i]] }
        }
        for f in 0..<F {
            let src = codePointer(f), dst = s.codes + f * n
            for i in 0..<n { dst[i] = src[index[i]] }
        }
        return StructuredDesign(rows: n, cols: cols, denseColumns: denseColumns, levelColumns: levelColumns, storage: s)
    }

    /// Over filled storage (for designs derived from a checked one).
    init(rows: Int, cols: Int, denseColumns: [Int], levelColumns: [[Int]], storage: Storage) {
        self.rows = rows
        self.cols = cols
        self.denseColumns = denseColumns
        self.levelColumns = levelColumns
        self.storage = storage
    }
}
