import ArgumentParser
import Foundation
import MemcastNumerics

/// The `memcast` command: forecasts how memory-chip supply shocks reach handset costs.
@main
struct Memcast: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "memcast",
        abstract: "Forecast how memory-chip supply shocks reach smartphone costs, prices and shipments.",
        discussion: """
        The chain: memory supply and demand → DRAM/NAND contract prices → OEM memory \
        cost and memory share of BOM → ASP by segment and region → shipments → SoC \
        vendors.

        Exit status: 0 ok, 64 usage error, 65 bad input data, 66 missing input, 70 \
        internal error, 73 cannot write output.

        Examples:
          memcast --version
          memcast info
        """,
        version: "memcast \(version)",
        subcommands: Memcast.registeredSubcommands
    )

    /// Parses, runs, and maps errors to sysexits statuses: argument errors keep
    /// ArgumentParser's 64; `CLIError` carries its own status; any other error
    /// thrown while running comes from the input data (65).
    static func main() {
        // OpenBLAS's idle workers would spin through the start of every command.
        NumericsInfo.parkBlasWorkers()
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("memcast: error: \(error)\n".utf8))
            Foundation.exit(error.exitCode.rawValue)
        } catch let error where exitCode(for: error) != .failure {
            exit(withError: error)  // help, validation and explicit exit codes
        } catch {
            FileHandle.standardError.write(Data("memcast: error: \(error)\n".utf8))
            Foundation.exit(65)
        }
    }
}
