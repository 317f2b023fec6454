import MemcastData
import MemcastStatistics

/// The model's own datasets in `Datasets/`: reference handset configurations, the
/// calibration table and the SoC vendor × segment prior (schemas below; documented in
/// Datasets/README.md).
public struct ModelDatasets: Sendable {
    /// One row of `calibration.csv`.
    public struct Calibration: Sendable, Equatable {
        public var parameter: String
        /// `fixed`, `uniform`, `normal` or `computed`.
        public var distribution: String
        public var value: String
        public var low: Double?
        public var high: Double?
        public var sd: Double?
        public var unit: String
        /// Dataset row ids of the published figures used (`hm0038`); never a test figure.
        public var figureIDs: [String]
        public var published: String
        public var method: String
        /// `calibration.csv:LINE`.
        public var origin: String

        public var number: Double? { Double(value) }

        /// The row as a parameter distribution (`computed` rows have none).
        public func distributionValue() throws -> ParameterDistribution {
            func need(_ x: Double?, _ what: String) throws -> Double {
                guard let x else { throw ForecastError.invalidInputs("\(origin): \(parameter) needs '\(what)'") }
                return x
            }
            switch distribution {
            case "fixed": return .fixed(try need(number, "value"))
            case "uniform": return .uniform(try need(low, "low"), try need(high, "high"))
            case "normal":
                return .normal(mean: try need(number, "value"), sd: try need(sd, "sd"),
                               lower: low ?? -.infinity, upper: high ?? .infinity)
            default:
                throw ForecastError.invalidInputs("\(origin): \(parameter) has distribution '\(distribution)'")
            }
        }
    }

    public var configs: [HandsetConfig]
    /// Where `configs` were read (`/my/data/handset_configs.csv` for an overlay), for messages about the file as a whole.
    public var configsSource: String
    /// Memory share of BOM is not an input: BOM/ASP ratios are (see `nonMemoryBOM`).
    public var bomToASP: [Int: Double]
    /// What each configuration rests on: dataset rows (`figure_ids`) and the latest of their publication
    /// dates (`published`, "" for pure estimates), by index into `configs`.
    public var configBasis: [Int: (figureIDs: [String], published: String)]
    public var calibration: [String: Calibration]
    /// Prior Sᵥ,ₛ (vendors × segments).
    public var socPrior: [[Double]]
    /// Successor/predecessor launch prices at one memory configuration (π's calibration).
    public var launchPairs: [LaunchPricePair]

    /// region, segment, dram_gb, dram_type, nand_gb, nand_type: a configuration cell and its memory.
    static let cellAndMemoryColumns: [CSVColumnSpec] = [
            .init("region", .category(Set(Region.allCases.map(\.rawValue))), allowsMissing: false),
            .init("segment", .category(Set(Segment.allCases.map(\.rawValue))), allowsMissing: false),
            .init("dram_gb", .number, allowsMissing: false),
            .init("dram_type", .category(["LPDDR4X", "LPDDR5X"]), allowsMissing: false),
            .init("nand_gb", .number, allowsMissing: false),
            .init("nand_type", .category(["eMMC", "UFS", "UFS4"]), allowsMissing: false),
    ]

    public static let handsetConfigsSchema = CSVSchema(
        name: "handset_configs",
        columns: [
            .init("year", .number, allowsMissing: false),
        ] + cellAndMemoryColumns + [
            .init("asp_usd", .number, allowsMissing: false),
            .init("bom_to_asp", .number, allowsMissing: false),
            .init("volume_share", .number, allowsMissing: false),
            .init("figure_ids", .text),
            .init("published", .publicationDate),
            .init("provenance", .category(["published", "estimate"]), allowsMissing: false),
            .init("method", .text, allowsMissing: false),
        ],
        uniqueKey: ["year", "region", "segment"])

    public static let calibrationSchema = CSVSchema(
        name: "calibration",
        columns: [
            .init("parameter", .text, allowsMissing: false),
            .init("distribution", .category(["fixed", "uniform", "normal", "computed"]), allowsMissing: false),
            .init("value", .text),
            .init("low", .number), .init("high", .number), .init("sd", .number),
            .init("unit", .text, allowsMissing: false),
            .init("figure_ids", .text),
            .init("published", .publicationDate),
            .init("method", .text, allowsMissing: false),
        ],
        uniqueKey: ["parameter"])

    public static let socSegmentMixSchema = CSVSchema(
        name: "soc_segment_mix",
        columns: [.init("vendor", .category(Set(SoCVendor.allCases.map(\.rawValue))), allowsMissing: false)]
            + Segment.allCases.map { .init($0.rawValue, .number, allowsMissing: false) }
            + [.init("provenance", .category(["published", "estimate"]), allowsMissing: false),
               .init("method", .text, allowsMissing: false)],
        uniqueKey: ["vendor"])

    public static let launchPricesSchema = CSVSchema(
        name: "launch_prices",
        columns: [
            .init("model", .text, allowsMissing: false),
            .init("predecessor", .text, allowsMissing: false),
        ] + cellAndMemoryColumns + [
            .init("old_quarter", .period, allowsMissing: false),
            .init("new_quarter", .period, allowsMissing: false),
            .init("old_price", .number, allowsMissing: false),
            .init("new_price", .number, allowsMissing: false),
            .init("currency", .text, allowsMissing: false),
            .init("price_step", .number, allowsMissing: false),
            .init("figure_ids", .text, allowsMissing: false),
            .init("published", .publicationDate, allowsMissing: false),
            .init("config_source", .text, allowsMissing: false),
            .init("method", .text, allowsMissing: false),
        ],
        uniqueKey: ["model", "region"])

    /// Loads the four files from `catalog` (the `--data` overlay may replace them).
    /// - Throws: `CSVError`/`CSVIssue` for a missing or malformed file, `ForecastError` for bad values.
    public static func load(from catalog: DatasetCatalog) throws -> ModelDatasets {
        func frame(_ name: String, _ schema: CSVSchema) throws -> DataFrame {
            guard let e = catalog.entry(name) else {
                throw CSVIssue(file: "\(name).csv", line: nil, message:
                    "model dataset missing (looked in \(catalog.embeddedDirectory ?? "-")"
                        + (catalog.overlayDirectory.map { " and \($0)" } ?? "") + ")")
            }
            return try CSVLoader.load(path: e.path, label: e.label, schema: schema)
        }
        let h = try frame("handset_configs", handsetConfigsSchema)
        let c = try frame("calibration", calibrationSchema)
        let m = try frame("soc_segment_mix", socSegmentMixSchema)
        let l = try frame("launch_prices", launchPricesSchema)
        return try ModelDatasets(handsetConfigs: h, calibration: c, socSegmentMix: m, launchPrices: l)
    }

    /// The model datasets' schemas by dataset name (file name without `.csv`).
    public static let schemas: [String: CSVSchema] = [
        "handset_configs": handsetConfigsSchema, "calibration": calibrationSchema,
        "soc_segment_mix": socSegmentMixSchema, "launch_prices": launchPricesSchema,
    ]

    /// Checks the values of one model dataset the way `load` does (ranges, whole years, shares),
    /// so `memcast data validate` rejects what a forecast would.
    /// - Throws: `ForecastError.invalidInputs` naming file:line and column; nothing for other names.
    public static func checkValues(dataset name: String, frame f: DataFrame) throws {
        switch name {
        case "handset_configs": _ = try configRows(f)
        case "calibration": _ = try calibrationRows(f)
        case "soc_segment_mix": _ = try socPriorRows(f)
        case "launch_prices": _ = try LaunchPricePair.rows(of: f)
        default: break
        }
    }

    /// Builds from loaded frames (tests pass text-loaded frames).
    public init(handsetConfigs h: DataFrame, calibration c: DataFrame, socSegmentMix m: DataFrame,
                launchPrices l: DataFrame? = nil) throws {
        let parsed = try Self.configRows(h)
        self.configs = parsed.configs
        self.configsSource = h.source ?? "handset_configs.csv"
        self.bomToASP = parsed.ratios
        self.configBasis = parsed.basis
        self.calibration = try Self.calibrationRows(c)
        self.socPrior = try Self.socPriorRows(m)
        self.launchPairs = try l.map(LaunchPricePair.rows(of:)) ?? []
    }

    /// Most row problems one error lists; the rest are counted.
    static let maximumListedProblems = 20

    /// `body` for every row `0..<count`, the rows in order. A row that throws `ForecastError` is
    /// skipped and its problem kept, so one pass reports every bad row (its first problem each),
    /// one per line, instead of stopping at the first.
    static func eachRow<T>(_ count: Int, _ body: (Int) throws -> T) throws -> [T] {
        var out: [T] = []
        var problems: [String] = []
        for r in 0..<count {
            do { out.append(try body(r)) } catch let e as ForecastError { problems.append(e.description) }
        }
        guard problems.isEmpty else {
            var lines = Array(problems.prefix(maximumListedProblems))
            if problems.count > lines.count { lines.append("… and \(problems.count - lines.count) more rows with problems") }
            throw ForecastError.invalidInputs(lines.joined(separator: "\n"))
        }
        return out
    }

    /// A problem in one field: `file:LINE: column 'name': message`.
    static func fieldError(_ f: DataFrame, row r: Int, column: String, _ message: String) -> ForecastError {
        .invalidInputs("\(f.origin(ofRow: r)): column '\(column)': \(message)")
    }

    /// Throws when `value` in `column` of row `r` breaks `rule`.
    static func check(_ f: DataFrame, row r: Int, column: String, _ value: Double, _ rule: Plausibility.Rule) throws {
        if let p = Plausibility.problem(value, rule) { throw fieldError(f, row: r, column: column, p) }
    }

    /// Memory per phone, GB, within the sizes `memcast bom --config` takes (one limit for both).
    static let dramGBRule = Plausibility.Rule(Double(Teardown.Config.dramGBRange.lowerBound)...Double(Teardown.Config.dramGBRange.upperBound),
                                              "dram_gb (GB of DRAM per phone)")
    static let nandGBRule = Plausibility.Rule(Double(Teardown.Config.nandGBRange.lowerBound)...Double(Teardown.Config.nandGBRange.upperBound),
                                              "nand_gb (GB of NAND per phone)")
    /// Highest plausible wholesale ASP of the open-ended premium band, USD.
    static let premiumASPCapUSD = 3000.0

    static func configRows(_ h: DataFrame) throws
        -> (configs: [HandsetConfig], ratios: [Int: Double], basis: [Int: (figureIDs: [String], published: String)]) {
        func num(_ n: String) -> [Double] { h[n]?.numericValues ?? [] }
        func txt(_ n: String) -> CategoricalColumn { h[n]!.categoricalValues! }
        var configs: [HandsetConfig] = []
        var ratios: [Int: Double] = [:]
        var basis: [Int: (figureIDs: [String], published: String)] = [:]
        var shareByYear: [Int: Double] = [:]
        let rows = try eachRow(h.rowCount) { r -> (cfg: HandsetConfig, ratio: Double, basis: (figureIDs: [String], published: String)) in
            let yearValue = num("year")[r]
            // Int(_:) traps on 1e20 and truncates 2025.5: only whole years in range get through.
            guard let year = Plausibility.year(yearValue) else {
                throw fieldError(h, row: r, column: "year", "expected a whole year (\(Plausibility.years.lowerBound)…"
                                 + "\(Plausibility.years.upperBound)), found \(Plausibility.fmt(yearValue))")
            }
            let region = Region(rawValue: txt("region")[r]!)!, segment = Segment(rawValue: txt("segment")[r]!)!
            let cfg = HandsetConfig(year: year, region: region, segment: segment,
                                    dramGB: num("dram_gb")[r], dramType: MemoryType(rawValue: txt("dram_type")[r]!)!,
                                    nandGB: num("nand_gb")[r], nandType: MemoryType(rawValue: txt("nand_type")[r]!)!,
                                    nonMemoryBOMUSD: .nan, aspUSD: num("asp_usd")[r], volumeShare: num("volume_share")[r])
            let ratio = num("bom_to_asp")[r]
            // A configuration's ASP lies in its segment's band (that is what the segment means).
            let band = segment.bandUSD
            try check(h, row: r, column: "asp_usd", cfg.aspUSD,
                      .init(band.lower...(band.upper ?? premiumASPCapUSD), "asp_usd (USD, the \(segment.rawValue) band)"))
            try check(h, row: r, column: "bom_to_asp", ratio, .init(0.1...1.5, "bom_to_asp (BOM ÷ wholesale ASP)"))
            try check(h, row: r, column: "dram_gb", cfg.dramGB, dramGBRule)
            try check(h, row: r, column: "nand_gb", cfg.nandGB, nandGBRule)
            try check(h, row: r, column: "volume_share", cfg.volumeShare, .init(0...1, "volume_share (a share of global units, 0…1)"))
            return (cfg, ratio, ((txt("figure_ids")[r] ?? "").split(separator: ";").map { String($0) }, txt("published")[r] ?? ""))
        }
        for row in rows {
            shareByYear[row.cfg.year, default: 0] += row.cfg.volumeShare
            ratios[configs.count] = row.ratio
            basis[configs.count] = row.basis
            configs.append(row.cfg)
        }
        for (year, sum) in shareByYear.sorted(by: { $0.key < $1.key }) where abs(sum - 1) > 1e-6 {
            throw ForecastError.invalidInputs("\(h.source ?? "handset_configs.csv"): column 'volume_share': the \(year) rows "
                                              + "sum to \(roundedForMessage(sum)), not 1 (each is a share of that year's global units)")
        }
        return (configs, ratios, basis)
    }

    /// A sum for a message: six decimals at most (0.9425, not 0.9425000000000001).
    static func roundedForMessage(_ x: Double) -> String { Plausibility.fmt((x * 1e6).rounded() / 1e6) }

    static func calibrationRows(_ c: DataFrame) throws -> [String: Calibration] {
        func num(_ n: String) -> [Double] { c[n]?.numericValues ?? [] }
        func txt(_ n: String) -> CategoricalColumn { c[n]!.categoricalValues! }
        var cal: [String: Calibration] = [:]
        for row in try eachRow(c.rowCount, { r -> Calibration in
            func opt(_ n: String) -> Double? { let v = num(n)[r]; return v.isNaN ? nil : v }
            let row = Calibration(
                parameter: txt("parameter")[r]!, distribution: txt("distribution")[r]!,
                value: txt("value")[r] ?? "", low: opt("low"), high: opt("high"), sd: opt("sd"),
                unit: txt("unit")[r]!,
                figureIDs: (txt("figure_ids")[r] ?? "").split(separator: ";").map { String($0) },
                published: txt("published")[r] ?? "", method: txt("method")[r]!, origin: c.origin(ofRow: r))
            try checkCalibration(row, c, r)
            return row
        }) {
            cal[row.parameter] = row
        }
        return cal
    }

    /// A calibration row's numbers: each within the parameter's plausible range (the one scenario
    /// files use), low ≤ high, and the value inside the row's own low…high.
    static func checkCalibration(_ row: Calibration, _ c: DataFrame, _ r: Int) throws {
        let rule = Plausibility.calibrationRule(row.parameter)
        if rule != nil, !row.value.isEmpty, row.number == nil {
            throw fieldError(c, row: r, column: "value", "\(row.parameter): expected a number, found '\(row.value)'")
        }
        if let rule {
            for (column, v) in [("value", row.number), ("low", row.low), ("high", row.high)] {
                if let v { try check(c, row: r, column: column, v, rule) }
            }
        }
        for (column, v) in [("value", row.number), ("low", row.low), ("high", row.high), ("sd", row.sd)] {
            if let v, !v.isFinite { throw fieldError(c, row: r, column: column, "\(row.parameter): \(v) is not a finite number") }
        }
        if let lo = row.low, let hi = row.high, lo > hi {
            throw fieldError(c, row: r, column: "low", "\(row.parameter): low \(Plausibility.fmt(lo)) is above high \(Plausibility.fmt(hi))")
        }
        if let v = row.number, row.distribution != "computed", let lo = row.low, let hi = row.high, !(lo...hi).contains(v) {
            throw fieldError(c, row: r, column: "value", "\(row.parameter) = \(Plausibility.fmt(v)) is outside this row's "
                             + "low…high (\(Plausibility.fmt(lo))…\(Plausibility.fmt(hi)))")
        }
        if let sd = row.sd, sd <= 0 {
            throw fieldError(c, row: r, column: "sd", "\(row.parameter): sd must be positive, found \(Plausibility.fmt(sd))")
        }
    }

    /// Prior Sᵥ,ₛ from soc_segment_mix.csv: fractions of a segment's phones (0…1), not percent.
    static func socPriorRows(_ m: DataFrame) throws -> [[Double]] {
        func num(_ n: String) -> [Double] { m[n]?.numericValues ?? [] }
        var prior = Array(repeating: [Double](repeating: 0, count: Segment.allCases.count), count: SoCVendor.allCases.count)
        for (v, shares) in try eachRow(m.rowCount, { r -> (SoCVendor, [Double]) in
            let v = SoCVendor(rawValue: m["vendor"]!.categoricalValues![r]!)!
            return (v, try Segment.allCases.map { s in
                let x = num(s.rawValue)[r]
                try check(m, row: r, column: s.rawValue, x, .init(0...1, "\(v.rawValue)'s share of \(s.rawValue) phones (0…1)"))
                return x
            })
        }) {
            for s in Segment.allCases { prior[v.index][s.index] = shares[s.index] }
        }
        // Raking scales each segment's column: an all-zero column has no shape to scale.
        for s in Segment.allCases where m.rowCount > 0 && prior.allSatisfy({ $0[s.index] == 0 }) {
            throw ForecastError.invalidInputs("\(m.source ?? "soc_segment_mix.csv"): column '\(s.rawValue)': every vendor's share is 0")
        }
        return prior
    }

    /// The calibration row `name`.
    /// - Throws: `ForecastError.invalidInputs` when calibration.csv lacks it.
    public func calibration(_ name: String) throws -> Calibration {
        guard let c = calibration[name] else {
            throw ForecastError.invalidInputs("calibration.csv: no row for parameter '\(name)'")
        }
        return c
    }

    /// A fixed calibration number.
    public func number(_ name: String) throws -> Double {
        let c = try calibration(name)
        guard let v = c.number else { throw ForecastError.invalidInputs("\(c.origin): \(name) is not a number") }
        return v
    }
}
