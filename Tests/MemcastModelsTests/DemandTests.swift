import Testing
import Foundation
import MemcastData
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

/// The `elasticity` row of calibration.csv is the netted pair of the figures it names, read from the
/// datasets: if a figure or the row changes, the other must follow.
@Suite struct ElasticityCalibrationTests {
    @Test func calibrationRowIsTheNettedIDCPair() throws {
        let catalog = try Repo.catalog()
        let byID = Dictionary(uniqueKeysWithValues: try catalog.observations("handset_market").map { ($0.id, $0) })
        func point(_ id: String) throws -> Double { try #require(byID[id]?.point, "\(id) has no point value") }
        let row = try #require(try ModelDatasets.load(from: catalog).calibration["elasticity"])
        #expect(row.figureIDs == ["hm0128", "hm0126", "hm0012"])
        // The 2022 ASP baseline: midpoint of 0 and IDC's Sep-2022 path USD 413 (2022) → 373 (2026), per year.
        let aspPathPct = 100 * (pow(373.0 / 413.0, 0.25) - 1)
        let e = try #require(Demand.impliedElasticity(unitsChangePct: try point("hm0128"), priceChangePct: try point("hm0012"),
                                                      unitsBaselinePct: try point("hm0126"), priceBaselinePct: aspPathPct / 2))
        #expect(abs(e - (-1.12657)) < 1e-4)  // numpy: -1.1265724
        #expect(row.number == (e * 100).rounded() / 100)
        // Both ends of the baseline range sit inside one sd of the centre.
        for bp in [0, aspPathPct] {
            let end = try #require(Demand.impliedElasticity(unitsChangePct: -6.5, priceChangePct: 6.3,
                                                            unitsBaselinePct: 1.6, priceBaselinePct: bp))
            #expect(abs(end - e) < (row.sd ?? 0))
        }
    }
}
