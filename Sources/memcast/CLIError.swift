import ArgumentParser

/// User-facing failures of the CLI, each with its sysexits status.
/// Library errors are mapped to these at the command boundary.
enum CLIError: Error, CustomStringConvertible {
    /// Well-formed options asking for something the run does not have, found while
    /// running (64), e.g. a chart of a year past `--horizon`. No usage line: the
    /// syntax was right; the message says which option to change.
    case usage(String)
    /// Bad input data (65).
    case dataError(String)
    /// A file that does not exist or cannot be read (66).
    case noInput(path: String)
    /// An output that cannot be written (73).
    case cannotCreateOutput(path: String, reason: String)
    /// A bug in memcast (70).
    case internalError(String)

    var description: String {
        switch self {
        case .usage(let m): return m
        case .dataError(let m): return m
        case .noInput(let p): return "cannot read '\(p)': no such file or not readable"
        case let .cannotCreateOutput(p, r): return "cannot write '\(p)': \(r)"
        case .internalError(let m): return "internal error: \(m)"
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .usage: return ExitCode(64)
        case .dataError: return ExitCode(65)
        case .noInput: return ExitCode(66)
        case .cannotCreateOutput: return ExitCode(73)
        case .internalError: return ExitCode(70)
        }
    }
}
