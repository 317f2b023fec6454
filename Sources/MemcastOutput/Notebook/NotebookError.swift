/// Problems reading or running a notebook; each names the notebook file and line.
public enum NotebookError: Error, CustomStringConvertible, Equatable {
    case unclosedFence(file: String, line: Int)
    case emptyCommand(file: String, line: Int)
    case unbalancedQuote(file: String, line: Int)
    case commandFailed(file: String, line: Int, command: String, status: Int32, stderr: String)
    case stale(file: String, cells: [Int], diff: String)

    public var description: String {
        switch self {
        case let .unclosedFence(f, l): return "\(f):\(l): code fence is never closed (add a line with ```)"
        case let .emptyCommand(f, l): return "\(f):\(l): empty memcast block (write a command such as `memcast forecast`)"
        case let .unbalancedQuote(f, l): return "\(f):\(l): unbalanced quote in command"
        case let .commandFailed(f, l, c, s, e):
            let detail = e.trimmingCharacters(in: .whitespacesAndNewlines)
            return "\(f):\(l): `memcast \(c)` failed with exit status \(s)" + (detail.isEmpty ? "" : ":\n\(detail)")
        case let .stale(f, cells, diff):
            let where_ = cells.map { "\(f):\($0)" }.joined(separator: ", ")
            return "stale output at \(where_) (run `memcast notebook run \(f)` to update):\n\(diff)"
        }
    }
}
