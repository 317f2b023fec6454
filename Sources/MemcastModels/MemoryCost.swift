/// Stage 2 — contract prices → OEM memory cost → BOM and memory share of BOM.
///
/// For a configuration with d GB of DRAM of type τ_d and n GB of NAND of type τ_n:
///
///     contract $/GB:  Pτ(t) = anchorτ · Ikind(t) / Ikind(anchor quarter) · fτ(t) / fτ(anchor quarter)   (`contractUSDPerGB`)
///     OEM $/GB:       Oτ(t) = (1 − L)·Pτ(t) + L·Pτ(t − 1),  L = min(cover weeks / 13, 1)
///     memory cost:    M(t)  = d·Oτd(t) + n·Oτn(t)                       USD
///     BOM:            B(t)  = M(t) + non-memory BOM                      USD
///     memory share:   m(t)  = M(t) / B(t)                                0…1
///
/// `I` is the DRAM or NAND contract price index chained from quarterly changes, `f`
/// the part's own calls compounded (`MemoryPartCalls`, 1 where a tracker did not split);
/// the anchors are USD per GB of each memory type at the anchor quarter (2025Q1),
/// from published package prices (Datasets/calibration.csv). The lag `L` says that
/// OEMs build this quarter's phones partly from memory bought last quarter: with
/// `cover` weeks of inventory a share cover/13 of the quarter's memory was priced a
/// quarter earlier (TrendForce: 8–10 weeks healthy, under 4 weeks in late 2025).
///
/// Assumptions: every memory type moves with its family's contract index (mobile
/// series where published), times its own calls where a tracker split the quarter by
/// part and the split is current (`MemoryPartCalls`); no long-term agreements below
/// contract; non-memory cost flat in USD over the horizon.
public enum MemoryCost {
    /// Memory cost of a configuration in USD: `dramGB·$/GB(dram type) + nandGB·$/GB(nand type)`.
    ///
    /// Example: 8 GB at $3.00/GB plus 128 GB at $0.05/GB costs 24.00 + 6.40 = $30.40.
    public static func memoryCostUSD(dramGB: Double, dramUSDPerGB: Double,
                                     nandGB: Double, nandUSDPerGB: Double) -> Double {
        precondition(dramGB >= 0 && nandGB >= 0 && dramUSDPerGB >= 0 && nandUSDPerGB >= 0)
        return dramGB * dramUSDPerGB + nandGB * nandUSDPerGB
    }

    /// BOM in USD: memory cost + non-memory cost.
    public static func bomUSD(memoryCostUSD: Double, nonMemoryBOMUSD: Double) -> Double {
        memoryCostUSD + nonMemoryBOMUSD
    }

    /// Memory share of BOM, 0…1: `memory / (memory + non-memory)`.
    public static func memoryShare(memoryCostUSD: Double, nonMemoryBOMUSD: Double) -> Double {
        let b = memoryCostUSD + nonMemoryBOMUSD
        precondition(b > 0, "BOM must be positive")
        return memoryCostUSD / b
    }

    /// Share of a quarter's memory priced at last quarter's contract, from inventory
    /// cover in weeks: `min(max(cover, 0) / 13, 1)` (a quarter has 13 weeks).
    public static func lagShare(inventoryCoverWeeks: Double) -> Double {
        Swift.min(Swift.max(inventoryCoverWeeks, 0) / 13, 1)
    }

    /// OEM purchase price (USD/GB) from this and last quarter's contract prices:
    /// `(1 − L)·current + L·previous`.
    public static func oemUSDPerGB(current: Double, previous: Double, lagShare L: Double) -> Double {
        (1 - L) * current + L * previous
    }

    /// Contract USD/GB at a quarter: `anchor / (I(anchor)·f(anchor)) · I(t) · f(t)`, the one formula the
    /// engine's draws, the central path and the teardown all use.
    ///
    /// Example: anchor $2.50, index 1.925 against 1 at the anchor, no part calls → $4.8125; with the
    /// part's own calls compounding to 1.1 since the anchor → $5.29375.
    /// - Parameters:
    ///   - index, anchorIndex: the kind's contract index at the quarter and at the anchor quarter.
    ///   - partFactor, anchorPartFactor: the part's own calls compounded (`MemoryPartCalls`), 1 where none.
    public static func contractUSDPerGB(anchorUSDPerGB: Double, index: Double, anchorIndex: Double,
                                        partFactor: Double = 1, anchorPartFactor: Double = 1) -> Double {
        precondition(anchorIndex > 0 && anchorPartFactor > 0)
        return anchorUSDPerGB / (anchorIndex * anchorPartFactor) * index * partFactor
    }

    /// Chains quarterly changes (percent) into an index starting at `start`:
    /// `I₀ = start`, `Iₖ = Iₖ₋₁·(1 + Δₖ/100)`. Returns `changes.count + 1` values.
    public static func chainIndex(changesPct: [Double], start: Double = 1) -> [Double] {
        var out = [start]
        out.reserveCapacity(changesPct.count + 1)
        for c in changesPct { out.append(out[out.count - 1] * (1 + c / 100)) }
        return out
    }

    /// Memory cost and share of one configuration at given OEM prices.
    public static func evaluate(_ c: HandsetConfig, usdPerGB: (MemoryType) -> Double,
                                dramTrim: Double = 0) -> (memoryUSD: Double, bomUSD: Double, share: Double) {
        let m = memoryCostUSD(dramGB: c.dramGB * (1 - dramTrim), dramUSDPerGB: usdPerGB(c.dramType),
                              nandGB: c.nandGB, nandUSDPerGB: usdPerGB(c.nandType))
        return (m, m + c.nonMemoryBOMUSD, m / (m + c.nonMemoryBOMUSD))
    }
}
