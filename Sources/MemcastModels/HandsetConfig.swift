/// A reference handset configuration: one (region, segment) cell of the market.
///
/// Rows of `Datasets/handset_configs.csv`. Money in USD per unit at wholesale (sell-in)
/// prices, memory in GB, volume as a share of the year's global units (0…1).
public struct HandsetConfig: Sendable, Equatable {
    public var year: Int
    public var region: Region
    public var segment: Segment
    /// DRAM content, GB per phone (> 0).
    public var dramGB: Double
    public var dramType: MemoryType
    /// NAND content, GB per phone (> 0).
    public var nandGB: Double
    public var nandType: MemoryType
    /// Everything but memory (SoC, display, camera, assembly…), USD per phone.
    public var nonMemoryBOMUSD: Double
    /// Average wholesale selling price of the cell, USD per phone.
    public var aspUSD: Double
    /// Share of the year's global units sold in this cell, 0…1.
    public var volumeShare: Double

    public init(year: Int, region: Region, segment: Segment, dramGB: Double, dramType: MemoryType,
                nandGB: Double, nandType: MemoryType, nonMemoryBOMUSD: Double, aspUSD: Double,
                volumeShare: Double) {
        self.year = year; self.region = region; self.segment = segment
        self.dramGB = dramGB; self.dramType = dramType; self.nandGB = nandGB; self.nandType = nandType
        self.nonMemoryBOMUSD = nonMemoryBOMUSD; self.aspUSD = aspUSD; self.volumeShare = volumeShare
    }
}

extension HandsetConfig {
    /// What memory a phone carries: DRAM and NAND sizes (GB) and types.
    public struct Memory: Sendable, Equatable {
        public var dramGB: Double, dramType: MemoryType, nandGB: Double, nandType: MemoryType

        public init(dramGB: Double, dramType: MemoryType, nandGB: Double, nandType: MemoryType) {
            self.dramGB = dramGB; self.dramType = dramType; self.nandGB = nandGB; self.nandType = nandType
        }
    }

    /// The cell's memory; setting it gives the same phone with other memory (e.g. a launch pair's).
    public var memory: Memory {
        get { Memory(dramGB: dramGB, dramType: dramType, nandGB: nandGB, nandType: nandType) }
        set { dramGB = newValue.dramGB; dramType = newValue.dramType; nandGB = newValue.nandGB; nandType = newValue.nandType }
    }
}
