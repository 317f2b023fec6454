import ArgumentParser
import MemcastNumerics

/// The `memcast` command: forecasts how memory-chip supply shocks reach handset costs.
@main
struct Memcast: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "memcast",
        abstract: "Forecast how memory-chip supply shocks reach smartphone costs, prices and shipments.",
        discussion: """
        The chain: memory supply and demand → DRAM/NAND contract prices → OEM memory cost
        and memory share of BOM → ASP by segment and region → shipments → SoC vendors.

        Examples:
          memcast --version
          memcast info
        """,
        version: "memcast \(version)",
        subcommands: Memcast.registeredSubcommands
    )
}
