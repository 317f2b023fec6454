import ArgumentParser

extension Memcast {
    /// Every subcommand, in the order `--help` lists them. Add one line per command file.
    static let registeredSubcommands: [ParsableCommand.Type] = [
        InfoCommand.self,
        FitCommand.self,
        NotebookCommand.self,
        DataCommand.self,
        BenchCommand.self,
        BacktestCommand.self,
        ForecastCommand.self,
        BOMCommand.self,
        ScenarioCommand.self,
        ValidateCommand.self,
        ChartCommand.self,
        ReportCommand.self,
    ]
}
