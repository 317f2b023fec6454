import Testing
@testable import MemcastData

@Suite struct ContractPriceIndexTests {
    /// I_t = I_{t-1}·(1 + g_t/100) with g the latest vintage's value; gaps 0% and flagged.
    @Test func chainsQuarterlyChangesAndFlagsGapsAndProxies() throws {
        let rows: [Observation] = [
            .make(period: "2025Q1", low: -10, high: -6, published: "2025-01-05", id: "q1"),      // −8
            .make(period: "2025Q2", point: 10, published: "2025-04-01", series: "dram", id: "q2"), // proxy
            .make(period: "2025Q4", low: 50, kind: .forecast, published: "2025-10-01", id: "q4"),  // one-sided
            .make(period: "2025Q4", low: 40, high: 50, kind: .actual, published: "2026-01-10", id: "q4a"),
        ]
        let idx = try ContractPriceIndex(series: "conventional_dram", observations: rows, asOf: nil)
        #expect(idx.points.map(\.quarter.description) == ["2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"])
        let expected = [100, 92, 92 * 1.1, 92 * 1.1, 92 * 1.1 * 1.45]
        for (p, e) in zip(idx.points, expected) { #expect(abs(p.index - e) < 1e-9 * e) }
        #expect(idx.points[2].source == .proxy("dram") && idx.points[2].isEstimated)
        #expect(idx.points[3].source == .gap && idx.points[3].isEstimated && idx.points[3].changePct == 0)
        #expect(idx.points[4].observation?.id == "q4a" && !idx.points[4].isEstimated && !idx.points[4].isForecast)

        let early = try ContractPriceIndex(series: "conventional_dram", observations: rows, asOf: CalendarDate("2025-12-31"))
        #expect(early.points.last?.observation?.id == "q4")
        #expect(early.points.last?.isEstimated == true)     // one-sided "over 50%"
        #expect(early.points.last?.isForecast == true)
    }

    @Test func unknownSeriesAndEmptyDataThrow() {
        #expect(throws: ContractPriceIndex.Failure.self) {
            try ContractPriceIndex(series: "hbm", observations: [], asOf: nil)
        }
        #expect(throws: ContractPriceIndex.Failure.self) {
            try ContractPriceIndex(series: "nand", observations: [], asOf: nil)
        }
    }

    /// A --from past the series' last quarter names that quarter instead of "no quarterly contract change".
    @Test func fromAfterTheDataNamesTheLastQuarter() {
        let rows: [Observation] = [.make(period: "2025Q1", point: 5, published: "2025-01-05", series: "nand", id: "n1")]
        let late = Period("2030Q1")!, last = Period("2025Q1")!
        #expect(throws: ContractPriceIndex.Failure.fromAfterData("nand", from: late, last: last, asOf: nil)) {
            try ContractPriceIndex(series: "nand", observations: rows, asOf: nil, from: late)
        }
        #expect(ContractPriceIndex.Failure.fromAfterData("nand", from: late, last: last, asOf: nil).description
                == "--from 2030Q1 is after 2025Q1, the last quarter with a contract change for 'nand'; use --from 2025Q1 or earlier")
    }

    /// On the real data the 1Q26 step follows the vintage: +57.5% on Jan 5, +92.5% on Feb 2.
    @Test func realDataFollowsTheVintage() throws {
        let rows = try TestPaths.catalog().observations("memory_prices")
        let jan = try ContractPriceIndex(series: "conventional_dram", observations: rows, asOf: CalendarDate("2026-01-05"))
        let feb = try ContractPriceIndex(series: "conventional_dram", observations: rows, asOf: CalendarDate("2026-02-02"))
        #expect(jan.points.last?.quarter.description == "2026Q1" && jan.points.last?.changePct == 57.5)
        #expect(feb.points.last?.changePct == 92.5)
        // Everything before 1Q26 is the same data, so the 4Q25 levels agree.
        #expect(jan.index(at: Period("2025Q4")!) == feb.index(at: Period("2025Q4")!))
        for s in ["nand", "mobile_dram", "mobile_nand", "pc_dram", "server_dram"] {
            let idx = try ContractPriceIndex(series: s, observations: rows, asOf: CalendarDate("2026-02-28"))
            #expect(idx.points.count > 8, "\(s)")
        }
    }
}
