import Foundation
import MemcastData

extension Scenario {
    /// Reads a scenario from TOML text. Unknown keys, wrong types and implausible values
    /// (a percent written as a fraction, a share written as a percent) are errors naming
    /// file:line:column.
    ///
    /// - Throws: `TOMLError`.
    public init(toml text: String, file: String) throws {
        let doc = try TOMLDocument(parsing: text, file: file)
        var s = Scenario(name: "", origin: file)
        var sawName = false
        let knownTables: Set<String> = ["", "prices", "prices.dram", "prices.nand", "supply",
                                        "supply.gap_pp", "supply.hbm_wafer_share_pct", "levers", "parameters"]
        for t in doc.tables where !knownTables.contains(t.path.joined(separator: ".")) {
            throw TOMLError(file: file, line: t.line, column: 1,
                            message: "unknown table [\(t.path.joined(separator: "."))]; known: "
                                + knownTables.filter { !$0.isEmpty }.sorted().map { "[\($0)]" }.joined(separator: ", "))
        }
        for e in doc.entries {
            let at = ScenarioField(file: file, entry: e)
            switch (e.table.joined(separator: "."), e.key) {
            case ("", "name"):
                s.name = try at.string()
                guard !s.name.isEmpty, s.name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                    throw at.error("name must be letters, digits, '-' or '_'")
                }
                sawName = true
            case ("", "description"): s.description = try at.string()
            case ("prices", "unpublished"):
                let v = try at.string()
                guard let rule = UnpublishedPrices(rawValue: v) else {
                    throw at.error("expected \"model\" (the price equation), \"model_then_flat\" (the equation for one quarter, "
                                   + "then flat with its shocks) or \"flat\" (0% QoQ), found \"\(v)\"")
                }
                s.unpublishedPrices = rule
            case ("prices", "shocks"):
                let v = try at.string()
                guard let rule = PriceShockScale(rawValue: v) else {
                    throw at.error("expected \"one_step\" (the same shock scale at every step) or \"by_horizon\" "
                                   + "(wider from two quarters out, from the equation's k-step misses), found \"\(v)\"")
                }
                s.priceShocks = rule
            case ("prices.dram", _), ("prices.nand", _):
                let kind: MemoryKind = e.table.last == "dram" ? .dram : .nand
                guard let q = Period(quarterText: e.key) else {
                    throw at.error("'\(e.key)' is not a quarter; write e.g. 2026Q1", column: e.keyColumn)
                }
                try at.requireCoverable(q, column: e.keyColumn)
                let r = try at.percentRange(Plausibility.quarterlyPriceChange("\(kind.rawValue.uppercased()) contract change for \(q)"))
                s.prices[kind, default: [:]][q] = PriceChangeRange(lowPct: r.low, highPct: r.high,
                                                                    origin: .scenario("\(file):\(e.line)"))
            case ("supply.gap_pp", _):
                s.gapPP[try at.year()] = try at.range(.init(-40...40, "bit demand − supply gap (pp)"))
            case ("supply.hbm_wafer_share_pct", _):
                let v = try at.percentRange(.init(0...100, "HBM share of DRAM wafers"))
                guard v.low == v.high else { throw at.error("expected one number, not a range") }
                s.hbmWaferSharePct[try at.year()] = v.low
            case ("levers", "pass_through"):
                let r = try at.range(Plausibility.parameters["pass_through"]!)
                s.levers.passThrough = r
            case ("levers", "trim_dram_pct"):
                let r = try at.percentRange(.init(0...75, "trim_dram_pct"))
                guard r.low == r.high else { throw at.error("expected one number, not a range") }
                s.levers.trimDRAMPct = r.low
            case ("levers", "trim_from"): s.levers.trimFrom = try at.quarter()
            case ("levers", "ship_less_pct"):
                let r = try at.percentRange(.init(0...90, "ship_less_pct"))
                guard r.low == r.high else { throw at.error("expected one number, not a range") }
                s.levers.shipLessPct = r.low
            case ("levers", "ship_less_from"): s.levers.shipLessFrom = try at.quarter()
            case ("parameters", "elasticity"):
                s.parameters.elasticity = try at.range(Plausibility.parameters["elasticity"]!)
            case ("parameters", "adjustment_speed"):
                s.parameters.adjustmentSpeed = try at.range(Plausibility.parameters["adjustment_speed"]!)
            case ("parameters", "inventory_cover_weeks"):
                s.parameters.inventoryCoverWeeks = try at.range(Plausibility.parameters["inventory_cover_weeks"]!)
            case ("parameters", "baseline_growth_pct"):
                s.parameters.baselineGrowthPct = try at.range(Plausibility.parameters["baseline_growth_pct"]!)
            case ("parameters", "baseline_asp_growth_pct"):
                s.parameters.baselineASPGrowthPct = try at.range(Plausibility.parameters["baseline_asp_growth_pct"]!)
            default:
                throw at.error("unknown key '\((e.table + [e.key]).joined(separator: "."))'"
                               + Scenario.knownKeysHint(table: e.table.joined(separator: ".")), column: 1)
            }
        }
        guard sawName else { throw TOMLError(file: file, line: 1, column: 1, message: "missing key 'name'") }
        // A start quarter without its amount would leave the lever at 0 and do nothing.
        for (from, amount) in [("ship_less_from", "ship_less_pct"), ("trim_from", "trim_dram_pct")] {
            let levers = doc.entries.filter { $0.table == ["levers"] }
            guard let e = levers.first(where: { $0.key == from }), !levers.contains(where: { $0.key == amount }) else { continue }
            throw ScenarioField(file: file, entry: e).error("\(from) needs \(amount) in [levers] (how much, in percent); "
                                                            + "without it the lever does nothing", column: e.keyColumn)
        }
        self = s
    }

    static func knownKeysHint(table: String) -> String {
        switch table {
        case "": return "; known top-level keys: name, description"
        case "levers": return "; known in [levers]: pass_through, trim_dram_pct, trim_from, ship_less_pct, ship_less_from"
        case "parameters":
            return "; known in [parameters]: elasticity, adjustment_speed, inventory_cover_weeks, "
                + "baseline_growth_pct, baseline_asp_growth_pct"
        case "supply": return "; known in [supply]: gap_pp.YEAR, hbm_wafer_share_pct.YEAR"
        case "prices": return "; known in [prices]: unpublished (\"model\", \"model_then_flat\" or \"flat\"), shocks (\"one_step\" or \"by_horizon\"); quarters go in [prices.dram] and [prices.nand]"
        default: return ""
        }
    }
}

/// One entry being decoded, with helpers that produce positioned errors.
struct ScenarioField {
    let file: String
    let entry: TOMLDocument.Entry

    func error(_ message: String, column: Int? = nil) -> TOMLError {
        let key = (entry.table + [entry.key]).joined(separator: ".")
        return TOMLError(file: file, line: entry.line, column: column ?? entry.column, message: "\(key): \(message)")
    }

    func string() throws -> String {
        guard case .string(let s) = entry.value else { throw error("expected a string, found \(entry.value.kindDescription)") }
        return s
    }

    /// Quarters some run simulates (whatever its --horizon); a pin elsewhere would be dropped unseen.
    static let coverable = ForecastInputs.coverableQuarters()

    func quarter() throws -> Period {
        guard let q = Period(quarterText: try string()) else { throw error("expected a quarter such as \"2026Q2\"") }
        try requireCoverable(q)
        return q
    }

    func requireCoverable(_ q: Period, column: Int? = nil) throws {
        let r = ScenarioField.coverable
        guard r.contains(q) else {
            throw error("\(q) is outside the quarters a run can cover (\(r.lowerBound)…\(r.upperBound), the latest --horizon)",
                        column: column)
        }
    }

    func year() throws -> Int {
        guard let y = Int(entry.key) else {
            throw error("'\(entry.key)' is not a year; write e.g. 2027", column: entry.keyColumn)
        }
        let years = ScenarioField.coverable.lowerBound.year...ScenarioField.coverable.upperBound.year
        guard years.contains(y) else {
            throw error("\(y) is outside the years a run can cover (\(years.lowerBound)…\(years.upperBound), "
                        + "the latest --horizon)", column: entry.keyColumn)
        }
        return y
    }

    /// A number or `[low, high]` within `rule`.
    func range(_ rule: Plausibility.Rule) throws -> ValueRange {
        let (lo, hi) = try numbers(allowPercentStrings: false)
        for v in [lo, hi] { if let p = Plausibility.problem(v, rule) { throw error(p) } }
        return ValueRange(lo, hi)
    }

    /// Percent values: a non-zero number between −1 and 1 is taken for a fraction written
    /// by mistake (0.9 where 90 is meant) unless written as a string with '%' ("0.9%").
    func percentRange(_ rule: Plausibility.Rule) throws -> ValueRange {
        let values: [TOMLValue]
        if case .array(let a) = entry.value { values = a } else { values = [entry.value] }
        for v in values {
            if case .number(let x, _) = v, x != 0, abs(x) < 1 {
                let meant = fmt(Observation.percent(ofFraction: x))
                throw error("\(rule.what) = \(fmt(x)) looks like a fraction, but memcast reads percent "
                            + "(\(fmt(x)) means \(fmt(x))%, not \(meant)%). Write \(meant) for \(meant)%, "
                            + "or \"\(fmt(x))%\" if you really mean \(fmt(x))%")
            }
        }
        let (lo, hi) = try numbers(allowPercentStrings: true)
        for v in [lo, hi] { if let p = Plausibility.problem(v, rule, unit: "%") { throw error(p) } }
        return ValueRange(lo, hi)
    }

    private func numbers(allowPercentStrings: Bool) throws -> (Double, Double) {
        func one(_ v: TOMLValue) throws -> Double {
            switch v {
            case .number(let x, _): return x
            case .string(let s) where allowPercentStrings && s.hasSuffix("%"):
                // Finite: Double("nan") and Double("1e400") (infinity) succeed, and then read as
                // "nan% is implausible" or "range [inf, 5] has low above high".
                guard let x = Double(s.dropLast().trimmingCharacters(in: .whitespaces)), x.isFinite else {
                    throw error("cannot read \"\(s)\" as a percent; write e.g. \"0.5%\"")
                }
                return x
            default: throw error("expected a number or [low, high], found \(v.kindDescription)")
            }
        }
        if case .array(let a) = entry.value {
            guard a.count == 2 else { throw error("a range is [low, high]: expected 2 numbers, found \(a.count)") }
            let lo = try one(a[0]), hi = try one(a[1])
            guard lo <= hi else { throw error("range [\(fmt(lo)), \(fmt(hi))] has low above high") }
            return (lo, hi)
        }
        let x = try one(entry.value)
        return (x, x)
    }

    private func fmt(_ x: Double) -> String { Plausibility.fmt(x) }
}
