import Foundation

/// A Markdown notebook: prose plus fenced ```` ```memcast ```` command blocks, each
/// followed by a fenced ```` ```text ```` block holding that command's output.
///
/// ````markdown
/// ```memcast
/// memcast forecast --as-of 2026-02-28
/// ```
///
/// ```text
/// (output written by `memcast notebook run`)
/// ```
/// ````
///
/// Everything outside the two kinds of block is the analyst's and is kept byte for byte.
public struct Notebook: Sendable {
    /// One command block and the output block that follows it (if any).
    public struct Cell: Sendable, Equatable {
        /// 1-based line of the ```` ```memcast ```` fence.
        public var line: Int
        /// The command's arguments (without a leading `memcast`).
        public var arguments: [String]
        /// The command as written (continuation lines joined), for messages.
        public var commandText: String
        /// 0-based line indices of the output block's fences (open, close), if present.
        public var outputFence: (open: Int, close: Int)?
        /// The output block's current content (lines joined with "\n"), or nil when absent.
        public var currentOutput: String?

        public static func == (a: Cell, b: Cell) -> Bool {
            a.line == b.line && a.arguments == b.arguments && a.currentOutput == b.currentOutput
                && a.outputFence?.open == b.outputFence?.open && a.outputFence?.close == b.outputFence?.close
        }
    }

    /// The file the notebook came from (for messages).
    public let file: String
    /// The notebook's lines, without line terminators.
    public let lines: [String]
    /// Command cells in document order.
    public let cells: [Cell]

    /// The info string that marks a command block.
    public static let commandFence = "memcast"
    /// The info string written on output blocks.
    public static let outputFence = "text"

    /// Parses `text`; throws `NotebookError` naming `file` and the line of a malformed block.
    public init(text: String, file: String) throws {
        self.file = file
        // "\r\n" is one Character, so a split on "\n" alone leaves a CRLF file one line with no cells.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        var cells: [Cell] = []
        var i = 0
        while i < lines.count {
            guard let info = Self.fenceInfo(lines[i]) else { i += 1; continue }
            let open = i
            guard let close = Self.closingFence(in: lines, after: open) else {
                throw NotebookError.unclosedFence(file: file, line: open + 1)
            }
            if info == Self.commandFence {
                let body = lines[(open + 1)..<close]
                let joined = Self.joinContinuations(Array(body))
                guard !joined.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw NotebookError.emptyCommand(file: file, line: open + 1)
                }
                var args = try ShellWords.split(joined, file: file, line: open + 2)
                var shown = joined.trimmingCharacters(in: .whitespaces)
                if args.first == "memcast" {
                    args.removeFirst()
                    shown = String(shown.dropFirst("memcast".count)).trimmingCharacters(in: .whitespaces)
                }
                var cell = Cell(line: open + 1, arguments: args, commandText: shown,
                                outputFence: nil, currentOutput: nil)
                // The output block is the next fence after at most blank lines.
                var j = close + 1
                while j < lines.count, lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j += 1 }
                if j < lines.count, let outInfo = Self.fenceInfo(lines[j]), outInfo == Self.outputFence {
                    guard let outClose = Self.closingFence(in: lines, after: j) else {
                        throw NotebookError.unclosedFence(file: file, line: j + 1)
                    }
                    cell.outputFence = (j, outClose)
                    cell.currentOutput = lines[(j + 1)..<outClose].joined(separator: "\n")
                    cells.append(cell)
                    i = outClose + 1
                    continue
                }
                cells.append(cell)
            }
            i = close + 1
        }
        self.cells = cells
    }

    /// The notebook with each cell's output block replaced by `outputs[k]`
    /// (an output block is inserted after a command block that had none).
    public func rendered(outputs: [String]) -> String {
        precondition(outputs.count == cells.count, "one output per cell")
        var out: [String] = []
        var next = 0
        for (k, cell) in cells.enumerated() {
            let body = Self.outputLines(outputs[k])
            if let fence = cell.outputFence {
                out.append(contentsOf: lines[next...fence.open])
                out.append(contentsOf: body)
                next = fence.close
            } else {
                let close = Self.closingFence(in: lines, after: cell.line - 1)!
                out.append(contentsOf: lines[next...close])
                out.append("")
                out.append("```" + Self.outputFence)
                out.append(contentsOf: body)
                out.append("```")
                next = close + 1
            }
        }
        if next < lines.count { out.append(contentsOf: lines[next...]) }
        return out.joined(separator: "\n") + "\n"
    }

    /// Output text as block lines: trailing newlines dropped, and a line that
    /// would close the fence early is indented so the block stays intact.
    static func outputLines(_ text: String) -> [String] {
        var t = Substring(text)
        while t.hasSuffix("\n") { t = t.dropLast() }
        if t.isEmpty { return [] }
        return t.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("```") ? " " + line : String(line)
        }
    }

    /// Normalises an output the way `rendered` stores it, so a fresh run can be
    /// compared with the block on disk.
    public static func normalizedOutput(_ text: String) -> String {
        outputLines(text).joined(separator: "\n")
    }

    /// The info string of an opening fence line (```` ```memcast ```` → "memcast"), or nil.
    static func fenceInfo(_ line: String) -> String? {
        guard line.hasPrefix("```") else { return nil }
        return line.dropFirst(3).trimmingCharacters(in: .whitespaces)
    }

    static func closingFence(in lines: [String], after open: Int) -> Int? {
        var j = open + 1
        while j < lines.count {
            if lines[j].trimmingCharacters(in: .whitespaces) == "```" { return j }
            j += 1
        }
        return nil
    }

    /// Joins lines ending in a backslash with the next one (shell-style continuation).
    static func joinContinuations(_ body: [String]) -> String {
        var parts: [String] = []
        var current = ""
        for raw in body {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\\") {
                current += line.dropLast().trimmingCharacters(in: .whitespaces) + " "
            } else {
                current += line
                if !current.isEmpty { parts.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts.joined(separator: " ")
    }
}
