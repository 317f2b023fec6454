/// Splits a command line into arguments the way a POSIX shell would for the
/// simple cases notebooks need: whitespace separates, '…' is literal, "…"
/// allows \" and \\, a backslash outside quotes escapes the next character.
/// No variables, globbing or pipes: notebooks run memcast, not a shell.
enum ShellWords {
    static func split(_ text: String, file: String, line: Int) throws -> [String] {
        var args: [String] = []
        var current = ""
        var inWord = false
        var it = Array(text).makeIterator()
        var quote: Character? = nil
        while let c = it.next() {
            if let q = quote {
                if c == q { quote = nil; continue }
                if q == "\"" && c == "\\" {
                    if let n = it.next() { current.append(n) }
                    continue
                }
                current.append(c)
                continue
            }
            switch c {
            case " ", "\t":
                if inWord { args.append(current); current = ""; inWord = false }
            case "'", "\"":
                quote = c; inWord = true
            case "\\":
                if let n = it.next() { current.append(n) }
                inWord = true
            default:
                current.append(c); inWord = true
            }
        }
        if quote != nil { throw NotebookError.unbalancedQuote(file: file, line: line) }
        if inWord { args.append(current) }
        return args
    }
}
