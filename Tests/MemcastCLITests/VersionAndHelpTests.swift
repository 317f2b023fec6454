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
}
