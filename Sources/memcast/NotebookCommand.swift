import ArgumentParser
import Foundation
import MemcastOutput

/// `memcast notebook run|check FILE...`: executable Markdown notebooks.
struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Run or check the Markdown notebooks in Notebooks-md/.",
        discussion: """
        A notebook is ordinary Markdown. A block fenced as ```memcast holds one memcast \
        command; the ```text block right after it holds that command's output. Commands \
        run in order, each in a clean temporary directory, on the embedded datasets, with \
        the report date pinned (SOURCE_DATE_EPOCH = 2026-03-01) so outputs do not change \
        from day to day. A command that fails stops the run with the notebook's file and \
        line, and the notebook is left as it was.

        Examples:
          memcast notebook run Notebooks-md/2026-memory-shock.md
          memcast notebook check Notebooks-md/*.md
        """,
        subcommands: [Run.self, Check.self]
    )

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Execute every command and rewrite the output blocks in place (atomically).",
            discussion: "Example:\n  memcast notebook run Notebooks-md/forecast-vintages.md"
        )
        @Argument(help: "Notebook files (.md).") var files: [String]

        func run() throws {
            for file in files {
                let (notebook, runner) = try NotebookCommand.load(file)
                let text = try runner.run(notebook)
                do {
                    try OutputFile.write(text, to: file)
                } catch let e as OutputFileError {
                    throw CLIError.cannotCreateOutput(path: file, reason: e.reason)
                }
                FileHandle.standardError.write(Data("\(file): \(notebook.cells.count) cells run\n".utf8))
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Execute every command and fail, with a diff, where an output block is stale.",
            discussion: "Example:\n  memcast notebook check Notebooks-md/*.md"
        )
        @Argument(help: "Notebook files (.md).") var files: [String]

        func run() throws {
            var failures: [String] = []
            for file in files {
                let (notebook, runner) = try NotebookCommand.load(file)
                do {
                    try runner.check(notebook)
                    print("\(file): \(notebook.cells.count) cells up to date")
                } catch let e as NotebookError {
                    failures.append(e.description)
                }
            }
            if !failures.isEmpty {
                throw CLIError.dataError(failures.joined(separator: "\n\n"))
            }
        }
    }

    static func load(_ file: String) throws -> (Notebook, NotebookRunner) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.noInput(path: file)
        }
        let notebook: Notebook
        do {
            notebook = try Notebook(text: String(decoding: data, as: UTF8.self), file: file)
        } catch let e as NotebookError {
            throw CLIError.dataError(e.description)
        }
        let runner = NotebookRunner(progress: { k, n, cell in
            let msg = "\(file): [\(k + 1)/\(n)] memcast \(cell.commandText)\n"
            FileHandle.standardError.write(Data(msg.utf8))
        }, execute: SelfRunner.run)
        return (notebook, runner)
    }
}

/// Runs this same memcast binary as a child process in a fresh temporary directory.
enum SelfRunner {
    /// 2026-03-01T00:00:00Z, after the last publication in the embedded datasets.
    static let pinnedDate = "1772323200"

    static var executable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    }

    static func run(_ arguments: [String]) throws -> NotebookRunner.Execution {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("memcast-nb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "100"; env["LC_ALL"] = "C"; env["NO_COLOR"] = "1"
        env["SOURCE_DATE_EPOCH"] = pinnedDate   // `fit` prints a date; a notebook must not go stale overnight
        p.environment = env
        // stderr goes to a file so neither pipe can fill up and block the child.
        let errURL = dir.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let out = Pipe()
        p.standardOutput = out; p.standardError = errHandle
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try? errHandle.close()
        let errData = FileManager.default.contents(atPath: errURL.path) ?? Data()
        return .init(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
    }
}
