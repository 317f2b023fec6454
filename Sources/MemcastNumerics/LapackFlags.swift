import CLapack

/// Whether an operand enters an operation as A or Aᵀ (BLAS/LAPACK `TRANS`).
public enum Transpose: Sendable {
    case none, transpose
    var lapack: CChar { self == .none ? CChar(UInt8(ascii: "N")) : CChar(UInt8(ascii: "T")) }
    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

/// Which triangle of a matrix holds the data (`UPLO`).
public enum Triangle: Sendable {
    case upper, lower
    var lapack: CChar { self == .upper ? CChar(UInt8(ascii: "U")) : CChar(UInt8(ascii: "L")) }
    var cblas: CBLAS_UPLO { self == .upper ? CblasUpper : CblasLower }
}

/// Whether a matrix multiplies from the left or the right (`SIDE`).
public enum Side: Sendable {
    case left, right
    var lapack: CChar { self == .left ? CChar(UInt8(ascii: "L")) : CChar(UInt8(ascii: "R")) }
    var cblas: CBLAS_SIDE { self == .left ? CblasLeft : CblasRight }
}

/// Whether a triangular matrix has an implicit unit diagonal (`DIAG`).
public enum Diagonal: Sendable {
    case nonUnit, unit
    var lapack: CChar { self == .nonUnit ? CChar(UInt8(ascii: "N")) : CChar(UInt8(ascii: "U")) }
    var cblas: CBLAS_DIAG { self == .nonUnit ? CblasNonUnit : CblasUnit }
}

/// Column-major layout for LAPACKE: all memcast matrices are column-major.
let colMajor = Int32(LAPACK_COL_MAJOR)
