import MemcastData
import MemcastStatistics

/// Output formats of the `memcast data` commands.
public enum DataFormat: String, CaseIterable, Sendable {
    case text, csv, json
}

/// Renders datasets, observations and summaries as aligned text, CSV or JSON.
/// Rendering only: every number comes from the values passed in.
public enum DataRendering {
    // MARK: Observations

    static let observationColumns = [
        "id", "series", "market", "product", "entity", "region", "period", "metric", "low", "high", "point",
        "value", "unit", "kind", "published", "publisher", "source_url", "reliability", "origin",
    ]

    static func fields(_ o: Observation) -> [String] {
        [o.id, o.series, o.market, o.product, o.entity, o.region, o.periodText, o.metric,
         num(o.low), num(o.high), num(o.point), num(o.value), o.unit, o.kind.rawValue,
         o.published?.description ?? "", o.publisher, o.sourceURL, o.reliability, o.origin]
    }

    public static func observations(_ rows: [Observation], format: DataFormat) -> String {
        switch format {
        case .csv:
            return csv([observationColumns] + rows.map(fields))
        case .json:
            let items = rows.map { o -> String in
                let f = fields(o)
                let pairs = zip(observationColumns, f).map { name, v -> String in
                    let numeric = ["low", "high", "point", "value"].contains(name)
                    return "\(jsonString(name)): \(numeric ? (v.isEmpty ? "null" : v) : jsonString(v))"
                }
                return "  {" + pairs.joined(separator: ", ") + "}"
            }
            return "[\n" + items.joined(separator: ",\n") + (items.isEmpty ? "]\n" : "\n]\n")
        case .text:
            let hasMarket = rows.contains { !$0.market.isEmpty }
            let hasRegion = rows.contains { !$0.region.isEmpty }
            var header = ["id", "series"]
            if hasMarket { header += ["market", "product"] }
            header += ["entity"]
            if hasRegion { header += ["region"] }
            header += ["period", "metric", "value", "unit", "kind", "published", "publisher"]
            let body = rows.map { o -> [String] in
                var r = [o.id, o.series]
                if hasMarket { r += [o.market, o.product] }
                r += [o.entity]
                if hasRegion { r += [o.region] }
                r += [o.periodText, o.metric, o.valueText + (o.isLowReliability ? " (low reliability)" : ""),
                      o.unit, o.kind.rawValue, o.published?.description ?? "?", o.publisher]
                return r
            }
            return table([header] + body, rightAligned: [header.firstIndex(of: "value")!]) + "\(rows.count) \(rows.count == 1 ? "row" : "rows")\n"
        }
    }

    // MARK: Catalog

    /// One line of `memcast data list`.
    public struct DatasetLine: Sendable {
        public var name: String
        public var rows: Int
        public var firstPeriod: String
        public var lastPeriod: String
        public var firstPublished: String
        public var lastPublished: String
        public var publishers: Int
        public var origin: String

        public init(name: String, rows: [Observation], origin: String) {
            self.name = name
            self.rows = rows.count
            let periods = rows.compactMap(\.period).sorted()
            firstPeriod = periods.first?.description ?? ""
            lastPeriod = periods.last?.description ?? ""
            let dates = rows.compactMap(\.published).sorted()
            firstPublished = dates.first?.description ?? ""
            lastPublished = dates.last?.description ?? ""
            publishers = Set(rows.map(\.publisher)).count
            self.origin = origin
        }

        public init(name: String, rows: Int, origin: String) {
            self.name = name; self.rows = rows; firstPeriod = ""; lastPeriod = ""
            firstPublished = ""; lastPublished = ""; publishers = 0; self.origin = origin
        }
    }

    public static func datasets(_ lines: [DatasetLine], format: DataFormat) -> String {
        let header = ["dataset", "rows", "periods", "published", "publishers", "origin"]
        let rows = lines.map { l in
            [l.name, String(l.rows), span(l.firstPeriod, l.lastPeriod), span(l.firstPublished, l.lastPublished),
             l.publishers == 0 ? "" : String(l.publishers), l.origin]
        }
        switch format {
        case .text: return table([header] + rows, rightAligned: [1, 4])
        case .csv:
            return csv([["dataset", "rows", "first_period", "last_period", "first_published", "last_published",
                         "publishers", "origin"]] + lines.map {
                [$0.name, String($0.rows), $0.firstPeriod, $0.lastPeriod, $0.firstPublished, $0.lastPublished,
                 String($0.publishers), $0.origin]
            })
        case .json:
            let items = lines.map { l in
                "  {\"dataset\": \(jsonString(l.name)), \"rows\": \(l.rows), \"first_period\": \(jsonString(l.firstPeriod)), "
                    + "\"last_period\": \(jsonString(l.lastPeriod)), \"first_published\": \(jsonString(l.firstPublished)), "
                    + "\"last_published\": \(jsonString(l.lastPublished)), \"publishers\": \(l.publishers), "
                    + "\"origin\": \(jsonString(l.origin))}"
            }
            return "[\n" + items.joined(separator: ",\n") + "\n]\n"
        }
    }

    // MARK: Summary

    static let statNames = ["count", "mean", "std", "min", "25%", "50%", "75%", "max", "missing"]

    static func stats(_ c: DataSummary.NumericColumn) -> [Double] {
        [Double(c.count), c.mean, c.std, c.min, c.q25, c.q50, c.q75, c.max, Double(c.missing)]
    }

    public static func summary(_ s: DataSummary, source: String, format: DataFormat) -> String {
        switch format {
        case .json:
            var out = "{\n  \"source\": \(jsonString(source)),\n  \"rows\": \(s.rows),\n  \"describe\": {\n"
            out += s.numeric.map { c in
                "    \(jsonString(c.name)): {" + zip(statNames, stats(c)).map { "\(jsonString($0)): \(json($1))" }
                    .joined(separator: ", ") + "}"
            }.joined(separator: ",\n")
            out += "\n  },\n  \"text\": {\n"
            out += s.text.map { t in
                "    \(jsonString(t.name)): {\"count\": \(t.count), \"missing\": \(t.missing), \"unique\": \(t.unique)}"
            }.joined(separator: ",\n")
            return out + "\n  }\n}\n"
        case .csv:
            return csv([["column"] + statNames] + s.numeric.map { c in [c.name] + stats(c).map(full) })
        case .text:
            var out = "\(source): \(s.rows) rows\n\n"
            if !s.numeric.isEmpty {
                let header = ["column"] + statNames
                let rows = s.numeric.map { c in [c.name] + stats(c).enumerated().map { i, v in
                    i == 0 || i == 8 ? String(Int(v)) : short(v)
                } }
                out += table([header] + rows, rightAligned: Array(1...9))
            }
            if !s.text.isEmpty {
                out += "\n" + table([["text column", "count", "unique", "missing"]]
                    + s.text.map { [$0.name, String($0.count), String($0.unique), String($0.missing)] },
                    rightAligned: [1, 2, 3])
            }
            return out
        }
    }

    // MARK: Helpers

    static func span(_ a: String, _ b: String) -> String { a.isEmpty ? "" : (a == b ? a : "\(a) … \(b)") }

    static func num(_ v: Double?) -> String { v.map(full) ?? "" }

    /// Shortest text that reads back to the same Double (`57.5`, `0.001`).
    static func full(_ v: Double) -> String {
        if v.isNaN { return "" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static func json(_ v: Double) -> String { v.isFinite ? full(v) : "null" }

    /// Six significant digits, like pandas' display.
    static func short(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v == v.rounded(), abs(v) < 1e9 { return String(Int64(v)) }
        let a = abs(v)
        if a >= 1e-4 && a < 1e9 {
            var decimals = 6 - (Int((a).rounded(.down)) == 0 ? 0 : String(Int(a)).count)
            decimals = max(0, min(decimals, 8))
            var s = formatFixed(v, decimals)
            if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
            return s
        }
        return "\(v)"
    }

    static func formatFixed(_ v: Double, _ decimals: Int) -> String {
        let scale = pow10(decimals)
        let r = (abs(v) * scale).rounded()
        let ip = Int64(r / scale)
        let fp = Int64(r - Double(ip) * scale)
        var frac = String(fp)
        while frac.count < decimals { frac = "0" + frac }
        return (v < 0 ? "-" : "") + String(ip) + (decimals > 0 ? "." + frac : "")
    }

    static func pow10(_ n: Int) -> Double { var p = 1.0; for _ in 0..<n { p *= 10 }; return p }

    public static func jsonString(_ s: String) -> String { JSONString.literal(s) }

    /// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled.
    static func csv(_ rows: [[String]]) -> String {
        rows.map { r in
            r.map { f in
                f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + f.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : f
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    /// Space-aligned columns; `rightAligned` column indices pad on the left.
    static func table(_ rows: [[String]], rightAligned: [Int] = []) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for r in rows { for (i, f) in r.enumerated() { widths[i] = max(widths[i], f.count) } }
        return rows.map { r in
            r.enumerated().map { i, f in
                let padding = String(repeating: " ", count: widths[i] - f.count)
                return rightAligned.contains(i) ? padding + f : (i == r.count - 1 ? f : f + padding)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

extension DataRendering {
    /// The contract price index, one row per quarter with where its change came from.
    public static func index(_ idx: ContractPriceIndex, format: DataFormat) -> String {
        func source(_ p: ContractPriceIndex.Point) -> String {
            switch p.source {
            case .published: return p.observation == nil ? "base" : "published"
            case .proxy(let s): return "proxy:\(s)"
            case .gap: return "gap"
            }
        }
        let header = ["quarter", "index", "change_pct", "source", "kind", "estimated", "row"]
        let rows = idx.points.map { p in
            [p.quarter.description, formatFixed(p.index, 2), p.changePct.map(full) ?? "", source(p),
             p.observation?.kind.rawValue ?? "", p.isEstimated ? "yes" : "no", p.observation?.id ?? ""]
        }
        switch format {
        case .text:
            let title = "\(idx.series) contract price index" + (idx.asOf.map { ", as of \($0)" } ?? "") + "\n"
            return title + table([header] + rows, rightAligned: [1, 2])
        case .csv:
            return csv([header] + idx.points.map { p in
                [p.quarter.description, full(p.index), p.changePct.map(full) ?? "", source(p),
                 p.observation?.kind.rawValue ?? "", p.isEstimated ? "yes" : "no", p.observation?.id ?? ""]
            })
        case .json:
            let items = idx.points.map { p in
                "  {\"quarter\": \(jsonString(p.quarter.description)), \"index\": \(json(p.index)), "
                    + "\"change_pct\": \(p.changePct.map(json) ?? "null"), \"source\": \(jsonString(source(p))), "
                    + "\"kind\": \(jsonString(p.observation?.kind.rawValue ?? "")), \"estimated\": \(p.isEstimated), "
                    + "\"row\": \(jsonString(p.observation?.id ?? ""))}"
            }
            return "[\n" + items.joined(separator: ",\n") + "\n]\n"
        }
    }
}

extension DataRendering {
    /// Every row of a data frame (text: aligned, numbers to six significant digits, missing
    /// as NA; csv: full precision, missing empty). JSON is not offered: use csv.
    public static func frame(_ f: DataFrame, format: DataFormat) -> String {
        func cell(_ c: Column, _ i: Int, text: Bool) -> String {
            switch c {
            case .numeric(let v): return v[i].isNaN ? (text ? "NA" : "") : (text ? short(v[i]) : full(v[i]))
            case .categorical(let k): return k[i] ?? (text ? "NA" : "")
            }
        }
        let text = format != .csv
        let rows = (0..<f.rowCount).map { i in f.columns.map { cell($0, i, text: text) } }
        if !text { return csv([f.names] + rows) }
        let numeric = f.columns.indices.filter { f.columns[$0].isNumeric }
        return (f.source.map { $0 + "\n" } ?? "") + table([f.names] + rows, rightAligned: numeric)
            + "\(f.rowCount) rows\n"
    }
}
