/// Runs a notebook's cells in order through an executor and either rewrites
/// the outputs (`run`) or compares them with what is on disk (`check`).
///
/// The executor is injected so this layer needs no process handling: the CLI
/// passes one that runs the memcast binary in a clean directory.
public struct NotebookRunner {
    /// What running one command gave.
    public struct Execution: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status; self.stdout = stdout; self.stderr = stderr
        }
    }

    /// Runs `arguments` (no leading `memcast`) and returns what it printed.
    public typealias Executor = (_ arguments: [String]) throws -> Execution

    let execute: Executor
    /// Called before each cell with (cell index, cell count, cell) for progress.
    let progress: ((Int, Int, Notebook.Cell) -> Void)?

    public init(progress: ((Int, Int, Notebook.Cell) -> Void)? = nil, execute: @escaping Executor) {
        self.execute = execute
        self.progress = progress
    }

    /// Runs every cell; throws `NotebookError.commandFailed` at the first failing
    /// command (naming the notebook line). Returns the outputs in cell order.
    public func outputs(of notebook: Notebook) throws -> [String] {
        var outputs: [String] = []
        for (k, cell) in notebook.cells.enumerated() {
            progress?(k, notebook.cells.count, cell)
            let r = try execute(cell.arguments)
            guard r.status == 0 else {
                throw NotebookError.commandFailed(file: notebook.file, line: cell.line,
                                                  command: cell.commandText, status: r.status, stderr: r.stderr)
            }
            outputs.append(r.stdout)
        }
        return outputs
    }

    /// The notebook's text with fresh outputs.
    public func run(_ notebook: Notebook) throws -> String {
        notebook.rendered(outputs: try outputs(of: notebook))
    }

    /// Throws `NotebookError.stale` with a diff when any output differs from a fresh run.
    public func check(_ notebook: Notebook) throws {
        let fresh = try outputs(of: notebook)
        var staleLines: [Int] = []
        var diffs: [String] = []
        for (cell, output) in zip(notebook.cells, fresh) {
            let want = Notebook.normalizedOutput(output)
            if cell.currentOutput != want {
                staleLines.append(cell.line)
                diffs.append("\(notebook.file):\(cell.line): memcast \(cell.commandText)\n"
                             + LineDiff.unified(old: cell.currentOutput ?? "", new: want))
            }
        }
        if !staleLines.isEmpty {
            throw NotebookError.stale(file: notebook.file, cells: staleLines, diff: diffs.joined(separator: "\n"))
        }
    }
}
