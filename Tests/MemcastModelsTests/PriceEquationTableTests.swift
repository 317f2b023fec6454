import Testing
import Foundation
import MemcastData
import MemcastStatistics
@testable import MemcastModels

@Suite struct PriceEquationTableTests {
    static let feb = CalendarDate("2026-02-02")!
    static let jan = CalendarDate("2026-01-05")!

    /// The table holds the rows the forecast fits its price equation on: as many rows with a
    /// gap as the chain's fit used (it uses the gap rows when there are enough of them).
    @Test func rowsAreTheChainsRows() throws {
        let catalog = try Repo.catalog()
        let inputs = try ForecastInputs.build(catalog: catalog, scenario: .asPublished, asOf: Self.feb)
        let frame = try PriceEquationTable.frame(catalog: catalog, asOf: Self.feb)
        let gaps = try #require(frame["gap_pp"]?.numericValues)
        #expect(gaps.filter { !$0.isNaN }.count == inputs.priceFits[.dram]!.observations)
        #expect(frame.names == ["quarter", "memory", "source", "change_pct", "prev_pct", "change_lp", "prev_lp",
                                "past_year_lp", "gap_pp"])
        // The realized DDR4 contract levels are pooled with the trackers' quarterly changes.
        let sources = try #require(frame["source"]?.categoricalValues)
        #expect((0..<frame.rowCount).contains { sources[$0] == "pc_dram/ddr4_8gb_chip levels" })
        // Log points: ℓ = 100·ln(1 + Δ/100).
        let pct = try #require(frame["change_pct"]?.numericValues), lp = try #require(frame["change_lp"]?.numericValues)
        for (a, b) in zip(pct, lp) { #expect(abs(b - 100 * log(1 + a / 100)) < 1e-12) }
    }

    /// A quarter is an observation only once it has ended: as of 2026-01-05 and 2026-02-02 TrendForce's
    /// 1Q26 call (+57.5%, then +92.5%) is an input, not a row, and the last DRAM row is 2025Q4 (+47.5%
    /// after +12.5%); 2026Q1 is not among the DDR4 level rows either (January–February only).
    @Test func quartersUnderWayAreNotRows() throws {
        let catalog = try Repo.catalog()
        let q1 = Period(year: 2026, quarter: 1)
        for date in [Self.jan, Self.feb] {
            let rows = try PriceEquationTable.rows(catalog: catalog, asOf: date)
            #expect(!rows.contains { $0.1.quarter == q1 })
            let q4 = try #require(rows.first { $0.0 == .dram && $0.1.quarter == Period(year: 2025, quarter: 4) })
            #expect(q4.1.changePct == 47.5 && q4.1.lastFourPct[3] == 12.5)
        }
        // Without --as-of the data's latest publication (2026-02-27) is the cut: 2026Q1 is still under way.
        #expect(!(try PriceEquationTable.rows(catalog: catalog, asOf: nil)).contains { $0.1.quarter == q1 })
    }

    /// R is the past year's change in log points: 100·Σ ln(1 + Δp/100).
    @Test func reversionColumnIsPastYearLogPoints() throws {
        let catalog = try Repo.catalog()
        let rows = try PriceEquationTable.rows(catalog: catalog, asOf: Self.feb)
        let frame = try PriceEquationTable.frame(catalog: catalog, asOf: Self.feb)
        let r = try #require(frame["past_year_lp"]?.numericValues)
        for (k, row) in rows.enumerated() {
            let want = 100 * row.1.lastFourPct.map { log(1 + $0 / 100) }.reduce(0, +)
            #expect(abs(r[k] - want) < 1e-12)
        }
    }

    /// As of 2026-01-05 and 2026-02-02 the rows are the same (quarters ended by then) and no sign
    /// restriction binds (γ > 0 once demand and supply growth are paired within one house), so plain
    /// OLS on the rows with a gap gives the chain's α, β, δ, γ and σ.
    /// Notebooks-md/pass-through-and-elasticity.md shows this with `memcast fit`: if the estimator or
    /// its active set changes, update that section.
    @Test func unrestrictedOLSReproducesTheChainsFit() throws {
        let catalog = try Repo.catalog()
        for date in [Self.jan, Self.feb] {
            let chain = try ForecastInputs.build(catalog: catalog, scenario: .asPublished, asOf: date).priceFits[.dram]!.model
            #expect(chain.gapCoefficient > 0 && chain.momentum < PriceEquationEstimator.maximumMomentum && chain.reversion < 0,
                    "the chain's active set changed: revise pass-through-and-elasticity.md")
            let r = try OLS.fit("change_lp ~ prev_lp + past_year_lp + gap_pp",
                                data: PriceEquationTable.frame(catalog: catalog, asOf: date))
            let want = [chain.interceptPct, chain.momentum, chain.reversion, chain.gapCoefficient]
            for (a, b) in zip(r.params, want) { #expect(abs(a - b) < 1e-9) }
            #expect(abs(r.mseResid.squareRoot() - chain.residualSDPct) < 1e-9)
        }
    }
}
