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
