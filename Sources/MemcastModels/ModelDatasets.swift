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
            return try CSVLoader.load(path: e.path, label: "\(name).csv", schema: schema)
        }
        let h = try frame("handset_configs", handsetConfigsSchema)
        let c = try frame("calibration", calibrationSchema)
        let m = try frame("soc_segment_mix", socSegmentMixSchema)
        let l = try frame("launch_prices", launchPricesSchema)
        return try ModelDatasets(handsetConfigs: h, calibration: c, socSegmentMix: m, launchPrices: l)
    }

    /// Builds from loaded frames (tests pass text-loaded frames).
    public init(handsetConfigs h: DataFrame, calibration c: DataFrame, socSegmentMix m: DataFrame,
                launchPrices l: DataFrame? = nil) throws {
        func num(_ f: DataFrame, _ n: String) -> [Double] { f[n]?.numericValues ?? [] }
        func txt(_ f: DataFrame, _ n: String) -> CategoricalColumn { f[n]!.categoricalValues! }
        var configs: [HandsetConfig] = []
        var ratios: [Int: Double] = [:]
        var basis: [Int: (figureIDs: [String], published: String)] = [:]
        for r in 0..<h.rowCount {
            let yearValue = num(h, "year")[r]
            // Int(_:) traps on 1e20 and truncates 2025.5: only whole years in range get through.
            guard let year = Plausibility.year(yearValue) else {
                throw ForecastError.invalidInputs("\(h.origin(ofRow: r)): column 'year': expected a whole year ("
                    + "\(Plausibility.years.lowerBound)…\(Plausibility.years.upperBound)), found \(Plausibility.fmt(yearValue))")
            }
            let region = Region(rawValue: txt(h, "region")[r]!)!, segment = Segment(rawValue: txt(h, "segment")[r]!)!
            let cfg = HandsetConfig(year: year, region: region, segment: segment,
                                    dramGB: num(h, "dram_gb")[r], dramType: MemoryType(rawValue: txt(h, "dram_type")[r]!)!,
                                    nandGB: num(h, "nand_gb")[r], nandType: MemoryType(rawValue: txt(h, "nand_type")[r]!)!,
                                    nonMemoryBOMUSD: .nan, aspUSD: num(h, "asp_usd")[r], volumeShare: num(h, "volume_share")[r])
            let ratio = num(h, "bom_to_asp")[r]
            guard ratio > 0 && ratio < 1.5, cfg.aspUSD > 0, cfg.dramGB > 0, cfg.nandGB > 0,
                  cfg.volumeShare >= 0 && cfg.volumeShare <= 1 else {
                throw ForecastError.invalidInputs("\(h.origin(ofRow: r)): implausible configuration values")
            }
            ratios[configs.count] = ratio
            basis[configs.count] = ((txt(h, "figure_ids")[r] ?? "").split(separator: ";").map { String($0) },
                                    txt(h, "published")[r] ?? "")
            configs.append(cfg)
        }
        var cal: [String: Calibration] = [:]
        for r in 0..<c.rowCount {
            func opt(_ n: String) -> Double? { let v = num(c, n)[r]; return v.isNaN ? nil : v }
            let row = Calibration(
                parameter: txt(c, "parameter")[r]!, distribution: txt(c, "distribution")[r]!,
                value: txt(c, "value")[r] ?? "", low: opt("low"), high: opt("high"), sd: opt("sd"),
                unit: txt(c, "unit")[r]!,
                figureIDs: (txt(c, "figure_ids")[r] ?? "").split(separator: ";").map { String($0) },
                published: txt(c, "published")[r] ?? "", method: txt(c, "method")[r]!, origin: c.origin(ofRow: r))
            cal[row.parameter] = row
        }
        var prior = Array(repeating: [Double](repeating: 0, count: Segment.allCases.count), count: SoCVendor.allCases.count)
        for r in 0..<m.rowCount {
            let v = SoCVendor(rawValue: txt(m, "vendor")[r]!)!
            for s in Segment.allCases { prior[v.index][s.index] = num(m, s.rawValue)[r] }
        }
        self.configs = configs
        self.bomToASP = ratios
        self.configBasis = basis
        self.calibration = cal
        self.socPrior = prior
        self.launchPairs = try l.map(LaunchPricePair.rows(of:)) ?? []
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
