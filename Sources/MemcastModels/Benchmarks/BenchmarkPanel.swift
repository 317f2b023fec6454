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

    /// Loads `path` with `threads` parser threads (results do not depend on it) and
    /// appends `memory_cost_usd`, `bom_usd` and `memory_share`.
    /// - Throws: `CSVError` for a file that does not match the schema, `BenchmarkError`
    ///   for values the cost stage cannot take (negative quantities or prices, BOM ≤ 0).
    public static func load(path: String, threads: Int) throws -> DataFrame {
        var options = CSVOptions()
        options.threads = max(1, threads)
        var frame = try CSVLoader.load(path: path, schema: schema, options: options)
        try addDerivedColumns(&frame)
        return frame
    }

    /// Appends the three derived columns to a frame holding the panel's numeric columns.
    public static func addDerivedColumns(_ frame: inout DataFrame) throws {
        let dramGB = try numbers(frame, "dram_gb"), nandGB = try numbers(frame, "nand_gb")
        let dramUSD = try numbers(frame, "dram_usd_gb"), nandUSD = try numbers(frame, "nand_usd_gb")
        let other = try numbers(frame, "other_bom_usd")
        let n = frame.rowCount
        var memory = [Double](repeating: 0, count: n)
        var bom = [Double](repeating: 0, count: n)
        var share = [Double](repeating: 0, count: n)
        for i in 0..<n {
            // The cost stage's preconditions are programmer contracts; file values are checked here.
            guard dramGB[i] >= 0, nandGB[i] >= 0, dramUSD[i] >= 0, nandUSD[i] >= 0 else {
                throw BenchmarkError.badValue(origin: frame.origin(ofRow: i), message: "memory quantities and prices must be ≥ 0")
            }
            let m = MemoryCost.memoryCostUSD(dramGB: dramGB[i], dramUSDPerGB: dramUSD[i],
                                             nandGB: nandGB[i], nandUSDPerGB: nandUSD[i])
            let b = MemoryCost.bomUSD(memoryCostUSD: m, nonMemoryBOMUSD: other[i])
            guard b > 0 else {
                throw BenchmarkError.badValue(origin: frame.origin(ofRow: i), message: "BOM (memory + other_bom_usd) must be > 0, found \(b)")
            }
            memory[i] = m
            bom[i] = b
            share[i] = MemoryCost.memoryShare(memoryCostUSD: m, nonMemoryBOMUSD: other[i])
        }
        try frame.append("memory_cost_usd", .numeric(memory))
        try frame.append("bom_usd", .numeric(bom))
        try frame.append("memory_share", .numeric(share))
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
