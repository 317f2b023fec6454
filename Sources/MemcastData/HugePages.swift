#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Transparent huge pages for large arrays that are about to be filled.
public enum HugePages {
    /// Asks the kernel for transparent huge pages on the whole 2 MB pages of a large array
    /// (`count` elements at `p`), where THP is enabled for advised memory: first touches
    /// then fault once per 2 MB instead of once per 4 KB page. Advice only; nothing else
    /// changes (and nothing happens elsewhere than Linux or under 4 MB).
    public static func advise<T>(_ p: UnsafeMutablePointer<T>, count: Int) {
        #if os(Linux)
        let huge = 2 << 20
        let bytes = count * MemoryLayout<T>.stride
        guard bytes >= 2 * huge else { return }
        let start = (Int(bitPattern: p) + huge - 1) / huge * huge
        let end = (Int(bitPattern: p) + bytes) / huge * huge
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
        #endif
    }
}
