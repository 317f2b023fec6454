import Foundation
import MemcastModels

/// Renders `memcast validate`: every published-figure case beside the model's p05/p50/p95.
public enum ValidationRendering {
    /// - Parameter scenario: the what-if the cases ran under, nil for the default (as-published) test.
    public static func text(_ rows: [Validation.Row], scenario: String? = nil) -> String {
        func q(_ x: Double?) -> String { x.map { ForecastRendering.num($0, 1) } ?? "–" }
        let cases = rows.filter { $0.pass != nil }, info = rows.filter { $0.pass == nil }
        var out = ["Published-figure cases (each run --as-of the figure's publication date; pass = model p50 within tolerance)"]
        if let s = scenario {
            out.append("WHAT-IF: every run uses scenario '\(s)', not the published vintages; this is not the model's test.")
        }
        out.append(ForecastRendering.table(
            ["case", "source", "published", "as of", "p05", "p50", "p95", "tolerance", "result"],
            cases.map { [$0.title, "\($0.figureID) \($0.publisher)", $0.publishedText, $0.asOf, q($0.model?.p05), q($0.model?.p50),
                         q($0.model?.p95), $0.tolerance ?? "", $0.pass! ? "pass" : "MISS"] }))
        out.append("")
        out.append("Other tracker vintages, for information (model as of each publication date)")
        out.append(ForecastRendering.table(
            ["figure", "source", "published", "as of", "p05", "p50", "p95"],
            info.map { [$0.title, "\($0.figureID) \($0.publisher)", $0.publishedText, $0.asOf, q($0.model?.p05), q($0.model?.p50), q($0.model?.p95)] }))
        let misses = cases.filter { $0.pass == false }.count
        out.append("")
        out.append("\(cases.count - misses) of \(cases.count) cases pass" + (misses > 0 ? "; \(misses) miss" : ""))
        var seen = Set<String>()
        let extrapolating = cases.flatMap { r in r.extrapolation.map { (r.asOf, $0) } }.filter { seen.insert("\($0.0) \($0.1)").inserted }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        if !extrapolating.isEmpty {
            out.append("")
            out.append("Case runs whose price projection extrapolates the fitted equation:")
            for (date, note) in extrapolating { out.append("  as of \(date): \(note)") }
        }
        var dates = Set<String>()
        let pis = cases.filter { $0.passThrough != nil && dates.insert($0.asOf).inserted }.sorted { $0.asOf < $1.asOf }
        if !pis.isEmpty {
            out.append("")
            out.append("Pass-through by case date (launch-price pairs published by then):")
            for r in pis { out.append("  as of \(r.asOf): \(r.passThrough!.summary)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func json(_ rows: [Validation.Row], scenario: String? = nil) -> String {
        let w = JSONWriter()
        w.object {
            w.key("scenario"); w.string(scenario ?? "as-published")
            w.key("what_if"); w.raw(scenario == nil ? "false" : "true")
            w.key("cases"); w.array {
                for r in rows {
                    w.element {
                        w.object {
                            w.key("id"); w.string(r.id)
                            w.key("title"); w.string(r.title)
                            w.key("figure_id"); w.string(r.figureID)
                            w.key("publisher"); w.string(r.publisher)
                            w.key("published"); w.string(r.published)
                            w.key("published_value"); w.string(r.publishedText)
                            w.key("as_of"); w.string(r.asOf)
                            w.key("model"); ForecastRendering.quantiles(w, r.model)
                            w.key("tolerance"); if let t = r.tolerance { w.string(t) } else { w.raw("null") }
                            w.key("pass"); w.raw(r.pass.map { $0 ? "true" : "false" } ?? "null")
                            w.key("extrapolation"); w.array { for n in r.extrapolation { w.element { w.string(n) } } }
                            w.key("pass_through"); ForecastRendering.passThrough(w, r.passThrough)
                        }
                    }
                }
            }
        }
        return w.text + "\n"
    }
}
