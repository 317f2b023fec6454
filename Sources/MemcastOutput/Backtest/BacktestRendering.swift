import MemcastData
import MemcastModels

/// Output formats of `memcast backtest`.
public enum BacktestFormat: String, CaseIterable, Sendable {
    case text, json, csv, md

    /// File extension used with `--out`.
    public var fileExtension: String { self == .text ? "txt" : rawValue }
}

/// Renders a `BacktestReport`: a table per stage (model, its variants and each baseline per horizon,
/// then the tracker) with its one-line verdict, as text, Markdown, CSV or JSON.
/// Rendering only: every number comes from the report.
public enum BacktestRendering {
    public static func render(_ r: BacktestReport, format: BacktestFormat) -> String {
        switch format {
        case .text: return text(r)
        case .md: return markdown(r)
        case .csv: return csv(r)
        case .json: return json(r)
        }
    }

    // MARK: Rows shared by text, Markdown and CSV

    /// One table row: a method's metrics at a horizon (nil metrics = not scored).
    struct Row {
        var horizon: Int
        var method: String
        var metrics: ForecastMetrics?
        var count: Int
        var comment: String
    }

    static func rows(_ s: StageBacktest) -> [Row] {
        var out: [Row] = []
        for h in s.horizons {
            guard h.isScored else {
                out.append(Row(horizon: h.horizon, method: "model", metrics: nil, count: h.pairCount,
                               comment: "not scored: \(h.pairCount) pair\(h.pairCount == 1 ? "" : "s") < \(s.minimumPairs)"))
                continue
            }
            if let m = h.model { out.append(Row(horizon: h.horizon, method: "model", metrics: m, count: m.count, comment: "")) }
            for v in h.variants { out.append(Row(horizon: h.horizon, method: v.name, metrics: v.metrics, count: v.metrics.count, comment: "")) }
            for b in Baseline.allCases { if let m = h.baselines[b] { out.append(Row(horizon: h.horizon, method: b.rawValue, metrics: m, count: m.count, comment: "")) } }
            if let t = h.tracker {
                var c = "same \(t.pairedCount) pairs:"
                if let mm = t.pairedModelMAE, let tm = t.pairedTrackerMAE { c += " model \(f2(mm)) vs \(f2(tm))" }
                if let nm = t.pairedNaiveMAE { c += "; naive \(f2(nm)) on all \(t.metrics.count)" }
                out.append(Row(horizon: h.horizon, method: s.trackerName ?? "tracker", metrics: t.metrics, count: t.metrics.count, comment: c))
            } else if s.trackerName != nil {
                out.append(Row(horizon: h.horizon, method: s.trackerName!, metrics: nil, count: h.trackerCount,
                               comment: "\(h.trackerCount) call\(h.trackerCount == 1 ? "" : "s") by the origin date < \(s.minimumPairs)"))
            }
        }
        return out
    }

    static let header = ["h", "method", "n", "MAE", "RMSE", "MAPE%", "MASE", "bias", "cov90", "Winkler", "pinball", ""]

    static func cells(_ r: Row) -> [String] {
        guard let m = r.metrics else {
            return ["\(r.horizon)", r.method, "\(r.count)", "", "", "", "", "", "", "", "", r.comment]
        }
        return ["\(r.horizon)", r.method, "\(m.count)", f2(m.mae), f2(m.rmse), m.mapePct.map(f1) ?? "–",
                m.mase.map(f2) ?? "–", signed(m.bias), m.coverage90.map(f2) ?? "–", m.winkler90.map(f1) ?? "–",
                m.pinball.map(f2) ?? "–", r.comment]
    }

    static func header(_ s: StageBacktest) -> String {
        var line = "origins \(s.originCount)"
        line += s.modelOriginCount > 0 ? ", model estimated at \(s.modelOriginCount)" : ", model never estimable"
        if s.originsWithShortHistory > 0 { line += ", \(s.originsWithShortHistory) skipped (under \(RollingOrigin.minimumHistory) quarters known)" }
        line += "; \(s.realizedCount) realized quarter\(s.realizedCount == 1 ? "" : "s") in range; errors in \(s.unit)"
        return line
    }

    static func firstCallLine(_ s: StageBacktest) -> String? {
        guard let f = s.firstCall, let who = s.trackerName else { return nil }
        var line = "\(who)'s first calls: \(f.metrics.count) realized quarter\(f.metrics.count == 1 ? "" : "s")"
        if f.isScored {
            line += ", MAE \(f2(f.metrics.mae)) \(s.unit), bias \(signed(f.metrics.bias)), median \(days(f.medianLeadDays)) before the quarter"
            if let m = f.modelH1MAE { line += "; model at h = 1 on \(f.modelH1Count) of them: MAE \(f2(m))" }
        } else {
            line += " (fewer than \(s.minimumPairs): not scored)"
        }
        return line
    }

    static func unavailableLine(_ s: StageBacktest) -> String? {
        guard !s.modelUnavailable.isEmpty else { return nil }
        return "model unavailable: " + s.modelUnavailable.sorted { $0.key < $1.key }
            .map { "\($0.key) (\($0.value) origin\($0.value == 1 ? "" : "s"))" }.joined(separator: "; ")
    }

    // MARK: Text

    static func text(_ r: BacktestReport) -> String {
        var out = "memcast backtest — origins \(r.schedule.first)…\(r.schedule.last), h = 1…\(r.schedule.maxHorizon)"
        out += ", realized values as published \(r.truthAsOf.map { "by \($0)" } ?? "to date")\n"
        out += "Each origin sees only rows published by its last day; the model is re-estimated there. Model and baselines\n"
        out += "are scored on the same pairs; a horizon needs \(r.minimumPairs) pairs to be scored.\n"
        for n in r.notes { out += "note: \(n)\n" }
        for s in r.stages {
            out += "\n\(s.name) — \(s.title)\n\(header(s))\n"
            if case .insufficient = s.status {
                out += "verdict: \(s.verdict)\n"
            } else {
                out += trimmed(DataRendering.table([header] + rows(s).map(cells), rightAligned: [0, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
                out += "verdict: \(s.verdict)\n"
            }
            for line in [firstCallLine(s), unavailableLine(s)].compactMap({ $0 }) + s.notes.map({ "note: \($0)" }) {
                out += line + "\n"
            }
        }
        return out
    }

    // MARK: Markdown

    static func markdown(_ r: BacktestReport) -> String {
        var out = "## memcast backtest: origins \(r.schedule.first)…\(r.schedule.last), h = 1…\(r.schedule.maxHorizon)\n"
        if !r.notes.isEmpty { out += "\n" + r.notes.map { "- \($0)\n" }.joined() }
        for s in r.stages {
            out += "\n### \(s.name): \(s.title)\n\n\(header(s))\n\n"
            if case .scored = s.status {
                let body = rows(s).map(cells)
                out += "| " + header.dropLast().joined(separator: " | ") + " | note |\n"
                out += "|" + String(repeating: "---|", count: header.count) + "\n"
                for c in body { out += "| " + c.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n" }
                out += "\n"
            }
            out += "**Verdict:** \(s.verdict)\n"
            for line in [firstCallLine(s), unavailableLine(s)].compactMap({ $0 }) + s.notes { out += "\n- \(line)" }
            out += s.notes.isEmpty && firstCallLine(s) == nil && unavailableLine(s) == nil ? "" : "\n"
        }
        return out
    }

    // MARK: CSV

    static func csv(_ r: BacktestReport) -> String {
        var rowsOut = [["stage", "horizon", "method", "n", "mae", "rmse", "mape_pct", "mase", "bias",
                        "coverage_90", "winkler_90", "pinball", "status"]]
        for s in r.stages {
            let status: String
            if case .insufficient = s.status { status = "insufficient" } else { status = "scored" }
            for row in rows(s) {
                let m = row.metrics
                rowsOut.append([s.name, "\(row.horizon)", row.method, "\(row.count)",
                                num(m?.mae), num(m?.rmse), num(m?.mapePct), num(m?.mase), num(m?.bias),
                                num(m?.coverage90), num(m?.winkler90), num(m?.pinball),
                                m == nil ? (status == "scored" ? "not_scored" : status) : status])
            }
        }
        return DataRendering.csv(rowsOut)
    }

    static func num(_ v: Double?) -> String { v.map { $0.isFinite ? DataRendering.full($0) : "" } ?? "" }

    // MARK: JSON

    static func json(_ r: BacktestReport) -> String {
        var stages: [String] = []
        for s in r.stages {
            var horizons: [String] = []
            for h in s.horizons {
                var fields = ["\"n\": \(h.pairCount)", "\"scored\": \(h.isScored)"]
                fields.append("\"model\": \(metricsJSON(h.model))")
                for v in h.variants { fields.append("\(DataRendering.jsonString(v.name)): \(metricsJSON(v.metrics))") }
                for b in Baseline.allCases where (b != .seasonalNaive && b != .noChange) || h.baselines[b] != nil {
                    fields.append("\(DataRendering.jsonString(b.rawValue)): \(metricsJSON(h.baselines[b]))")
                }
                if let t = h.tracker {
                    fields.append("\"tracker\": " + metricsJSON(t.metrics, extra: [
                        "name": s.trackerName.map(DataRendering.jsonString) ?? "null",
                        "n_paired": "\(t.pairedCount)", "paired_model_mae": opt(t.pairedModelMAE),
                        "paired_tracker_mae": opt(t.pairedTrackerMAE), "naive_mae": opt(t.pairedNaiveMAE),
                    ]))
                } else {
                    fields.append("\"tracker\": null")
                }
                fields.append("\"n_tracker_calls\": \(h.trackerCount)")
                horizons.append("        \"\(h.horizon)\": {" + fields.joined(separator: ", ") + "}")
            }
            var fields: [String] = [
                "\"title\": \(DataRendering.jsonString(s.title))",
                "\"unit\": \(DataRendering.jsonString(s.unit))",
            ]
            switch s.status {
            case .scored: fields.append("\"status\": \"scored\"")
            case .insufficient(let why):
                fields.append("\"status\": \"insufficient\"")
                fields.append("\"reason\": \(DataRendering.jsonString(why))")
            }
            fields += [
                "\"verdict\": \(DataRendering.jsonString(s.verdict))",
                "\"n_origins\": \(s.originCount)",
                "\"n_origins_model\": \(s.modelOriginCount)",
                "\"n_origins_short_history\": \(s.originsWithShortHistory)",
                "\"realized_quarters\": \(s.realizedCount)",
                "\"min_pairs\": \(s.minimumPairs)",
                "\"model_unavailable\": {" + s.modelUnavailable.sorted { $0.key < $1.key }
                    .map { "\(DataRendering.jsonString($0.key)): \($0.value)" }.joined(separator: ", ") + "}",
                "\"tracker\": " + (s.trackerName.map(DataRendering.jsonString) ?? "null"),
            ]
            if let f = s.firstCall {
                fields.append("\"tracker_first_call\": " + metricsJSON(f.metrics, extra: [
                    "scored": "\(f.isScored)", "median_lead_days": DataRendering.json(f.medianLeadDays),
                    "model_h1_mae": opt(f.modelH1MAE), "model_h1_n": "\(f.modelH1Count)",
                ]))
            } else {
                fields.append("\"tracker_first_call\": null")
            }
            fields.append("\"notes\": [" + s.notes.map(DataRendering.jsonString).joined(separator: ", ") + "]")
            fields.append("\"horizons\": {\n" + horizons.joined(separator: ",\n") + "\n      }")
            stages.append("    \(DataRendering.jsonString(s.name)): {\n      " + fields.joined(separator: ",\n      ") + "\n    }")
        }
        let schedule = "{\"from\": \"\(r.schedule.first)\", \"to\": \"\(r.schedule.last)\", \"horizon\": \(r.schedule.maxHorizon), "
            + "\"min_pairs\": \(r.minimumPairs), \"truth_as_of\": " + (r.truthAsOf.map { "\"\($0)\"" } ?? "null") + "}"
        let notes = "[" + r.notes.map(DataRendering.jsonString).joined(separator: ", ") + "]"
        return "{\n  \"schedule\": \(schedule),\n  \"notes\": \(notes),\n  \"stages\": {\n" + stages.joined(separator: ",\n") + "\n  }\n}\n"
    }

    static func opt(_ v: Double?) -> String { v.map(DataRendering.json) ?? "null" }

    /// A metrics object; nil = `null` (horizon not scored).
    static func metricsJSON(_ m: ForecastMetrics?, extra: [String: String] = [:]) -> String {
        guard let m else { return "null" }
        var f = [
            "\"n\": \(m.count)", "\"mae\": \(DataRendering.json(m.mae))", "\"rmse\": \(DataRendering.json(m.rmse))",
            "\"mape\": \(opt(m.mapePct))", "\"mape_zero_actuals\": \(m.mapeZeroActuals)",
            "\"mase\": \(opt(m.mase))", "\"mase_undefined_scales\": \(m.maseUndefinedScales)",
            "\"bias\": \(DataRendering.json(m.bias))", "\"n_intervals\": \(m.intervalCount)",
            "\"coverage_90\": \(opt(m.coverage90))", "\"winkler_90\": \(opt(m.winkler90))", "\"pinball\": \(opt(m.pinball))",
        ]
        for (k, v) in extra.sorted(by: { $0.key < $1.key }) { f.append("\(DataRendering.jsonString(k)): \(v)") }
        return "{" + f.joined(separator: ", ") + "}"
    }

    static func days(_ d: Double) -> String {
        let n = Int(d.rounded())
        return abs(n) == 1 ? "\(n) day" : "\(n) days"
    }

    /// Table text without the padding spaces the last (comment) column leaves at line ends.
    static func trimmed(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    static func f2(_ v: Double) -> String { v.isFinite ? DataRendering.formatFixed(v, 2) : "–" }
    static func f1(_ v: Double) -> String { v.isFinite ? DataRendering.formatFixed(v, 1) : "–" }
    static func signed(_ v: Double) -> String { v.isFinite ? (v >= 0 ? "+" : "") + DataRendering.formatFixed(v, 2) : "–" }
}
