import Foundation
import Testing

/// `forecast`, `chart` and `report` share one option group for the run (`--data`,
/// `--as-of`, `--scenario`, `--horizon`, `--draws`, `--seed`): the same options
/// parse and are refused the same way in all three, before any work or output.
@Suite struct RunOptionsCLITests {
    /// Each command with what it needs besides the shared options; outputs go to a
    /// path that must never appear.
    static func commands(out dir: URL) -> [(name: String, args: [String], out: String?)] {
        [("forecast", ["forecast"], nil),
         ("chart", ["chart", "fan", "--out", dir.appendingPathComponent("c.svg").path], dir.appendingPathComponent("c.svg").path),
         ("report", ["report", "--out", dir.appendingPathComponent("r.html").path], dir.appendingPathComponent("r.html").path)]
    }

    /// One message per validation rule of the shared group.
    static let rules: [(args: [String], message: String)] = [
        (["--horizon", "2027-Q4"], "Error: --horizon '2027-Q4' is not a quarter; write e.g. 2027Q4"),
        (["--horizon", "2025Q4"], "Error: --horizon 2025Q4 is before the forecast starts (2026Q1): 2025 is the base year the configurations describe"),
        (["--draws", "0"], "Error: --draws must be between 1 and 2000000"),
        (["--draws", "2000001"], "Error: --draws must be between 1 and 2000000"),
        (["--draws", "-1"], "Error: --draws must be between 1 and 2000000"),  // a count, not an option
        (["--seed", "-1"], "Error: The value '-1' is invalid for '--seed <seed>'"),
        (["--as-of", "2026-02-30"], "Error: The value '2026-02-30' is invalid for '--as-of <DATE>': write a calendar date as YYYY-MM-DD, e.g. 2026-02-28"),
        (["--seed", "seven"], "Error: The value 'seven' is invalid for '--seed <seed>'"),
    ]

    @Test(arguments: rules.indices)
    func everyCommandRefusesTheSameWay(rule: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memcast-runopts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (args, message) = Self.rules[rule]
        for c in Self.commands(out: dir) {
            let r = try CLIRunner.run(c.args + args)
            #expect(r.status == 64, "\(c.name) \(args): status \(r.status)")
            #expect(r.stderr.hasPrefix(message + "\n"), "\(c.name) \(args): \(r.stderr)")
            #expect(r.stderr.contains("Usage: memcast \(c.name) "), "\(c.name): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    // The shared options read the same in the three helps (same names, value names,
    // defaults and text), in the same order.
    @Test func helpListsTheSharedOptionsIdentically() throws {
        let names = ["--data", "--as-of", "--scenario", "--horizon", "--draws", "--seed"]
        /// Each option's entry under OPTIONS, continuation lines joined, in order.
        func entries(_ help: String) -> [(name: String, text: String)] {
            var out: [(name: String, text: String)] = []
            for line in help.split(separator: "\n").map(String.init) where line.hasPrefix("  ") {
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("-") { out.append((String(t.prefix { $0 != " " && $0 != "," }), t)) }
                else if !out.isEmpty { out[out.count - 1].text += " " + t }
            }
            return out.filter { names.contains($0.name) }
        }
        let helps = try ["forecast", "chart", "report"].map { try CLIRunner.run([$0, "--help"]).stdout }
        let forecast = entries(helps[0])
        #expect(forecast.map(\.name) == names)
        #expect(forecast.first { $0.name == "--scenario" }?.text.contains("(default: as-published)") == true)
        for (name, help) in zip(["chart", "report"], helps.dropFirst()) {
            let e = entries(help)
            #expect(e.map(\.name) == names, "\(name)")
            #expect(e.map(\.text) == forecast.map(\.text), "\(name)")
        }
    }

    // `--companion-draws` belongs to chart and report only, checked by their own group.
    @Test func companionDrawsIsChartAndReportOnly() throws {
        let f = try CLIRunner.run(["forecast", "--companion-draws", "10"])
        #expect(f.status == 64 && f.stderr.hasPrefix("Error: Unknown option '--companion-draws'"))
        for args in [["chart", "fan", "--out", "/tmp/never.svg"], ["report", "--out", "/tmp/never.html"]] {
            let r = try CLIRunner.run(args + ["--companion-draws", "0"])
            #expect(r.status == 64 && r.stderr.hasPrefix("Error: --companion-draws must be between 1 and 2000000\n"), "\(r.stderr)")
        }
    }
}
