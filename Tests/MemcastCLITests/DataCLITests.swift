import Foundation
import Testing

/// Golden tests of `memcast data …` on the embedded datasets.
@Suite struct DataCLITests {
    func temp(_ name: String, _ text: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test(arguments: ["list", "show", "describe", "validate", "index"])
    func subcommandHelp(_ sub: String) throws {
        try Snapshot.check("data-\(sub)-help", CLIRunner.run(["data", sub, "--help"]))
    }

    @Test func dataHelp() throws { try Snapshot.check("data-help", CLIRunner.run(["data", "--help"])) }

    @Test func list() throws { try Snapshot.check("data-list", CLIRunner.run(["data", "list"])) }

    @Test func listAsOf() throws {
        try Snapshot.check("data-list-as-of-2026-01-05", CLIRunner.run(["data", "list", "--as-of", "2026-01-05", "--format", "csv"]))
    }

    /// Every vintage of TrendForce's 1Q26 conventional DRAM call, then what each date saw.
    @Test func showVintages() throws {
        let args = ["data", "show", "memory_prices", "--series", "conventional_dram", "--period", "2026Q1"]
        try Snapshot.check("data-show-1q26-all", CLIRunner.run(args))
        let jan = try CLIRunner.run(args + ["--as-of", "2026-01-05"])
        try Snapshot.check("data-show-1q26-as-of-2026-01-05", jan)
        #expect(jan.stdout.contains("55–60") && !jan.stdout.contains("90–95"))
        let feb = try CLIRunner.run(args + ["--as-of", "2026-02-02", "--format", "json"])
        try Snapshot.check("data-show-1q26-as-of-2026-02-02", feb)
        #expect(feb.stdout.contains("\"low\": 90, \"high\": 95"))
    }

    @Test func showCSVRoundTripsThroughValidate() throws {
        let r = try CLIRunner.run(["data", "show", "seed_figures", "--format", "csv"])
        #expect(r.status == 0)
        let url = try temp("seed.csv", r.stdout)
        let v = try CLIRunner.run(["data", "validate", url.path])
        #expect(v.status == 0, "\(v.stderr)")
    }

    @Test func index() throws {
        try Snapshot.check("data-index-conventional-dram-2026-02-02",
                           CLIRunner.run(["data", "index", "conventional_dram", "--as-of", "2026-02-02", "--from", "2024Q1"]))
    }

    @Test func describeSmallFile() throws {
        let url = try temp("small.csv", "quarter,segment,asp_usd,units_k\n2025Q1,entry,100,5\n2025Q1,mid,\"250.5\",NA\n2025Q2,entry,120,7\n2025Q2,premium,900,\n")
        let r = try CLIRunner.run(["data", "describe", url.path, "--format", "json"], in: url.deletingLastPathComponent())
        try Snapshot.check("data-describe-small-json", CLIRun(status: r.status, stdout: r.stdout.replacingOccurrences(of: url.path, with: "small.csv"), stderr: r.stderr))
        let t = try CLIRunner.run(["data", "describe", "small.csv"], in: url.deletingLastPathComponent())
        try Snapshot.check("data-describe-small-text", t)
    }

    @Test func validateReportsEveryProblemWithPlaceAndExits65() throws {
        let header = "id,series,market,product,entity,period,metric,low,high,point,unit,kind,published,publisher,source_url,provenance,method,note,reliability,source_series,source_file,source_line,also_in\n"
        let ok = "a1,nand,contract,,industry,2026Q1,qoq_pct,55,60,,pct,forecast,2026-02-02,T,u,published,,,normal,,x.csv,2,\n"
        let bad = "a2,nand,contract,,industry,2026Q5,qoq_pct,9O,60,,percent,forecast,2026-02-30,T,u,published,,,normal,,x.csv,3,\n"
            + "a1,nand,contract,,industry,2026Q2,qoq_pct,1,2,,pct,guess,2026-02-02,T,u,published,,,normal,,x.csv,4,\n"
            + "a3,nand\n"
        let url = try temp("memory_prices.csv", header + ok + bad)
        let r = try CLIRunner.run(["data", "validate", "memory_prices.csv"], in: url.deletingLastPathComponent())
        try Snapshot.check("data-validate-errors", r)
        #expect(r.status == 65)
        #expect(r.stderr.contains("memory_prices.csv:3: column 'low': cannot parse '9O' as a number"))
    }

    @Test func validateAgainstANamedSchema() throws {
        let url = try temp("mine.csv", "x,y\n1,2\n")
        let r = try CLIRunner.run(["data", "validate", url.path, "--schema", "seed_figures"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("column 'id': missing from the header (schema 'seed_figures' requires it)"))
        let inferred = try CLIRunner.run(["data", "validate", url.path])
        #expect(inferred.status == 0 && inferred.stdout.contains("ok (2 columns, schema inferred)"))
    }

    /// A user folder overlays the embedded datasets: same-named files replace them.
    @Test func dataOverlayReplacesSameNamedFiles() throws {
        let shown = try CLIRunner.run(["data", "show", "seed_figures", "--format", "csv"])
        let lines = shown.stdout.split(separator: "\n")
        #expect(lines.count == 27)
        // A user's seed_figures with only the header and S1 (as the embedded file has it).
        let embedded = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Datasets/seed_figures.csv"), encoding: .utf8)
        let firstTwo = embedded.split(separator: "\n").prefix(2).joined(separator: "\n") + "\n"
        let url = try temp("seed_figures.csv", firstTwo)
        let dir = url.deletingLastPathComponent().path
        let r = try CLIRunner.run(["data", "list", "--data", dir, "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("seed_figures,1,") && r.stdout.contains(",--data\n"))
        #expect(r.stdout.contains("memory_prices,856,"))
    }

    @Test func errorsAndExitStatuses() throws {
        #expect(try CLIRunner.run(["data", "describe", "/nonexistent/x.csv"]).status == 66)
        #expect(try CLIRunner.run(["data", "list", "--data", "/nonexistent"]).status == 66)
        let badDate = try CLIRunner.run(["data", "show", "memory_prices", "--as-of", "2026-02-30"])
        #expect(badDate.status == 64)
        try Snapshot.check("data-show-bad-as-of", badDate)
        try Snapshot.check("data-describe-threads-0", CLIRunner.run(["data", "describe", "memory_prices", "--threads", "0"]))
        try Snapshot.check("data-describe-infer-and-schema",
                           CLIRunner.run(["data", "describe", "memory_prices", "--infer", "--schema", "memory_prices"]))
        try Snapshot.check("data-validate-max-errors-0", CLIRunner.run(["data", "validate", "memory_prices", "--max-errors", "0"]))
        try Snapshot.check("data-show-unknown", CLIRunner.run(["data", "show", "nope"]))
        // A misspelt series is an error naming the known ones, not "0 rows"; a series with nothing yet
        // published by --as-of is still a series.
        let series = try CLIRunner.run(["data", "show", "memory_prices", "--series", "conventinal_dram"])
        #expect(series.status == 64 && series.stderr.contains("known: ") && series.stderr.contains("conventional_dram"), "\(series.stderr)")
        let early = try CLIRunner.run(["data", "show", "memory_prices", "--series", "hbm", "--as-of", "2000-01-01"])
        #expect(early.status == 0 && early.stdout.contains("0 rows"), "\(early.stderr)")
        try Snapshot.check("data-index-unknown", CLIRunner.run(["data", "index", "hbm"]))
        try Snapshot.check("data-index-from-after-data", CLIRunner.run(["data", "index", "nand", "--from", "2030Q1"]))
        let empty = try temp("empty.csv", "")
        let e = try CLIRunner.run(["data", "describe", empty.path])
        #expect(e.status == 65 && e.stderr.contains("empty.csv: the file is empty"))
        let bin = try temp("bin.csv", "a,b\n1,\u{0}\n")
        #expect(try CLIRunner.run(["data", "validate", bin.path]).status == 65)
    }
}
