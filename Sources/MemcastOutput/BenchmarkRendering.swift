import MemcastData
import MemcastModels

/// Output formats of `memcast bench`.
public enum BenchmarkFormat: String, CaseIterable, Sendable {
    case text, json
}

/// Renders a benchmark result with the field names of the peer (`bench/peer.py`),
/// so the two JSON documents can be compared key by key.
public enum BenchmarkRendering {
    public static func render(_ result: BenchmarkResult, seconds: Double, format: BenchmarkFormat) -> String {
        switch format {
        case .json: return json(result, seconds: seconds).rendered() + "\n"
        case .text: return text(result, seconds: seconds)
        }
    }

    static func json(_ result: BenchmarkResult, seconds: Double) -> BenchJSON {
        var members: [(String, BenchJSON)]
        switch result {
        case .ingest(let r):
            members = [("rows", .integer(r.rows)), ("missing_units_k", .integer(r.missingUnitsK)),
                       ("describe", .object(r.describe.map { c in
                           (c.name, .object([("count", .number(Double(c.count))), ("mean", .number(c.mean)),
                                             ("std", .number(c.std)), ("min", .number(c.min)), ("25%", .number(c.q25)),
                                             ("50%", .number(c.q50)), ("75%", .number(c.q75)), ("max", .number(c.max))]))
                       }))]
        case .montecarlo(let r):
            var segs: [(String, BenchJSON)] = zip(MonteCarloBenchmark.segmentNames, r.segments).map { name, s in
                (name, .object([("asp_pct", .numbers(s.aspPct)), ("shipments_pct", .numbers(s.shipmentsPct))]))
            }
            segs.append(("global_shipments_pct", .numbers(r.globalShipmentsPct)))
            members = [("draws", .integer(r.draws)), ("segments", .object(segs))]
        case .ols(let r):
            members = [("nobs", .integer(r.nobs)), ("k", .integer(r.k)),
                       ("params", .object(r.params.map { ($0.0, .number($0.1)) })),
                       ("bse_hc1", .object(r.bseHC1.map { ($0.0, .number($0.1)) })),
                       ("rsquared", .number(r.rsquared)), ("rsquared_adj", .number(r.rsquaredAdj)),
                       ("aic", .number(r.aic)), ("bic", .number(r.bic)), ("condition_number", .number(r.conditionNumber))]
        case .bootstrap(let r):
            members = [("n", .integer(r.n)), ("reps", .integer(r.reps)), ("elasticity", .number(r.elasticity)),
                       ("ci95", .numbers(r.ci95)), ("boot_sd", .number(r.bootSD))]
        case .backtest(let r):
            members = [("series", .integer(r.series)), ("origins", .integer(r.origins)), ("mae", .number(r.mae)),
                       ("mae_naive", .number(r.maeNaive)), ("mean_mase", .number(r.meanMASE))]
        }
        members.append(("seconds_in_process", .number(seconds)))
        return .object(members)
    }

    static func text(_ result: BenchmarkResult, seconds: Double) -> String {
        func f(_ x: Double) -> String { formatFixed(x, 6) }
        var lines: [String] = []
        switch result {
        case .ingest(let r):
            lines.append("ingest: \(r.rows) rows, \(r.missingUnitsK) missing units_k")
            let header = ["column", "count", "mean", "std", "min", "25%", "50%", "75%", "max"]
            let rows = r.describe.map { c in [c.name, String(c.count), f(c.mean), f(c.std), f(c.min), f(c.q25), f(c.q50), f(c.q75), f(c.max)] }
            lines.append(contentsOf: table([header] + rows))
        case .montecarlo(let r):
            lines.append("montecarlo: \(r.draws) draws; p05 / p50 / p95 in percent")
            let header = ["segment", "ASP p05", "ASP p50", "ASP p95", "ship p05", "ship p50", "ship p95"]
            var rows = zip(MonteCarloBenchmark.segmentNames, r.segments).map { n, s in [n] + (s.aspPct + s.shipmentsPct).map { formatFixed($0, 4) } }
            rows.append(["global", "", "", ""] + r.globalShipmentsPct.map { formatFixed($0, 4) })
            lines.append(contentsOf: table([header] + rows))
        case .ols(let r):
            lines.append("ols: \(OLSBenchmark.formula)")
            lines.append("  \(r.nobs) observations, \(r.k) coefficients, HC1 standard errors")
            let rows = zip(r.params, r.bseHC1).map { p, s in [p.0, formatFixed(p.1, 6), formatFixed(s.1, 6)] }
            lines.append(contentsOf: table([["term", "coef", "se (HC1)"]] + rows))
            lines.append("  R² \(f(r.rsquared))  adj. R² \(f(r.rsquaredAdj))  AIC \(formatFixed(r.aic, 2))  BIC \(formatFixed(r.bic, 2))  cond. \(formatFixed(r.conditionNumber, 1))")
        case .bootstrap(let r):
            lines.append("bootstrap: \(BootstrapBenchmark.formula), \(r.n) rows, \(r.reps) pairs replications")
            lines.append("  elasticity \(f(r.elasticity))  95% interval [\(f(r.ci95[0])), \(f(r.ci95[1]))]  bootstrap sd \(f(r.bootSD))")
        case .backtest(let r):
            lines.append("backtest: \(r.series) series × \(r.origins) origins (one-step, expanding window)")
            lines.append("  MAE        \(f(r.mae))")
            lines.append("  MAE naive  \(f(r.maeNaive))")
            lines.append("  mean MASE  \(f(r.meanMASE))")
        }
        lines.append("seconds in process: \(formatFixed(seconds, 3))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Fixed-point text without Foundation's `String(format:)`.
    static func formatFixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let negative = x < 0
        let v = (abs(x) * scale).rounded()
        guard v < 9e18 else { return "\(x)" }
        let n = UInt64(v)
        let whole = n / UInt64(scale), frac = n % UInt64(scale)
        var fs = String(frac)
        fs = String(repeating: "0", count: max(0, digits - fs.count)) + fs
        return (negative && n != 0 ? "-" : "") + String(whole) + (digits > 0 ? "." + fs : "")
    }

    /// Right-aligned columns (first column left-aligned), two spaces apart.
    static func table(_ rows: [[String]]) -> [String] {
        guard let width = rows.map(\.count).max() else { return [] }
        var w = [Int](repeating: 0, count: width)
        for r in rows { for (j, c) in r.enumerated() { w[j] = max(w[j], c.count) } }
        return rows.map { r in
            r.enumerated().map { j, c in
                let pad = String(repeating: " ", count: w[j] - c.count)
                return j == 0 ? c + pad : pad + c
            }.joined(separator: "  ")
        }
    }
}

/// A small ordered JSON document (object keys in insertion order; NaN/∞ as null).
indirect enum BenchJSON {
    case number(Double)
    case integer(Int)
    case array([BenchJSON])
    case object([(String, BenchJSON)])

    static func numbers(_ v: [Double]) -> BenchJSON { .array(v.map { .number($0) }) }

    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent + 1), end = String(repeating: " ", count: indent)
        switch self {
        case .number(let v): return v.isFinite ? "\(v)" : "null"   // shortest round-trip text
        case .integer(let i): return String(i)
        case .array(let items):
            return "[" + items.map { $0.rendered(indent: indent + 1) }.joined(separator: ", ") + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { pad + "\"" + $0.0 + "\": " + $0.1.rendered(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + end + "}"
        }
    }
}
