/// A dense matrix of `Double` in column-major order over one contiguous array.
///
/// Element (i, j) lives at `storage[i + j * rows]`, which is the layout
/// BLAS and LAPACK expect with leading dimension `rows`, so `storage` reaches
/// C without a copy (pass it as a `let` array or through
/// `withUnsafeMutableBufferPointer`). A vector is a plain `[Double]`.
///
///     var a = Matrix(rowMajor: [[1, 2], [3, 4]])   // 2×2
///     a[0, 1]            // 2
///     a.column(1)        // [2, 4]
///     a.transposed()[0, 1] // 3
///
/// Shapes are fixed at creation; `rows` or `cols` may be 0 (an empty
/// matrix), which the factorizations reject with `LapackError.empty`.
public struct Matrix: Equatable, Sendable {
    /// Number of rows (≥ 0).
    public let rows: Int
    /// Number of columns (≥ 0).
    public let cols: Int
    /// Column-major elements, `rows * cols` of them.
    public var storage: [Double]

    /// A `rows`×`cols` matrix with every element equal to `value`.
    /// - Complexity: O(rows·cols).
    @inlinable
    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && cols >= 0, "Matrix: negative shape \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.storage = Array(repeating: value, count: rows * cols)
    }

    /// A matrix over existing column-major storage (no copy of the array's buffer).
    /// - Precondition: `columnMajor.count == rows * cols` (a programming error otherwise).
    @inlinable
    public init(rows: Int, cols: Int, columnMajor: [Double]) {
        precondition(rows >= 0 && cols >= 0, "Matrix: negative shape \(rows)×\(cols)")
        precondition(columnMajor.count == rows * cols,
                     "Matrix: \(columnMajor.count) elements do not fill \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.storage = columnMajor
    }

    /// A matrix from a list of rows, as written on paper.
    /// `Matrix(rowMajor: [])` is 0×0.
    /// - Precondition: every row has the same length.
    /// - Complexity: O(rows·cols).
    public init(rowMajor: [[Double]]) {
        let m = rowMajor.count
        let n = rowMajor.first?.count ?? 0
        var s = [Double](repeating: 0, count: m * n)
        for (i, row) in rowMajor.enumerated() {
            precondition(row.count == n, "Matrix(rowMajor:): row \(i) has \(row.count) elements, row 0 has \(n)")
            for j in 0..<n { s[i + j * m] = row[j] }
        }
        self.init(rows: m, cols: n, columnMajor: s)
    }

    /// A matrix from rows that may come from user data: throws instead of
    /// trapping when a row's length differs from the first row's.
    /// - Throws: `LapackError.dimensionMismatch(operation: "Matrix rows", lhs: (i, lengthᵢ), rhs: (0, length₀))`
    ///   naming the 0-based row index and both lengths.
    public init(validatingRowMajor rows: [[Double]]) throws {
        let n = rows.first?.count ?? 0
        if let i = rows.firstIndex(where: { $0.count != n }) {
            throw LapackError.dimensionMismatch(operation: "Matrix rows (row index, length)", lhs: (i, rows[i].count), rhs: (0, n))
        }
        self.init(rowMajor: rows)
    }

    /// A matrix whose columns are the given vectors (all the same length).
    /// - Precondition: every column has the same length.
    public init(columns: [[Double]]) {
        let n = columns.count
        let m = columns.first?.count ?? 0
        var s = [Double]()
        s.reserveCapacity(m * n)
        for (j, c) in columns.enumerated() {
            precondition(c.count == m, "Matrix(columns:): column \(j) has \(c.count) elements, column 0 has \(m)")
            s.append(contentsOf: c)
        }
        self.init(rows: m, cols: n, columnMajor: s)
    }

    /// The `n`×`n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var a = Matrix(rows: n, cols: n)
        for i in 0..<n { a.storage[i + i * n] = 1 }
        return a
    }

    /// `(rows, cols)`, as error messages print it.
    @inlinable public var shape: (Int, Int) { (rows, cols) }

    /// True when the matrix has no elements.
    @inlinable public var isEmpty: Bool { rows == 0 || cols == 0 }

    /// Element at 0-based `row`, `col`.
    /// - Precondition: indices within the shape.
    @inlinable
    public subscript(row: Int, col: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && col >= 0 && col < cols,
                         "Matrix: index (\(row), \(col)) outside \(rows)×\(cols)")
            return storage[row + col * rows]
        }
        set {
            precondition(row >= 0 && row < rows && col >= 0 && col < cols,
                         "Matrix: index (\(row), \(col)) outside \(rows)×\(cols)")
            storage[row + col * rows] = newValue
        }
    }

    /// Column `j` as a vector (a copy).
    /// - Complexity: O(rows).
    @inlinable
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < cols, "Matrix: column \(j) outside \(rows)×\(cols)")
        return Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as a vector (a copy; strided read).
    /// - Complexity: O(cols).
    @inlinable
    public func row(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < rows, "Matrix: row \(i) outside \(rows)×\(cols)")
        return (0..<cols).map { storage[i + $0 * rows] }
    }

    /// The columns at `indices`, in that order, as a new matrix.
    /// - Complexity: O(rows·indices.count).
    public func columns(_ indices: [Int]) -> Matrix {
        var s = [Double]()
        s.reserveCapacity(rows * indices.count)
        for j in indices {
            precondition(j >= 0 && j < cols, "Matrix: column \(j) outside \(rows)×\(cols)")
            s.append(contentsOf: storage[(j * rows)..<((j + 1) * rows)])
        }
        return Matrix(rows: rows, cols: indices.count, columnMajor: s)
    }

    /// The transpose Aᵀ (a copy).
    /// - Complexity: O(rows·cols).
    public func transposed() -> Matrix {
        var t = Matrix(rows: cols, cols: rows)
        storage.withUnsafeBufferPointer { a in
            t.storage.withUnsafeMutableBufferPointer { b in
                for j in 0..<cols {
                    for i in 0..<rows { b[j + i * cols] = a[i + j * rows] }
                }
            }
        }
        return t
    }

    /// The first (row, column) holding NaN or ±Inf, or nil when all are finite.
    /// - Complexity: O(rows·cols).
    public func firstNonFinite() -> (row: Int, col: Int)? {
        // The common all-finite case in one vectorised pass (x − x is 0 for finite x and
        // NaN for ±∞ or NaN, so the lanes stay 0 exactly when every value is finite);
        // the position is looked up only when something is wrong.
        let clean = storage.withUnsafeBufferPointer { b -> Bool in
            guard let base = b.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var acc = SIMD8<Double>(repeating: 0)
            var i = 0
            while i + 8 <= b.count {
                let v = raw.loadUnaligned(fromByteOffset: 8 * i, as: SIMD8<Double>.self)
                acc += v - v
                i += 8
            }
            var tail = 0.0
            while i < b.count { tail += b[i] - b[i]; i += 1 }
            return acc.sum() + tail == 0
        }
        if clean { return nil }
        guard let k = storage.firstIndex(where: { !$0.isFinite }) else { return nil }
        return (k % rows, k / rows)
    }
}

extension Matrix: CustomStringConvertible {
    /// Rows on separate lines, for debugging and test failures.
    public var description: String {
        var out = "Matrix \(rows)×\(cols)"
        for i in 0..<min(rows, 12) {
            out += "\n  " + (0..<min(cols, 8)).map { "\(storage[i + $0 * rows])" }.joined(separator: "  ")
            if cols > 8 { out += "  …" }
        }
        if rows > 12 { out += "\n  …" }
        return out
    }
}
