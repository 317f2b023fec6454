/// Handset price segments, by wholesale price band (USD per unit).
///
/// memcast's bands: entry < 150, low_mid 150–249, mid 250–399, high 400–599,
/// premium ≥ 600. Trackers define bands differently; published figures are
/// mapped onto these bands explicitly (see Datasets/README.md).
public enum Segment: String, CaseIterable, Sendable, Codable, Comparable {
    case entry, lowMid = "low_mid", mid, high, premium

    /// Wholesale price band in USD per unit (`upper` is nil for premium).
    public var bandUSD: (lower: Double, upper: Double?) {
        switch self {
        case .entry: return (0, 150)
        case .lowMid: return (150, 250)
        case .mid: return (250, 400)
        case .high: return (400, 600)
        case .premium: return (600, nil)
        }
    }

    public static func < (a: Segment, b: Segment) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Position in `allCases` (0 = entry).
    public var index: Int { Segment.allCases.firstIndex(of: self)! }
}

/// Sales regions of the forecast. Their volume shares sum to the global total.
public enum Region: String, CaseIterable, Sendable, Codable {
    case china, india, europe, northAmerica = "north_america", restOfWorld = "rest_of_world"

    /// Position in `allCases`.
    public var index: Int { Region.allCases.firstIndex(of: self)! }
}

/// Smartphone SoC (application processor) vendors reported by the trackers.
public enum SoCVendor: String, CaseIterable, Sendable, Codable {
    case mediaTek = "MediaTek", qualcomm = "Qualcomm", apple = "Apple", unisoc = "UNISOC"
    case samsung = "Samsung", hiSilicon = "HiSilicon", others = "others"

    /// Position in `allCases`.
    public var index: Int { SoCVendor.allCases.firstIndex(of: self)! }
}

/// Memory parts by price class. Tiers do not share one $/GB (see MODEL-NOTES).
public enum MemoryType: String, CaseIterable, Sendable, Codable {
    case lpddr4x = "LPDDR4X", lpddr5x = "LPDDR5X", emmc = "eMMC", ufs = "UFS", ufs4 = "UFS4"

    /// Which contract price series moves this part's price.
    public var kind: MemoryKind {
        switch self {
        case .lpddr4x, .lpddr5x: return .dram
        case .emmc, .ufs, .ufs4: return .nand
        }
    }
}

/// The two memory families whose contract prices drive handset memory cost.
public enum MemoryKind: String, CaseIterable, Sendable, Codable {
    case dram, nand

    /// The `memory_prices` series of handset memory in this family (its proxies are
    /// `ContractPriceIndex`'s: conventional DRAM, NAND).
    public var mobileSeries: String { self == .dram ? "mobile_dram" : "mobile_nand" }
}
