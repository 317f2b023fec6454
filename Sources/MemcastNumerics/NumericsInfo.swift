import CLapack

/// Facts about the linked BLAS, for `memcast --version` and benchmarks.
public enum NumericsInfo {
    /// OpenBLAS build configuration string (e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH ... Haswell").
    public static var blasConfig: String { String(cString: openblas_get_config()) }
    /// Threads OpenBLAS will use.
    public static var blasThreads: Int { Int(openblas_get_num_threads()) }
    /// Sets OpenBLAS's thread count (use 1 when parallelising above BLAS).
    public static func setBlasThreads(_ n: Int) { openblas_set_num_threads(Int32(n)) }
}
