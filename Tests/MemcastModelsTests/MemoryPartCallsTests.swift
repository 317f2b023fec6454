import Testing
import Foundation
@testable import MemcastData
@testable import MemcastModels

/// `MemoryPartCalls`: a part's own contract call as a factor on its family's change.
@Suite struct MemoryPartCallsTests {
    static func call(_ product: String, _ quarter: String, _ low: Double, _ high: Double?, published: String,
                     series: String = "mobile_dram") -> Observation {
        Observation(dataset: "memory_prices", id: "\(product)-\(quarter)-\(published)", series: series, market: "contract",
                    product: product, entity: "industry", region: "", period: Period(quarter), periodText: quarter,
                    metric: "qoq_pct", low: low, high: high, point: nil, unit: "pct", kind: .forecast,
                    published: PublicationDate(published), publisher: "T", sourceURL: "u", provenance: "published",
                    method: "", note: "", reliability: "normal", origin: "test")
    }
    static let q3 = Period("2025Q3")!, q4 = Period("2025Q4")!

    static func family(_ mid: Double, published: String) -> (PriceChangeRange, Observation) {
        (PriceChangeRange(lowPct: mid, highPct: mid, origin: .published(publisher: "T", date: published)),
         call("", "2025Q3", mid, mid, published: published, series: "conventional_dram"))
    }

    /// LPDDR4X +23–28% against the family's +12.5%: 1.255 / 1.125 = 1.11556; the same-day call counts as fresh.
    /// A 4Q25 call published before the family's is stale and set aside; the notes list both in quarter order.
    @Test func freshCallsBecomeFactorsStaleOnesNotes() throws {
        let (f3, r3) = Self.family(12.5, published: "2025-07-07")
        let (f4, r4) = Self.family(47.5, published: "2025-12-01")
        let prices = [Self.call("lpddr4x", "2025Q3", 23, 28, published: "2025-07-07"),
                      Self.call("lpddr4x", "2025Q4", 10, nil, published: "2025-09")]
        let r = MemoryPartCalls.adopted(prices: prices, familyInputs: [.dram: [Self.q3: f3, Self.q4: f4]],
                                        familyRows: [.dram: [Self.q3: r3, Self.q4: r4]], asOf: nil)
        let a = try #require(r.adopted.first)
        #expect(r.adopted.count == 1 && a.type == .lpddr4x && a.quarter == Self.q3)
        #expect(abs(a.factor - 1.255 / 1.125) < 1e-12)
        #expect(r.notes == ["LPDDR4X 2025Q3: own call +23%…+28% (T 2025-07-07) against the family's +12.5%: its $/GB moves ×1.116 relative to the family index",
                            "LPDDR4X 2025Q4: T's part call (+10%…+15%, 2025-09) predates the family's (+47.5%, 2025-12-01); not used"])
    }

    /// A scenario pin on the family wins over the part's call; a projected quarter (no family input) is skipped.
    @Test func pinnedAndProjectedQuartersKeepTheFamily() {
        let pinned = PriceChangeRange(lowPct: 10, highPct: 12, origin: .scenario("pin.toml:3"))
        let prices = [Self.call("lpddr5x", "2025Q3", 5, 10, published: "2025-07-07"),
                      Self.call("lpddr5x", "2025Q4", 5, 10, published: "2025-10-01")]
        let r = MemoryPartCalls.adopted(prices: prices, familyInputs: [.dram: [Self.q3: pinned]], familyRows: [:], asOf: nil)
        #expect(r.adopted.isEmpty)
        #expect(r.notes == ["LPDDR5X 2025Q3: the part's own call is not used; the scenario pins the family's change"])
    }

    /// UFS 4.0 follows the UFS calls; factors compound from the quarter they apply.
    @Test func ufs4FollowsUFSAndFactorsCompound() {
        #expect(MemoryPartCalls.product(.ufs4) == "ufs")
        let a = [MemoryPartCalls.Adopted(type: .ufs, quarter: Self.q3, part: .init(lowPct: 10, highPct: 10, origin: .projected),
                                         familyMidPct: 0, factor: 1.1),
                 MemoryPartCalls.Adopted(type: .ufs, quarter: Self.q4, part: .init(lowPct: 0, highPct: 0, origin: .projected),
                                         familyMidPct: 10, factor: 1 / 1.1 / 2)]
        let f = MemoryPartCalls.cumulative(a, quarters: [Period("2025Q2")!, Self.q3, Self.q4])
        #expect(f[.ufs]!.count == 4 && f[.ufs]![0] == 1 && f[.ufs]![1] == 1)
        #expect(abs(f[.ufs]![2] - 1.1) < 1e-15 && abs(f[.ufs]![3] - 0.5) < 1e-15)
        #expect(f[.emmc]! == [1, 1, 1, 1])
    }

    /// On the embedded data as of 2026-02-28 the central path carries TrendForce's 3Q25 split: from
    /// 2025Q3 on LPDDR4X's $/GB relative to LPDDR5X's is the anchors' ratio × (1.255/1.125)/(1.075/1.125).
    @Test func centralPathCarriesThe3Q25Split() throws {
        let inp = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate("2026-02-28"))
        let path = try ForecastInputs.centralContractPath(inp)
        let anchors = inp.anchorUSDPerGB[.lpddr4x]! / inp.anchorUSDPerGB[.lpddr5x]!
        #expect(abs(path(.lpddr4x, Period("2025Q2")!) / path(.lpddr5x, Period("2025Q2")!) - anchors) < 1e-12)
        for q in ["2025Q3", "2025Q4", "2026Q3"] {
            let ratio = path(.lpddr4x, Period(q)!) / path(.lpddr5x, Period(q)!)
            #expect(abs(ratio - anchors * 1.255 / 1.075) < 1e-12, "\(q)")
        }
    }
}
