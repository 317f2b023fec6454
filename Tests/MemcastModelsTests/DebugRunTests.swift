import Testing
import Foundation
import MemcastData
@testable import MemcastModels

@Suite struct DebugRunTests {
    @Test func printDefault() throws {
        for d in ["2025-12-16", "2026-01-28", "2026-02-28"] {
            let inp = try ForecastInputs.build(catalog: Repo.catalog(), scenario: .asPublished, asOf: CalendarDate(d))
            let r = MonteCarlo.run(try ForecastEngine(inputs: inp), draws: 2000, seed: 1)
            print("=== as of \(d)")
            for p in inp.notes { print("note:", p) }
            for p in r.parameters { print("param:", p.name, p.value, p.source) }
            for row in r.priceInputs where row.quarter.year >= 2025 { print("price:", row.quarter, row.kind, row.source) }
            for q in r.quarterly {
                print(q.label, String(format: "dram %.1f nand %.1f share %.1f asp %.0f yoy %.1f ship %.1f yoy %.1f", q.dramContractQoQPct!.p50, q.nandContractQoQPct!.p50,
                                      q.global.memoryBOMSharePct.p50, q.global.aspUSD.p50, q.global.aspYoYPct?.p50 ?? .nan,
                                      q.global.shipmentsM.p50, q.global.shipmentsYoYPct?.p50 ?? .nan))
            }
            for a in r.annual {
                print(a.label, String(format: "share %.1f [%.1f %.1f] asp %.0f yoy %.1f [%.1f, %.1f] ship %.0f yoy %.1f [%.1f, %.1f]", a.global.memoryBOMSharePct.p50,
                    a.global.memoryBOMSharePct.p05, a.global.memoryBOMSharePct.p95, a.global.aspUSD.p50,
                    a.global.aspYoYPct?.p50 ?? .nan, a.global.aspYoYPct?.p05 ?? .nan, a.global.aspYoYPct?.p95 ?? .nan,
                    a.global.shipmentsM.p50, a.global.shipmentsYoYPct?.p50 ?? .nan, a.global.shipmentsYoYPct?.p05 ?? .nan, a.global.shipmentsYoYPct?.p95 ?? .nan))
                for s in Segment.allCases { let f = a.segments[s]!; print("  ", s.rawValue, String(format: "share %.1f bom %.0f asp %.0f yoy %.1f ship yoy %.1f", f.memoryBOMSharePct.p50, f.bomUSD.p50, f.aspUSD.p50, f.aspYoYPct?.p50 ?? .nan, f.shipmentsYoYPct?.p50 ?? .nan)) }
                for v in SoCVendor.allCases { let f = a.socVendors[v]!; print("  ", v.rawValue, String(format: "yoy %.1f share %.1f", f.shipmentsYoYPct?.p50 ?? .nan, f.sharePct.p50)) }
            }
            for (k, v) in r.derived { print(k, v) }
        }
    }
}
