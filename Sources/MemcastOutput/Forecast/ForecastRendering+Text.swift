import Foundation
import MemcastModels

extension ForecastRendering {
    /// The readable report: years by scope, global quarters, SoC vendors, inputs and parameters.
    static func text(_ r: ForecastResult) -> String {
        var out: [String] = []
        out.append("memcast forecast — scenario \(r.scenario), data as of \(r.asOf), \(r.draws) draws (seed \(r.seed))")
        out.append("Values: p50 [p05, p95]. Shares and changes in percent; changes vs the same period a year earlier.")
        out.append("Gross margin = (ASP − BOM) / ASP at wholesale: it falls where OEMs absorb memory cost (pass-through π < 1).")
        for y in r.annual {
            out.append("")
            out.append("Calendar year \(y.label)")
            let rows = scopes(y).map { s -> [String] in
                [s.type == "global" ? "global" : "  \(s.name)",
                 band(s.figures.memoryBOMSharePct, signed: false), num(s.figures.bomUSD.p50, 0), num(s.figures.aspUSD.p50, 0),
                 band(s.figures.aspYoYPct), num(s.figures.shipmentsM.p50, 0), band(s.figures.shipmentsYoYPct),
                 band(s.figures.grossMarginPct, signed: false)]
            }
            out.append(table(["scope", "memory % of BOM", "BOM $", "ASP $", "ASP change %", "units m", "units change %",
                              "gross margin %"], rows))
        }
        out.append("")
        out.append("Quarters, global")
        out.append(table(quarterHeader, quarterRows(r)))
        out.append("")
        out.append("SoC vendors")
        let vendors = reportedVendors(r)
        var vheader = ["vendor"]
        for y in r.annual.dropFirst() { vheader += ["\(y.label) shipments %", "\(y.label) share %"] }
        let vrows = vendors.map { v -> [String] in
            var row = [v.rawValue]
            for y in r.annual.dropFirst() {
                row += [band(y.socVendors[v]?.shipmentsYoYPct), band(y.socVendors[v]?.sharePct, signed: false)]
            }
            return row
        }
        out.append(table(vheader, vrows))
        out.append("")
        out.append("Contract price inputs (percent QoQ)")
        out.append(table(["quarter", "DRAM", "NAND"], priceInputRows(r)))
        out.append("")
        out.append("Parameters")
        out.append(table(["parameter", "value", "from"], r.parameters.map { [$0.name, $0.value, $0.source] }))
        if !r.notes.isEmpty {
            out.append("")
            out.append("Notes")
            for (i, n) in r.notes.enumerated() { out.append("  \(i + 1). \(n)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static let quarterHeader = ["quarter", "DRAM contract %", "NAND contract %", "memory % of BOM", "ASP $", "ASP change %",
                                "units m", "units change %"]

    /// The global quarters, one row per quarter (text and Markdown).
    static func quarterRows(_ r: ForecastResult) -> [[String]] {
        r.quarterly.map { q in
            [q.label, band(q.dramContractQoQPct), band(q.nandContractQoQPct), band(q.global.memoryBOMSharePct, signed: false),
             num(q.global.aspUSD.p50, 0), band(q.global.aspYoYPct), num(q.global.shipmentsM.p50, 1), band(q.global.shipmentsYoYPct)]
        }
    }

    /// Each quarter's DRAM and NAND contract input with its source (text and Markdown).
    static func priceInputRows(_ r: ForecastResult) -> [[String]] {
        Array(Set(r.priceInputs.map(\.quarter))).sorted().map { q in
            [q.description] + MemoryKind.allCases.map { k in r.priceInputs.first { $0.quarter == q && $0.kind == k }?.source ?? "" }
        }
    }

    /// The same content as Markdown tables.
    static func markdown(_ r: ForecastResult) -> String {
        func mdTable(_ header: [String], _ rows: [[String]]) -> String {
            (["| " + header.joined(separator: " | ") + " |", "|" + header.enumerated().map { $0.offset == 0 ? "---" : "---:" }.joined(separator: "|") + "|"]
                + rows.map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n")
        }
        var out = ["# memcast forecast", "",
                   "Scenario `\(r.scenario)`, data as of \(r.asOf), \(r.draws) draws (seed \(r.seed)). Values: p50 [p05, p95]."]
        for y in r.annual {
            out += ["", "## \(y.label)", ""]
            out.append(mdTable(["scope", "memory % of BOM", "BOM $", "ASP $", "ASP change %", "units m", "units change %",
                                "gross margin %"],
                               scopes(y).map { s in
                [s.name, band(s.figures.memoryBOMSharePct, signed: false), num(s.figures.bomUSD.p50, 0), num(s.figures.aspUSD.p50, 0),
                 band(s.figures.aspYoYPct), num(s.figures.shipmentsM.p50, 0), band(s.figures.shipmentsYoYPct),
                 band(s.figures.grossMarginPct, signed: false)]
            }))
        }
        out += ["", "## Quarters (global)", ""]
        out.append(mdTable(quarterHeader, quarterRows(r)))
        out += ["", "## SoC vendors", ""]
        var header = ["vendor"]
        for y in r.annual.dropFirst() { header += ["\(y.label) shipments %", "\(y.label) share %"] }
        out.append(mdTable(header, reportedVendors(r).map { v in
            [v.rawValue] + r.annual.dropFirst().flatMap { y in
                [band(y.socVendors[v]?.shipmentsYoYPct), band(y.socVendors[v]?.sharePct, signed: false)]
            }
        }))
        out += ["", "## Contract price inputs (percent QoQ)", ""]
        out.append(mdTable(["quarter", "DRAM", "NAND"], priceInputRows(r)))
        out += ["", "## Parameters", ""]
        out.append(mdTable(["parameter", "value", "from"], r.parameters.map { [$0.name, $0.value, $0.source] }))
        if !r.notes.isEmpty {
            out += ["", "## Notes", ""]
            out += r.notes.enumerated().map { "\($0.offset + 1). \($0.element)" }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
