import Testing
import Foundation

@Suite struct VersionAndHelpTests {
    @Test func versionPrintsSemver() throws {
        let r = try CLIRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("memcast "))
        #expect(r.stdout.split(separator: " ").last?.split(separator: ".").count == 3)
    }

    @Test func helpListsSubcommands() throws {
        let r = try CLIRunner.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("SUBCOMMANDS"))
        #expect(r.stdout.contains("info"))
    }

    @Test func unknownSubcommandIsUsageError() throws {
        let r = try CLIRunner.run(["frobnicate"])
        #expect(r.status == 64)
    }

    /// `--as-of` is offered only where a publication date changes the result; elsewhere it is not
    /// listed, and passing it is a usage error rather than an option silently ignored.
    @Test func asOfOnlyWhereItApplies() throws {
        for cmd in [["data", "list"], ["data", "show"], ["data", "index"], ["bom"], ["forecast"], ["backtest"], ["chart"], ["report"]] {
            let h = try CLIRunner.run(cmd + ["--help"])
            #expect(h.status == 0 && h.stdout.contains("--as-of <DATE>"), "\(cmd) should offer --as-of")
        }
        for cmd in [["validate"], ["data", "validate"], ["data", "describe"], ["scenario", "show"], ["scenario", "list"]] {
            let h = try CLIRunner.run(cmd + ["--help"])
            #expect(h.status == 0 && !h.stdout.contains("--as-of <DATE>") && h.stdout.contains("--data <DIR>"), "\(cmd): \(h.stdout)")
        }
        let d = try CLIRunner.run(["data", "describe", "memory_prices", "--as-of", "2026-01-01"])
        #expect(d.status == 64 && d.stderr.contains("Unknown option '--as-of'"))
        let v = try CLIRunner.run(["validate", "--as-of", "2026-01-01"])
        #expect(v.status == 64 && v.stderr.contains("--as-of does not apply"))
    }
}
