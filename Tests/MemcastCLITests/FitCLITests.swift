import Foundation
import Testing

/// `memcast fit` end to end: golden outputs (help, summaries, one message per
/// validation rule and data problem) and statsmodels' numbers through the JSON output.
@Suite struct FitCLITests {
    static let fixtures = "Tests/MemcastStatisticsTests/Fixtures/statsmodels"
    static let data = "Tests/MemcastCLITests/Snapshots/fit"

    @Test func helpIsGolden() throws {
        try Snapshot.check("fit-help", args: ["fit", "--help"])
    }

    /// The statsmodels-style text summary with HAC covariance and predictions.
    @Test func textSummaryIsGolden() throws {
        try Snapshot.check("fit-text-hac", args: ["fit", "--data", "\(Self.fixtures)/hetero.csv", "--formula", "y ~ x1 + x2 + x3",
                                                  "--cov", "HAC", "--hac-lags", "4", "--predict", "\(Self.fixtures)/hetero_predict.csv"])
        try Snapshot.check("fit-text-panel", args: ["fit", "--data", "\(Self.fixtures)/panel.csv", "--formula",
                                                    "y ~ x + log(z) + I(x^2) + C(seg) + x:C(seg) + lag(x) + diff(z) + pct(w)",
                                                    "--by", "entity", "--period", "period", "--cov", "HC3"])
        try Snapshot.check("fit-text-ridge-noconst", args: ["fit", "--data", "\(Self.fixtures)/ridge.csv", "--formula", "y ~ r1 + r2 + r3 - 1",
                                                            "--ridge", "2.5", "--alpha", "0.1"])
        try Snapshot.check("fit-md-wls", args: ["fit", "--data", "\(Self.fixtures)/wls.csv", "--formula", "y ~ a + b", "--weights", "w",
                                                "--format", "md", "--predict", "\(Self.fixtures)/wls_predict.csv"])
    }

    /// One message per validation rule (64) and per data problem (65, 66).
    @Test(arguments: [
        ("fit-error-alpha", ["--formula", "y ~ x", "--alpha", "1.5"]),
        ("fit-error-cluster-cov", ["--formula", "y ~ x", "--cov", "HC1", "--cluster", "g"]),
        ("fit-error-cluster-missing", ["--formula", "y ~ x", "--cov", "cluster"]),
        ("fit-error-hac-lags-without-hac", ["--formula", "y ~ x", "--hac-lags", "4"]),
        ("fit-error-hac-lags-negative", ["--formula", "y ~ x", "--cov", "HAC", "--hac-lags=-1"]),
        ("fit-error-hac-lags-too-many", ["--formula", "y ~ x", "--cov", "HAC", "--hac-lags", "100"]),
        ("fit-error-ridge-robust", ["--formula", "y ~ x", "--ridge", "1", "--cov", "HC1"]),
        ("fit-error-formula-syntax", ["--formula", "y ~ x + * low"]),
        ("fit-error-lag-order-too-large", ["--formula", "y ~ lag(x, 99999999999999999999)"]),
        ("fit-error-unknown-column", ["--formula", "y ~ x + price"]),
        ("fit-error-non-numeric-cell", ["--formula", "y ~ x + low"]),
        ("fit-error-non-numeric-response", ["--formula", "low ~ x"]),
        ("fit-error-weights-unknown", ["--formula", "y ~ x", "--weights", "nope"]),
        ("fit-error-cluster-unknown", ["--formula", "y ~ x", "--cluster", "nope"]),
        ("fit-error-by-unknown", ["--formula", "y ~ lag(x)", "--by", "nope"]),
        ("fit-error-unknown-format", ["--formula", "y ~ x", "--format", "xml"]),
    ])
    func validationMessages(name: String, args: [String]) throws {
        try Snapshot.check(name, args: ["fit", "--data", "\(Self.data)/bad_cell.csv"] + args)
    }

    @Test func dataProblems() throws {
        try Snapshot.check("fit-error-constant-column", args: ["fit", "--data", "\(Self.data)/constant.csv", "--formula", "y ~ x + c"])
        try Snapshot.check("fit-error-too-few-rows", args: ["fit", "--data", "\(Self.data)/few.csv", "--formula", "y ~ x + z + I(x*z)"])
        try Snapshot.check("fit-error-missing-file", args: ["fit", "--data", "\(Self.data)/no-such.csv", "--formula", "y ~ x"])
        let panel = ["fit", "--data", "\(Self.fixtures)/panel.csv", "--formula", "y ~ x + C(seg)"]
        try Snapshot.check("fit-error-predict-level", args: panel + ["--predict", "\(Self.data)/predict_bad_level.csv"])
        try Snapshot.check("fit-error-predict-column", args: panel + ["--predict", "\(Self.data)/predict_missing_column.csv"])
        try Snapshot.check("fit-error-predict-no-rows", args: panel + ["--predict", "\(Self.data)/predict_no_rows.csv"])
    }

    /// The JSON carries statsmodels' field names and values (1e-8 relative), including
    /// predictions; the panel case exercises categorical coding, interactions and lags.
    @Test func jsonMatchesStatsmodels() throws {
        let run = try CLIRunner.run(["fit", "--data", "\(Self.fixtures)/panel.csv", "--formula",
                                     "y ~ x + log(z) + I(x^2) + C(seg) + x:C(seg) + lag(x) + diff(z) + pct(w)",
                                     "--by", "entity", "--period", "period", "--cov", "HC3", "--format", "json",
                                     "--predict", "\(Self.fixtures)/panel_predict.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let got = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let url = CLIRunner.packageRoot.appendingPathComponent("\(Self.fixtures)/panel.json")
        let fixture = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let want = (fixture["fits"] as! [String: Any])["HC3"] as! [String: Any]
        let summary = fixture["summary"] as! [String: Any]

        for key in ["terms", "params", "bse", "tvalues", "pvalues", "conf_int", "nobs", "df_model", "df_resid", "rsquared",
                    "rsquared_adj", "fvalue", "f_pvalue", "llf", "aic", "bic", "ssr", "ess", "mse_resid", "condition_number",
                    "durbin_watson", "cov_type", "aliased", "warnings", "dropped_rows", "prediction"] {
            #expect(got[key] != nil, "JSON lacks \(key)")
        }
        #expect(got["cov_type"] as? String == "HC3")
        #expect((got["dropped_rows"] as? Int) == (fixture["dropped_rows"] as? Int))
        let terms = got["terms"] as! [String]
        #expect(terms.first == "Intercept" && terms.contains("C(seg)[T.mid]") && terms.contains("x:C(seg)[T.premium]"))
        var worst = 0.0
        func near(_ a: Any?, _ b: Any?, _ what: String) {
            guard let x = (a as? NSNumber)?.doubleValue, let y = (b as? NSNumber)?.doubleValue else {
                Issue.record("\(what): \(String(describing: a)) vs \(String(describing: b))"); return
            }
            let rel = abs(x - y) / max(abs(y), 1e-300)
            worst = max(worst, rel)
            #expect(rel <= 1e-8, "\(what): \(x) vs statsmodels \(y)")
        }
        for field in ["params", "bse", "tvalues", "pvalues"] {
            let g = got[field] as! [String: Any], w = want[field] as! [String: Any]
            for t in terms { near(g[t], w[t], "\(field)[\(t)]") }
        }
        let gci = got["conf_int"] as! [String: [Any]], wci = want["conf_int"] as! [String: [Any]]
        for t in terms { near(gci[t]?[0], wci[t]?[0], "conf_int[\(t)]"); near(gci[t]?[1], wci[t]?[1], "conf_int[\(t)]") }
        near(got["fvalue"], want["fvalue"], "fvalue")
        near(got["f_pvalue"], want["f_pvalue"], "f_pvalue")
        for key in ["nobs", "df_model", "df_resid", "rsquared", "rsquared_adj", "llf", "aic", "bic", "ssr", "ess", "mse_resid",
                    "condition_number", "durbin_watson"] {
            near(got[key], summary[key], key)
        }
        let gp = got["prediction"] as! [[String: Any]], wp = want["prediction"] as! [[String: Any]]
        #expect(gp.count == wp.count)
        for (g, w) in zip(gp, wp) {
            for k in ["mean", "mean_se", "mean_ci_lower", "mean_ci_upper", "obs_ci_lower", "obs_ci_upper"] { near(g[k], w[k], "prediction.\(k)") }
        }
        print("memcast fit --format json vs statsmodels (panel, HC3): max relative error \(worst)")
    }

    /// Only the columns a fit uses are read (documented in `fit --help`): a column the
    /// formula does not use is not validated, so a cell of invalid UTF-8 there no longer
    /// stops the fit, and the numbers equal those of the file without that column.
    @Test func unusedColumnsAreNotRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-fit-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var clean = "y,x\n", noisy = "y,note,x\n"
        for i in 0..<40 {
            let x = Double(i) / 4, y = 1.5 + 2 * x + Double(i * 7 % 5) / 10
            clean += "\(y),\(x)\n"
            noisy += "\(y),\(i == 7 ? "\u{FFFD}" : "n\(i)"),\(x)\n"
        }
        var bytes = Array(noisy.utf8)
        let bad = bytes.firstIndex(of: 0xEF)!           // U+FFFD → the invalid byte pair C3 28
        bytes.replaceSubrange(bad..<(bad + 3), with: [0xC3, 0x28])
        try Data(clean.utf8).write(to: dir.appendingPathComponent("clean.csv"))
        try Data(bytes).write(to: dir.appendingPathComponent("noisy.csv"))
        let a = try CLIRunner.run(["fit", "--data", dir.appendingPathComponent("clean.csv").path, "--formula", "y ~ x", "--format", "csv"])
        let b = try CLIRunner.run(["fit", "--data", dir.appendingPathComponent("noisy.csv").path, "--formula", "y ~ x", "--format", "csv"])
        #expect(a.status == 0 && b.status == 0, "\(b.stderr)")
        #expect(a.stdout == b.stdout)
        // Using the column reads (and checks) it.
        let c = try CLIRunner.run(["fit", "--data", dir.appendingPathComponent("noisy.csv").path, "--formula", "y ~ x + C(note)"])
        #expect(c.status == 65 && c.stderr.contains("noisy.csv:9: column 'note': not valid UTF-8 text"), "\(c.stderr)")
    }

    /// `NaN` or `inf` typed in a numeric column made it text (the loader reads neither), and
    /// Swift's `Double("NaN")` let the text pass as numbers: x was fitted as categories, exit 0.
    /// Now the cell is named, with how to write a missing value.
    @Test(arguments: ["NaN", "inf", "-Infinity"])
    func nanOrInfTextInANumericColumnIsNamed(_ cell: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-fit-nan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "y,x\n"
        for i in 0..<40 { text += "\(Double(i % 4) * 2 + Double(i % 7) / 10),\(i == 4 ? cell : String(i % 4))\n" }
        let file = dir.appendingPathComponent("d.csv")
        try Data(text.utf8).write(to: file)
        let hint = "(for a missing value leave the cell empty or write NA)"
        let r = try CLIRunner.run(["fit", "--data", file.path, "--formula", "y ~ x", "--format", "csv"])
        #expect(r.status == 65 && r.stderr == "memcast: error: \(file.path):6: column 'x': cannot parse '\(cell)' as a number \(hint)\n",
                "\(r.stderr)")
        let response = try CLIRunner.run(["fit", "--data", file.path, "--formula", "x ~ y", "--format", "csv"])
        #expect(response.status == 65 && response.stderr.contains("d.csv:6: column 'x': '\(cell)' is not a number; "
                                                                  + "the response must be numeric \(hint)"), "\(response.stderr)")
    }

    /// A file with a header and no rows names itself: the error is about the data, not the formula.
    @Test func headerOnlyFileIsNamed() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-fit-empty-\(UUID().uuidString).csv")
        try Data("y,x\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLIRunner.run(["fit", "--data", file.path, "--formula", "y ~ x"])
        #expect(r.status == 65 && r.stderr == "memcast: error: \(file.path): the model has 2 coefficients but only 0 usable rows; "
                + "it needs more rows than coefficients\n", "\(r.stderr)")
    }

    /// CSV output: the coefficient table, or the predictions with --predict.
    @Test func csvOutputs() throws {
        let base = ["fit", "--data", "\(Self.fixtures)/hetero.csv", "--formula", "y ~ x1 + x2 + x3", "--format", "csv"]
        let coef = try CLIRunner.run(base)
        #expect(coef.status == 0)
        let lines = coef.stdout.split(separator: "\n")
        #expect(lines.first == "term,coef,std_err,t,pvalue,ci_lower,ci_upper,vif,aliased")
        #expect(lines.count == 5 && lines[1].hasPrefix("Intercept,"))
        let pred = try CLIRunner.run(base + ["--predict", "\(Self.fixtures)/hetero_predict.csv"])
        #expect(pred.stdout.hasPrefix("row,mean,mean_se,mean_ci_lower,mean_ci_upper,obs_ci_lower,obs_ci_upper\n"))
        #expect(pred.stdout.split(separator: "\n").count == 6)
    }
}

/// `memcast fit --dataset NAME`: datasets memcast knows, readable from any directory.
@Suite struct FitDatasetCLITests {
    static var elsewhere: URL { FileManager.default.temporaryDirectory }

    @Test func embeddedDatasetByNameFromAnotherDirectory() throws {
        let r = try CLIRunner.run(["fit", "--dataset", "handset_configs", "--formula", "log(asp_usd) ~ log(dram_gb) + C(segment)",
                                   "--format", "json"], in: Self.elsewhere)
        #expect(r.status == 0, "\(r.stderr)")
        let got = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect((got["nobs"] as? NSNumber)?.intValue == 25)   // the 25 region × segment cells
    }

    /// The fit uses the rows `data show price_equation` lists that have every used value.
    @Test func priceEquationTableAsOfADate() throws {
        let shown = try CLIRunner.run(["data", "show", "price_equation", "--as-of", "2026-02-02", "--format", "csv"], in: Self.elsewhere)
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n")
        #expect(lines.first == "quarter,memory,source,change_pct,prev_pct,change_lp,prev_lp,past_year_lp,gap_pp")
        let complete = lines.dropFirst().filter { !$0.hasSuffix(",") }.count
        let fit = try CLIRunner.run(["fit", "--dataset", "price_equation", "--as-of", "2026-02-02",
                                     "--formula", "change_lp ~ prev_lp + past_year_lp + gap_pp", "--format", "json"],
                                    in: Self.elsewhere)
        #expect(fit.status == 0, "\(fit.stderr)")
        let got = try JSONSerialization.jsonObject(with: Data(fit.stdout.utf8)) as! [String: Any]
        #expect((got["nobs"] as? NSNumber)?.intValue == complete)
        #expect((got["dropped_rows"] as? NSNumber)?.intValue == lines.count - 1 - complete)
    }

    @Test(arguments: [
        (["--formula", "y ~ x"], "give the data: --data FILE or --dataset NAME"),
        (["--data", "x.csv", "--dataset", "handset_configs", "--formula", "y ~ x"], "--data and --dataset are alternatives"),
        (["--dataset", "handset_configs", "--as-of", "2026-01-05", "--formula", "y ~ x"], "--as-of goes with --dataset price_equation"),
        (["--dataset", "no_such", "--formula", "y ~ x"], "no such dataset (available: calibration, handset_configs"),
    ])
    func usageErrors(args: [String], message: String) throws {
        let r = try CLIRunner.run(["fit"] + args, in: Self.elsewhere)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }
}
