import ArgumentParser
import Foundation
import MemcastModels

/// `memcast scenario list|show NAME|FILE`.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "List the named forecast scenarios or show one.",
        discussion: """
        Named scenarios are TOML files in Datasets/scenarios/; `as-published` is built in.

        Examples:
          memcast scenario list
          memcast scenario show 2026-memory-shock
          memcast scenario show my-scenario.toml
        """,
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List named scenarios.",
                                                        discussion: "Example:\n  memcast scenario list")
        @OptionGroup var data: DataOverlayOptions

        func run() throws {
            let store = ScenarioStore(datasetsDirectory: try data.catalog().embeddedDirectory)
            for name in store.names() {
                let s = try? store.load(name)
                print("\(name)\t\(s?.description ?? "(cannot be read: run `memcast scenario show \(name)`)")")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a named scenario or a .toml scenario file.",
            discussion: "Examples:\n  memcast scenario show 2026-memory-shock\n  memcast scenario show my-scenario.toml")
        @OptionGroup var data: DataOverlayOptions
        @Argument(help: ArgumentHelp("Scenario name or path to a .toml file.", valueName: "NAME|FILE")) var name: String

        func run() throws {
            let store = ScenarioStore(datasetsDirectory: try data.catalog().embeddedDirectory)
            let path = try ForecastRun.mappingErrors(scenario: name) { () throws -> String? in
                let path = try store.file(of: name)
                _ = try store.load(name)
                return path
            }
            guard let path else {
                print("# as-published (built in)\n# \(Scenario.asPublished.description)\nname = \"as-published\"")
                return
            }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CLIError.noInput(path: path) }
            print(path == name ? "# \(path)" : "# Datasets/scenarios/\((path as NSString).lastPathComponent)")
            // Scalars, not Characters: a CRLF ending is one Character that is not "\n".
            print(text, terminator: text.unicodeScalars.last == "\n" ? "" : "\n")
        }
    }
}
