import Foundation
import MemcastNumerics

/// Pairs (case) bootstrap of a linear regression: each replication refits the model
/// on n rows drawn with replacement from the design, by the numeric core's
/// least squares (`LeastSquaresSolver`: pivoted QR, aliased columns as NaN), or — for a
/// `StructuredDesign` — from the resample's cross-tabulated Gram, with the dense solve
/// for resamples that path declines.
///
/// Replications are solved without double-double refinement (`refine: false`): a
/// backward-stable solve is accurate to about κ·ε relatively, far below the sampling
/// spread a bootstrap measures; the full-sample fit is the caller's, refined as usual.
///
/// The caller supplies the row draws (`resample(b, into:)` fills the n indices of
/// replication b), so the random-number rules stay the caller's: with a
/// counter-based generator the draws of replication b do not depend on which
/// thread runs it, and the estimates do not depend on the thread count.
///
/// Replications run on `threads` workers, one solver each, with OpenBLAS set to one
/// thread meanwhile (parallelism above BLAS; restored afterwards).
public enum PairsBootstrap {
    /// The coefficients of every replication: row b holds the k estimates of
    /// replication b (`replications × k`, column-major `Matrix`).
    /// - Throws: the first `LapackError` any replication raised (e.g. a resample
    ///   with non-finite values); estimates are then not returned.
    /// - Complexity: O(replications · n·k²).
    public static func coefficients(x: Matrix, y: [Double], replications: Int, threads: Int,
                                    resample: @escaping @Sendable (Int, UnsafeMutableBufferPointer<Int>) -> Void) throws -> Matrix {
        precondition(replications >= 1 && threads >= 1 && y.count == x.rows)
        let n = x.rows, k = x.cols
        struct Worker {
            let solver = LeastSquaresSolver()
            var xb: Matrix, yb: [Double], idx: [Int]
        }
        return try replicate(replications: replications, k: k, threads: threads,
                             makeWorker: { Worker(xb: Matrix(rows: n, cols: k), yb: [Double](repeating: 0, count: n),
                                                  idx: [Int](repeating: 0, count: n)) }) { w, b in
            w.idx.withUnsafeMutableBufferPointer { resample(b, $0) }
            x.storage.withUnsafeBufferPointer { xs in
                w.xb.storage.withUnsafeMutableBufferPointer { xd in
                    w.idx.withUnsafeBufferPointer { idx in
                        for j in 0..<k {
                            let src = xs.baseAddress! + j * n, dst = xd.baseAddress! + j * n
                            for i in 0..<n { dst[i] = src[idx[i]] }
                        }
                    }
                }
            }
            for i in 0..<n { w.yb[i] = y[w.idx[i]] }
            return try w.solver.solve(w.xb, w.yb, refine: false, diagnostics: false).coefficients
        }
    }

    /// Runs `fit` for replications 0..<replications on `threads` workers (each with its own
    /// `makeWorker()` state, OpenBLAS at one thread meanwhile) and stores replication b's k
    /// coefficients in row b. After the first error no further replication starts; it is rethrown.
    static func replicate<Worker>(replications: Int, k: Int, threads: Int, makeWorker: () -> Worker,
                                  _ fit: (inout Worker, Int) throws -> [Double]) throws -> Matrix {
        var out = Matrix(rows: replications, cols: k)
        let failure = ErrorSlot()
        // Each fit is small: BLAS threads would only spin; the parallelism is across replications.
        NumericsInfo.withSingleThreadedBLAS {
            out.storage.withUnsafeMutableBufferPointer { o in
                let result = UncheckedSendable(o)
                ParallelLoop.run(iterations: replications, threads: threads, makeState: makeWorker) { w, b in
                    if failure.isSet { return }
                    do {
                        let coefficients = try fit(&w, b)
                        for j in 0..<k { result.value[b + j * replications] = coefficients[j] }
                    } catch {
                        failure.set(error)
                    }
                }
            }
        }
        if let e = failure.error { throw e }
        return out
    }
}

extension PairsBootstrap {
    /// The coefficients of every replication on a structured design (dense columns plus
    /// level codes, e.g. `DesignMatrix.structure`). A resample is the full sample with
    /// multiplicity weights — cᵢ = how often row i was drawn — so least squares on the
    /// resample is weighted least squares with weights c on the original rows: each
    /// replication counts its draws (O(n)) and solves from the weighted,
    /// cross-tabulated Gram (`LeastSquaresSolver.solve(_:StructuredDesign…)`,
    /// `refine: false`: the normal equations plus one correction in working
    /// precision), reading the rows in order, with no gather. A resample the structured
    /// path declines — a level drawn by no row (a zero column, aliased: NaN), or an
    /// ill-conditioned resample — is gathered and solved by the dense path, exactly as
    /// `coefficients(x:…)` would.
    ///
    /// Same contract as `coefficients(x:y:replications:threads:resample:)`: row b of the
    /// result holds replication b's k estimates, independent of the thread count.
    /// - Complexity: O(replications · n·(m + F)) plus O(k³) per replication.
    public static func coefficients(design x: StructuredDesign, y: [Double], replications: Int, threads: Int,
                                    resample: @escaping @Sendable (Int, UnsafeMutableBufferPointer<Int>) -> Void) throws -> Matrix {
        precondition(replications >= 1 && threads >= 1 && y.count == x.rows)
        let n = x.rows
        struct Worker {
            let solver = LeastSquaresSolver()
            var counts: [Double], idx: [Int]
        }
        return try replicate(replications: replications, k: x.cols, threads: threads,
                             makeWorker: { Worker(counts: [Double](repeating: 0, count: n), idx: [Int](repeating: 0, count: n)) }) { w, b in
            w.idx.withUnsafeMutableBufferPointer { idx in
                resample(b, idx)
                w.counts.withUnsafeMutableBufferPointer { c in
                    c.update(repeating: 0)
                    for i in 0..<n { c[idx[i]] += 1 }
                }
            }
            if let s = try w.solver.solve(x, y, weights: w.counts, refine: false, diagnostics: false, threads: 1) {
                return s.coefficients
            }
            let xb = w.idx.withUnsafeBufferPointer { x.gathering(rows: $0) }
            return try w.solver.solve(xb.materialize(), w.idx.map { y[$0] }, refine: false, diagnostics: false).coefficients
        }
    }
}

/// The first error raised by any worker.
final class ErrorSlot: @unchecked Sendable {
    private var stored: Error?
    private let lock = NSLock()
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return stored != nil }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ e: Error) { lock.lock(); if stored == nil { stored = e }; lock.unlock() }
}

/// A value handed to workers that touch disjoint parts of it.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ v: T) { value = v }
}
