import Testing
import Foundation
import MemcastData
@testable import MemcastModels

@Suite struct TeardownTests {
    static func inputs(_ asOf: String, scenario: Scenario = .asPublished) throws -> ForecastInputs {
        try ForecastInputs.build(catalog: Repo.catalog(), scenario: scenario, asOf: CalendarDate(asOf))
    }

    @Test func parsesConfigurations() {
        #expect(Teardown.Config("mid:12+256") == Teardown.Config(segment: .mid, dramGB: 12, nandGB: 256))
        #expect(Teardown.Config("low_mid:8+128")?.description == "low_mid:8+128")
        for bad in ["mid:12", "mid12+256", "huge:8+128", "mid:0+256", "mid:8+x", "mid:8+256+1", ""] {
            #expect(Teardown.Config(bad) == nil, "\(bad)")
        }
    }

    /// Sizes too large for an Int used to trap when the configuration was printed.
    @Test(arguments: [
        ("mid:1e20+256", "DRAM must be a whole number of GB from 1 to 64; found '1e20'"),
        ("mid:12+1e300", "NAND must be a whole number of GB from 1 to 4096; found '1e300'"),
        ("mid:99999999999+256", "DRAM must be a whole number of GB from 1 to 64"),
        ("mid:12.5+256", "DRAM must be a whole number"),
        ("mid:12+4097", "NAND must be a whole number of GB from 1 to 4096; found '4097'"),
        ("huge:8+128", "write TIER:DRAM+NAND in GB"),
    ])
    func rejectsSizesOutsideTheLimits(text: String, message: String) {
        #expect(throws: Teardown.ConfigError.self) { try Teardown.Config(parsing: text) }
        do { _ = try Teardown.Config(parsing: text) } catch { #expect("\(error)".contains(message), "\(error)") }
        #expect(Teardown.Config("mid:64+4096") != nil)
    }

    /// A premium phone with the premium cells' own memory (11 GB + 256 GB in every region) is the
    /// cell itself at the anchor: BOM = bom_to_asp × ASP = 0.48 × $1,000, priced at $1,000
    /// (Datasets/handset_configs.csv).
    @Test func anchorReproducesTheConfigurationTable() throws {
        let inp = try Self.inputs("2026-02-02")
        let l = try Teardown.lines(inp, configs: [Teardown.Config("premium:11+256")!], quarters: [inp.anchorQuarter])[0]
        #expect(abs(l.bomUSD - 480) < 1e-9)
        #expect(abs(l.priceUSD - 1000) < 1e-9)
        #expect(l.priceChangePct == 0 && l.priceSource == "anchor")
        #expect(abs(l.retailUSD - 1000 / 0.85) < 1e-9)
    }

    /// DRAM $/GB moves by TrendForce's 1Q26 call as each date saw it (midpoints +57.5%, +92.5%),
    /// and the price follows the PassThrough identity ln(A/A₀) = π·r·ln(B/B₀).
    @Test func pricesFollowTheVintageAndThePassThroughIdentity() throws {
        let q4 = Period(year: 2025, quarter: 4), q1 = Period(year: 2026, quarter: 1)
        for (date, want) in [("2026-01-05", 1.575), ("2026-02-02", 1.925)] {
            let inp = try Self.inputs(date)
            let ls = try Teardown.lines(inp, configs: [Teardown.Config("high:16+512")!], quarters: [inp.anchorQuarter, q4, q1])
            #expect(abs(ls[2].dramUSDPerGB / ls[1].dramUSDPerGB - want) < 1e-12, "\(date)")
            #expect(ls[2].priceSource == "published")
            let r = 0.62   // high tier bom_to_asp
            let lhs = log(ls[2].priceUSD / ls[0].priceUSD), rhs = inp.passThrough.center * r * log(ls[2].bomUSD / ls[0].bomUSD)
            #expect(abs(lhs - rhs) < 1e-12)
            #expect(ls[2].memorySharePct > ls[1].memorySharePct && ls[1].memorySharePct > ls[0].memorySharePct)
        }
    }

    /// A scenario's pass-through lever sets π; π = 0 keeps the price at the anchor.
    @Test func passThroughLever() throws {
        var s = Scenario(name: "absorb")
        s.levers.passThrough = ValueRange(point: 0)
        let inp = try Self.inputs("2026-02-02", scenario: s)
        let ls = try Teardown.lines(inp, configs: [Teardown.Config("mid:12+256")!], quarters: [Period(year: 2026, quarter: 1)])
        #expect(ls[0].priceChangePct == 0)
    }

    @Test func quarterOutsideTheRunIsRefused() throws {
        let inp = try Self.inputs("2026-02-02")
        #expect(throws: ForecastError.self) {
            _ = try Teardown.lines(inp, configs: Teardown.defaultConfigs, quarters: [Period(year: 2031, quarter: 1)])
        }
    }
}
