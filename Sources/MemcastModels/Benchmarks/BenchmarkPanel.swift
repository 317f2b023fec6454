import Dispatch
import Foundation
import MemcastData
import MemcastStatistics

/// The synthetic handset SKU panel of the benchmark workloads (bench/README.md):
/// one row per SKU and quarter, read by the ordinary CSV loader with a typed schema,
/// plus the derived columns every workload uses, computed by the model's own
/// memory-cost stage (`MemoryCost`):
///
///     memory_cost_usd = dram_gb·dram_usd_gb + nand_gb·nand_usd_gb
///     bom_usd         = memory_cost_usd + other_bom_usd
///     memory_share    = memory_cost_usd / bom_usd            (0…1)
public enum BenchmarkPanel {
    /// Column layout of the panel file; every column but `units_k` is required.
    public static let schema = CSVSchema(
        name: "benchmark panel",
        columns: [
            .init("quarter", .period, allowsMissing: false),
            .init("sku", .text, allowsMissing: false),
            .init("model", .text, allowsMissing: false),
            .init("region", .text, allowsMissing: false),
            .init("segment", .text, allowsMissing: false),
            .init("dram_gb", .number, allowsMissing: false),
            .init("nand_gb", .number, allowsMissing: false),
            .init("dram_usd_gb", .number, allowsMissing: false),
            .init("nand_usd_gb", .number, allowsMissing: false),
            .init("other_bom_usd", .number, allowsMissing: false),
            .init("asp_usd", .number, allowsMissing: false),
            .init("units_k", .number),
        ],
        uniqueKey: [])

    /// The file columns the derived columns are computed from.
    public static let costInputs: Set<String> = ["dram_gb", "nand_gb", "dram_usd_gb", "nand_usd_gb", "other_bom_usd"]

    /// Loads `path` with `threads` parser threads (results do not depend on it) and
    /// appends `memory_cost_usd`, `bom_usd` and `memory_share`.
    ///
    /// `columns`: read only these file columns (`CSVOptions.columns`; the others are
    /// stepped over, not validated); the derived columns are added when the cost inputs
    /// are among them. nil reads and validates every column.
    /// - Throws: `CSVError` for a file that does not match the schema, `BenchmarkError`
    ///   for values the cost stage cannot take (negative quantities or prices, BOM ≤ 0).
    public static func load(path: String, threads: Int, columns: Set<String>? = nil) throws -> DataFrame {
        var options = CSVOptions()
        options.threads = max(1, threads)
        options.columns = columns
        var frame = try CSVLoader.load(path: path, schema: schema, options: options)
        if columns.map(costInputs.isSubset) ?? true {
            try addDerivedColumns(&frame, threads: options.threads)
        }
        return frame
    }

    /// Appends the three derived columns to a frame holding the panel's numeric columns,
    /// computed on `threads` threads over row ranges (each value depends on its row only,
    /// so the result does not depend on the thread count; a bad row is reported as the
    /// first in file order).
    public static func addDerivedColumns(_ frame: inout DataFrame, threads: Int = 1) throws {
        let dramGB = try numbers(frame, "dram_gb"), nandGB = try numbers(frame, "nand_gb")
        let dramUSD = try numbers(frame, "dram_usd_gb"), nandUSD = try numbers(frame, "nand_usd_gb")
        let other = try numbers(frame, "other_bom_usd")
        let n = frame.rowCount
        // Several ranges per thread, taken as threads free up (a slowed core does fewer).
        let parts = threads > 1 ? max(1, min(threads * 4, n / 65_536)) : 1
        // Per part, its first bad row and what is wrong.
        let problems = RowProblems(count: parts)
        var memory: [Double] = [], bom: [Double] = [], share: [Double] = []
        // Arrays made uninitialized and written once, each row range by its own thread
        // (no zero fill first: that would touch every page twice, on one thread).
        memory = [Double](unsafeUninitializedCapacity: n) { mBuf, mCount in
            bom = [Double](unsafeUninitializedCapacity: n) { bBuf, bCount in
                share = [Double](unsafeUninitializedCapacity: n) { sBuf, sCount in
                    let mOut = mBuf.baseAddress, bOut = bBuf.baseAddress, sOut = sBuf.baseAddress
                    for out in [mOut, bOut, sOut] { if let out { HugePages.advise(out, count: n) } }
                    ParallelTasks.run(parts, workers: threads) { k in
                        for i in (n * k / parts)..<(n * (k + 1) / parts) {
                            // The cost stage's preconditions are programmer contracts; file values are checked here.
                            guard dramGB[i] >= 0, nandGB[i] >= 0, dramUSD[i] >= 0, nandUSD[i] >= 0 else {
                                problems.set(k, i, "memory quantities and prices must be ≥ 0")
                                return
                            }
                            let m = MemoryCost.memoryCostUSD(dramGB: dramGB[i], dramUSDPerGB: dramUSD[i],
                                                             nandGB: nandGB[i], nandUSDPerGB: nandUSD[i])
                            let b = MemoryCost.bomUSD(memoryCostUSD: m, nonMemoryBOMUSD: other[i])
                            guard b > 0 else {
                                problems.set(k, i, "BOM (memory + other_bom_usd) must be > 0, found \(b)")
                                return
                            }
                            mOut![i] = m
                            bOut![i] = b
                            sOut![i] = MemoryCost.memoryShare(memoryCostUSD: m, nonMemoryBOMUSD: other[i])
                        }
                    }
                    sCount = n   // Double has no invalid bit patterns; on a problem the arrays are dropped
                }
                bCount = n
            }
            mCount = n
        }
        if let (row, message) = problems.first {
            throw BenchmarkError.badValue(origin: frame.origin(ofRow: row), message: message)
        }
        try frame.append("memory_cost_usd", .numeric(memory))
        try frame.append("bom_usd", .numeric(bom))
        try frame.append("memory_share", .numeric(share))
    }

    /// Per row range, its first bad row (ranges are in row order, so the first set is the first bad row).
    final class RowProblems: @unchecked Sendable {
        private var rows: [(Int, String)?]
        private let lock = NSLock()
        init(count: Int) { rows = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ row: Int, _ message: String) { lock.lock(); rows[k] = (row, message); lock.unlock() }
        var first: (Int, String)? { rows.lazy.compactMap { $0 }.first }
    }

    static func numbers(_ frame: DataFrame, _ name: String) throws -> [Double] {
        guard case .numeric(let v) = try frame.column(name) else {
            throw BenchmarkError.badValue(origin: frame.source ?? "panel", message: "column '\(name)' must be numeric")
        }
        return v
    }
}

/// Problems running a benchmark workload on a panel file.
public enum BenchmarkError: Error, CustomStringConvertible, Equatable {
    /// A value the workload cannot use, with where it is (`file:line` or `row N`).
    case badValue(origin: String, message: String)
    /// The panel does not have the layout a workload needs (e.g. not 40 quarters per SKU).
    case badLayout(String)

    public var description: String {
        switch self {
        case let .badValue(o, m): return "\(o): \(m)"
        case let .badLayout(m): return m
        }
    }
}
