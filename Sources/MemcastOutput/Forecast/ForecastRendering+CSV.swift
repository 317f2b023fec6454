import Foundation
import MemcastModels

extension ForecastRendering {
    /// Long (tidy) CSV: `period,period_type,scope_type,scope,metric,p05,p50,p95`, one row per value.
    static func csv(_ r: ForecastResult) -> String {
        var lines = ["period,period_type,scope_type,scope,metric,p05,p50,p95"]
        func add(_ p: String, _ pt: String, _ st: String, _ s: String, _ m: String, _ q: QuantileSummary?) {
            let v = q.map { [num($0.p05, 4), num($0.p50, 4), num($0.p95, 4)] } ?? ["NA", "NA", "NA"]
            lines.append(([p, pt, st, s, m] + v).joined(separator: ","))
        }
        let vendors = reportedVendors(r)
        for (periods, type) in [(r.quarterly, "quarter"), (r.annual, "year")] {
            for p in periods {
                for s in scopes(p) { for (m, q) in metrics(s.figures) { add(p.label, type, s.type, s.name, m, q) } }
                for v in vendors {
                    let f = p.socVendors[v]!
                    add(p.label, type, "soc_vendor", v.rawValue, "shipments_yoy_pct", f.shipmentsYoYPct)
                    add(p.label, type, "soc_vendor", v.rawValue, "share_pct", f.sharePct)
                    add(p.label, type, "soc_vendor", v.rawValue, "shipments_m", f.shipmentsM)
                }
                if let d = p.dramContractQoQPct { add(p.label, type, "memory", "dram", "contract_qoq_pct", d) }
                if let n = p.nandContractQoQPct { add(p.label, type, "memory", "nand", "contract_qoq_pct", n) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
