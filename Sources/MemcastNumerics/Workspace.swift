/// Growable scratch memory for LAPACK calls, reused across calls so that
/// many small factorizations do not allocate each time.
///
/// Not thread-safe: give each thread (or each solver) its own.
final class Workspace {
    private(set) var doubles: [Double] = []
    private(set) var ints: [Int32] = []

    /// Workspace sizes from LAPACK's LWORK = −1 queries, by routine and shape;
    /// a repeated shape skips the query call.
    struct QueryKey: Hashable { let routine: String; let m: Int, n: Int, k: Int }
    private var optimalSizes: [QueryKey: Int] = [:]

    /// The cached optimal workspace for `key`, or `query()` (then cached).
    @inline(__always)
    func optimalSize(_ key: QueryKey, _ query: () -> Int) -> Int {
        if let size = optimalSizes[key] { return size }
        let size = query()
        optimalSizes[key] = size
        return size
    }

    /// Runs `body` with at least `count` doubles of scratch (contents undefined).
    @inline(__always)
    func withDoubles<R>(_ count: Int, _ body: (UnsafeMutablePointer<Double>) throws -> R) rethrows -> R {
        if doubles.count < max(count, 1) { doubles = [Double](repeating: 0, count: max(count, 1)) }
        return try doubles.withUnsafeMutableBufferPointer { try body($0.baseAddress!) }
    }

    /// Runs `body` with at least `count` 32-bit integers of scratch.
    @inline(__always)
    func withInts<R>(_ count: Int, _ body: (UnsafeMutablePointer<Int32>) throws -> R) rethrows -> R {
        if ints.count < max(count, 1) { ints = [Int32](repeating: 0, count: max(count, 1)) }
        return try ints.withUnsafeMutableBufferPointer { try body($0.baseAddress!) }
    }
}
