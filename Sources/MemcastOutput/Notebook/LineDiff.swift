/// A minimal line diff (longest common subsequence) for showing stale notebook
/// outputs. Outputs are tens to hundreds of lines, so O(n·m) is fine.
public enum LineDiff {
    /// Lines prefixed "- " (only in `old`), "+ " (only in `new`) or "  " (both);
    /// unchanged runs longer than `context` lines on each side are elided.
    public static func unified(old: String, new: String, context: Int = 2) -> String {
        func lines(_ s: String) -> [String] {
            s.isEmpty ? [] : s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let a = lines(old), b = lines(new)
        let n = a.count, m = b.count
        var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, String)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] { ops.append((" ", a[i])); i += 1; j += 1 }
            else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] { ops.append(("-", a[i])); i += 1 }
            else { ops.append(("+", b[j])); j += 1 }
        }
        // Keep changed lines and `context` unchanged lines around them.
        var keep = [Bool](repeating: false, count: ops.count)
        for (k, op) in ops.enumerated() where op.0 != " " {
            for c in max(0, k - context)...min(ops.count - 1, k + context) { keep[c] = true }
        }
        var out: [String] = []
        var skipped = false
        for (k, op) in ops.enumerated() {
            if keep[k] {
                if skipped { out.append("  …"); skipped = false }
                out.append("\(op.0) \(op.1)")
            } else { skipped = true }
        }
        if skipped { out.append("  …") }
        return out.joined(separator: "\n")
    }
}
