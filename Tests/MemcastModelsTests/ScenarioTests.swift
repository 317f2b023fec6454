import Testing
@testable import MemcastModels
import MemcastData

@Suite struct ScenarioTests {
    static let good = """
    # TrendForce's calls pinned
    name = "shock-test"
    description = "test"

    [prices.dram]
    2025Q4 = [45, 50]
    2026Q1 = [90, 95]   # February revision
    [prices.nand]
    2026Q1 = 57.5

    [supply]
    gap_pp.2027 = [0, 4]
    hbm_wafer_share_pct.2027 = 30

    [levers]
    pass_through = [0.4, 0.8]
    trim_dram_pct = 10
    trim_from = "2026Q2"

    [parameters]
    elasticity = -1.1
    inventory_cover_weeks = [6, 10]
    """

    @Test func readsEverySection() throws {
        let s = try Scenario(toml: Self.good, file: "shock.toml")
        #expect(s.name == "shock-test")
        let q = try #require(Period(quarterText: "2026Q1"))
        #expect(s.prices[.dram]?[q]?.lowPct == 90 && s.prices[.dram]?[q]?.highPct == 95)
        #expect(s.prices[.dram]?[q]?.origin == .scenario("shock.toml:7"))
        #expect(s.prices[.nand]?[q]?.midPct == 57.5)
        #expect(s.gapPP[2027] == ValueRange(0, 4))
        #expect(s.hbmWaferSharePct[2027] == 30)
        #expect(s.levers.passThrough == ValueRange(0.4, 0.8))
        #expect(s.levers.trimDRAMPct == 10 && s.levers.trimFrom == Period(quarterText: "2026Q2"))
        #expect(s.parameters.elasticity == ValueRange(point: -1.1))
        #expect(s.parameters.inventoryCoverWeeks == ValueRange(6, 10))
    }

    /// `[prices] unpublished` picks what carries the quarters after the last call: the equation by default.
    @Test func unpublishedPricesRule() throws {
        #expect(try Scenario(toml: "name = \"x\"\n", file: "s.toml").unpublishedPrices == .model)
        #expect(try Scenario(toml: "name = \"x\"\n[prices]\nunpublished = \"flat\"\n", file: "s.toml").unpublishedPrices == .flat)
        #expect(try Scenario(toml: "name = \"x\"\n[prices]\nunpublished = \"model_then_flat\"\n", file: "s.toml")
            .unpublishedPrices == .modelThenFlat)
        #expect {
            _ = try Scenario(toml: "name = \"x\"\n[prices]\nunpublished = \"hold\"\n", file: "s.toml")
        } throws: { e in
            String(describing: e) == "s.toml:3:15: prices.unpublished: expected \"model\" (the price equation), \"model_then_flat\" "
                + "(the equation for one quarter, then flat with its shocks) or \"flat\" (0% QoQ), found \"hold\""
        }
        #expect {
            _ = try Scenario(toml: "name = \"x\"\n[prices]\n2026Q2 = 10\n", file: "s.toml")
        } throws: { e in
            String(describing: e).contains("known in [prices]: unpublished (\"model\", \"model_then_flat\" or \"flat\"), "
                                           + "shocks (\"one_step\" or \"by_horizon\"); quarters go in [prices.dram] and [prices.nand]")
        }
    }

    @Test func unknownKeyNamesFileLineAndKnownKeys() {
        let text = "name = \"x\"\n[levers]\npass_thru = 0.5\n"
        #expect {
            _ = try Scenario(toml: text, file: "s.toml")
        } throws: { e in
            let d = String(describing: e)
            return d.hasPrefix("s.toml:3:1: levers.pass_thru: unknown key 'levers.pass_thru'") && d.contains("pass_through")
        }
    }

    /// Files saved on Windows (CRLF, often with a UTF-8 BOM) read like LF files, columns included.
    @Test func crlfAndByteOrderMarkAreAccepted() throws {
        let crlf = "\u{FEFF}" + Self.good.replacingOccurrences(of: "\n", with: "\r\n")
        let s = try Scenario(toml: crlf, file: "shock.toml")
        let lf = try Scenario(toml: Self.good, file: "shock.toml")
        #expect(s == lf)
        #expect {
            _ = try Scenario(toml: "\u{FEFF}name = \"x\"\r\n[levers]\r\npass_thru = 0.5\r\n", file: "s.toml")
        } throws: { String(describing: $0).hasPrefix("s.toml:3:1: ") }
        #expect {
            _ = try Scenario(toml: "name = \"x\"\r\n[prices.dram]\r\n2026Q1 = [0.9, 0.95]\r\n", file: "s.toml")
        } throws: { String(describing: $0).hasPrefix("s.toml:3:10: ") }
    }

    @Test func unknownTableIsRefused() {
        #expect(throws: TOMLError.self) { _ = try Scenario(toml: "name = \"x\"\n[leverz]\n", file: "s.toml") }
    }

    /// 0.9 where 90 is meant: refused with the fix spelled out; "0.9%" is accepted as 0.9 percent.
    @Test func fractionWrittenForPercentIsRefused() throws {
        let text = "name = \"x\"\n[prices.dram]\n2026Q1 = [0.9, 0.95]\n"
        #expect {
            _ = try Scenario(toml: text, file: "s.toml")
        } throws: { e in
            let d = String(describing: e)
            return d.hasPrefix("s.toml:3:10:") && d.contains("looks like a fraction") && d.contains("Write 90")
        }
        let ok = try Scenario(toml: "name = \"x\"\n[prices.dram]\n2026Q1 = \"0.9%\"\n", file: "s.toml")
        #expect(ok.prices[.dram]?[Period(quarterText: "2026Q1")!]?.lowPct == 0.9)
    }

    /// The hint printed 0.55 × 100 as it computes: "Write 55.00000000000001 for 55.00000000000001%".
    @Test func fractionHintNamesTheRoundPercent() {
        #expect {
            _ = try Scenario(toml: "name = \"x\"\n[prices.dram]\n2026Q1 = [0.07, 0.55]\n", file: "s.toml")
        } throws: { e in
            let d = String(describing: e)
            return d.contains("(0.07 means 0.07%, not 7%). Write 7 for 7%,") && !d.contains("0000")
        }
    }

    /// "nan%", "inf%" and "1e400%" read as numbers and failed later with a misleading reason
    /// ("range [inf, 5] has low above high"); they are refused where they are written.
    @Test(arguments: ["nan%", "inf%", "1e400%", "-1e400%"])
    func nonFinitePercentStringIsRefused(_ text: String) {
        #expect(throws: TOMLError(file: "s.toml", line: 3, column: 10,
                                  message: "prices.dram.2026Q1: cannot read \"\(text)\" as a percent; write e.g. \"0.5%\"")) {
            _ = try Scenario(toml: "name = \"x\"\n[prices.dram]\n2026Q1 = [\"\(text)\", 5]\n", file: "s.toml")
        }
    }

    /// A pinned quarter is held to the rule the data's qoq_pct rows are (Plausibility.quarterlyPriceChange,
    /// a factor of 5 either way); it was a bare -80…300 here, with no hint.
    @Test func implausibleQuarterlyChangeNamesTheRuleAndAHint() throws {
        #expect(throws: TOMLError(file: "s.toml", line: 3, column: 10, message: "prices.dram.2026Q1: DRAM contract change for 2026Q1 "
                                  + "= 5000% is implausible (expected -80…400 percent); +400% is already 5× the price in one quarter "
                                  + "and -80% a fifth of it: write the change in percent (90 = up 90%), not a price or a ratio")) {
            _ = try Scenario(toml: "name = \"x\"\n[prices.dram]\n2026Q1 = [90, 5000]\n", file: "s.toml")
        }
        let s = try Scenario(toml: "name = \"x\"\n[prices.nand]\n2026Q1 = [-80, 400]\n", file: "s.toml")
        #expect(s.prices[.nand]?[Period(quarterText: "2026Q1")!]?.highPct == 400)
    }

    @Test func shareWrittenAsPercentIsRefused() {
        #expect {
            _ = try Scenario(toml: "name = \"x\"\n[levers]\npass_through = 60\n", file: "s.toml")
        } throws: { e in String(describing: e).contains("looks like a percent") }
    }

    /// A positive elasticity is a dropped sign, not a percent written for a share.
    @Test func positiveElasticityHintsAtTheSign() {
        #expect {
            _ = try Scenario(toml: "name = \"x\"\n[parameters]\nelasticity = 5\n", file: "s.toml")
        } throws: { e in
            let d = String(describing: e)
            return d.hasPrefix("s.toml:3:14: parameters.elasticity:") && d.hasSuffix("(expected -6…0); it must be negative: write -5")
        }
        #expect {
            _ = try Scenario(toml: "name = \"x\"\n[parameters]\nelasticity = 8\n", file: "s.toml")
        } throws: { e in String(describing: e).hasSuffix("(expected -6…0); it must be negative") }
    }

    @Test func implausibleAndMalformedValues() {
        let cases: [(String, String)] = [
            ("name = \"x\"\n[prices.dram]\n2026Q1 = 900\n", "implausible"),
            ("name = \"x\"\n[prices.dram]\n2026Q5 = 10\n", "not a quarter"),
            ("name = \"x\"\n[prices.dram]\n2026Q1 = [95, 90]\n", "low above high"),
            ("name = \"x\"\n[prices.dram]\n2026Q1 = [1, 2, 3]\n", "expected 2 numbers"),
            ("name = \"x\"\nname = \"y\"\n", "defined twice"),
            ("name = \"x\"\n[levers]\ntrim_from = 2026\n", "expected a string"),
            ("name = \"x\"\nfoo = {a = 1}\n", "inline tables"),
            ("name = \"x\nbar\n", "unterminated string"),
            ("description = \"no name\"\n", "missing key 'name'"),
            ("name = \"x\"\n[parameters]\nelasticity = 1.1\n", "implausible"),
        ]
        for (text, needle) in cases {
            #expect(performing: { _ = try Scenario(toml: text, file: "s.toml") },
                    throws: { String(describing: $0).contains(needle) })
        }
    }

    /// Pins no run can use (before the first simulated quarter or past the latest --horizon) and a
    /// start quarter without its amount used to be dropped unseen; now they name file:line:column.
    @Test(arguments: [
        ("[prices.dram]\n1999Q1 = 10", "s.toml:3:1: prices.dram.1999Q1: 1999Q1 is outside the quarters a run can cover (2024Q1…2030Q4"),
        ("[prices.nand]\n2035Q1 = 10", "s.toml:3:1: prices.nand.2035Q1: 2035Q1 is outside the quarters a run can cover (2024Q1…2030Q4"),
        ("[supply]\ngap_pp.2020 = 3", "s.toml:3:1: supply.gap_pp.2020: 2020 is outside the years a run can cover (2024…2030"),
        ("[supply]\nhbm_wafer_share_pct.2040 = 30", "s.toml:3:1: supply.hbm_wafer_share_pct.2040: 2040 is outside the years"),
        ("[levers]\ntrim_dram_pct = 10\ntrim_from = \"2019Q1\"", "s.toml:4:13: levers.trim_from: 2019Q1 is outside the quarters"),
        ("[levers]\nship_less_from = \"2026Q2\"", "s.toml:3:1: levers.ship_less_from: ship_less_from needs ship_less_pct"),
        ("[levers]\ntrim_from = \"2026Q2\"", "s.toml:3:1: levers.trim_from: trim_from needs trim_dram_pct"),
    ])
    func pinsNoRunUsesAreRefused(body: String, message: String) {
        #expect {
            _ = try Scenario(toml: "name = \"x\"\n\(body)\n", file: "s.toml")
        } throws: { e in
            String(describing: e).hasPrefix(message)
        }
    }

    @Test func quarterParsing() {
        #expect(Period(quarterText: "2026Q1")?.advanced(by: 3) == Period(quarterText: "2026Q4"))
        #expect(Period(quarterText: "2026") == nil && Period(quarterText: "2026-03") == nil)
        #expect(Period(quarterText: "2025Q3")!.quarters(through: Period(quarterText: "2026Q1")!).map(\.description)
                == ["2025Q3", "2025Q4", "2026Q1"])
    }
}

/// The shipped scenario files: every non-zero price they pin is a published call in
/// memory_prices.csv (same quarter, same range); zeros are the what-if's own assumption and
/// must say so in the file's comments.
@Suite struct ShippedScenarioTests {
    @Test func pinnedCallsArePublished() throws {
        let catalog = try Repo.catalog()
        let store = ScenarioStore(datasetsDirectory: catalog.embeddedDirectory)
        let prices = try catalog.observations("memory_prices")
        let series: [MemoryKind: Set<String>] = [.dram: ["conventional_dram", "mobile_dram"], .nand: ["nand", "mobile_nand"]]
        let names = store.names().dropFirst()
        #expect(names.contains("2026-memory-shock") && names.contains("hold-after-1q26"))
        for name in names {
            let s = try store.load(name)
            let text = try String(contentsOfFile: store.path(of: name)!, encoding: .utf8)
            for (kind, byQuarter) in s.prices {
                for (q, r) in byQuarter {
                    if r.lowPct == 0 && r.highPct == 0 {
                        #expect(text.contains("not published figures"), "\(name): \(kind) \(q) pinned at 0 without saying it is an assumption")
                        continue
                    }
                    let found = prices.contains { o in
                        series[kind]!.contains(o.series) && o.periodText == "\(q)" && o.metric == "qoq_pct" && o.product.isEmpty
                            && (o.low ?? o.point) == r.lowPct && (o.high ?? o.point) == r.highPct
                    }
                    #expect(found, "\(name): \(kind) \(q) = \(r.lowPct)…\(r.highPct) is not a published call")
                }
            }
        }
    }
}

extension ScenarioTests {
    /// `[parameters]` keys map to their overrides, and `setKeys` lists only those a file sets.
    @Test func parameterOverridesByKey() throws {
        let s = try Scenario(toml: "name = \"p\"\n[parameters]\nelasticity = -0.8\nadjustment_speed = [0.3, 0.5]\n", file: "p.toml")
        #expect(s.parameters["elasticity"] == ValueRange(point: -0.8))
        #expect(s.parameters["adjustment_speed"] == ValueRange(0.3, 0.5))
        #expect(s.parameters["inventory_cover_weeks"] == nil && s.parameters["nope"] == nil)
        #expect(s.parameters.setKeys == ["elasticity", "adjustment_speed"])
    }
}
