import Testing
import Foundation
import MemcastData
@testable import MemcastModels

@Suite struct ForecastInputsTests {
    /// Vintages: as of 2026-01-05 the 1Q26 DRAM input is TrendForce's first call (55–60); as of
    /// 2026-02-02 its revision (mobile DRAM +90%, which the mobile series carries).
    @Test func priceInputsFollowTheVintage() throws {
        let q = Period(quarterText: "2026Q1")!
        let jan = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2026-01-05"))
        #expect(jan.priceInputs[.dram]?[q].map { ($0.lowPct, $0.highPct) } ?? (0, 0) == (55, 60))
        let feb = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2026-02-03"))
        #expect(feb.priceInputs[.dram]?[q]?.midPct == 90)
        #expect(feb.priceInputs[.nand]?[q].map { ($0.lowPct, $0.highPct) } ?? (0, 0) == (55, 60))
        // Nothing published yet for 2026Q3: projected.
        #expect(feb.priceInputs[.dram]?[Period(quarterText: "2026Q3")!] == nil)
    }

    @Test func scenarioPinsOverridePublishedVintages() throws {
        let s = try Scenario(toml: "name = \"pin\"\n[prices.dram]\n2026Q1 = [10, 12]\n", file: "pin.toml")
        let inp = try ForecastInputs.build(catalog: Repo.catalog(), scenario: s, asOf: CalendarDate("2026-02-28"))
        let r = try #require(inp.priceInputs[.dram]?[Period(quarterText: "2026Q1")!])
        #expect(r.lowPct == 10 && r.highPct == 12 && r.origin == .scenario("pin.toml:3"))
    }

    @Test func asOfBeforeAnyDataIsRefused() {
        #expect {
            _ = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2010-01-01"))
        } throws: { e in
            guard case ForecastError.noData(let m) = e else { return false }
            return m.contains("before any published memory price")
        }
    }

    @Test func horizonBeforeTheForecastIsRefused() {
        #expect {
            _ = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: nil,
                                         horizon: Period(quarterText: "2025Q3"))
        } throws: { e in String(describing: e).hasPrefix("--horizon 2025Q3 is before the forecast starts") }
    }

    /// The 2025 configurations rest on Counterpoint's memory-content figures of 2026-02-26: a run as of an
    /// earlier date says so in its notes; a run as of that date or later does not.
    @Test func configurationsPublishedAfterAsOfAreDisclosed() throws {
        let early = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2026-01-28"))
        let note = try #require(early.notes.first { $0.hasPrefix("handset_configs.csv:") })
        #expect(note.contains("25 of the 2025 configurations") && note.contains("2026-02-26") && note.contains("hm0177"))
        let late = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2026-02-28"))
        #expect(!late.notes.contains { $0.hasPrefix("handset_configs.csv:") })
    }

    /// Configurations: volume shares sum to 1, China's share is TrendForce's 23%, and the
    /// non-memory BOM is (BOM/ASP)·ASP − memory at the anchor prices.
    @Test func configurationsAreConsistent() throws {
        let inp = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: nil)
        #expect(abs(inp.cells.reduce(0) { $0 + $1.volumeShare } - 1) < 1e-9)
        #expect(abs(inp.cells.filter { $0.region == .china }.reduce(0) { $0 + $1.volumeShare } - 0.23) < 1e-9)
        let entry = try #require(inp.cells.first { $0.region == .india && $0.segment == .entry })
        // 0.85 × 100 − (4 × 1.75 + 128 × 0.05) = 85 − 13.4.
        #expect(abs(entry.nonMemoryBOMUSD - 71.6) < 1e-9)
        // Exynos in the Galaxy S26: 8.75 m units of the 2025 premium segment (1,240 m × 20%) = 3.528%.
        let win = try #require(inp.vendorMix.designWins.first)
        #expect(win.from == .qualcomm && win.to == .samsung && win.segment == .premium && win.fromYear == 2026)
        #expect(abs(win.segmentShare - 8.75 / (1240 * 0.20)) < 1e-9)
        // The raked vendor mix reproduces the published 2025Q3 shares.
        let seg = Segment.allCases.map { s in inp.cells.filter { $0.segment == s }.reduce(0) { $0 + $1.volumeShare } }
        let v = inp.vendorMix.vendorUnits(segmentUnits: seg)
        #expect(abs(v[SoCVendor.mediaTek.index] - 0.34) < 1e-9 && abs(v[SoCVendor.apple.index] - 0.18) < 1e-9)
    }
}
