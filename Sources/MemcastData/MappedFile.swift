#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes, memory-mapped read-only (or held in memory for small
/// in-memory inputs), so the CSV scanner walks them once without copying.
///
/// Mapping keeps resident memory bounded by what the kernel pages in, not by
/// the file size: a 2 GB file is not read into the heap.
public final class MappedFile: @unchecked Sendable {
    /// Start of the bytes (valid while `self` lives); never nil, even for an empty file.
    public let base: UnsafePointer<UInt8>
    public let count: Int
    private let mapped: Bool
    private let owned: UnsafeMutablePointer<UInt8>?

    /// Maps `path`. Throws a `CSVIssue` naming `label` when it cannot be opened.
    public init(path: String, label: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CSVIssue(file: label, line: nil, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw CSVIssue(file: label, line: nil, message: "cannot stat: \(String(cString: strerror(errno)))")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw CSVIssue(file: label, line: nil, message: "is a directory, not a CSV file")
        }
        let size = Int(st.st_size)
        if (st.st_mode & S_IFMT) == S_IFREG && size > 0 {
            // Not pre-faulted here (MAP_POPULATE would map every page on this one thread before
            // parsing starts): readers pre-fault the ranges they are about to scan, in
            // parallel (`prefault`); huge files are paged in as read and released behind.
            let flags = MAP_PRIVATE
            guard let p = mmap(nil, size, PROT_READ, flags, fd, 0), p != MAP_FAILED else {
                throw CSVIssue(file: label, line: nil, message: "cannot map: \(String(cString: strerror(errno)))")
            }
            _ = madvise(p, size, MADV_SEQUENTIAL)
            base = UnsafePointer(p.assumingMemoryBound(to: UInt8.self))
            count = size; mapped = true; owned = nil
        } else {
            // Pipes and other non-regular files: read everything (rare; not mappable).
            var buf: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 { throw CSVIssue(file: label, line: nil, message: "read failed: \(String(cString: strerror(errno)))") }
                if n == 0 { break }
                buf.append(contentsOf: chunk[0..<n])
            }
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(buf.count, 1))
            if !buf.isEmpty { p.initialize(from: buf, count: buf.count) }
            base = UnsafePointer(p); count = buf.count; mapped = false; owned = p
        }
    }

    /// Files up to this size are kept resident; larger ones are released behind the scan.
    static let residentLimit = 512 << 20

    /// Whether scanned pages should be handed back (`release`): files too large to keep resident.
    public var releasesBehind: Bool { mapped && count > MappedFile.residentLimit }

    /// Maps the pages of `from..<to` in one kernel call (cheaper than a fault per page), so
    /// threads scanning different ranges fault their own pages in parallel. Advice only:
    /// where the kernel lacks MADV_POPULATE_READ (Linux < 5.14) pages fault in as read.
    public func prefault(from: Int, to: Int) {
        #if os(Linux)
        guard mapped else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lo = max(from, 0) / page * page
        let hi = min(to, count)
        if hi > lo { _ = madvise(UnsafeMutableRawPointer(mutating: base + lo), hi - lo, 22 /* MADV_POPULATE_READ */) }
        #endif
    }

    /// Tells the kernel the bytes in `from..<to` (whole pages inside it) are done with, so
    /// a scan of a huge file holds only a window of it in memory. Values already parsed
    /// are copies, so nothing is lost; a later read just pages the bytes in again.
    public func release(from: Int, to: Int) {
        guard mapped else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lo = (max(from, 0) + page - 1) / page * page
        let hi = min(to, count) / page * page
        if hi > lo { _ = madvise(UnsafeMutableRawPointer(mutating: base + lo), hi - lo, MADV_DONTNEED) }
    }

    /// Holds a copy of `bytes` (for text given in memory, e.g. tests).
    public init(bytes: [UInt8]) {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        if !bytes.isEmpty { p.initialize(from: bytes, count: bytes.count) }
        base = UnsafePointer(p); count = bytes.count; mapped = false; owned = p
    }

    deinit {
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), count) }
        owned?.deallocate()
    }
}
