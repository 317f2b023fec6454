import Foundation
import Testing

/// Golden tests of `memcast forecast`, `memcast scenario` and `memcast validate`.
@Suite struct ForecastCLITests {
    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-forecast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func scenarioFile(_ text: String) throws -> URL {
        let url = try tempDir().appendingPathComponent("s.toml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test(arguments: [["forecast"], ["validate"], ["scenario"], ["scenario", "list"], ["scenario", "show"]])
    func help(_ args: [String]) throws {
        try Snapshot.check((args + ["help"]).joined(separator: "-"), CLIRunner.run(args + ["--help"]))
    }

    /// The readable default table, pinned to a vintage and a small run so it is stable.
    @Test func forecastText() throws {
        let r = try CLIRunner.run(["forecast", "--as-of", "2026-01-28", "--draws", "2000", "--horizon", "2026Q4"])
        #expect(r.status == 0)
        try Snapshot.check("forecast-as-of-2026-01-28", r)
    }

    /// The JSON shape of issue 5: as_of, scenario, quarterly/annual → global, segments, regions, soc_vendors.
    @Test func forecastJSONShape() throws {
        let r = try CLIRunner.run(["forecast", "--draws", "500", "--format", "json", "--scenario", "2026-memory-shock"])
        #expect(r.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(obj["as_of"] as? String == "latest" && obj["scenario"] as? String == "2026-memory-shock")
        let quarterly = try #require(obj["quarterly"] as? [String: Any]), annual = try #require(obj["annual"] as? [String: Any])
        #expect(quarterly.keys.sorted().first == "2025Q1" && quarterly.keys.sorted().last == "2027Q4")
        #expect(Set(annual.keys) == ["2025", "2026", "2027"])
        let f = try #require(annual["2026"] as? [String: Any])
        let metrics = ["memory_bom_share_pct", "bom_usd", "asp_usd", "asp_yoy_pct", "shipments_m", "shipments_yoy_pct"]
        let global = try #require(f["global"] as? [String: Any])
        for m in metrics {
            let q = try #require(global[m] as? [String: Double], "global.\(m)")
            #expect(q["p05"]! <= q["p50"]! && q["p50"]! <= q["p95"]!)
        }
        let segments = try #require(f["segments"] as? [String: Any]), regions = try #require(f["regions"] as? [String: Any])
        #expect(Set(segments.keys) == ["entry", "low_mid", "mid", "high", "premium"])
        #expect(Set(regions.keys) == ["china", "india", "europe", "north_america", "rest_of_world"])
        let vendors = try #require(f["soc_vendors"] as? [String: Any])
        for v in ["MediaTek", "Qualcomm", "Apple", "UNISOC", "Samsung", "HiSilicon"] {
            let e = try #require(vendors[v] as? [String: Any], "\(v)")
            #expect(e["shipments_yoy_pct"] is [String: Double] && e["share_pct"] is [String: Double])
        }
        // The base year has no simulated year before it… but 2024 is simulated, so 2025 yoy exists.
        #expect((annual["2025"] as? [String: Any]).flatMap { ($0["global"] as? [String: Any])?["asp_yoy_pct"] } is [String: Double])
        // The parts that follow their own calls: 3Q25 LPDDR4X +23–28% against the family's +12.5%.
        let parts = try #require(obj["part_calls"] as? [[String: Any]])
        let q3 = try #require(parts.first { $0["memory_type"] as? String == "LPDDR4X" && $0["quarter"] as? String == "2025Q3" })
        #expect(q3["part_low_pct"] as? Double == 23 && q3["family_pct"] as? Double == 12.5)
        #expect(abs((q3["factor"] as? Double ?? 0) - 1.1156) < 1e-9)
        // π's fit on the three launch pairs: the Ultra held its price over four quarters, so net of the ASP
        // trend y = −ln(1.0272) = −0.0268 and its own π is negative; π is Σxy/Σx² of the pairs as printed
        // (x and y to 4 decimals, so to about 1e-3).
        let pt = try #require(obj["pass_through"] as? [String: Any])
        let pairs = try #require(pt["pairs"] as? [[String: Any]])
        #expect(pairs.map { $0["model"] as? String } == ["Redmi K90", "Galaxy S26+", "Galaxy S26 Ultra"] && pt["df"] as? Double == 2)
        #expect(abs((pairs.last?["y"] as? Double ?? 0) + 0.0268) < 1e-4 && (pairs.last?["pi"] as? Double ?? 0) < 0)
        let xs = pairs.compactMap { $0["x"] as? Double }, ys = pairs.compactMap { $0["y"] as? Double }
        let pi = zip(xs, ys).reduce(0) { $0 + $1.0 * $1.1 } / xs.reduce(0) { $0 + $1 * $1 }
        #expect(abs(pi - (pt["pi"] as? Double ?? 0)) < 2e-3)
        // Each pair carries its price step and what rounding to it leaves open: the Ultra's USD 1,299 ± 50 over
        // 1,299 less the trend, y in ln(1249/1299) − 0.0268 … ln(1349/1299) − 0.0268, and π = that ÷ x (x > 0).
        let ultra = try #require(pairs.last)
        #expect(ultra["price_step"] as? Double == 100)
        let yr = try #require(ultra["y_range"] as? [Double]), pr = try #require(ultra["pi_range"] as? [Double])
        #expect(abs(yr[0] - (log(1249.0 / 1299) - log(1.0272))) < 1e-4 && abs(yr[1] - (log(1349.0 / 1299) - log(1.0272))) < 1e-4)
        let ux = try #require(ultra["x"] as? Double)
        #expect(abs(pr[0] - yr[0] / ux) < 1e-2 && abs(pr[1] - yr[1] / ux) < 1e-2 && pr[0] < pr[1])
        // A scenario lever sets π: no calibration, and the parameters table says where each parameter came from.
        let lever = try tempDir().appendingPathComponent("lever.toml")
        try "name = \"lever\"\n[levers]\npass_through = 0.5\n[parameters]\nelasticity = -0.8\n".write(to: lever, atomically: true, encoding: .utf8)
        let l = try CLIRunner.run(["forecast", "--draws", "100", "--format", "json", "--scenario", lever.path])
        let lobj = try #require(try JSONSerialization.jsonObject(with: Data(l.stdout.utf8)) as? [String: Any])
        #expect(lobj["pass_through"] is NSNull)
        let params = try #require(lobj["parameters"] as? [[String: String]])
        #expect(params.first { $0["name"] == "pass_through (π)" }?["from"] == "scenario lever")
        // A [parameters] override is credited to the scenario, the rest to calibration.csv.
        #expect(params.first { $0["name"] == "elasticity (aggregate)" }.map { ($0["value"], $0["from"]) }! == ("-0.8", "scenario lever"))
        #expect(params.first { $0["name"] == "adjustment_speed (κ)" }?["from"] == "calibration")
    }

    @Test func forecastIsReproducibleAndCSVIsTidy() throws {
        let a = try CLIRunner.run(["forecast", "--draws", "300", "--seed", "9", "--format", "csv"])
        let b = try CLIRunner.run(["forecast", "--draws", "300", "--seed", "9", "--format", "csv"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout.hasPrefix("period,period_type,scope_type,scope,metric,p05,p50,p95\n"))
        #expect(a.stdout.contains("\n2026,year,soc_vendor,UNISOC,shipments_yoy_pct,"))
    }

    /// One run in JSON and CSV: the same SoC vendors as the text table, and every vendor value a
    /// {p05, p50, p95} (the in-house `others`, raked to no share, had a null yoy in JSON and NA in CSV).
    @Test func formatsListTheSameVendors() throws {
        let args = ["forecast", "--draws", "200", "--seed", "3", "--horizon", "2026Q4", "--format"]
        let j = try CLIRunner.run(args + ["json"]), c = try CLIRunner.run(args + ["csv"]), t = try CLIRunner.run(args + ["text"])
        #expect(j.status == 0 && c.status == 0 && t.status == 0)
        let shown = ["MediaTek", "Qualcomm", "Apple", "UNISOC", "Samsung", "HiSilicon"]
        #expect(t.stdout.contains("\nSoC vendors\n") && !t.stdout.contains("\nothers "))
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        for (section, key) in [("quarterly", "2026Q1"), ("annual", "2026")] {
            let f = try #require((obj[section] as? [String: Any])?[key] as? [String: Any])
            let vendors = try #require(f["soc_vendors"] as? [String: [String: Any]])
            #expect(Set(vendors.keys) == Set(shown), "\(section) \(key)")
            for (v, m) in vendors { #expect(m.values.allSatisfy { $0 is [String: Double] }, "\(v)") }
        }
        let csvVendors = Set(c.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
            .filter { $0.count > 3 && $0[2] == "soc_vendor" }.map { $0[3] })
        #expect(csvVendors == Set(shown) && !c.stdout.contains(",NA"))
    }

    @Test func outWritesEveryFormatOrNothing() throws {
        let dir = try tempDir().appendingPathComponent("results")
        let r = try CLIRunner.run(["forecast", "--draws", "200", "--out", dir.path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["forecast.csv", "forecast.json", "forecast.md", "forecast.txt"])
        // The paths written, as given (a trailing slash on DIR, as in `--out results/`, adds no second one).
        let slash = try CLIRunner.run(["forecast", "--draws", "200", "--out", "results/"], in: dir.deletingLastPathComponent())
        #expect(slash.status == 0 && slash.stderr == "wrote results/forecast.txt, results/forecast.json, results/forecast.csv, results/forecast.md\n",
                "\(slash.stderr)")
        // An --out path that is a file: exit 73, nothing written beside it.
        let file = try tempDir().appendingPathComponent("taken")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let bad = try CLIRunner.run(["forecast", "--draws", "200", "--out", file.path])
        #expect(bad.status == 73 && bad.stderr.contains("not a folder"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }

    @Test func scenarios() throws {
        try Snapshot.check("scenario-list", CLIRunner.run(["scenario", "list"]))
        try Snapshot.check("scenario-show-2026-memory-shock", CLIRunner.run(["scenario", "show", "2026-memory-shock"]))
        try Snapshot.check("scenario-show-model-then-flat", CLIRunner.run(["scenario", "show", "model-then-flat"]))
        #expect(try CLIRunner.run(["scenario", "show", "nope"]).status == 64)
    }

    /// `scenario show FILE` prints a user's file, as `--scenario FILE` accepts one; a bad file is a data error.
    @Test func scenarioShowAcceptsAFile() throws {
        let text = "name = \"mine\"\n[prices.dram]\n2026Q1 = 10\n"
        let file = try scenarioFile(text)
        let r = try CLIRunner.run(["scenario", "show", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "# \(file.path)\n" + text)
        let bad = try CLIRunner.run(["scenario", "show", try scenarioFile("name = \"x\"\n[levers]\npass_thru = 0.5\n").path])
        #expect(bad.status == 65 && bad.stderr.contains("s.toml:3:1: levers.pass_thru: unknown key"), "\(bad.stderr)")
        let missing = try CLIRunner.run(["scenario", "show", "/nonexistent/s.toml"])
        #expect(missing.status == 66 && missing.stderr.contains("cannot read '/nonexistent/s.toml'"), "\(missing.stderr)")
        let unknown = try CLIRunner.run(["scenario", "show", "nope"])
        #expect(unknown.stderr.contains("unknown scenario 'nope'"))
    }

    /// Bad input: a clear message and 64 (usage) or 65 (data), nothing half-written.
    @Test func badInput() throws {
        let unknownKey = try scenarioFile("name = \"x\"\n[levers]\npass_thru = 0.5\n")
        let dir = try tempDir().appendingPathComponent("out")
        let k = try CLIRunner.run(["forecast", "--scenario", unknownKey.path, "--out", dir.path])
        #expect(k.status == 65 && k.stderr.contains("\(unknownKey.path):3:1: levers.pass_thru: unknown key"))
        #expect(!FileManager.default.fileExists(atPath: dir.path))
        let outside = try scenarioFile("name = \"x\"\n[prices.dram]\n1999Q1 = 10\n")
        let o = try CLIRunner.run(["forecast", "--scenario", outside.path])
        #expect(o.status == 65 && o.stderr.contains("\(outside.path):3:1: prices.dram.1999Q1: 1999Q1 is outside"), "\(o.stderr)")
        let fraction = try scenarioFile("name = \"x\"\n[prices.dram]\n2026Q1 = [0.9, 0.95]\n")
        let f = try CLIRunner.run(["forecast", "--scenario", fraction.path])
        #expect(f.status == 65)
        try Snapshot.check("forecast-fraction-percent", CLIRunner.run(["forecast", "--scenario", fraction.path]).redactingPaths(fraction))
        try Snapshot.check("forecast-unknown-scenario", CLIRunner.run(["forecast", "--scenario", "2030-utopia"]))
        try Snapshot.check("forecast-horizon-before-data", CLIRunner.run(["forecast", "--horizon", "2025Q3"]))
        try Snapshot.check("forecast-horizon-not-a-quarter", CLIRunner.run(["forecast", "--horizon", "2027-12"]))
        try Snapshot.check("forecast-as-of-before-data", CLIRunner.run(["forecast", "--as-of", "2010-01-01"]))
        let early = try CLIRunner.run(["forecast", "--as-of", "2010-01-01", "--out", dir.path])
        #expect(early.status == 65 && !FileManager.default.fileExists(atPath: dir.path))
        try Snapshot.check("validate-with-as-of", CLIRunner.run(["validate", "--as-of", "2026-01-01"]))
        // A missing model dataset: an embedded folder without handset_configs.csv.
        let ds = try tempDir().appendingPathComponent("Datasets")
        try FileManager.default.createDirectory(at: ds, withIntermediateDirectories: true)
        for f in ["README.md", "memory_prices.csv", "handset_market.csv", "supply_demand.csv", "calibration.csv", "soc_segment_mix.csv"] {
            try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("Datasets/\(f)"), to: ds.appendingPathComponent(f))
        }
        let m = try CLIRunner.run(["forecast"], environment: ["MEMCAST_DATASETS": ds.path])
        #expect(m.status == 65 && m.stderr.contains("handset_configs.csv: model dataset missing"))
    }

    /// `validate --scenario` runs the cases under a what-if and says so above the table and in JSON;
    /// an unknown scenario is a usage error.
    @Test func validateWhatIf() throws {
        let t = try CLIRunner.run(["validate", "--scenario", "hold-after-1q26", "--draws", "200", "--exit-zero"])
        #expect(t.status == 0 && t.stdout.split(separator: "\n")[1].hasPrefix("WHAT-IF: every run uses scenario 'hold-after-1q26'"))
        let j = try CLIRunner.run(["validate", "--scenario", "hold-after-1q26", "--draws", "200", "--format", "json", "--exit-zero"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        #expect(obj["scenario"] as? String == "hold-after-1q26" && obj["what_if"] as? Bool == true)
        #expect(try CLIRunner.run(["validate", "--scenario", "nope"]).status == 64)
    }

    /// `validate` runs every case as of its date; misses make it exit 1 (the known issues of
    /// PublishedFigureTests). Pinned to 2000 draws per run to keep the test short.
    @Test func validateTable() throws {
        let r = try CLIRunner.run(["validate", "--draws", "2000"])
        #expect(r.status == 1)
        try Snapshot.check("validate-draws-2000", r)
        // Both tables call the figure's id and publisher "source" (the cases' table called it "figure",
        // the name the information table gives the figure's title).
        let headers = r.stdout.split(separator: "\n").filter { $0.hasPrefix("case ") || $0.hasPrefix("figure ") }
        #expect(headers.count == 2 && headers.allSatisfy { $0.split(separator: " ").dropFirst().first == "source" }, "\(headers)")
        let j = try CLIRunner.run(["validate", "--draws", "300", "--format", "json"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let cases = try #require(obj["cases"] as? [[String: Any]])
        #expect(cases.filter { $0["pass"] is Bool }.count == 13)
        #expect(obj["scenario"] as? String == "as-published" && obj["what_if"] as? Bool == false)
        // Each case carries its run's extrapolation notes: the 2026-01-28 runs start 2Q26 beyond the sample.
        let jan = cases.filter { $0["pass"] is Bool && ($0["as_of"] as? String) == "2026-01-28" }
        #expect(!jan.isEmpty && jan.allSatisfy { (($0["extrapolation"] as? [String]) ?? []).contains { $0.contains("2026Q2") } })
        // …and its π: one launch pair in January, three from 2026-02-25 on.
        func pairs(_ c: [String: Any]) -> Int { ((c["pass_through"] as? [String: Any])?["pairs"] as? [Any])?.count ?? 0 }
        #expect(jan.allSatisfy { pairs($0) == 1 })
        let feb = cases.filter { $0["pass"] is Bool && ($0["as_of"] as? String) == "2026-02-28" }
        #expect(!feb.isEmpty && feb.allSatisfy { pairs($0) == 3 })
    }
}

extension CLIRun {
    /// Replaces a temporary file's folder with `TMP` so snapshots do not depend on it.
    func redactingPaths(_ url: URL) -> CLIRun {
        var r = self
        let dir = url.deletingLastPathComponent().path
        r.stdout = r.stdout.replacingOccurrences(of: dir, with: "TMP")
        r.stderr = r.stderr.replacingOccurrences(of: dir, with: "TMP")
        return r
    }
}

/// `memcast bom`: options and formats (the numbers are tested in TeardownTests).
@Suite struct BOMCLITests {
    @Test func csvHasOneLinePerConfigurationAndQuarter() throws {
        let r = try CLIRunner.run(["bom", "--as-of", "2026-02-02", "--config", "mid:8+128", "--config", "high:16+512",
                                   "--quarter", "2025Q1", "--quarter", "2026Q1", "--format", "csv"],
                                  in: FileManager.default.temporaryDirectory)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("config,quarter,dram_type,dram_usd_per_gb,"))
        #expect(lines[1].hasPrefix("mid:8+128,2025Q1,LPDDR5X,") && lines[4].hasPrefix("high:16+512,2026Q1,LPDDR5X,"))
    }

    @Test(arguments: [
        (["--config", "mid:12"], "--config 'mid:12': write TIER:DRAM+NAND"),
        (["--config", "mid:1e20+256"], "--config 'mid:1e20+256': DRAM must be a whole number of GB from 1 to 64"),
        (["--config", "mid:12+1e300"], "--config 'mid:12+1e300': NAND must be a whole number of GB from 1 to 4096"),
        (["--quarter", "2026-01"], "--quarter '2026-01' is not a quarter"),
        (["--quarter", "2031Q1"], "--quarter 2031Q1 is outside the run"),
        (["--format", "json"], "The value 'json' is invalid for '--format <format>'. Please provide one of 'text', 'md' or 'csv'"),
        (["--scenario", "no-such-scenario"], "no-such-scenario"),
    ])
    func usageErrors(args: [String], message: String) throws {
        let r = try CLIRunner.run(["bom"] + args)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }
}

/// Progress for long runs: on a terminal (a pseudo-terminal from `script`) the Monte Carlo run reports
/// `memcast: done/total draws (p%)` on stderr; with stderr not a terminal nothing is written. The delay
/// before the first line (1 s) is set to 0 here so the test does not depend on how fast the run is.
@Suite struct ProgressCLITests {
    static let args = ["forecast", "--as-of", "2026-01-28", "--horizon", "2026Q4", "--draws", "1000"]

    @Test func silentWhenStderrIsNotATerminal() throws {
        let r = try CLIRunner.run(Self.args, environment: ["MEMCAST_PROGRESS_DELAY": "0"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func shownOnATerminal() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let cmd = ([CLIRunner.binary.path] + Self.args).map { "'\($0)'" }.joined(separator: " ") + " >/dev/null"
        p.arguments = ["-qec", cmd, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env["MEMCAST_PROGRESS_DELAY"] = "0"
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains("memcast: 1000/1000 draws (100%)"), "\(text)")
    }
}

@Suite struct ValidateExitZeroTests {
    /// --exit-zero prints the same table (misses included) and exits 0.
    @Test func exitZeroKeepsTheTableAndTheMisses() throws {
        let strict = try CLIRunner.run(["validate", "--draws", "300", "--format", "json"])
        let lenient = try CLIRunner.run(["validate", "--draws", "300", "--format", "json", "--exit-zero"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stdout == strict.stdout)
        #expect(strict.status == (strict.stdout.contains("\"pass\": false") ? 1 : 0))
    }
}
