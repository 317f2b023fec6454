import Testing
import Foundation
@testable import MemcastData
@testable import MemcastModels

@Suite struct ForecastInputsTests {
    /// Pins after the run's --horizon are listed in a note (with their lines) rather than dropped unseen.
    @Test func pinsPastTheHorizonAreNoted() throws {
        let text = "name = \"x\"\n[prices.dram]\n2026Q4 = 5\n2028Q1 = 10\n2028Q3 = 10\n[prices.nand]\n2029Q1 = 1\n"
            + "[supply]\ngap_pp.2029 = 1\n[levers]\nship_less_pct = 5\nship_less_from = \"2029Q1\"\n"
        let scenario = try Scenario(toml: text, file: "p.toml")
        let note = try #require(ForecastInputs.pinsPastHorizonNote(scenario, horizon: Period(quarterText: "2027Q4")!))
        #expect(note == "scenario x (p.toml): past --horizon 2027Q4, so not used: prices.dram 2028Q1…2028Q3 (2 quarters, "
                + "lines 4–5), prices.nand 2029Q1 (line 7), supply.gap_pp.2029, levers.ship_less_from = 2029Q1")
        #expect(ForecastInputs.pinsPastHorizonNote(scenario, horizon: Period(quarterText: "2030Q4")!) == nil)
        let inputs = try ForecastInputs.build(catalog: Repo.catalog(), scenario: scenario, asOf: nil)
        #expect(inputs.notes.contains(note))
        // Under a carry rule other than the equation, the note says the late pin still sets where it starts.
        let flat = try Scenario(toml: "name = \"f\"\n[prices]\nunpublished = \"model_then_flat\"\n[prices.dram]\n2028Q1 = 10\n", file: "f.toml")
        let late = try #require(ForecastInputs.pinsPastHorizonNote(flat, horizon: Period(quarterText: "2027Q4")!))
        #expect(late.hasSuffix("; the price pins still mark where unpublished = \"model_then_flat\" starts, so every uncalled quarter "
                               + "to the horizon is carried by the price equation, as in a run that reaches them"))
        #expect(!note.contains("still mark"))
    }

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

    /// After +90% in 1Q26 (64.2 log points) and a past year of 112 log points, the 2Q26 projection
    /// starts beyond every quarter the equation was fitted on, and the notes say so; NAND's first
    /// projected quarter (2025Q2, after small moves) is inside and gets no note.
    @Test func extrapolationIsDisclosed() throws {
        let inp = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2026-02-28"))
        let dram = inp.notes.filter { $0.hasPrefix("dram: the first projected quarter, 2026Q2") }
        #expect(dram.count == 1 && dram[0].contains("previous change 64.2 lp outside") && dram[0].contains("past year 112.3 lp outside"))
        #expect(!inp.notes.contains { $0.hasPrefix("nand: the first projected quarter") })
        let span = try #require(inp.priceFits[.dram]?.span)
        #expect(span.outside(previousLP: span.previousLP.upperBound, pastYearLP: span.pastYearLP.lowerBound) == nil)
        #expect(span.outside(previousLP: 0, pastYearLP: span.pastYearLP.upperBound + 1)?.hasPrefix("past year") == true)
    }

    /// `unpublished = "flat"`: quarters after each family's last call are 0%, tagged as the scenario's;
    /// a quarter missing between calls (NAND 2025Q2) is still the equation's, and the notes say so.
    @Test func flatAfterTheLastCall() throws {
        let s = try Scenario(toml: "name = \"f\"\n[prices]\nunpublished = \"flat\"\n", file: "f.toml")
        let inp = try ForecastInputs.build(catalog: Repo.catalog(), scenario: s, asOf: CalendarDate("2026-01-28"))
        let q = { Period(quarterText: $0)! }
        for kind in MemoryKind.allCases {
            let r = try #require(inp.priceInputs[kind]?[q("2026Q1")])
            #expect(r.lowPct > 30, "\(kind) 2026Q1 is a published call")
            for t in q("2026Q2").quarters(through: inp.horizon) {
                #expect(inp.priceInputs[kind]?[t] == PriceChangeRange(lowPct: 0, highPct: 0, origin: .scenario("f.toml: unpublished = flat")))
            }
        }
        #expect(inp.priceInputs[.nand]?[q("2025Q2")] == nil)
        #expect(inp.notes.contains { $0.hasPrefix("prices: quarters after the last published call (as of 2026-01-28)") })
        #expect(!inp.notes.contains { $0.hasPrefix("dram: the first projected quarter") })
    }

    /// `unpublished = "flat"` before any call for a quarter the run covers (as of 2023-09-30 the first is for
    /// 2024Q1, published 2023-12): every quarter from the start is 0%, as `unpublishedStep` counts it, rather
    /// than left to the equation (or to its shocks around a flat price).
    @Test func flatWithoutAnyCallIsFlatFromTheStart() throws {
        let s = try Scenario(toml: "name = \"f\"\n[prices]\nunpublished = \"flat\"\n", file: "f.toml")
        let inp = try ForecastInputs.build(catalog: Repo.catalog(), scenario: s, asOf: CalendarDate("2023-09-30"))
        for kind in MemoryKind.allCases {
            for t in inp.start.quarters(through: inp.horizon) {
                #expect(inp.priceInputs[kind]?[t] == PriceChangeRange(lowPct: 0, highPct: 0, origin: .scenario("f.toml: unpublished = flat")),
                        "\(kind) \(t)")
            }
        }
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

    /// An as-of date with data but too few quarters for the price equation names the first date that
    /// works; that date does work and the day before does not.
    @Test func tooEarlyAsOfNamesAWorkingDate() throws {
        var named: String?
        #expect {
            _ = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2018-01-01"))
        } throws: { e in
            guard case ForecastError.noData(let m) = e, let r = m.range(of: "from --as-of ") else { return false }
            named = String(m[r.upperBound...].prefix(10))
            return m.contains("price equation: only 1 quarter has")
        }
        let date = try #require(named.flatMap { CalendarDate($0) })
        _ = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: date)
        let dayBefore = date.day > 1 ? CalendarDate(year: date.year, month: date.month, day: date.day - 1)!
            : date.month > 1 ? CalendarDate.endOfMonth(year: date.year, month: date.month - 1) : CalendarDate(year: date.year - 1, month: 12, day: 31)!
        #expect(throws: ForecastError.self) {
            _ = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: dayBefore)
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

/// `ForecastInputs.publishedGaps`: demand − supply growth only within one house.
@Suite struct PublishedGapTests {
    static func row(_ metric: String, _ low: Double, _ high: Double? = nil, publisher: String, published: String,
                    year: Int = 2025, entity: String = "dram") -> Observation {
        Observation(dataset: "supply_demand", id: "\(publisher)-\(metric)-\(published)", series: "bits", market: "",
                    product: "", entity: entity, region: "", period: Period(year: year), periodText: "\(year)",
                    metric: metric, low: high == nil ? nil : low, high: high, point: high == nil ? low : nil,
                    unit: "pct", kind: .forecast, published: PublicationDate(published), publisher: publisher,
                    sourceURL: "u", provenance: "published", method: "", note: "", reliability: "normal", origin: "test")
    }

    /// Micron's demand (20) and TrendForce's supply (25) are different definitions of bits: no gap
    /// from them, although each is the latest of its metric.
    @Test func housesAreNotMixed() {
        let rows = [Self.row("bit_demand_growth_yoy", 20, publisher: "Micron (via Tiger Brokers)", published: "2025-09-01"),
                    Self.row("bit_supply_growth_yoy", 25, publisher: "TrendForce", published: "2025-10-01")]
        #expect(ForecastInputs.publishedGaps(rows, entity: "dram", asOf: nil).isEmpty)
    }

    /// One house's pair across outlets: TrendForce demand 30 with its supply 22–24 carried by
    /// another outlet → [30 − 24, 30 − 22] = [6, 8].
    @Test func oneHouseAcrossOutlets() throws {
        let rows = [Self.row("bit_demand_growth_yoy", 30, publisher: "TrendForce", published: "2025-05-01"),
                    Self.row("bit_supply_growth_yoy", 22, 24, publisher: "Evertiq (TrendForce)", published: "2025-07-01"),
                    Self.row("bit_demand_growth_yoy", 20, publisher: "Micron", published: "2025-09-01")]
        let g = try #require(ForecastInputs.publishedGaps(rows, entity: "dram", asOf: nil)[2025])
        #expect(g.low == 6 && g.high == 8)
        // Before the supply half is published there is no pair.
        #expect(ForecastInputs.publishedGaps(rows, entity: "dram", asOf: CalendarDate("2025-06-30")).isEmpty)
    }

    /// Two houses each publish both halves: the pair whose older half is newer wins (Counterpoint,
    /// both 2025-09: 28 − 20 = 8), not TrendForce's (older half 2025-05: 30 − 23 = 7).
    @Test func freshestPairWins() throws {
        let rows = [Self.row("bit_demand_growth_yoy", 30, publisher: "TrendForce", published: "2025-05-01"),
                    Self.row("bit_supply_growth_yoy", 23, publisher: "TrendForce", published: "2025-11-01"),
                    Self.row("bit_demand_growth_yoy", 28, publisher: "Counterpoint", published: "2025-09-01"),
                    Self.row("bit_output_growth_yoy", 20, publisher: "Counterpoint", published: "2025-09-01")]
        let g = try #require(ForecastInputs.publishedGaps(rows, entity: "dram", asOf: nil)[2025])
        #expect(g.low == 8 && g.high == 8)
        // As of 2025-08-31 only TrendForce's demand is known and its supply is not: no pair at all.
        #expect(ForecastInputs.publishedGaps(rows, entity: "dram", asOf: CalendarDate("2025-08-31"))[2025] == nil)
    }

    /// Within one house the preferred supply metric wins over a later, less preferred one.
    @Test func preferredSupplyMetric() throws {
        let rows = [Self.row("bit_demand_growth_yoy", 30, publisher: "TrendForce", published: "2025-05-01"),
                    Self.row("bit_supply_growth_yoy", 21, publisher: "TrendForce", published: "2025-05-01"),
                    Self.row("bit_production_growth_yoy", 25, publisher: "TrendForce", published: "2025-12-01")]
        #expect(ForecastInputs.publishedGaps(rows, entity: "dram", asOf: nil)[2025]?.low == 9)
    }

    /// A published shortage ratio stands where no house pairs demand with supply; a pair replaces it.
    @Test func ratioWhenNoPair() throws {
        let ratio = Self.row("shortage_ratio", 3, publisher: "TrendForce", published: "2025-05-01")
        #expect(ForecastInputs.publishedGaps([ratio], entity: "dram", asOf: nil)[2025]?.low == 3)
        let pair = [Self.row("bit_demand_growth_yoy", 30, publisher: "IDC", published: "2025-05-01"),
                    Self.row("bit_supply_growth_yoy", 25, publisher: "IDC", published: "2025-05-01")]
        #expect(ForecastInputs.publishedGaps([ratio] + pair, entity: "dram", asOf: nil)[2025]?.low == 5)
        #expect(ForecastInputs.publishedGaps([ratio] + pair, entity: "nand", asOf: nil).isEmpty)
    }
}
