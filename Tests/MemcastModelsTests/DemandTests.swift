import Testing
import Foundation
@testable import MemcastModels

@Suite struct DemandTests {
    /// IDC's Sep-2022 pair (units −6.5%, ASP +6.3%) implies ln(0.935)/ln(1.063) = −1.1001.
    @Test func impliedElasticityFromPairedForecast() throws {
        let e = try #require(Demand.impliedElasticity(unitsChangePct: -6.5, priceChangePct: 6.3))
        #expect(abs(e - log(0.935) / log(1.063)) < 1e-12)
        #expect(abs(e - (-1.1001)) < 1e-4)
    }

    /// Shape (2, 1) with volumes (0.5, 0.5) has weighted mean 1.5: ε = −1 → (−4/3, −2/3), and the
    /// volume-weighted mean of the result is the aggregate again.
    @Test func segmentElasticitiesKeepTheAggregate() {
        let e = Demand.segmentElasticities(aggregate: -1, shape: [2, 1], volumeShares: [0.5, 0.5])
        #expect(abs(e[0] + 4.0 / 3.0) < 1e-15 && abs(e[1] + 2.0 / 3.0) < 1e-15)
        #expect(abs(0.5 * e[0] + 0.5 * e[1] + 1) < 1e-15)
    }

    /// 100 units a year, a quarter with a 25% seasonal share ×4 = 1, one year of +2% trend and a
    /// 10% log-price rise at ε = −1.5: 100 · 1 · 1.02 · e^(−0.15) = 87.79; a 5% cut → 83.40.
    @Test func unitsCombineTrendSeasonAndPrice() {
        let d = Demand(elasticities: [-1.5, -1.2, -1, -0.8, -0.5], baselineGrowthPct: 2)
        let u = d.units(baseAnnualUnits: 100, seasonalShare: 1, years: 1, segment: .entry, logPriceChange: 0.1)
        #expect(abs(u - 100 * 1.02 * exp(-0.15)) < 1e-12)
        #expect(abs(u - 87.79) < 0.01)
        let cut = d.units(baseAnnualUnits: 100, seasonalShare: 1, years: 1, segment: .entry, logPriceChange: 0.1,
                          cutShare: 0.05)
        #expect(abs(cut - 0.95 * u) < 1e-12)
    }
}
