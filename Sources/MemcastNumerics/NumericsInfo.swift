import CLapack
import Foundation

/// Facts about the linked BLAS, for `memcast --version` and benchmarks.
public enum NumericsInfo {
    /// OpenBLAS build configuration string (e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH ... Haswell").
    public static var blasConfig: String { String(cString: openblas_get_config()) }
    /// Threads OpenBLAS will use.
    public static var blasThreads: Int { Int(openblas_get_num_threads()) }
    /// Sets OpenBLAS's thread count (use 1 when parallelising above BLAS).
    public static func setBlasThreads(_ n: Int) { openblas_set_num_threads(Int32(n)) }

    private static let singleThreadLock = NSLock()
    nonisolated(unsafe) private static var singleThreadDepth = 0
    nonisolated(unsafe) private static var threadsBeforeSingle = 1

    /// Runs `body` with OpenBLAS at one thread, for work parallelised above BLAS.
    ///
    /// The thread count is process-wide, so overlapping callers share one setting: the first to
    /// enter saves the count and sets 1, the last to leave restores it. (A save-set-restore per
    /// caller would let one caller's restore switch BLAS back to many threads under another
    /// caller still running, whose results would then depend on that timing.)
    public static func withSingleThreadedBLAS<T>(_ body: () throws -> T) rethrows -> T {
        singleThreadLock.lock()
        if singleThreadDepth == 0 { threadsBeforeSingle = blasThreads; setBlasThreads(1) }
        singleThreadDepth += 1
        singleThreadLock.unlock()
        defer {
            singleThreadLock.lock()
            singleThreadDepth -= 1
            if singleThreadDepth == 0 { setBlasThreads(threadsBeforeSingle) }
            singleThreadLock.unlock()
        }
        return try body()
    }
}
