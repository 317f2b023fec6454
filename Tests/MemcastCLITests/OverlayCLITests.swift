import Foundation
import Testing

/// `--data DIR` overlays with bad or misnamed files: exit 65 with file:line and column, never a crash.
@Suite struct OverlayCLITests {
    /// A fresh folder holding `name` with `text`.
    static func overlay(_ name: String, _ text: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return dir
    }

    /// The embedded `file` with the field at (1-based `line`, `column`) replaced by `value`
    /// (the edited columns come before any quoted field).
    static func edited(_ file: String, line: Int, column: String, to value: String) throws -> String {
        let text = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Datasets/\(file)"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = try #require(lines[0].split(separator: ",").map(String.init).firstIndex(of: column))
        var fields = lines[line - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[i] = value
        lines[line - 1] = fields.joined(separator: ",")
        return lines.joined(separator: "\n")
    }

    /// `year = 1e20` trapped in `Int(_:)` (exit 132); now a data error naming the field.
    @Test func hugeYearIsADataErrorNotACrash() throws {
        let dir = try Self.overlay("handset_configs.csv", Self.edited("handset_configs.csv", line: 3, column: "year", to: "1e20"))
        let r = try CLIRunner.run(["forecast", "--data", dir.path, "--draws", "100"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("handset_configs.csv:3: column 'year': expected a whole year (1990…2100), found 1e+20"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    /// A header-only handset_configs.csv said "handset_configs.csv has no rows for 2025", naming
    /// neither the overlay folder nor that the embedded file was replaced.
    @Test func headerOnlyConfigsNameTheirFile() throws {
        let text = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Datasets/handset_configs.csv"), encoding: .utf8)
        let header = String(text.prefix { $0 != "\n" }) + "\n"
        let dir = try Self.overlay("handset_configs.csv", header)
        let r = try CLIRunner.run(["forecast", "--data", dir.path, "--draws", "100"])
        #expect(r.status == 65 && r.stdout.isEmpty)
        #expect(r.stderr.contains("\(dir.path)/handset_configs.csv: no rows for 2025, the base year (0 rows in all)"), "\(r.stderr)")
    }

    /// `point = 1e400` loaded as infinity: `data validate` said ok and the forecast failed with
    /// "least squares X column 'previous_change_pct': non-finite value inf", naming no file or line.
    @Test func numberOutOfRangeIsRefusedWithItsPlace() throws {
        let dir = try Self.overlay("memory_prices.csv", Self.edited("memory_prices.csv", line: 21, column: "point", to: "1e400"))
        try Self.expectRefused(dir, "\(dir.path)/memory_prices.csv:21: column 'point': '1e400' is out of range for a number (beyond ±1.8e308)")
    }

    /// `data validate` and `forecast` over the overlay `dir` both exit 65 with `message`.
    static func expectRefused(_ dir: URL, _ message: String, asOf: String = "2026-02-28") throws {
        for args in [["data", "validate", "memory_prices", "--data", dir.path], ["forecast", "--data", dir.path, "--draws", "100", "--as-of", asOf]] {
            let r = try CLIRunner.run(args)
            #expect(r.status == 65 && r.stderr.contains(message), "\(args[0]): \(r.stderr)")
        }
    }

    /// A near-miss name was silently added beside the embedded file (exit 0 on the embedded data).
    @Test(arguments: ["memory_price.csv", "Memory_Prices.csv", "memory_prices.CSV", "handset_config.csv"])
    func misnamedOverlayFileIsRefused(_ name: String) throws {
        let dir = try Self.overlay(name, "x\n1\n")
        let r = try CLIRunner.run(["forecast", "--data", dir.path, "--draws", "100"])
        #expect(r.status == 65)
        let near = name.lowercased().hasPrefix("handset") ? "handset_configs.csv" : "memory_prices.csv"
        #expect(r.stderr.contains("\(dir.path)/\(name): --data: not a dataset name, so it would not replace the embedded one; "
                                  + "did you mean '\(near)'? (known: calibration.csv, handset_configs.csv,"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    /// A file with a name of its own is still added as the user's dataset.
    @Test func unrelatedOverlayFileIsAdded() throws {
        let dir = try Self.overlay("my_survey.csv", "x,y\n1,2\n")
        let r = try CLIRunner.run(["data", "list", "--data", dir.path, "--format", "csv"])
        #expect(r.status == 0 && r.stdout.contains("my_survey,1,"))
    }

    /// Errors in an overlay file name its path, not the bare name the embedded file shares.
    @Test func overlayErrorsNameTheOverlayPath() throws {
        let dir = try Self.overlay("memory_prices.csv", Self.edited("memory_prices.csv", line: 21, column: "unit", to: "percent"))
        let r = try CLIRunner.run(["forecast", "--data", dir.path, "--draws", "100"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("error: \(dir.path)/memory_prices.csv:21: column 'unit': 'percent' is not one of"), "\(r.stderr)")
    }

    /// The forecast says which of its inputs came from the overlay, in text and JSON.
    @Test func forecastNotesNameOverlayDatasets() throws {
        let dir = try Self.overlay("calibration.csv", Self.edited("calibration.csv", line: 2, column: "parameter", to: "anchor_quarter"))
        let note = "data: calibration.csv from \(dir.path) (overlay)"
        let text = try CLIRunner.run(["forecast", "--data", dir.path, "--draws", "100"])
        #expect(text.status == 0 && text.stdout.contains(note))
        let json = try CLIRunner.run(["forecast", "--data", dir.path, "--draws", "100", "--format", "json"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((obj["notes"] as? [String])?.contains(note) == true)
        #expect(!(try CLIRunner.run(["forecast", "--draws", "100"]).stdout.contains("(overlay)")))
    }

    /// A reversed range (low 95, high 90) was swapped silently, and `data validate` said ok.
    @Test func reversedRangeIsRefused() throws {
        let text = try Self.edited("memory_prices.csv", line: 21, column: "low", to: "95")
        let dir = try Self.overlay("memory_prices.csv", try {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var fields = lines[20].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[8] = "90"   // high
            lines[20] = fields.joined(separator: ",")
            return lines.joined(separator: "\n")
        }())
        let message = "\(dir.path)/memory_prices.csv:21: column 'low': low 95 is above high 90"
        for args in [["forecast", "--data", dir.path, "--draws", "100"], ["data", "validate", "memory_prices", "--data", dir.path]] {
            let r = try CLIRunner.run(args)
            #expect(r.status == 65 && r.stderr.contains(message), "\(args[0]): \(r.stderr)")
        }
    }

    /// 0.9 where the other vintages of the quarter say 55–95 percent: a warning in validate and a forecast note.
    @Test func percentTypedAsFractionIsFlagged() throws {
        var lines = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Datasets/memory_prices.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[71].hasPrefix("mp0071,conventional_dram,contract,,industry,2026Q1,qoq_pct,90,95,,pct,"))
        lines[71] = lines[71].replacingOccurrences(of: "qoq_pct,90,95,,pct,", with: "qoq_pct,,,0.9,pct,")
        let dir = try Self.overlay("memory_prices.csv", lines.joined(separator: "\n"))
        let hint = "memory_prices.csv:72: column 'point': 0.9 looks like a fraction, but the unit is pct "
            + "(other vintages of conventional_dram 2026Q1 qoq_pct say 55…95); write 90 for 90%"
        let v = try CLIRunner.run(["data", "validate", "memory_prices", "--data", dir.path])
        #expect(v.status == 0 && v.stderr.contains("warning: \(dir.path)/\(hint)"), "\(v.stderr)")
        let f = try CLIRunner.run(["forecast", "--data", dir.path, "--draws", "100"])
        #expect(f.status == 0 && f.stdout.contains(hint))
    }

    /// A published contract change of -100% or less: `data validate` said ok and the forecast
    /// trapped in PassThrough (BOM ≤ 0, exit 132). Now a data error naming the cell.
    @Test func changeOfMinus100PercentOrLessIsRefused() throws {
        let dir = try Self.overlay("memory_prices.csv", Self.edited("memory_prices.csv", line: 21, column: "point", to: "-150"))
        try Self.expectRefused(dir, "\(dir.path)/memory_prices.csv:21: column 'point': a change of -150% would leave nothing (qoq_pct must be above -100)")
        // A high alone is read 5 points wide: -97 would be -102…-97 (it trapped too). Not a data error
        // on its own, so `data validate` passes it; the forecast refuses it. (A qoq_pct change below
        // -80 is implausible anyway: `implausibleQuarterlyChangeIsRefused`; this is a monthly one.)
        let row = "mp0101,dram,contract,,industry,2019-01,mom_pct,"
        let text = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Datasets/memory_prices.csv"), encoding: .utf8)
        #expect(text.contains(row + ",-15,"))
        let oneSided = try Self.overlay("memory_prices.csv", text.replacingOccurrences(of: row + ",-15,", with: row + ",-97,"))
        let g = try CLIRunner.run(["forecast", "--data", oneSided.path, "--draws", "100", "--as-of", "2026-01-06"])
        #expect(g.status == 65 && g.stderr.contains("\(oneSided.path)/memory_prices.csv:102: column 'high': -97% alone is read as "
                                                    + "-102…-97% (5 points below), a fall of 100% or more; give low as well"), "\(g.stderr)")
    }

    /// A quarter-on-quarter change of 5000% (a price or a ratio typed for a change) ran; a change
    /// is now held to a factor of 5 either way (-80…400%) by data validate, the forecast and the
    /// backtest alike, naming the cell.
    @Test(arguments: [("point", "5000"), ("point", "401"), ("point", "-90")])
    func implausibleQuarterlyChangeIsRefused(column: String, value: String) throws {
        let dir = try Self.overlay("memory_prices.csv", Self.edited("memory_prices.csv", line: 21, column: column, to: value))
        let message = "\(dir.path)/memory_prices.csv:21: column '\(column)': qoq_pct = \(value)% is implausible (expected -80…400 percent); "
            + "+400% is already 5× the price in one quarter and -80% a fifth of it: write the change in percent (90 = up 90%), not a price or a ratio"
        try Self.expectRefused(dir, message)
        let b = try CLIRunner.run(["backtest", "--stage", "dram_contract", "--data", dir.path])
        #expect(b.status == 65 && b.stderr.contains(message) && b.stdout.isEmpty, "\(b.stderr)")
        // The bound itself passes.
        let ok = try Self.overlay("memory_prices.csv", Self.edited("memory_prices.csv", line: 21, column: column, to: "400"))
        #expect(try CLIRunner.run(["data", "validate", "memory_prices", "--data", ok.path]).status == 0)
    }

    /// The hint printed 0.55 × 100 as computed: "write 55.00000000000001 for 55.00000000000001%".
    @Test func fractionHintNamesTheRoundPercent() throws {
        let dir = try Self.overlay("memory_prices.csv", Self.edited("memory_prices.csv", line: 69, column: "low", to: "0.55"))
        let v = try CLIRunner.run(["data", "validate", "memory_prices", "--data", dir.path])
        #expect(v.status == 0 && v.stderr.contains("memory_prices.csv:69: column 'low': 0.55 looks like a fraction, but the unit is pct "
                                                   + "(other vintages of conventional_dram 2026Q1 qoq_pct say 55…95); write 55 for 55%"),
                "\(v.stderr)")
    }

    /// `data validate` inferred types for the model datasets ("ok" for a region forecast rejects),
    /// `--schema handset_configs` was unknown and `data show` refused them.
    @Test func dataCommandsKnowTheModelDatasets() throws {
        let dir = try Self.overlay("handset_configs.csv", Self.edited("handset_configs.csv", line: 3, column: "region", to: "mars"))
        let file = dir.appendingPathComponent("handset_configs.csv").path
        let regionError = "\(file):3: column 'region': 'mars' is not one of the declared values"
        for args in [["data", "validate", file], ["data", "validate", file, "--schema", "handset_configs"],
                     ["forecast", "--data", dir.path, "--draws", "100"]] {
            let r = try CLIRunner.run(args)
            #expect(r.status == 65 && r.stderr.contains(regionError), "\(args): \(r.stderr)")
        }
        // Value ranges too, as the forecast checks them.
        let cal = try Self.overlay("calibration.csv", Self.edited("calibration.csv", line: 9, column: "high", to: "65"))
        let v = try CLIRunner.run(["data", "validate", "calibration", "--data", cal.path])
        #expect(v.status == 65 && v.stderr.contains("\(cal.path)/calibration.csv:9: column 'high': adjustment_speed (a share, 0…1) = 65"))
        for name in ["handset_configs", "calibration", "soc_segment_mix", "launch_prices"] {
            let ok = try CLIRunner.run(["data", "validate", name])
            #expect(ok.status == 0 && ok.stdout.contains("ok (") && ok.stdout.contains("schema \(name))"), "\(ok.stdout)\(ok.stderr)")
            let shown = try CLIRunner.run(["data", "show", name, "--format", "csv"])
            #expect(shown.status == 0, "\(shown.stderr)")
        }
        let shown = try CLIRunner.run(["data", "show", "calibration", "--format", "csv"])
        #expect(shown.stdout.hasPrefix("parameter,distribution,value,low,high,sd,unit,figure_ids,published,method\nanchor_quarter,fixed,2025Q1,"))
        #expect(try CLIRunner.run(["data", "show", "calibration", "--period", "2025"]).status == 64)
    }
}
