/// The datasets memcast ships in `Datasets/` and their declared schemas.
///
/// Every row of these files names its publisher, publication date and source
/// URL (or is a memcast `estimate` with its `method`); `Datasets/README.md`
/// documents each column and how the files are built from the research notes.
public enum EmbeddedDatasets {
    /// Units allowed in memory_prices.csv.
    public static let priceUnits: Set<String> = [
        "pct", "usd_per_gb", "x", "usd_per_chip", "usd_per_module", "usd_per_package", "usd_per_unit",
        "usd_per_gbit_as_stated",
    ]
    /// Units allowed in handset_market.csv.
    public static let handsetUnits: Set<String> = [
        "cny", "cny_bn", "gb", "inr", "krw", "usd", "usd_bn", "units_m", "months", "pct", "pp", "weeks",
    ]
    /// Units allowed in supply_demand.csv.
    public static let supplyUnits: Set<String> = [
        "pct", "pct_per_year", "gb", "krw_tn", "usd", "usd_bn", "usd_per_gbit", "usd_per_wafer", "gbit_bn",
        "eb", "fiscal_year", "kwpm", "gb_m", "units_m", "pp", "qualitative", "quarters", "weeks", "x",
        "x_wafers_per_bit", "year",
    ]
    static let kinds: Set<String> = ["forecast", "revised_forecast", "estimate", "actual"]
    static let markets: Set<String> = ["contract", "spot", "asp", "wholesale", "price_avg", "relative"]

    /// Provenance columns shared by every dataset.
    static func provenance(extra: [CSVColumnSpec] = []) -> [CSVColumnSpec] {
        [
            .init("kind", .category(kinds), allowsMissing: false),
            .init("published", .publicationDate),
            .init("publisher", .text, allowsMissing: false),
            .init("source_url", .text, allowsMissing: false),
            .init("provenance", .category(["published", "estimate"]), allowsMissing: false),
            .init("method", .text),
            .init("note", .text),
        ] + extra
    }

    static let values: [CSVColumnSpec] = [.init("low", .number), .init("high", .number), .init("point", .number)]
    static let sourceColumns: [CSVColumnSpec] = [
        .init("source_file", .text, allowsMissing: false), .init("source_line", .number, allowsMissing: false),
    ]

    public static let memoryPrices = CSVSchema(
        name: "memory_prices",
        columns: [
            .init("id", .text, allowsMissing: false),
            .init("series", .text, allowsMissing: false),
            .init("market", .category(markets), allowsMissing: false),
            .init("product", .text),
            .init("entity", .text, allowsMissing: false),
            .init("period", .period, allowsMissing: false),
            .init("metric", .text, allowsMissing: false),
        ] + values + [.init("unit", .category(priceUnits), allowsMissing: false)]
            + provenance(extra: [.init("reliability", .category(["normal", "low"]), allowsMissing: false),
                                 .init("source_series", .text)])
            + sourceColumns + [.init("also_in", .text)],
        uniqueKey: ["id"])

    public static let handsetMarket = CSVSchema(
        name: "handset_market",
        columns: [
            .init("id", .text, allowsMissing: false),
            .init("topic", .text, allowsMissing: false),
            .init("entity", .text, allowsMissing: false),
            .init("region", .text, allowsMissing: false),
            .init("period", .period, allowsMissing: false),
            .init("metric", .text, allowsMissing: false),
        ] + values + [.init("unit", .category(handsetUnits), allowsMissing: false)]
            + provenance(extra: [.init("reliability", .category(["normal", "low"]), allowsMissing: false)])
            + sourceColumns + [.init("also_in", .text)],
        uniqueKey: ["id"])

    public static let supplyDemand = CSVSchema(
        name: "supply_demand",
        columns: [
            .init("id", .text, allowsMissing: false),
            .init("topic", .text, allowsMissing: false),
            .init("entity", .text, allowsMissing: false),
            .init("period", .period, allowsMissing: false),
            .init("metric", .text, allowsMissing: false),
        ] + values + [.init("unit", .category(supplyUnits), allowsMissing: false)]
            + provenance(extra: [.init("reliability", .category(["normal", "low"]), allowsMissing: false),
                                 .init("source_series", .text)])
            + sourceColumns + [.init("also_in", .text)],
        uniqueKey: ["id"])

    /// The seed report's figures; `period` is free text here (`normal_years`, `2025Q4-2026Q1`).
    public static let seedFigures = CSVSchema(
        name: "seed_figures",
        columns: [
            .init("id", .text, allowsMissing: false),
            .init("topic", .text, allowsMissing: false),
            .init("entity", .text, allowsMissing: false),
            .init("region", .text, allowsMissing: false),
            .init("period", .text, allowsMissing: false),
            .init("metric", .text, allowsMissing: false),
        ] + values + [.init("unit", .text)]
            + [
                .init("kind", .category(kinds), allowsMissing: false),
                .init("published", .publicationDate, allowsMissing: false),
                .init("publisher", .text, allowsMissing: false),
                .init("reported_by", .text, allowsMissing: false),
                .init("source_url", .text, allowsMissing: false),
                .init("provenance", .category(["published", "estimate"]), allowsMissing: false),
                .init("method", .text),
                .init("note", .text),
            ] + sourceColumns,
        uniqueKey: ["id"])

    /// Declared schemas by dataset name (file name without `.csv`).
    public static let schemas: [String: CSVSchema] = [
        "memory_prices": memoryPrices, "handset_market": handsetMarket,
        "supply_demand": supplyDemand, "seed_figures": seedFigures,
    ]

    /// The model's own datasets (their schemas are `ModelDatasets.schemas` in MemcastModels, which
    /// this module cannot see; named here so `--data` can recognise them).
    public static let modelDatasetNames: Set<String> = ["handset_configs", "calibration", "soc_segment_mix", "launch_prices"]

    /// Every dataset name memcast reads (file name without `.csv`).
    public static var knownNames: Set<String> { Set(schemas.keys).union(modelDatasetNames) }

    /// The schema for a dataset name or file name (`memory_prices` or `x/memory_prices.csv`), if declared.
    public static func schema(for name: String) -> CSVSchema? {
        var base = name.split(separator: "/").last.map(String.init) ?? name
        if base.hasSuffix(".csv") { base.removeLast(4) }
        return schemas[base]
    }
}
