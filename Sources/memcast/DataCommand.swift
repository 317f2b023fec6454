import ArgumentParser

/// `memcast data …`: the embedded datasets and the user's own CSV files.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "List, show, describe and validate datasets (embedded or your own CSV files).",
        discussion: """
        The embedded datasets live in Datasets/ (see its README for every column and \
        source). --data DIR lays your own folder over them; --as-of DATE replays what was \
        published by then, keeping the latest vintage of each figure.

        Examples:
          memcast data list
          memcast data show memory_prices --series conventional_dram --as-of 2026-01-05
          memcast data describe panel.csv
          memcast data validate my_prices.csv --schema memory_prices
        """,
        subcommands: [DataListCommand.self, DataShowCommand.self, DataDescribeCommand.self,
                      DataValidateCommand.self, DataIndexCommand.self]
    )
}
