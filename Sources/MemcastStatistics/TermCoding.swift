/// Chooses, for each term, which categorical factors get treatment coding
/// (drop the reference level) and which get full coding, so the design has
/// no built-in redundancy — patsy's rule, which R's `model.matrix` shares in spirit.
///
/// Terms are grouped by their set of numeric factors. Within a group, lower-order
/// terms are handled first (the intercept before everything). A term with
/// categorical factors `a, b` expands to the sub-terms `1, a, b, a:b` (reduced
/// coding each); the ones an earlier term already spans are dropped, and what
/// remains is merged greedily (`b + a:b` becomes `a:b` with `b` fully coded),
/// so `y ~ C(s):x` without `x` gets one slope per level while `y ~ x + C(s):x`
/// gets slope differences against the reference level.
enum TermCoding {
    /// One block of a term's columns: each categorical factor (by canonical text)
    /// in the block, mapped to `true` for full coding and `false` for treatment coding.
    typealias Subterm = [String: Bool]

    /// The blocks of every term, in formula order.
    /// - Parameters:
    ///   - terms: right-hand-side terms in formula order.
    ///   - isCategorical: whether a factor is categorical.
    ///   - intercept: whether the design has an intercept column.
    static func choose(_ terms: [Term], isCategorical: (FormulaExpression) -> Bool, intercept: Bool) -> [[Subterm]] {
        // The order patsy reasons in: by numeric-factor group, lower degree first (stable).
        let order = terms.indices.sorted { terms[$0].factors.count < terms[$1].factors.count }
        var used: [Set<String>: Set<Set<String>>] = [:]
        if intercept { used[[], default: []].insert([]) }
        var result = [[Subterm]](repeating: [], count: terms.count)
        for t in order {
            let term = terms[t]
            let numericNames = Set(term.factors.filter { !isCategorical($0) }.map(\.description))
            let categorical = term.factors.filter(isCategorical).map(\.description)
            var blocks: [Subterm] = []
            for subset in sortedSubsets(categorical.count) {
                let names = Set(subset.map { categorical[$0] })
                if used[numericNames, default: []].insert(names).inserted {
                    blocks.append(Dictionary(uniqueKeysWithValues: names.map { ($0, false) }))
                }
            }
            simplify(&blocks)
            result[t] = blocks
        }
        return result
    }

    /// All subsets of 0..<n, shortest first, ties in lexicographic order of indices.
    static func sortedSubsets(_ n: Int) -> [[Int]] {
        var all: [[Int]] = [[]]
        for i in 0..<n { all += all.map { $0 + [i] } }
        return all.sorted { a, b in
            if a.count != b.count { return a.count < b.count }
            return a.lexicographicallyPrecedes(b)
        }
    }

    /// Repeatedly merges a block into a later block that has exactly one more
    /// factor and agrees on the shared ones; the extra factor becomes fully coded.
    static func simplify(_ blocks: inout [Subterm]) {
        merging: while true {
            for s in blocks.indices {
                for l in blocks.indices where l > s {
                    let short = blocks[s], long = blocks[l]
                    guard long.count == short.count + 1, short.allSatisfy({ long[$0.key] == $0.value }) else { continue }
                    let extra = long.keys.first { short[$0] == nil }!
                    guard long[extra] == false else { continue }
                    var merged = short
                    merged[extra] = true
                    blocks[l] = merged
                    blocks.remove(at: s)
                    continue merging
                }
            }
            return
        }
    }
}
