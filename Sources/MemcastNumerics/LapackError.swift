import CLapack
import Foundation

/// Errors from the numeric core. A positive LAPACK `info` is a numerical
/// fact about the input (singular, not positive definite, no convergence);
/// a negative one is a bug in memcast and traps in `LapackError.check`.
/// Input problems (empty, non-finite, shapes) are thrown before LAPACK runs.
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
    /// Fewer rows (observations) than columns (parameters): a least-squares
    /// problem with no unique solution.
    case underdetermined(operation: String, rows: Int, cols: Int)
    /// The design is too ill-conditioned for the answer to carry the digits
    /// asked for; `estimatedRelativeError` is what iterative refinement left.
    case illConditioned(operation: String, conditionNumber: Double, estimatedRelativeError: Double)

    /// A matrix that must be symmetric differs from its transpose at (row, column), 0-based.
    case notSymmetric(operation: String, row: Int, column: Int)
    /// An argument outside its documented range (e.g. a rank tolerance ≥ 1).
    case invalidArgument(operation: String, message: String)

    public static func == (a: LapackError, b: LapackError) -> Bool { a.description == b.description }

    public var description: String {
        switch self {
        case let .singular(r, m): return "\(r): matrix is exactly singular (zero pivot at position \(m))"
        case let .notPositiveDefinite(r, m): return "\(r): matrix is not positive definite (leading minor of order \(m))"
        case let .svdDidNotConverge(r, i): return "\(r): SVD did not converge (\(i) superdiagonals did not reach zero)"
        case let .dimensionMismatch(op, l, r): return "\(op): shapes \(l.0)×\(l.1) and \(r.0)×\(r.1) do not fit"
        case let .empty(op, s): return "\(op): matrix is empty (\(s.0)×\(s.1))"
        case let .nonFinite(name, r, c, v): return "\(name): non-finite value \(v) at row \(r + 1), column \(c + 1)"
        case let .underdetermined(op, m, n):
            return "\(op): \(m) rows but \(n) columns; least squares needs at least as many observations as parameters"
        case let .notSymmetric(op, r, c):
            return "\(op): matrix is not symmetric (entries (\(r + 1), \(c + 1)) and (\(c + 1), \(r + 1)) differ)"
        case let .invalidArgument(op, m): return "\(op): \(m)"
        case let .illConditioned(op, c, e):
            return "\(op): design is numerically rank-deficient for double precision (condition number \(shortNumber(c)), "
                + "refined solution still uncertain at relative \(shortNumber(e))); centre or rescale the regressors, "
                + "drop a nearly collinear column, or pass a larger rank tolerance"
        }
    }

    /// Turns LAPACK's `info` into a thrown error; the one place this happens.
    ///
    /// - `info == 0`: returns.
    /// - `info < 0`: argument `-info` of `routine` was illegal — memcast passed
    ///   it, so this traps (a bug, never a user error).
    /// - `info > 0`: throws `positive(info)`, the routine's numerical verdict.
    @inline(__always)
    static func check(_ info: Int32, _ routine: String, positive: (Int) -> LapackError) throws {
        if info == 0 { return }
        if info < 0 { preconditionFailure("\(routine): illegal value in argument \(-info) (memcast bug)") }
        throw positive(Int(info))
    }

    /// For routines documented never to return `info > 0`.
    @inline(__always)
    static func check(_ info: Int32, _ routine: String) {
        precondition(info == 0, "\(routine): info = \(info) (memcast bug: illegal argument or undocumented result)")
    }
}

/// Three significant digits, for messages (`1.83e+15`, `0.0421`).
func shortNumber(_ x: Double) -> String { String(format: "%.3g", x) }
