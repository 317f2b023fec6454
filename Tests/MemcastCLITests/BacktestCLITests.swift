import Foundation
import Testing

/// Golden tests of `memcast backtest` on the embedded datasets: help, a scored stage in
/// every format, and one message per bad request with its exit status.
@Suite struct BacktestCLITests {
    @Test func help() throws { try Snapshot.check("backtest-help", CLIRunner.run(["backtest", "--help"])) }

    /// The DDR4 stage (the DRAM series with enough realized quarters) as text and Markdown.
    @Test func ddr4Text() throws {
        let r = try CLIRunner.run(["backtest", "--stage", "ddr4_contract"])
        try Snapshot.check("backtest-ddr4-text", r)
        #expect(r.status == 0 && r.stdout.contains("verdict: "))
        try Snapshot.check("backtest-ddr4-md", CLIRunner.run(["backtest", "--stage", "ddr4_contract", "--format", "md"]))
    }

    /// The JSON has the shape of the issue: stages → NAME → horizons → "1"… → model, naive,
    /// drift, tracker, plus n_origins.
    @Test func jsonShape() throws {
        let r = try CLIRunner.run(["backtest", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let stages = root["stages"] as! [String: Any]
        #expect(stages.count == 9)
        for (name, value) in stages {
            let s = value as! [String: Any]
            #expect(s["n_origins"] as? Int == 32, "\(name)")
            let horizons = s["horizons"] as! [String: Any]
            #expect(Set(horizons.keys) == ["1", "2", "3", "4"], "\(name)")
            for (_, h) in horizons {
                let keys = Set((h as! [String: Any]).keys)
                #expect(keys.isSuperset(of: ["model", "naive", "drift", "tracker"]), "\(name): \(keys)")
            }
        }
        let h1 = (stages["ddr4_contract"] as! [String: Any])["horizons"] as! [String: Any]
        let model = (h1["1"] as! [String: Any])["model"] as! [String: Any]
        #expect(Set(model.keys).isSuperset(of: ["n", "mae", "rmse", "mape", "mase", "bias", "coverage_90", "winkler_90", "pinball"]))
    }

    /// An --as-of after everything published ran without a word; the forecast and the backtest
    /// (text, Markdown, JSON) now note it, naming the newest publication.
    @Test func asOfAfterTheDataIsNoted() throws {
        let note = "--as-of 2099-01-01 is after the newest publication in the data (2026, handset_market.csv:56, "
            + "which counts from 2026-12-31): it uses every published figure, as without --as-of"
        let t = try CLIRunner.run(["backtest", "--stage", "ddr4_contract", "--as-of", "2099-01-01"])
        #expect(t.status == 0 && t.stdout.contains("\nnote: \(note)\n"), "\(t.stdout.prefix(600))")
        let m = try CLIRunner.run(["backtest", "--stage", "ddr4_contract", "--as-of", "2099-01-01", "--format", "md"])
        #expect(m.status == 0 && m.stdout.contains("\n- \(note)\n"))
        let j = try CLIRunner.run(["backtest", "--stage", "ddr4_contract", "--as-of", "2099-01-01", "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        #expect(root["notes"] as? [String] == [note])
        let f = try CLIRunner.run(["forecast", "--as-of", "2099-01-01", "--draws", "100"])
        #expect(f.status == 0 && f.stdout.contains("1. --as-of 2099-01-01 is after the newest publication in the data (2026, "
                                                   + "supply_demand.csv:34, which counts from 2026-12-31): it uses every published figure"),
                "\(f.stdout.suffix(3000))")
        // Not at a date inside the data, and an empty list in the JSON.
        let d = try CLIRunner.run(["backtest", "--stage", "ddr4_contract", "--as-of", "2026-02-28", "--format", "json"])
        let dRoot = try #require(try JSONSerialization.jsonObject(with: Data(d.stdout.utf8)) as? [String: Any])
        #expect(dRoot["notes"] as? [String] == [])
    }

    @Test func csv() throws {
        try Snapshot.check("backtest-shipments-csv",
                           CLIRunner.run(["backtest", "--stage", "shipments_global", "--format", "csv", "--horizon", "2"]))
    }

    /// --out writes the file (atomically) and prints nothing on stdout.
    @Test func outWritesFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-bt-\(UUID().uuidString)/nested")
        let r = try CLIRunner.run(["backtest", "--stage", "ddr4_contract", "--format", "csv", "--out", dir.path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let text = try String(contentsOf: dir.appendingPathComponent("backtest.csv"), encoding: .utf8)
        #expect(text.hasPrefix("stage,horizon,method,n,mae"))
        try? FileManager.default.removeItem(at: dir.deletingLastPathComponent())
    }

    @Test(arguments: [
        ("backtest-unknown-stage", ["backtest", "--stage", "dram"], Int32(64)),
        ("backtest-bad-from", ["backtest", "--from", "2018-01"], 64),
        ("backtest-bad-horizon", ["backtest", "--horizon", "9"], 64),
        ("backtest-from-after-to", ["backtest", "--from", "2020Q1", "--to", "2019Q4"], 64),
        ("backtest-origin-after-data", ["backtest", "--from", "2027Q1", "--to", "2027Q4"], 65),
        ("backtest-as-of-before-any-origin", ["backtest", "--as-of", "2017-01-01"], 65),
        ("backtest-no-realized", ["backtest", "--stage", "memory_bom_share"], 65),
        ("backtest-too-few-periods", ["backtest", "--stage", "shipments_china", "--from", "2018Q1"], 65),
        ("backtest-before-any-data", ["backtest", "--from", "2012Q1", "--to", "2013Q4"], 65),
    ])
    func badInput(_ name: String, _ args: [String], _ status: Int32) throws {
        let r = try CLIRunner.run(args)
        #expect(r.status == status, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        try Snapshot.check(name, r)
    }
}
