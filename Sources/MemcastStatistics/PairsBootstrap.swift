import Dispatch
import Foundation
import MemcastNumerics

/// Pairs (case) bootstrap of a linear regression: each replication refits the model
/// on n rows drawn with replacement from the design, by the numeric core's
/// least squares (`LeastSquaresSolver`: pivoted QR, aliased columns as NaN).
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
        var out = Matrix(rows: replications, cols: k)
        let failure = ErrorSlot()
        let previousBLAS = NumericsInfo.blasThreads
        if threads > 1 { NumericsInfo.setBlasThreads(1) }
        defer { if threads > 1 { NumericsInfo.setBlasThreads(previousBLAS) } }
        let next = ReplicationCounter()
        out.storage.withUnsafeMutableBufferPointer { o in
            let result = UncheckedSendable(o)
            let work: @Sendable (Int) -> Void = { _ in
                let solver = LeastSquaresSolver()
                var xb = Matrix(rows: n, cols: k)
                var yb = [Double](repeating: 0, count: n)
                var idx = [Int](repeating: 0, count: n)
                while let b = next.take(below: replications), !failure.isSet {
                    idx.withUnsafeMutableBufferPointer { resample(b, $0) }
                    x.storage.withUnsafeBufferPointer { xs in
                        xb.storage.withUnsafeMutableBufferPointer { xd in
                            for j in 0..<k {
                                let src = xs.baseAddress! + j * n, dst = xd.baseAddress! + j * n
                                for i in 0..<n { dst[i] = src[idx[i]] }
                            }
                        }
                    }
                    for i in 0..<n { yb[i] = y[idx[i]] }
                    do {
                        let fit = try solver.solve(xb, yb)
                        for j in 0..<k { result.value[b + j * replications] = fit.coefficients[j] }
                    } catch {
                        failure.set(error)
                    }
                }
            }
            if threads == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: threads, execute: work) }
        }
        if let e = failure.error { throw e }
        return out
    }
}

/// Hands out replication numbers 0, 1, 2, … to workers.
final class ReplicationCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below n: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < n else { return nil }
        value += 1
        return value - 1
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
