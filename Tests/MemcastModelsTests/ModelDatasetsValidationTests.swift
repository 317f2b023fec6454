import Testing
import Foundation
@testable import MemcastData
@testable import MemcastModels

/// Overlay files with a bad value are refused naming file:line, the column, the value and what
/// was expected; the embedded files pass the same checks.
@Suite struct ModelDatasetsValidationTests {
    /// The embedded `file` with the field at (1-based `line`, `column`) replaced by `value`.
    static func edited(_ file: String, line: Int, column: String, to value: String) throws -> String {
        let text = try String(contentsOf: Repo.root.appendingPathComponent("Datasets/\(file).csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let i = try #require(header.firstIndex(of: column))
        // The edited columns come before any quoted field, so splitting on commas is safe.
        var fields = lines[line - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[i] = value
        lines[line - 1] = fields.joined(separator: ",")
        return lines.joined(separator: "\n")
    }

    static func problem(_ file: String, line: Int, column: String, to value: String) throws -> String? {
        let text = try edited(file, line: line, column: column, to: value)
        let frame = try CSVLoader.load(text: text, label: "\(file).csv", schema: ModelDatasets.schemas[file])
        do { try ModelDatasets.checkValues(dataset: file, frame: frame) } catch { return String(describing: error) }
        return nil
    }

    /// MemcastData names the model datasets (for `--data` near-miss names) without seeing their schemas.
    @Test func modelDatasetNamesMatchTheSchemas() {
        #expect(EmbeddedDatasets.modelDatasetNames == Set(ModelDatasets.schemas.keys))
    }

    @Test func embeddedModelDatasetsPass() throws {
        for (name, schema) in ModelDatasets.schemas {
            let frame = try CSVLoader.load(path: Repo.root.appendingPathComponent("Datasets/\(name).csv").path,
                                           label: "\(name).csv", schema: schema)
            try ModelDatasets.checkValues(dataset: name, frame: frame)
        }
    }

    /// `Int(1e20)` trapped and `Int(2025.5)` truncated.
    @Test(arguments: ["1e20", "2025.5", "-1"])
    func yearMustBeAWholeYear(_ value: String) throws {
        let m = try #require(try Self.problem("handset_configs", line: 3, column: "year", to: value))
        #expect(m.hasPrefix("handset_configs.csv:3: column 'year': expected a whole year (1990…2100)"), "\(m)")
    }

    @Test(arguments: [
        ("handset_configs", 2, "asp_usd", "1e308", "handset_configs.csv:2: column 'asp_usd': asp_usd (USD, the entry band) = 1e+308 is implausible (expected 0…150)"),
        ("handset_configs", 4, "asp_usd", "3100", "handset_configs.csv:4: column 'asp_usd': asp_usd (USD, the mid band) = 3100 is implausible (expected 250…400)"),
        ("handset_configs", 6, "asp_usd", "10000", "(expected 600…3000)"),
        ("handset_configs", 4, "dram_gb", "120", "handset_configs.csv:4: column 'dram_gb': dram_gb (GB of DRAM per phone) = 120 is implausible (expected 1…64)"),
        ("handset_configs", 4, "bom_to_asp", "7.2", "column 'bom_to_asp'"),
        ("handset_configs", 4, "volume_share", "0.0001", "handset_configs.csv: column 'volume_share': the 2025 rows sum to 0.9426, not 1"),
        ("calibration", 11, "value", "5", "calibration.csv:11: column 'value': elasticity (negative, e.g. -1.1) = 5 is implausible (expected -6…0)"),
        ("calibration", 11, "value", "-4", "calibration.csv:11: column 'value': elasticity = -4 is outside this row's low…high (-3…-0.1)"),
        ("calibration", 9, "high", "65", "calibration.csv:9: column 'high': adjustment_speed (a share, 0…1) = 65 is implausible (expected 0…1); it looks like a percent"),
        ("calibration", 17, "value", "1e20", "calibration.csv:17: column 'value': baseline_growth_pct = 1e+20 is implausible (expected -30…30)"),
        ("calibration", 10, "low", "12", "calibration.csv:10: column 'low': inventory_cover_weeks: low 12 is above high 10"),
        ("launch_prices", 2, "new_price", "25990", "launch_prices.csv:2: column 'new_price': new_price / old_price = 25990 / 2499 = 10.4 is implausible (expected 0.5…2)"),
        ("launch_prices", 2, "old_price", "0", "launch_prices.csv:2: column 'old_price': expected a positive price, found 0"),
        ("launch_prices", 2, "old_price", "-2499", "column 'old_price': expected a positive price, found -2499"),
        ("launch_prices", 2, "price_step", "0", "launch_prices.csv:2: column 'price_step': expected a positive price step of at most 20% of the launch prices (e.g. 100 for prices such as 2,499 → 2,599), found 0"),
        ("launch_prices", 2, "price_step", "1000", "column 'price_step': expected a positive price step of at most 20% of the launch prices"),
        ("launch_prices", 2, "price_step", "30", "launch_prices.csv:2: column 'price_step': new_price − old_price = 100 is not a whole number of price_step 30 steps"),
        ("soc_segment_mix", 3, "mid", "35", "soc_segment_mix.csv:3: column 'mid': Qualcomm's share of mid phones (0…1) = 35 is implausible (expected 0…1); it looks like a percent"),
    ])
    func implausibleValuesAreRefused(_ file: String, _ line: Int, _ column: String, _ value: String, _ expected: String) throws {
        let m = try #require(try Self.problem(file, line: line, column: column, to: value))
        #expect(m.contains(expected), "\(m)")
    }

    /// The scenario parser and calibration.csv judge a parameter by the same rule and words.
    @Test func scenarioAndCalibrationShareTheRule() throws {
        let scenario = #expect(throws: TOMLError.self) {
            _ = try Scenario(toml: "name = \"x\"\n[parameters]\nadjustment_speed = 65\n", file: "x.toml")
        }
        let fromCSV = try #require(try Self.problem("calibration", line: 9, column: "high", to: "65"))
        let words = "adjustment_speed (a share, 0…1) = 65 is implausible (expected 0…1); it looks like a percent, but this is a share"
        #expect(scenario.map { String(describing: $0).contains(words) } == true)
        #expect(fromCSV.contains(words))
    }

    /// Every bad row is reported in one pass, one line each in file order, not just the first.
    @Test func everyBadRowIsReported() throws {
        let once = try Self.edited("handset_configs", line: 3, column: "asp_usd", to: "5000")
        var lines = once.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        fields[try #require(header.firstIndex(of: "nand_gb"))] = "0"
        lines[5] = fields.joined(separator: ",")
        let frame = try CSVLoader.load(text: lines.joined(separator: "\n"), label: "handset_configs.csv",
                                       schema: ModelDatasets.schemas["handset_configs"])
        let e = #expect(throws: ForecastError.self) { try ModelDatasets.checkValues(dataset: "handset_configs", frame: frame) }
        let reported = (e?.description ?? "").split(separator: "\n")
        #expect(reported.count == 2)
        #expect(reported.first?.hasPrefix("handset_configs.csv:3: column 'asp_usd'") == true)
        #expect(reported.last?.hasPrefix("handset_configs.csv:6: column 'nand_gb'") == true)
    }

    /// The list stops at `maximumListedProblems` rows and counts the rest.
    @Test func longListsAreCut() throws {
        let e = #expect(throws: ForecastError.self) {
            _ = try ModelDatasets.eachRow(25) { r -> Int in throw ForecastError.invalidInputs("f.csv:\(r + 2): bad") }
        }
        let lines = (e?.description ?? "").split(separator: "\n")
        #expect(lines.count == ModelDatasets.maximumListedProblems + 1)
        #expect(lines.last == "… and 5 more rows with problems")
    }
}
