/// Plausible ranges shared by scenario files and the model datasets (calibration.csv,
/// handset_configs.csv, launch_prices.csv, soc_segment_mix.csv): one place says what a
/// quantity may be, so a typo (a percent for a share, a 10× slip) is caught whichever file
/// it is in, with the same words.
public enum Plausibility {
    /// A named quantity and the values it may take.
    public struct Rule: Sendable {
        public var range: ClosedRange<Double>
        /// How the quantity is named in messages ("adjustment_speed (a share, 0…1)").
        public var what: String
        /// Said after the message when no sign or percent hint applies ("" for none).
        public var hint: String
        public init(_ range: ClosedRange<Double>, _ what: String, hint: String = "") {
            self.range = range; self.what = what; self.hint = hint
        }
    }

    /// A quarter-on-quarter memory price change, percent: at most a factor of 5 either way,
    /// −80…+400% (±161 log points). The largest quarterly moves in memory_prices.csv are
    /// +90…115% for DRAM contracts in 1Q26 (+150% spot in 4Q25) and −35% in 2019 and 2022;
    /// ×5 is about twice the largest rise in log points (77), so a shock beyond the record fits
    /// and a price or a ratio typed for a change (5000) does not. Scenario pins
    /// (`[prices.dram]`) and the data's `qoq_pct` rows are held to it.
    public static func quarterlyPriceChange(_ what: String) -> Rule {
        Rule(-80...400, what, hint: "; +400% is already 5× the price in one quarter and -80% a fifth of it: "
                                    + "write the change in percent (90 = up 90%), not a price or a ratio")
    }

    /// Model parameters by name: a scenario's `[parameters]` keys and `[levers] pass_through`,
    /// and the calibration.csv rows of the same names.
    public static let parameters: [String: Rule] = [
        "elasticity": Rule(-6...0, "elasticity (negative, e.g. -1.1)"),
        "adjustment_speed": Rule(0...1, "adjustment_speed (a share, 0…1)"),
        "inventory_cover_weeks": Rule(0...26, "inventory_cover_weeks"),
        "baseline_growth_pct": Rule(-30...30, "baseline_growth_pct"),
        "baseline_asp_growth_pct": Rule(-30...30, "baseline_asp_growth_pct"),
        "pass_through": Rule(0...3, "pass_through"),
    ]

    /// Calibration rows named by prefix (`seasonal_share.Q1`), beside the exact names above.
    static let calibrationPrefixes: [(prefix: String, rule: Rule)] = [
        ("seasonal_share.", Rule(0...1, "seasonal share (a share of the year's units, 0…1)")),
        ("soc_share.", Rule(0...100, "SoC vendor share (percent)")),
        ("elasticity_shape.", Rule(0...5, "elasticity shape (relative to the mid segment)")),
        ("anchor_usd_per_gb.", Rule(0.001...100, "anchor price (USD/GB)")),
    ]

    /// The rule for a calibration.csv parameter, if any.
    public static func calibrationRule(_ parameter: String) -> Rule? {
        if let r = parameters[parameter] { return r }
        if parameter == "base_year_units_m" { return Rule(100...3000, "base-year units (millions)") }
        return calibrationPrefixes.first { parameter.hasPrefix($0.prefix) }?.rule
    }

    /// Years a data file may name (handset_configs.csv `year`); scenario years are held to the run's quarters.
    public static let years: ClosedRange<Int> = 1990...2100

    /// nil when `value` is plausible, else why not: `what = v is implausible (expected a…b)`,
    /// with a hint when a share (a range 0…1, up to 0…3 for π) was written as a percent, or a
    /// negative-only quantity (elasticity) lost its sign, else the rule's own hint.
    public static func problem(_ value: Double, _ rule: Rule, unit: String = "") -> String? {
        let r = rule.range
        guard !r.contains(value) else { return nil }
        var hint = ""
        if r.lowerBound == 0, r.upperBound <= 3, value > 3, value <= 100 {
            hint = "; it looks like a percent, but this is a share (0.6 = 60%)"
        } else if r.upperBound <= 0, value > 0 {
            hint = r.contains(-value) ? "; it must be negative: write \(fmt(-value))" : "; it must be negative"
        } else {
            hint = rule.hint
        }
        return "\(rule.what) = \(fmt(value))\(unit) is implausible (expected \(fmt(r.lowerBound))…\(fmt(r.upperBound))"
            + (unit == "%" ? " percent)" : ")") + hint
    }

    /// A whole year in `years`, or nil (`2025.5`, `1e20` and NaN are not years).
    public static func year(_ value: Double) -> Int? {
        guard value == value.rounded(), value >= Double(years.lowerBound), value <= Double(years.upperBound) else { return nil }
        return Int(value)
    }

    /// Shortest text of a number (`60`, `0.45`, `1e+20`).
    public static func fmt(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x)
    }
}
