import CLapack

/// Errors from the numeric core. A positive LAPACK `info` is a numerical
/// fact about the input (singular, not positive definite, no convergence);
/// a negative one is a bug in memcast and traps in `LapackError.check`.
public enum LapackError: Error, Equatable, CustomStringConvertible {
    /// `routine` found an exactly singular factor at 1-based position `minor`.
    case singular(routine: String, minor: Int)
    /// Cholesky (`routine`) found the leading minor of order `minor` not positive definite.
    case notPositiveDefinite(routine: String, minor: Int)
    /// An SVD-based routine did not converge.
    case svdDidNotConverge(routine: String, info: Int)
    /// Two operands' shapes do not fit the operation.
    case dimensionMismatch(operation: String, lhs: (Int, Int), rhs: (Int, Int))
    /// A matrix with no rows or no columns where the operation needs data.
    case empty(operation: String, shape: (Int, Int))
    /// A NaN or infinity at (row, column), 0-based, of the named operand.
    case nonFinite(operand: String, row: Int, column: Int, value: Double)

    public static func == (a: LapackError, b: LapackError) -> Bool { a.description == b.description }

    public var description: String {
        switch self {
        case let .singular(r, m): return "\(r): matrix is exactly singular (zero pivot at position \(m))"
        case let .notPositiveDefinite(r, m): return "\(r): matrix is not positive definite (leading minor of order \(m))"
        case let .svdDidNotConverge(r, i): return "\(r): SVD did not converge (\(i) superdiagonals did not reach zero)"
        case let .dimensionMismatch(op, l, r): return "\(op): shapes \(l.0)×\(l.1) and \(r.0)×\(r.1) do not fit"
        case let .empty(op, s): return "\(op): matrix is empty (\(s.0)×\(s.1))"
        case let .nonFinite(name, r, c, v): return "\(name): non-finite value \(v) at row \(r + 1), column \(c + 1)"
        }
    }
}
