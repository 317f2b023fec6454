import Testing
@testable import MemcastModels

@Suite struct MemoryCostTests {
    /// The case: a 10% DRAM price rise on 8 GB at $3.00/GB adds 8 × 0.30 = $2.40 of BOM.
    @Test func tenPercentDRAMRiseOnEightGBAddsTwoForty() {
        let before = MemoryCost.memoryCostUSD(dramGB: 8, dramUSDPerGB: 3.00, nandGB: 128, nandUSDPerGB: 0.05)
        let after = MemoryCost.memoryCostUSD(dramGB: 8, dramUSDPerGB: 3.00 * 1.10, nandGB: 128, nandUSDPerGB: 0.05)
        let bomBefore = MemoryCost.bomUSD(memoryCostUSD: before, nonMemoryBOMUSD: 150)
        let bomAfter = MemoryCost.bomUSD(memoryCostUSD: after, nonMemoryBOMUSD: 150)
        #expect(abs((bomAfter - bomBefore) - 2.40) < 1e-12)
        #expect(abs(before - 30.40) < 1e-12)            // 24.00 + 6.40
    }

    /// Memory share: $30.40 of memory over a $180.40 BOM = 16.85%.
    @Test func memoryShareIsMemoryOverBOM() {
        let s = MemoryCost.memoryShare(memoryCostUSD: 30.40, nonMemoryBOMUSD: 150)
        #expect(abs(s - 30.40 / 180.40) < 1e-15)
    }

    /// 8 weeks of cover → 8/13 of the quarter priced a quarter earlier: from $2 to $3/GB the OEM
    /// pays 5/13·3 + 8/13·2 = 2.3846…; cover beyond a quarter is capped at one quarter.
    @Test func inventoryCoverLagsPurchasePrices() {
        let L = MemoryCost.lagShare(inventoryCoverWeeks: 8)
        #expect(abs(L - 8.0 / 13.0) < 1e-15)
        #expect(abs(MemoryCost.oemUSDPerGB(current: 3, previous: 2, lagShare: L) - (15.0 + 16.0) / 13.0) < 1e-12)
        #expect(MemoryCost.lagShare(inventoryCoverWeeks: 20) == 1)
        #expect(MemoryCost.lagShare(inventoryCoverWeeks: -1) == 0)
    }

    /// Chaining +10%, −50%, +100% from 1 gives 1, 1.1, 0.55, 1.1.
    @Test func chainIndexCompoundsChanges() {
        let i = MemoryCost.chainIndex(changesPct: [10, -50, 100])
        #expect(i.count == 4)
        #expect(abs(i[3] - 1.1) < 1e-12 && abs(i[2] - 0.55) < 1e-12)
        // $2.50/GB at the anchor, index up 92.5% since → $4.8125/GB.
        #expect(abs(MemoryCost.contractUSDPerGB(anchorUSDPerGB: 2.5, index: 1.925, anchorIndex: 1) - 4.8125) < 1e-12)
    }

    /// The anchor is met at the anchor quarter whatever the index and part factor stand at there, and the
    /// part's own calls compound on the family index: $2.75 at the anchor (index 0.9, factor 1.2); later the
    /// index is 1.8 (×2) and the factor 1.32 (×1.1) → 2.75·2·1.1 = $6.05.
    @Test func contractUSDPerGBRescalesToTheAnchorAndCarriesPartCalls() {
        let atAnchor = MemoryCost.contractUSDPerGB(anchorUSDPerGB: 2.75, index: 0.9, anchorIndex: 0.9,
                                                   partFactor: 1.2, anchorPartFactor: 1.2)
        #expect(abs(atAnchor - 2.75) < 1e-12)
        let later = MemoryCost.contractUSDPerGB(anchorUSDPerGB: 2.75, index: 1.8, anchorIndex: 0.9,
                                                partFactor: 1.32, anchorPartFactor: 1.2)
        #expect(abs(later - 6.05) < 1e-12)
    }

    @Test func evaluateAppliesDRAMTrim() {
        let c = HandsetConfig(year: 2025, region: .china, segment: .lowMid, dramGB: 12, dramType: .lpddr4x,
                              nandGB: 256, nandType: .ufs, nonMemoryBOMUSD: 100, aspUSD: 190, volumeShare: 0.01)
        let price: (MemoryType) -> Double = { $0 == .lpddr4x ? 5 : 0.1 }
        let full = MemoryCost.evaluate(c, usdPerGB: price)
        #expect(abs(full.memoryUSD - (60 + 25.6)) < 1e-12)
        // 12 GB → 8 GB is a one-third trim.
        let trimmed = MemoryCost.evaluate(c, usdPerGB: price, dramTrim: 1.0 / 3.0)
        #expect(abs(trimmed.memoryUSD - (40 + 25.6)) < 1e-12)
        #expect(abs(trimmed.share - 65.6 / 165.6) < 1e-12)
    }
}
