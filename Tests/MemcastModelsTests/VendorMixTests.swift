import Testing
@testable import MemcastModels

@Suite struct VendorMixTests {
    /// Raking keeps segment columns summing to 1 and reproduces vendor targets; with a prior that
    /// already fits, raking returns it unchanged.
    @Test func rakingMatchesBothMargins() throws {
        var prior = Array(repeating: Array(repeating: 0.0, count: 5), count: 7)
        // MediaTek everywhere, Apple only in premium, UNISOC only in entry.
        for s in 0..<5 { prior[SoCVendor.mediaTek.index][s] = 0.5 }
        prior[SoCVendor.apple.index][4] = 0.5
        prior[SoCVendor.unisoc.index][0] = 0.5
        for s in 1..<4 { prior[SoCVendor.qualcomm.index][s] = 0.5 }
        let vol = [0.3, 0.2, 0.2, 0.1, 0.2]
        var target = [Double](repeating: 0, count: 7)
        target[SoCVendor.mediaTek.index] = 0.4; target[SoCVendor.apple.index] = 0.15
        target[SoCVendor.unisoc.index] = 0.2; target[SoCVendor.qualcomm.index] = 0.25
        let mix = try VendorMix.raked(prior: prior, segmentVolumes: vol, vendorShares: target)
        for s in 0..<5 { #expect(abs((0..<7).reduce(0) { $0 + mix.shares[$1][s] } - 1) < 1e-9) }
        let units = mix.vendorUnits(segmentUnits: vol)
        for v in 0..<7 { #expect(abs(units[v] - target[v]) < 1e-9) }
        #expect(mix.shares[SoCVendor.apple.index][0] == 0)     // zeros stay zero
    }

    /// Vendor units are Σₛ Sᵥₛ Qₛ: a vendor with half of 100 entry phones and all 50 premium ones ships 100.
    @Test func vendorUnitsAreWeightedSums() {
        var s = Array(repeating: Array(repeating: 0.0, count: 5), count: 7)
        s[0] = [0.5, 0, 0, 0, 1]; s[6] = [0.5, 1, 1, 1, 0]
        let mix = VendorMix(shares: s)
        #expect(mix.vendorUnits(segmentUnits: [100, 10, 10, 10, 50])[0] == 100)
    }

    /// A design win moves min(w, S_from) of the segment from its year on: Qualcomm 40% and Samsung 5% of
    /// 100 premium phones, w = 3% → 37 and 8 from 2026, unchanged in 2025; a w above the loser's share
    /// moves only what it has.
    @Test func designWinMovesASegmentShareFromItsYear() {
        var s = Array(repeating: Array(repeating: 0.0, count: 5), count: 7)
        s[SoCVendor.qualcomm.index][4] = 0.4; s[SoCVendor.samsung.index][4] = 0.05; s[SoCVendor.apple.index][4] = 0.55
        s[SoCVendor.mediaTek.index] = [1, 1, 1, 1, 0]
        let win = VendorMix.DesignWin(from: .qualcomm, to: .samsung, segment: .premium, fromYear: 2026, segmentShare: 0.03)
        let mix = VendorMix(shares: s, designWins: [win])
        let q = [10.0, 10, 10, 10, 100]
        let y25 = mix.vendorUnits(segmentUnits: q, year: 2025), y26 = mix.vendorUnits(segmentUnits: q, year: 2026)
        #expect(abs(y25[SoCVendor.qualcomm.index] - 40) < 1e-12 && abs(y25[SoCVendor.samsung.index] - 5) < 1e-12)
        #expect(abs(y26[SoCVendor.qualcomm.index] - 37) < 1e-12 && abs(y26[SoCVendor.samsung.index] - 8) < 1e-12)
        #expect(abs(y26.reduce(0, +) - q.reduce(0, +)) < 1e-12)
        let big = VendorMix(shares: s, designWins: [.init(from: .samsung, to: .qualcomm, segment: .premium, fromYear: 2026, segmentShare: 0.5)])
        #expect(big.vendorUnits(segmentUnits: q, year: 2027)[SoCVendor.samsung.index] == 0)
    }

    @Test func unreachableTargetThrows() {
        let prior = Array(repeating: Array(repeating: 0.0, count: 5), count: 7).enumerated().map { i, r in
            i == 0 ? [1.0, 1, 1, 1, 1] : r
        }
        var target = [Double](repeating: 0, count: 7)
        target[0] = 0.5; target[1] = 0.5
        #expect(throws: VendorMixError.unreachableTarget(.qualcomm)) {
            _ = try VendorMix.raked(prior: prior, segmentVolumes: [1, 1, 1, 1, 1], vendorShares: target)
        }
    }
}
