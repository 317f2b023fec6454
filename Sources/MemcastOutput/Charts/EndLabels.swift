/// Vertical placement of labels at the right end of lines, nudged apart so
/// that labels of lines ending close together do not overprint.
enum EndLabels {
    /// Positions as close as possible to `ys` (same order) with at least `gap`
    /// between neighbours: sweep down pushing overlaps apart, then shift the
    /// block up if it ran past `maxY`.
    static func spread(_ ys: [Double], gap: Double, maxY: Double) -> [Double] {
        let order = ys.indices.sorted { ys[$0] < ys[$1] }
        var placed = order.map { ys[$0] }
        for k in placed.indices.dropFirst() where placed[k] - placed[k - 1] < gap {
            placed[k] = placed[k - 1] + gap
        }
        if let last = placed.last, last > maxY {
            let shift = last - maxY
            placed = placed.map { $0 - shift }
            for k in placed.indices.dropLast().reversed() where placed[k + 1] - placed[k] < gap {
                placed[k] = placed[k + 1] - gap
            }
        }
        var out = ys
        for (k, i) in order.enumerated() { out[i] = placed[k] }
        return out
    }
}
