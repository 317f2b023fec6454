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

    /// TrendForce's 1Q26 conventional DRAM call as each date saw it (midpoints of +55–60% and
    /// +90–95%), with 4Q25's +45–50% as the previous quarter.
    @Test func lastRowFollowsTheVintage() throws {
        let catalog = try Repo.catalog()
        for (date, want) in [(Self.jan, 57.5), (Self.feb, 92.5)] {
            let rows = try PriceEquationTable.rows(catalog: catalog, asOf: date)
            let q1 = try #require(rows.first { $0.0 == .dram && $0.1.quarter == Period(year: 2026, quarter: 1) })
            #expect(q1.1.changePct == want)
            #expect(q1.1.lastFourPct[3] == 47.5)
        }
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

    /// As of 2026-02-02 no bound binds, so unrestricted OLS of ℓ on ℓ₋₁, R and the gap (the rows with a
    /// gap) is the chain's fit; as of 2026-01-05 the chain holds γ at 0, and OLS without the gap term on
    /// the same rows gives its α, β, δ and σ. Notebooks-md/pass-through-and-elasticity.md shows both with
    /// `memcast fit`: if the estimator or its active set changes, update that section.
    @Test func restrictedOLSReproducesTheChainsFit() throws {
        let catalog = try Repo.catalog()
        let feb = try ForecastInputs.build(catalog: catalog, scenario: .asPublished, asOf: Self.feb).priceFits[.dram]!.model
        #expect(feb.momentum < PriceEquationEstimator.maximumMomentum && feb.gapCoefficient > 0 && feb.reversion < 0,
                "the chain's active set changed: revise pass-through-and-elasticity.md")
        let f = try OLS.fit("change_lp ~ prev_lp + past_year_lp + gap_pp", data: PriceEquationTable.frame(catalog: catalog, asOf: Self.feb))
        for (a, b) in zip(f.params, [feb.interceptPct, feb.momentum, feb.reversion, feb.gapCoefficient]) { #expect(abs(a - b) < 1e-9) }
        #expect(abs(f.mseResid.squareRoot() - feb.residualSDPct) < 1e-9)

        let jan = try ForecastInputs.build(catalog: catalog, scenario: .asPublished, asOf: Self.jan).priceFits[.dram]!.model
        #expect(jan.gapCoefficient == 0 && jan.momentum < PriceEquationEstimator.maximumMomentum,
                "the chain's active set changed: revise pass-through-and-elasticity.md")
        let r = try OLS.fit("I(change_lp + 0*gap_pp) ~ prev_lp + past_year_lp", data: PriceEquationTable.frame(catalog: catalog, asOf: Self.jan))
        for (a, b) in zip(r.params, [jan.interceptPct, jan.momentum, jan.reversion]) { #expect(abs(a - b) < 1e-9) }
        #expect(abs(r.mseResid.squareRoot() - jan.residualSDPct) < 1e-9)
    }
}
