import CLapack

// Dense products through BLAS: dgemm (general), dsyrk (AᵀA), dgemv (matrix·vector).
// All column-major; operands are read, never overwritten.

extension Matrix {
    /// op(A)·op(B) (BLAS `dgemm`), where op is identity or transpose.
    ///
    ///     let xtx = Matrix.product(x, .transpose, x)   // XᵀX
    ///
    /// - Precondition: inner dimensions agree (a programming error otherwise).
    /// - Complexity: O(m·n·k).
    public static func product(_ a: Matrix, _ transA: Transpose = .none, _ b: Matrix,
                               _ transB: Transpose = .none) -> Matrix {
        let m = transA == .none ? a.rows : a.cols
        let k = transA == .none ? a.cols : a.rows
        let kb = transB == .none ? b.rows : b.cols
        let n = transB == .none ? b.cols : b.rows
        precondition(k == kb, "Matrix.product: op(A) is \(m)×\(k), op(B) is \(kb)×\(n)")
        var c = Matrix(rows: m, cols: n)
        guard m > 0, n > 0, k > 0 else { return c }
        a.storage.withUnsafeBufferPointer { ap in
            b.storage.withUnsafeBufferPointer { bp in
                c.storage.withUnsafeMutableBufferPointer { cp in
                    cblas_dgemm(CblasColMajor, transA.cblas, transB.cblas, Int32(m), Int32(n), Int32(k),
                                1, ap.baseAddress, Int32(max(1, a.rows)), bp.baseAddress, Int32(max(1, b.rows)),
                                0, cp.baseAddress, Int32(max(1, m)))
                }
            }
        }
        return c
    }

    /// The Gram matrix AᵀA, k×k and exactly symmetric (BLAS `dsyrk`, upper triangle mirrored).
    /// - Complexity: O(n·k²).
    public func gram() -> Matrix {
        var c = Matrix(rows: cols, cols: cols)
        guard rows > 0, cols > 0 else { return c }
        storage.withUnsafeBufferPointer { ap in
            c.storage.withUnsafeMutableBufferPointer { cp in
                cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(cols), Int32(rows),
                            1, ap.baseAddress, Int32(rows), 0, cp.baseAddress, Int32(cols))
            }
        }
        for j in 0..<cols { for i in (j + 1)..<cols { c.storage[i + j * cols] = c.storage[j + i * cols] } }
        return c
    }

    /// op(A)·v (BLAS `dgemv`).
    /// - Precondition: `v.count` equals the columns of op(A).
    /// - Complexity: O(rows·cols).
    public func times(_ v: [Double], _ trans: Transpose = .none) -> [Double] {
        let outCount = trans == .none ? rows : cols
        precondition(v.count == (trans == .none ? cols : rows),
                     "Matrix.times: \(rows)×\(cols)\(trans == .none ? "" : "ᵀ") and a vector of \(v.count)")
        var out = [Double](repeating: 0, count: outCount)
        guard rows > 0, cols > 0 else { return out }
        storage.withUnsafeBufferPointer { ap in
            out.withUnsafeMutableBufferPointer { op in
                cblas_dgemv(CblasColMajor, trans.cblas, Int32(rows), Int32(cols), 1, ap.baseAddress,
                            Int32(rows), v, 1, 0, op.baseAddress, 1)
            }
        }
        return out
    }
}
