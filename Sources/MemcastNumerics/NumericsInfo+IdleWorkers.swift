#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NumericsInfo {
    /// Stops OpenBLAS's worker threads until its next threaded call.
    ///
    /// OpenBLAS starts its workers when the library loads, and each then spins
    /// (`sched_yield`) for about 0.1 s waiting for work: on two cores that takes CPU from
    /// the first 0.1 s of every command, BLAS or not (the CSV load). `blas_thread_shutdown_`
    /// joins them; OpenBLAS starts them again on its next threaded call (`exec_blas`'s lazy
    /// re-init, there for fork), so results and later thread counts are unchanged. Looked up
    /// at run time (no header declares it); a no-op when absent (another BLAS).
    public static func parkBlasWorkers() {
        guard let symbol = dlsym(nil, "blas_thread_shutdown_") else { return }
        _ = unsafeBitCast(symbol, to: (@convention(c) () -> Int32).self)()
    }
}
