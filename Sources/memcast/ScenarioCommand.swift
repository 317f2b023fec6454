import ArgumentParser
import Foundation
import MemcastModels

/// `memcast scenario list|show NAME`.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "List the named forecast scenarios or show one.",
        discussion: """
        Named scenarios are TOML files in Datasets/scenarios/; `as-published` is built in.

        Examples:
          memcast scenario list
          memcast scenario show 2026-memory-shock
        """,
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List named scenarios.",
                                                        discussion: "Example:\n  memcast scenario list")
        @OptionGroup var data: DatasetOptions

        func run() throws {
            let store = ScenarioStore(datasetsDirectory: try data.catalog().embeddedDirectory)
            for name in store.names() {
                let s = try? store.load(name)
                print("\(name)\t\(s?.description ?? "(cannot be read: run `memcast scenario show \(name)`)")")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a scenario file.",
                                                        discussion: "Example:\n  memcast scenario show 2026-memory-shock")
        @OptionGroup var data: DatasetOptions
        @Argument(help: "Scenario name.") var name: String

        func run() throws {
            let store = ScenarioStore(datasetsDirectory: try data.catalog().embeddedDirectory)
            if name == Scenario.asPublished.name {
                print("# as-published (built in)\n# \(Scenario.asPublished.description)\nname = \"as-published\"")
                return
            }
            guard let path = store.path(of: name) else {
                throw ValidationError(ScenarioStore.Failure.unknown(name, known: store.names()).description)
            }
            do { _ = try store.load(name) } catch let e as TOMLError { throw CLIError.dataError(e.description) }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CLIError.noInput(path: path) }
            print("# Datasets/scenarios/\((path as NSString).lastPathComponent)")
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
