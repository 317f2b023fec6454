import Foundation
import MemcastModels

extension ForecastRendering {
    /// `{"as_of", "scenario", "draws", "seed", "quarterly": {"2026Q1": F}, "annual": {"2026": F}, …}` where
    /// `F = {"global": M, "segments": {…}, "regions": {…}, "soc_vendors": {"Qualcomm": {…}}}` (the vendors of `reportedVendors`) and each
    /// value is `{"p05", "p50", "p95"}` (`null` when not simulated, e.g. a yoy before the data).
    /// Then `derived`, `price_inputs`, `part_calls` (memory parts on their own contract calls, with the
    /// factor on the family index), `pass_through` (π's least-squares fit on the launch-price pairs, each
    /// pair's x = (B/A)·ln(B₁/B₀), y = ln(P₁/P₀) and own π; null when a scenario lever sets π), `parameters`
    /// and `notes`. Keys keep a fixed order so the output is diffable.
    static func json(_ r: ForecastResult) -> String {
        let w = JSONWriter()
        w.object {
            w.key("as_of"); w.string(r.asOf)
            w.key("scenario"); w.string(r.scenario)
            w.key("draws"); w.raw(String(r.draws))
            w.key("seed"); w.raw(String(r.seed))
            let vendors = reportedVendors(r)
            w.key("quarterly"); w.object { for q in r.quarterly { w.key(q.label); period(w, q, vendors: vendors) } }
            w.key("annual"); w.object { for y in r.annual { w.key(y.label); period(w, y, vendors: vendors) } }
            w.key("derived"); w.object { for k in r.derived.keys.sorted() { w.key(k); quantiles(w, r.derived[k]) } }
            w.key("price_inputs"); w.array {
                for p in r.priceInputs {
                    w.element { w.object { w.key("quarter"); w.string(p.quarter.description); w.key("memory"); w.string(p.kind.rawValue)
                        w.key("source"); w.string(p.source) } }
                }
            }
            w.key("part_calls"); w.array {
                for a in r.partCalls {
                    w.element { w.object {
                        w.key("memory_type"); w.string(a.type.rawValue); w.key("quarter"); w.string(a.quarter.description)
                        w.key("part_low_pct"); w.number(a.part.lowPct); w.key("part_high_pct"); w.number(a.part.highPct)
                        w.key("source"); w.string(a.part.origin.label)
                        w.key("family_pct"); w.number(a.familyMidPct); w.key("factor"); w.number(a.factor)
                    } }
                }
            }
            w.key("pass_through"); passThrough(w, r.passThroughCalibration)
            w.key("parameters"); w.array {
                for p in r.parameters {
                    w.element { w.object { w.key("name"); w.string(p.name); w.key("value"); w.string(p.value); w.key("from"); w.string(p.source) } }
                }
            }
            w.key("notes"); w.array { for n in r.notes { w.element { w.string(n) } } }
        }
        return w.text + "\n"
    }

    static func passThrough(_ w: JSONWriter, _ c: PassThroughCalibration?) {
        guard let c else { w.raw("null"); return }
        func num(_ x: Double?) { if let x { w.number(x) } else { w.raw("null") } }
        w.object {
            w.key("pi"); w.number(c.pi)
            w.key("standard_error"); num(c.standardError)
            w.key("df"); num(c.points.count > 1 ? Double(c.points.count - 1) : nil)
            w.key("distribution"); w.string(c.distribution.text)
            w.key("pairs"); w.array {
                for p in c.points {
                    w.element { w.object {
                        w.key("model"); w.string(p.pair.model); w.key("predecessor"); w.string(p.pair.predecessor)
                        w.key("region"); w.string(p.pair.region.rawValue); w.key("segment"); w.string(p.pair.segment.rawValue)
                        w.key("old_quarter"); w.string(p.pair.oldQuarter.description)
                        w.key("new_quarter"); w.string(p.pair.newQuarter.description)
                        w.key("old_price"); w.number(p.pair.oldPrice); w.key("new_price"); w.number(p.pair.newPrice)
                        w.key("currency"); w.string(p.pair.currency); w.key("price_step"); w.number(p.pair.priceStep)
                        w.key("published"); w.string(p.pair.published.description)
                        w.key("figure_ids"); w.array { for id in p.pair.figureIDs { w.element { w.string(id) } } }
                        w.key("x"); w.number(p.x); w.key("y"); w.number(p.y); w.key("pi"); num(p.impliedPi)
                        // What rounding to the price step leaves open (a one-pair run draws π over it, cut to 0…A/B).
                        w.key("y_range"); w.array { w.element { w.number(p.yRange.lowerBound) }; w.element { w.number(p.yRange.upperBound) } }
                        w.key("pi_range")
                        if let r = p.impliedPiRange {
                            w.array { w.element { w.number(r.lowerBound) }; w.element { w.number(r.upperBound) } }
                        } else { w.raw("null") }
                    } }
                }
            }
        }
    }

    static func period(_ w: JSONWriter, _ p: PeriodFigures, vendors: [SoCVendor]) {
        w.object {
            w.key("global"); scope(w, p.global)
            w.key("segments"); w.object { for s in Segment.allCases { w.key(s.rawValue); scope(w, p.segments[s]!) } }
            w.key("regions"); w.object { for g in Region.allCases { w.key(g.rawValue); scope(w, p.regions[g]!) } }
            w.key("soc_vendors"); w.object {
                for v in vendors {
                    let f = p.socVendors[v]!
                    w.key(v.rawValue)
                    w.object {
                        w.key("shipments_yoy_pct"); quantiles(w, f.shipmentsYoYPct)
                        w.key("share_pct"); quantiles(w, f.sharePct)
                        w.key("shipments_m"); quantiles(w, f.shipmentsM)
                    }
                }
            }
            if let d = p.dramContractQoQPct { w.key("dram_contract_qoq_pct"); quantiles(w, d) }
            if let n = p.nandContractQoQPct { w.key("nand_contract_qoq_pct"); quantiles(w, n) }
        }
    }

    static func scope(_ w: JSONWriter, _ f: ScopeFigures) {
        w.object { for (k, q) in metrics(f) { w.key(k); quantiles(w, q) } }
    }

    static func quantiles(_ w: JSONWriter, _ q: QuantileSummary?) {
        guard let q, !q.p50.isNaN else { w.raw("null"); return }
        w.object {
            w.key("p05"); w.number(q.p05)
            w.key("p50"); w.number(q.p50)
            w.key("p95"); w.number(q.p95)
        }
    }
}

/// A small ordered JSON writer (two-space indentation). A class, so nested writer closures can share it.
final class JSONWriter {
    private(set) var text = ""
    private var depth = 0
    private var first: [Bool] = []

    private func separator() {
        if let f = first.last {
            if !f { text += "," }
            first[first.count - 1] = false
            text += "\n" + String(repeating: "  ", count: depth)
        }
    }

    func object(_ body: () -> Void) {
        text += "{"; depth += 1; first.append(true)
        body()
        let empty = first.removeLast(); depth -= 1
        text += empty ? "}" : "\n" + String(repeating: "  ", count: depth) + "}"
    }

    func array(_ body: () -> Void) {
        text += "["; depth += 1; first.append(true)
        body()
        let empty = first.removeLast(); depth -= 1
        text += empty ? "]" : "\n" + String(repeating: "  ", count: depth) + "]"
    }

    /// Starts an array element (call the value writer inside).
    func element(_ body: () -> Void) { separator(); body() }

    func key(_ k: String) { separator(); text += JSONWriter.quote(k) + ": " }
    func string(_ s: String) { text += JSONWriter.quote(s) }
    func raw(_ s: String) { text += s }
    /// Finite numbers with 4 decimals; non-finite as null.
    func number(_ x: Double) { text += x.isFinite ? String(format: "%.4f", x) : "null" }

    static func quote(_ s: String) -> String { DataRendering.jsonString(s) }
}
