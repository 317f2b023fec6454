import Foundation
import MemcastModels

/// Output formats of `memcast forecast` and `memcast validate`.
public enum ForecastFormat: String, CaseIterable, Sendable {
    case text, json, csv, md

    /// File extension for `--out`.
    public var fileExtension: String { self == .text ? "txt" : rawValue }
}

/// Renders a `ForecastResult`. Rendering is separate from computing: every format comes
/// from the same result value.
public enum ForecastRendering {
    public static func render(_ r: ForecastResult, as format: ForecastFormat) -> String {
        switch format {
        case .text: return text(r)
        case .json: return json(r)
        case .csv: return csv(r)
        case .md: return markdown(r)
        }
    }

    // MARK: shared helpers

    /// The six required metrics (JSON names) plus two extras, in output order.
    static func metrics(_ f: ScopeFigures) -> [(String, QuantileSummary?)] {
        [("memory_bom_share_pct", f.memoryBOMSharePct), ("bom_usd", f.bomUSD), ("asp_usd", f.aspUSD),
         ("asp_yoy_pct", f.aspYoYPct), ("shipments_m", f.shipmentsM), ("shipments_yoy_pct", f.shipmentsYoYPct),
         ("memory_cost_usd", f.memoryCostUSD), ("gross_margin_pct", f.grossMarginPct)]
    }

    /// The SoC vendors every format reports (text, Markdown, JSON, CSV, the HTML report), in table order:
    /// those with shipments in some period of the run. `others` (in-house SoCs) is raked to no share by the
    /// published vendor shares, so it drops out unless a `--data` overlay leaves it room.
    public static func reportedVendors(_ r: ForecastResult) -> [SoCVendor] {
        SoCVendor.allCases.filter { v in (r.quarterly + r.annual).contains { ($0.socVendors[v]?.shipmentsM.p95 ?? 0) > 0 } }
    }

    static func scopes(_ p: PeriodFigures) -> [(type: String, name: String, figures: ScopeFigures)] {
        [("global", "global", p.global)]
            + Segment.allCases.map { ("segment", $0.rawValue, p.segments[$0]!) }
            + Region.allCases.map { ("region", $0.rawValue, p.regions[$0]!) }
    }

    static func num(_ x: Double, _ decimals: Int) -> String {
        x.isNaN ? "NA" : String(format: "%.\(decimals)f", x)
    }

    /// `+6.9` style signed percent.
    static func signed(_ x: Double, _ decimals: Int = 1) -> String {
        x.isNaN ? "NA" : String(format: "%+.\(decimals)f", x)
    }

    /// `+6.9 [+3.1, +11.0]`.
    static func band(_ q: QuantileSummary?, signed s: Bool = true, decimals d: Int = 1) -> String {
        guard let q else { return "–" }
        let f: (Double) -> String = s ? { signed($0, d) } : { num($0, d) }
        return "\(f(q.p50)) [\(f(q.p05)), \(f(q.p95))]"
    }

    static func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
        let n = s.count
        if n >= w { return s }
        let sp = String(repeating: " ", count: w - n)
        return right ? sp + s : s + sp
    }

    /// A fixed-width table: first column left-aligned, the rest right-aligned.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in pad(c, widths[i], right: i > 0) }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
